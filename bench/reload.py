"""Live reload under ``make serve``, timed from the saved file to the page over HTTP.

``measure(project, ...)`` runs the repository's own ``make serve`` (the Makefile's
recipe: ``watchmedo auto-restart … mkdocs serve --dirty --strict``), pointed at a
snapshot of the site (``SERVE_CONFIG``, ``SERVE_CODE`` and ``PYTHONPATH``, as
``tests/kit/serving.py`` does) on a free port of 127.0.0.1, and edits files of that
snapshot as an editor would (the file is rewritten in place, one value changed):

* **a fact's statement** in ``data/facts/compute.yaml``: a word is put in front of the
  English statement of the first fact whose statement shows both on the theme page
  (``compute/``) and on the fact's own page (``facts/<id>/``), inside the scalar's quotes
  if it has any, so the YAML stays valid (the word has no ``': '``, no digit); both
  pages are polled until each shows the word: two figures, from the same saves;
* **a page's Markdown**, ``docs/compute.md``: a paragraph of one word after its title,
  polled on ``compute/``;
* **a broken save**: the same fact's ``kind:`` set to ``forcast`` (an unknown kind),
  polled until ``compute/`` answers with the problems page ("cannot be built"); then
  **the next good save** (the file as it was), polled until ``compute/`` and the fact's
  page show their text again.

Each edit starts once the server is idle (every rebuild it started has finished, and
none followed for a moment: under ``--dirty`` the glue may start a second rebuild for
the pages an edit changed that the editor is not looking at). Times are wall seconds
from the end of the write. The server's log gives, per edit, when the change was
detected, when its first rebuild finished, and when the last one did ("settled").
The edited files are restored and the server stopped at the end; its log is kept next to
the snapshot (``bench/out/serve/n<size>-serve.log``, seconds since ``make serve`` began).
"""

from __future__ import annotations

import html
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
THEME = "compute"
THEME_PAGE = "compute/"
PAGE_SOURCE = "compute.md"  # docs/compute.md, shown at THEME_PAGE
BROKEN_KIND = "forcast"
PROBLEMS_TEXT = "cannot be built"  # the problems page's heading (macros/templates)
DETECTED = "Detected file changes"  # MkDocs' serve log, before a rebuild
REBUILT = "Reloading browsers"  # and after it
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values), "values": values}


def word(n: int) -> str:
    """A marker word of letters only (a digit could read as an uncited figure)."""
    letters = ""
    n += os.getpid() * 1000
    while True:
        n, r = divmod(n, 26)
        letters += _LETTERS[r]
        if not n:
            return "rrbench" + letters


class MakeServe:
    """``make serve`` for a snapshot of the site, its log lines timestamped."""

    def __init__(self, root: Path, config: Path, code: Path) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.lines: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
                   PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])
                   .rstrip(os.pathsep))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            ["make", "-s", "-C", str(REPO), "serve", f"SERVE_ADDR=127.0.0.1:{self.port}",
             f"SERVE_CONFIG={config}", f"SERVE_CODE={code}"],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True)  # make, watchmedo and mkdocs: one process group
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            with self.cond:
                self.lines.append((time.perf_counter(), line))
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def times(self, text: str) -> list[float]:
        with self.cond:
            return [t for t, line in self.lines if text in line]

    def alive(self) -> None:
        if self.proc.poll() is not None:
            raise SystemExit(f"make serve exited ({self.proc.returncode}):\n"
                             + self.log_tail())

    def get(self, path: str, timeout: float = 60) -> tuple[int, str]:
        """(status, body); status 0 when the server does not answer."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return 0, ""

    def wait_idle(self, settle: float = 1.5, timeout: float = 900,
                  saved: float | None = None) -> float:
        """Until every rebuild started has finished and none started for ``settle``
        seconds; returns the time the last rebuild finished. ``saved``: the time of a
        save the server may not have noticed yet — its rebuild is waited for too."""
        deadline = time.perf_counter() + timeout
        while saved is not None and not [t for t in self.times(DETECTED) if t >= saved]:
            self.alive()
            if time.perf_counter() > deadline:
                raise SystemExit("make serve never saw the save:\n" + self.log_tail())
            time.sleep(0.05)
        while True:
            self.alive()
            detected, rebuilt = self.times(DETECTED), self.times(REBUILT)
            last = max([self.started, *detected, *rebuilt])
            if len(rebuilt) >= len(detected) and time.perf_counter() - last >= settle:
                return max([self.started, *rebuilt])
            if time.perf_counter() > deadline:
                raise SystemExit("make serve never settled:\n" + self.log_tail())
            time.sleep(0.1)

    def log_tail(self, lines: int = 40) -> str:
        with self.cond:
            return "\n".join(line for _, line in self.lines[-lines:])

    def save_log(self, path: Path) -> None:
        """The server's whole log, each line with its seconds since the start."""
        with self.cond:
            path.write_text("".join(f"{t - self.started:9.3f}  {line}\n"
                                    for t, line in self.lines), "utf-8")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # the group this object started
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.reader.join(timeout=5)


