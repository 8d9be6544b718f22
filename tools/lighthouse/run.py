"""Lighthouse (mobile) on the site as GitHub Pages serves it: ``make lighthouse``.

Serves a built site gzip-compressed under its site URL's path (GitHub Pages compresses
HTML, CSS, JavaScript, JSON and SVG), runs Lighthouse's performance and accessibility
categories with its default mobile settings (simulated slow 4G, 4x CPU slowdown) in
Debian's Chromium on the home page, a theme page, the claims page, a fact page and the
facts index in both languages, and prints each score, the core metrics and every
accessibility audit that is not passed. Scores are measurements: a busy machine lowers
performance; `--runs N` takes each page's median.

    python tools/lighthouse/run.py [SITE_DIR] [--runs N] [--page URL ...]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# The theme page is the heaviest (capital/: the most evidence cards and previews).
PAGES = ["", "capital/", "claims/", "facts/lin-junyang-china-ai-20-percent-chance-to-surpass-us/",
         "facts/"]
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or not path.endswith(COMPRESSED):
            return super().send_head()
        data = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        ctype = self.guess_type(path)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text")
                         or ctype.endswith(("json", "javascript")) else ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages sends
        self.end_headers()
        return io.BytesIO(data)


def serve(site: Path, prefix: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}{prefix}", httpd


def site_prefix(site: Path) -> str:
    """The site URL's path, read from the built sitemap (where the pages expect to be)."""
    text = (site / "sitemap.xml").read_text("utf-8")
    loc = text.split("<loc>", 1)[1].split("</loc>", 1)[0]
    path = "/" + loc.split("://", 1)[1].split("/", 1)[1]
    return path if path.endswith("/") else path + "/"


def lighthouse(url: str, out: Path) -> dict:
    exe = HERE / "node_modules" / ".bin" / "lighthouse"
    chromium = os.environ.get("RR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run([str(exe), url, f"--chrome-path={chromium}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    "--only-categories=performance,accessibility", "--form-factor=mobile",
                    "--output=json", f"--output-path={out}", "--quiet"],
                   check=True, timeout=300)
    return json.loads(out.read_text("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--page", action="append", help="a page URL under the site root")
    args = parser.parse_args(argv)
    if not (HERE / "node_modules" / ".bin" / "lighthouse").exists():
        print("lighthouse is not installed: run `make lighthouse` (npm ci in tools/lighthouse)",
              file=sys.stderr)
        return 2
    pages = args.page or [p for page in PAGES for p in (page, "zh/" + page)]
    base, httpd = serve(args.site, site_prefix(args.site))
    failed = 0
    print(f"{'page':62} perf  a11y  " + "  ".join(m.split('-')[0][:5] for m in METRICS))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for page in pages:
                runs = [lighthouse(base + page, Path(tmp) / f"r{i}.json") for i in range(args.runs)]
                perf = statistics.median(r["categories"]["performance"]["score"] for r in runs)
                a11y = min(r["categories"]["accessibility"]["score"] for r in runs)
                last = runs[-1]
                metrics = "  ".join(last["audits"][m]["displayValue"] for m in METRICS)
                print(f"/{page:61} {perf * 100:4.0f}  {a11y * 100:4.0f}  {metrics}")
                for ref in last["categories"]["accessibility"]["auditRefs"]:
                    audit = last["audits"][ref["id"]]
                    if audit["score"] is not None and audit["score"] < 1:
                        failed += 1
                        print(f"    accessibility: {ref['id']}: {audit['title']}")
    finally:
        httpd.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
