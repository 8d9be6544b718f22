// Runs Material for MkDocs' own search worker (the file browsers load from
// assets/javascripts/workers/) in Node, on a built search index, and prints what each
// query finds as JSON: {query: [[location, ...] per result page, ...]}.
//
//   node search_worker.js WORKER.js SEARCH_INDEX.json QUERY...
//
// The worker is a plain web worker: it listens for messages, answers with postMessage,
// and only calls importScripts for non-English lunr pipelines (our index is 'en': jieba
// splits Chinese at build time). The setup message is the one Material's page script
// sends: the index's config and docs, and the search.suggest option.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [workerPath, indexPath, ...queries] = process.argv.slice(2);
const replies = [];
let onMessage = null;
const sandbox = {
  console,
  postMessage: (message) => replies.push(message),
  addEventListener: (type, handler) => { if (type === "message") onMessage = handler; },
  importScripts: () => { throw new Error("importScripts: the index needs a lunr language pipeline"); },
};
sandbox.self = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(workerPath, "utf8"), sandbox, { filename: workerPath });

function ask(data) {
  const before = replies.length;
  onMessage({ data });
  return new Promise((resolve) => {
    const poll = () => (replies.length > before ? resolve(replies[before]) : setImmediate(poll));
    poll();
  });
}

(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  const ready = await ask({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  if (ready.type !== 1) throw new Error(`worker did not get ready: ${JSON.stringify(ready)}`);
  const out = {};
  for (const query of queries) {
    const reply = await ask({ type: 2, data: query });
    out[query] = reply.data.items.map((group) => group.map((doc) => doc.location));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