def _text(body: str) -> str:
    return html.unescape(body)


Check = tuple[str, Callable[[int, str], bool]]  # a page, and what it must show


def poll(server: MakeServe, checks: dict[str, Check], started: float,
         interval: float, timeout: float = 600) -> dict[str, float]:
    """Seconds from ``started`` until each page satisfies its check: ``(path, test)``
    with ``test(status, text) -> bool``."""
    seen: dict[str, float] = {}
    while len(seen) < len(checks):
        for name, (path, test) in checks.items():
            if name in seen:
                continue
            status, body = server.get(path)
            if test(status, _text(body)):
                seen[name] = time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            missing = sorted(set(checks) - set(seen))
            raise SystemExit(f"{missing}: not shown within {timeout} s:\n" + server.log_tail())
        if len(seen) < len(checks):
            server.alive()
            time.sleep(interval)
    return seen


@dataclass
class _Fact:
    id: str
    statement: str
    insert_at: int  # where a word goes in front of the statement, in the file's text
    kind_span: tuple[int, int]  # the kind value's characters


def _facts(text: str) -> list[_Fact]:
    """The facts of a fact file whose English statement is a one-line scalar."""
    root = yaml.compose(text)
    top = {k.value: v for k, v in root.value} if isinstance(root, yaml.MappingNode) else {}
    found = []
    for node in getattr(top.get("facts"), "value", []):
        if not isinstance(node, yaml.MappingNode):
            continue
        fields = {k.value: v for k, v in node.value}
        statement, kind, fact_id = fields.get("statement"), fields.get("kind"), fields.get("id")
        if not (isinstance(statement, yaml.MappingNode) and isinstance(kind, yaml.ScalarNode)
                and isinstance(fact_id, yaml.ScalarNode)):
            continue
        en = {k.value: v for k, v in statement.value}.get("en")
        if not isinstance(en, yaml.ScalarNode) or en.style not in (None, "'", '"') \
                or en.start_mark.line != en.end_mark.line:
            continue
        at = en.start_mark.index + (1 if en.style in ("'", '"') else 0)
        found.append(_Fact(fact_id.value, en.value, at,
                           (kind.start_mark.index, kind.end_mark.index)))
    return found


def _with_word(text: str, fact: _Fact, marker: str) -> str:
    edited = text[:fact.insert_at] + marker + " " + text[fact.insert_at:]
    # The word is where it was meant to be, and nothing else changed meaning.
    facts = {f["id"]: f for f in yaml.safe_load(edited)["facts"]}
    assert facts[fact.id]["statement"]["en"] == f"{marker} {fact.statement}", fact.id
    return edited


def _page_with_word(text: str, marker: str) -> str:
    """A paragraph of one word after the page's title (else at its end)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[:i + 1]) + f"\n{marker}\n\n" + "".join(lines[i + 1:])
    return text.rstrip("\n") + f"\n\n{marker}\n"


def _write(path: Path, text: str) -> float:
    """Save as an editor does (in place); returns the time the save ended."""
    with path.open("w", encoding="utf-8") as out:
        out.write(text)
    return time.perf_counter()


def measure(project_root: Path, data_dir: Path, docs_dir: Path, *, edits: int,
            broken: int, interval: float = 0.02) -> dict:
    fact_file = data_dir / "facts" / f"{THEME}.yaml"
    page_file = docs_dir / PAGE_SOURCE
    original, page_original = fact_file.read_text("utf-8"), page_file.read_text("utf-8")
    server = MakeServe(project_root, project_root / "mkdocs.yml", project_root / "macros")
    result: dict = {"command": "make serve (mkdocs serve --dirty --strict under watchmedo)",
                    "theme_page": THEME_PAGE}
    try:
        poll(server, {"theme": (THEME_PAGE, lambda s, b: s == 200 and PROBLEMS_TEXT not in b)},
             server.started, 0.2, timeout=1800)
        result["first_build_s"] = time.perf_counter() - server.started
        server.wait_idle()
        _, theme_text = server.get(THEME_PAGE)
        theme_text = _text(theme_text)
        fact = None
        for candidate in _facts(original):
            if candidate.statement not in theme_text:
                continue
            status, body = server.get(f"facts/{candidate.id}/")
            if status == 200 and candidate.statement in _text(body):
                fact = candidate
                break
        if fact is None:
            raise SystemExit(f"no fact of {fact_file} shows its statement on {THEME_PAGE} "
                             "and on its own page")
        fact_page = f"facts/{fact.id}/"
        result.update(fact=fact.id, fact_page=fact_page)
        log(f"  serving on {server.base} after {result['first_build_s']:.1f} s; "
            f"editing {fact.id}")

        # ------------------------------------------------------------ a fact's statement
        rows: dict[str, list[float]] = {k: [] for k in (
            "theme", "fact", "detected", "first_rebuild", "settled", "rebuilds")}
        for edit in range(edits):
            server.wait_idle()
            marker = word(edit)
            before = len(server.times(REBUILT))
            started = _write(fact_file, _with_word(original, fact, marker))
            seen = poll(server, {
                "theme": (THEME_PAGE, lambda s, b, m=marker: s == 200 and m in b),
                "fact": (fact_page, lambda s, b, m=marker: s == 200 and m in b)},
                started, interval)
            settled = server.wait_idle()
            _log_times(server, rows, seen, started, before, settled)
            log(f"  fact edit {edit + 1}: theme page {seen['theme']:.2f} s, fact page "
                f"{seen['fact']:.2f} s ({int(rows['rebuilds'][-1])} rebuild(s), "
                f"settled {rows['settled'][-1]:.2f} s)")
        server.wait_idle(saved=_write(fact_file, original))
        result["fact_edit"] = {k: summary(v) for k, v in rows.items()}

        # ------------------------------------------------------------ a page's Markdown
        rows = {k: [] for k in ("page", "detected", "first_rebuild", "settled", "rebuilds")}
        for edit in range(edits):
            server.wait_idle()
            marker = word(100 + edit)
            before = len(server.times(REBUILT))
            started = _write(page_file, _page_with_word(page_original, marker))
            seen = poll(server, {"page": (THEME_PAGE, lambda s, b, m=marker: s == 200
                                          and m in b)}, started, interval)
            settled = server.wait_idle()
            _log_times(server, rows, seen, started, before, settled)
            log(f"  page edit {edit + 1}: {seen['page']:.2f} s "
                f"({int(rows['rebuilds'][-1])} rebuild(s))")
        server.wait_idle(saved=_write(page_file, page_original))
        result["page_edit"] = {k: summary(v) for k, v in rows.items()}

        # ------------------------------------------------------------ a broken save
        rows = {k: [] for k in ("problems", "restored_theme", "restored_fact")}
        start, end = fact.kind_span
        bad = original[:start] + BROKEN_KIND + original[end:]
        for cycle in range(broken):
            server.wait_idle()
            started = _write(fact_file, bad)
            seen = poll(server, {"problems": (THEME_PAGE, lambda s, b: PROBLEMS_TEXT in b)},
                        started, interval)
            rows["problems"].append(seen["problems"])
            server.wait_idle()
            started = _write(fact_file, original)
            seen = poll(server, {
                "restored_theme": (THEME_PAGE, lambda s, b: s == 200 and PROBLEMS_TEXT
                                   not in b and fact.statement in b),
                "restored_fact": (fact_page, lambda s, b: s == 200 and PROBLEMS_TEXT
                                  not in b and fact.statement in b)}, started, interval)
            rows["restored_theme"].append(seen["restored_theme"])
            rows["restored_fact"].append(seen["restored_fact"])
            log(f"  broken save {cycle + 1}: problems page after {rows['problems'][-1]:.2f} s;"
                f" good save: theme page back after {seen['restored_theme']:.2f} s, "
                f"fact page {seen['restored_fact']:.2f} s")
        if broken:
            result["broken_save"] = {k: summary(v) for k, v in rows.items()}
        server.wait_idle()
    finally:
        fact_file.write_text(original, "utf-8")
        page_file.write_text(page_original, "utf-8")
        server.stop()
        log_file = project_root.parent / f"{project_root.name}-serve.log"
        server.save_log(log_file)
        result["log"] = str(log_file)
    return result


def _log_times(server: MakeServe, rows: dict[str, list[float]], seen: dict[str, float],
               started: float, before: int, settled: float) -> None:
    for key, value in seen.items():
        rows[key].append(value)
    detected = [t for t in server.times(DETECTED) if t >= started]
    rebuilt = server.times(REBUILT)[before:]
    rows["detected"].append(detected[0] - started if detected else float("nan"))
    rows["first_rebuild"].append(rebuilt[0] - started if rebuilt else float("nan"))
    rows["settled"].append(settled - started)
    rows["rebuilds"].append(float(len(rebuilt)))


def main(argv: list[str]) -> int:
    """``python bench/reload.py PROJECT_ROOT [EDITS]``: a snapshot made by run.py."""
    root = Path(argv[0]).resolve()
    edits = int(argv[1]) if len(argv) > 1 else 3
    result = measure(root, root / "data", root / "docs", edits=edits, broken=1)
    import json
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
