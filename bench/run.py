"""The Race & Reliance benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py``).

For each size (the real ``data/`` plus N synthetic facts, see ``bench/synth.py``) it
measures, each figure the median of ``--runs`` runs with min and max (builds of
``--large-from`` synthetic facts or more: ``--large-runs``, as each takes minutes):

* **check** — ``check_data`` (load + validate + cross-check + quote matching) in a fresh
  process (``bench/checktime.py``), and that process's peak memory;
* **build** — a full ``mkdocs build`` of a copy of the site (``mkdocs.yml`` and what it
  refers to) whose ``race-and-reliance`` plugin's ``data_dir`` holds the size's data, in a fresh process, with
  its peak memory; and ``plain``: the same pages with every macro returning '' (plain
  Material plus mkdocs-macros, no fact layer; data-independent, so run once per round),
  giving ``overhead`` = full / plain − 1 (what the evidence costs in total); and the
  marginal build cost per added fact (linear growth = roughly constant);
* **layer** — the fact layer's own work inside one full build (the warm-up build, with
  ``bench/timer_hook.py`` added as a hook): load+check, macro calls, mkdocs-macros'
  page templating, the glue's hooks; its share of the build and what it adds to the
  rest (MkDocs, Markdown, Material, search working on the pages);
* **live reload** — ``mkdocs serve`` on a free port of 127.0.0.1; one value of a fact
  file (a statement) is changed, and the page is polled over HTTP until it shows the
  new value; median of ``--edits`` edits. The files edited are a private copy.

Prints tables and writes ``<out>/results.json`` (every run's figure) and
``<out>/results.md`` (the tables, for ``bench/RESULTS.md``). Nothing in the repository
is modified: data, pages and site outputs all live under ``<out>`` (``bench/out/``,
gitignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402

DEFAULT_SIZES = "real,100,1000,10000"
DEFAULT_RELOAD_SIZES = "real,1000"
STUB_MODULE = "rr_bench_stub"
PLUGIN = "race-and-reliance"  # the fact layer's MkDocs plugin (macros/glue.py)
TIMER_HOOK = "rr_bench_timer.py"
THEME_PAGES = {"compute": "compute/", "capital": "capital/", "talent": "talent/",
               "open-source": "open-source/"}


# --------------------------------------------------------------------------- helpers


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values), "values": values}


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run_timed(cmd: list[str], cwd: Path, **env: str) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MB, exit code, output) of one child process."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**child_env(), **env}, stdout=out,
                                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, text


def size_label(n: int) -> str:
    return "real" if n == 0 else f"real+{n:,}"


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if part:
            sizes.append(0 if part in ("real", "0") else int(part))
    return sorted(set(sizes))


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing or rejecting its tags (!ENV, !!python/name)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/",
                                      lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}


# --------------------------------------------------------------------------- data


def data_key(n: int, seed: int) -> str:
    digest = hashlib.sha256(f"{n}/{seed}".encode())
    digest.update((BENCH / "synth.py").read_bytes())
    for path in sorted(synth.REAL_DATA.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(synth.REAL_DATA)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare_data(out: Path, n: int, seed: int) -> Path:
    """The data directory for size n, generated unless an identical one is cached."""
    target = out / "data" / f"n{n}"
    key = data_key(n, seed)
    stamp = target / ".bench-key"
    if stamp.exists() and stamp.read_text() == key:
        return target
    log(f"generating {size_label(n)} data in {target}")
    stats = synth.generate(target, n, seed=seed)
    (target / ".bench-stats.json").write_text(json.dumps(asdict(stats), indent=1))
    stamp.write_text(key)
    return target


# --------------------------------------------------------------------------- projects


class Project:
    """A snapshot of the site — mkdocs.yml and every path it refers to (docs_dir,
    theme.custom_dir, hooks, watch, the macros module) — building a given data dir."""

    def __init__(self, root: Path, data: Path, *, copy_data: bool = False) -> None:
        self.root = root
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
        self.config = read_config(root / "mkdocs.yml")
        self.docs_dir = self.config.get("docs_dir", "docs")
        data_dir = _plugin_options(self.config, PLUGIN).get("data_dir", "data")
        self.data = (root / data_dir).resolve()
        if root.resolve() not in self.data.parents:
            raise SystemExit(f"{PLUGIN}: data_dir {data_dir!r} points outside the project; "
                             "the benchmark cannot substitute its data")
        data_top = Path(data_dir).parts[0]
        for name in sorted(_referenced(self.config) - {data_top}):
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name, symlinks=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
            elif source.is_file():
                shutil.copy2(source, root / name)
        self.data.parent.mkdir(parents=True, exist_ok=True)
        if copy_data:
            shutil.copytree(data, self.data, ignore=shutil.ignore_patterns(".bench-*"))
        else:
            self.data.symlink_to(data.resolve(), target_is_directory=True)

    def _plugins(self, *, module: str | None = None) -> list:
        """The site's plugins without the fact layer; mkdocs-macros reads ``module``."""
        plugins = []
        for entry in self.config.get("plugins") or []:
            name = entry if isinstance(entry, str) else next(iter(entry))
            if name == PLUGIN:
                continue
            if name == "macros":
                options = dict((entry[name] or {}) if isinstance(entry, dict) else {})
                options["module_name"] = module
                entry = {"macros": options}
            plugins.append(entry)
        return plugins

    def write_stub(self, macro_names: list[str]) -> Path:
        """Plain build: the same mkdocs-macros setup, every macro returns ''."""
        (self.root / f"{STUB_MODULE}.py").write_text(
            '"""Benchmark baseline: every macro of the site returns nothing."""\n\n'
            f"NAMES = {macro_names!r}\n\n\n"
            "def define_env(env):\n"
            "    for name in NAMES:\n"
            "        env.macro(lambda *args, **kwargs: '', name)\n", "utf-8")
        return self._inherit("mkdocs.plain.yml", {
            "plugins": self._plugins(module=STUB_MODULE)})

    def write_timed(self) -> Path:
        """Full build plus ``bench/timer_hook.py``, which times the fact layer's own work."""
        shutil.copy2(BENCH / "timer_hook.py", self.root / TIMER_HOOK)
        hooks = list(self.config.get("hooks") or []) + [TIMER_HOOK]
        return self._inherit("mkdocs.timed.yml", {"hooks": hooks})

    def _inherit(self, name: str, overrides: dict) -> Path:
        path = self.root / name
        path.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump(
            overrides, allow_unicode=True, sort_keys=False), "utf-8")
        return path


def _plugin_options(config: dict, name: str) -> dict:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    return {}


def _referenced(config: dict) -> set[str]:
    """Top-level names (under the repository) of the paths mkdocs.yml refers to."""
    paths: list[str] = [config.get("docs_dir", "docs"), "macros"]
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        paths.append(theme["custom_dir"])
    paths += [str(p) for p in config.get("hooks") or []]
    paths += [str(p) for p in config.get("watch") or []]
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("macros"), dict):
            options = entry["macros"]
            for key in ("module_name", "include_dir"):
                if options.get(key):
                    paths += [str(options[key]), str(options[key]) + ".py"]
    names = set()
    for path in paths:
        parts = Path(path).parts
        if parts and not Path(path).is_absolute() and parts[0] not in (".", ".."):
            names.add(parts[0])
    return names


def mkdocs_build(project: Project, config: Path, site: str, **env: str) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
           "-d", str(project.root / site)]
    seconds, peak, code, output = run_timed(cmd, project.root, **env)
    if code != 0:
        raise SystemExit(f"mkdocs build failed ({config}):\n{output[-4000:]}")
    return seconds, peak


# --------------------------------------------------------------------------- live reload


class _Server:
    """``mkdocs serve`` in a child process, its log lines timestamped as they arrive."""

    def __init__(self, project: Project) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.lines: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.root / "mkdocs.yml"),
             "-a", f"127.0.0.1:{self.port}"],
            cwd=project.root, env=child_env(), stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT)
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

    def count(self, text: str) -> int:
        with self.cond:
            return sum(1 for _, line in self.lines if text in line)

    def wait_for(self, text: str, count: int, timeout: float) -> float:
        """Time at which ``text`` had appeared ``count`` times in the log."""
        deadline = time.perf_counter() + timeout
        with self.cond:
            while True:
                hits = [t for t, line in self.lines if text in line]
                if len(hits) >= count:
                    return hits[count - 1]
                if self.proc.poll() is not None:
                    raise SystemExit("mkdocs serve exited:\n" + self.log_tail())
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise SystemExit(f"timed out waiting for {text!r}:\n" + self.log_tail())
                self.cond.wait(min(left, 0.5))

    def wait_quiet(self, seconds: float = 1.0) -> None:
        """Until no log line arrived for ``seconds`` (no rebuild still running)."""
        while True:
            with self.cond:
                last = self.lines[-1][0] if self.lines else 0.0
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(0.1)

    def base_url(self) -> str:
        self.wait_for("Serving on", 1, timeout=900)
        with self.cond:
            line = next(line for _, line in self.lines if "Serving on" in line)
        return re.search(r"Serving on (\S+)", line).group(1).rstrip("/") + "/"

    def log_tail(self) -> str:
        with self.cond:
            return "\n".join(line for _, line in self.lines[-40:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # mkdocs serve's own clean shutdown
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=5)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


_STATEMENT_EN = re.compile(r"^(\s+statement:\s*\n\s+en:\s*)(['\"]?)", re.MULTILINE)


def measure_reload(project: Project, edits: int, poll: float) -> dict:
    """Seconds from saving a fact file until the served page shows the new value."""
    theme = "compute"
    fact_file = project.data / "facts" / f"{theme}.yaml"
    original = fact_file.read_text("utf-8")
    match = _STATEMENT_EN.search(original)
    if not match:
        raise SystemExit(f"no statement.en found in {fact_file}")
    server = _Server(project)
    visible, detected, rebuilt = [], [], []
    try:
        url = server.base_url() + THEME_PAGES[theme]
        deadline = time.perf_counter() + 60
        while not _fetch(url):
            if time.perf_counter() > deadline:
                raise SystemExit(f"{url} never answered:\n" + server.log_tail())
            time.sleep(0.1)
        for edit in range(edits):
            server.wait_quiet(1.0)
            marker = f"rrbench{edit}x{os.getpid()}"
            changed = original[:match.end()] + marker + " " + original[match.end():]
            builds = server.count("Reloading browsers")
            changes = server.count("Detected file changes")
            started = time.perf_counter()
            fact_file.write_text(changed, "utf-8")
            while marker not in _fetch(url):
                if time.perf_counter() - started > 300:
                    raise SystemExit("the edit never showed up:\n" + server.log_tail())
                time.sleep(poll)
            visible.append(time.perf_counter() - started)
            detected.append(server.wait_for("Detected file changes", changes + 1, 300)
                            - started)
            rebuilt.append(server.wait_for("Reloading browsers", builds + 1, 300) - started)
            log(f"  edit {edit + 1}: visible after {visible[-1]:.3f} s "
                f"(change detected {detected[-1]:.3f} s, rebuild done {rebuilt[-1]:.3f} s)")
            # The next edit replaces this marker with its own: one value changed each time.
    finally:
        fact_file.write_text(original, "utf-8")  # restored; the server is stopped next
        server.stop()
    return {"visible_s": summary(visible), "detected_s": summary(detected),
            "rebuilt_s": summary(rebuilt), "page": THEME_PAGES[theme]}


# --------------------------------------------------------------------------- machine


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(module: str) -> str:
        try:
            from importlib.metadata import version as v
            return v(module)
        except Exception:
            return "?"

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True,
                                  text=True, check=True).stdout.strip()
        except Exception:
            return "?"

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "loadavg_start": list(os.getloadavg()),
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
        "markdown": version("markdown"), "pyyaml": version("pyyaml"),
        "pydantic": version("pydantic"),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
    }


# --------------------------------------------------------------------------- report


def fmt(s: dict | None, digits: int = 2) -> str:
    if not s:
        return "—"
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.0f} %"


def tables(results: dict) -> str:
    rows = results["sizes"]
    out = []
    if any("check" in r for r in rows):
        out += ["Load + check (`check_data`, fresh process; seconds, median (min–max))", "",
                "| size | facts | archive chars | load+check s | CPU s | peak MB |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            if "check" in r:
                out.append(f"| {r['label']} | {r['facts']:,} | {r['archive_chars']:,} | "
                           f"{fmt(r['check']['seconds'], 3)} | "
                           f"{fmt(r['check'].get('cpu_seconds'), 3)} | "
                           f"{r['check']['peak_mb']['median']:.0f} |")
        out.append("")
    if any("build" in r for r in rows):
        plain = results.get("plain_build")
        out += ["Full `mkdocs build` (seconds, median (min–max)); plain = the same pages with "
                "every macro returning '' (no fact layer, no evidence on the pages)", "",
                "| size | facts | pages | full s | plain s | overhead vs plain | "
                "marginal ms/fact | full peak MB |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            if "build" not in r:
                continue
            b = r["build"]
            marginal = b.get("marginal_ms_per_fact")
            out.append(
                f"| {r['label']} | {r['facts']:,} | {b.get('pages', 0):,} | "
                f"{fmt(b['full_s'])} | {fmt(plain)} | {pct(b['overhead'])} | "
                f"{'—' if marginal is None else f'{marginal:.2f}'} | "
                f"{b['full_peak_mb']['median']:.0f} |")
        out.append("")
    if any("layer" in r for r in rows):
        out += ["The fact layer's own work inside one full build (the warm-up build, "
                "instrumented by bench/timer_hook.py; seconds)", "",
                "| size | build s | load+check | macro calls | pages incl. calls | "
                "glue hooks | layer total | share of build | adds to the rest |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            layer = r.get("layer")
            if not layer or "own_s" not in layer:
                continue
            t = layer["seconds"]
            out.append(
                f"| {r['label']} | {layer['wall']:.2f} | {t['load_check']:.2f} | "
                f"{t['macro_calls']:.2f} | {t['macros_pages']:.2f} | {t['glue_hooks']:.2f} | "
                f"{layer['own_s']:.2f} | {layer['share'] * 100:.0f} % | "
                f"{pct(layer['adds'])} |")
        out.append("")
    if any("reload" in r for r in rows):
        out += ["Live reload under `mkdocs serve` (seconds from saving a fact file, median "
                "(min–max))", "",
                "| size | facts | page shows the edit | change detected | rebuild done |",
                "| --- | ---: | ---: | ---: | ---: |"]
        for r in rows:
            if "reload" in r:
                rl = r["reload"]
                out.append(f"| {r['label']} | {r['facts']:,} | {fmt(rl['visible_s'])} | "
                           f"{fmt(rl['detected_s'])} | {fmt(rl['rebuilt_s'])} |")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure (3)")
    parser.add_argument("--large-runs", type=int, default=1,
                        help="timed builds per figure for sizes >= --large-from (1): a "
                             "build of 10,000 facts makes ~11,500 pages and takes minutes")
    parser.add_argument("--large-from", type=int, default=5000)
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"synthetic facts added to the real data, 'real' for none "
                             f"({DEFAULT_SIZES})")
    parser.add_argument("--reload-sizes", default=DEFAULT_RELOAD_SIZES,
                        help=f"sizes to measure live reload at ({DEFAULT_RELOAD_SIZES})")
    parser.add_argument("--edits", type=int, default=5, help="edits per live-reload size (5)")
    parser.add_argument("--poll", type=float, default=0.02,
                        help="seconds between HTTP polls of the page (0.02)")
    parser.add_argument("--quick", action="store_true",
                        help="1 run; sizes real,1000; live reload at real with 3 edits")
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-reload", action="store_true")
    parser.add_argument("--no-warmup", action="store_true",
                        help="no warm-up build, hence no timing of the layer's own work")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.sizes, args.reload_sizes, args.edits = 1, "real,1000", "real", 3
    sizes = parse_sizes(args.sizes)
    reload_sizes = [] if args.no_reload else parse_sizes(args.reload_sizes)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    from macros.render import MACROS  # the names the plain baseline must define

    meta = machine()
    results: dict = {"machine": meta, "args": {k: (str(v) if isinstance(v, Path) else v)
                                                for k, v in vars(args).items()},
                     "sizes": []}
    rows: dict[int, dict] = {}
    data_dirs: dict[int, Path] = {}
    for n in sorted(set(sizes) | set(reload_sizes)):
        data_dirs[n] = prepare_data(out, n, args.seed)
        stats = json.loads((data_dirs[n] / ".bench-stats.json").read_text()) \
            if (data_dirs[n] / ".bench-stats.json").exists() else {}
        rows[n] = {"size": n, "label": size_label(n), "data_dir": str(data_dirs[n]),
                   "synthetic": stats}
        # Validity first: the benchmark only means something on data that checks clean.
        _, _, code, output = run_timed([sys.executable, str(BENCH / "checktime.py"),
                                        str(data_dirs[n])], REPO)
        check = json.loads(output.strip().splitlines()[-1]) if code == 0 else None
        if not check or check["problems"]:
            raise SystemExit(f"{size_label(n)}: the data does not check clean:\n"
                             + (json.dumps(check, indent=1) if check else output))
        rows[n].update(facts=check["facts"], warnings=check["warnings"])
        rows[n]["archive_chars"] = sum(len(p.read_text("utf-8")) for p in
                                       (data_dirs[n] / "articles").glob("*.txt"))

    # ---------------------------------------------------------------- load + check
    if not args.no_check:
        runs: dict[int, list[dict]] = {n: [] for n in sizes}
        for run in range(args.runs):
            for n in sizes:
                _, _, code, output = run_timed([sys.executable, str(BENCH / "checktime.py"),
                                                str(data_dirs[n])], REPO)
                if code:
                    raise SystemExit(output)
                runs[n].append(json.loads(output.strip().splitlines()[-1]))
                log(f"check {size_label(n)} run {run + 1}: {runs[n][-1]['check_s']:.3f} s")
        for n in sizes:
            rows[n]["check"] = {
                "seconds": summary([r["check_s"] for r in runs[n]]),
                "cpu_seconds": summary([r["check_cpu_s"] for r in runs[n]]),
                "import_s": summary([r["import_s"] for r in runs[n]]),
                "peak_mb": summary([r["peak_mb"] for r in runs[n]]),
                "problems": runs[n][0]["problems"], "warnings": runs[n][0]["warnings"],
            }

    # ---------------------------------------------------------------- live reload
    save(out, results, rows, args, final=False)
    for n in reload_sizes:
        log(f"live reload at {size_label(n)}: {args.edits} edits")
        project = Project(out / "serve" / f"n{n}", data_dirs[n], copy_data=True)
        rows[n]["reload"] = measure_reload(project, args.edits, args.poll)
        save(out, results, rows, args, final=False)

    # ---------------------------------------------------------------- builds
    save(out, results, rows, args, final=False)
    if not args.no_build:
        projects: dict[int, Project] = {}
        configs: dict[int, dict[str, Path]] = {}
        for n in sizes:
            project = Project(out / "projects" / f"n{n}", data_dirs[n])
            configs[n] = {"full": project.root / "mkdocs.yml",
                          "plain": project.write_stub(list(MACROS)),
                          "timed": project.write_timed()}
            projects[n] = project
            if not args.no_warmup:
                log(f"warm-up build of {size_label(n)}, timing the fact layer's own work")
                timings = project.root / "layer-timings.json"
                seconds, _ = mkdocs_build(project, configs[n]["timed"], "site-timed",
                                          RR_BENCH_TIMINGS=str(timings))
                layer = json.loads(timings.read_text())
                layer["wall"] = seconds
                rows[n]["layer"] = layer
                shutil.rmtree(project.root / "site-timed")
        build_runs: dict[int, list[tuple[float, float]]] = {n: [] for n in sizes}
        plain_runs: list[tuple[float, float]] = []
        first = sizes[0]
        for run in range(args.runs):
            plain_runs.append(mkdocs_build(projects[first], configs[first]["plain"],
                                           "site-plain"))
            log(f"build plain run {run + 1}: {plain_runs[-1][0]:.2f} s")
            for n in sizes:
                if n >= args.large_from and run >= args.large_runs:
                    continue
                build_runs[n].append(mkdocs_build(projects[n], configs[n]["full"],
                                                  "site-full"))
                log(f"build full {size_label(n)} run {run + 1}: "
                    f"{build_runs[n][-1][0]:.2f} s")
        plain = summary([s for s, _ in plain_runs])
        results["plain_build"] = plain
        results["plain_peak_mb"] = summary([m for _, m in plain_runs])
        previous = None
        for n in sizes:
            full = summary([s for s, _ in build_runs[n]])
            build = {
                "full_s": full,
                "full_peak_mb": summary([m for _, m in build_runs[n]]),
                "overhead": full["median"] / plain["median"] - 1,
                "pages": sum(1 for _ in (projects[n].root / "site-full").rglob("*.html")),
                "marginal_ms_per_fact": None,
            }
            layer = rows[n].get("layer")
            if layer:
                own = sum(layer["seconds"][k] for k in
                          ("macros_config", "macros_pages", "glue_hooks"))
                layer["own_s"] = own
                layer["share"] = own / layer["wall"]
                layer["adds"] = own / max(layer["wall"] - own, 1e-9)
            if previous is not None and rows[n]["facts"] > rows[previous]["facts"]:
                build["marginal_ms_per_fact"] = (
                    (full["median"] - rows[previous]["build"]["full_s"]["median"]) * 1000
                    / (rows[n]["facts"] - rows[previous]["facts"]))
            rows[n]["build"] = build
            previous = n

    save(out, results, rows, args, final=True)
    return 0


def save(out: Path, results: dict, rows: dict, args: argparse.Namespace, *,
         final: bool) -> None:
    """Write results.json and results.md (also after each phase: a failure later keeps
    what was measured); print the tables at the end."""
    meta = results["machine"]
    results["sizes"] = [rows[n] for n in sorted(rows)]
    results["complete"] = final
    meta["loadavg_end"] = list(os.getloadavg())
    text = tables(results)
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    header = (f"Machine: {meta['nproc']} × {meta['cpu']}; Python {meta['python']}, "
              f"mkdocs {meta['mkdocs']}, Material {meta['mkdocs-material']}, "
              f"mkdocs-macros {meta['mkdocs-macros-plugin']}\n"
              f"Date: {meta['date']}; commit {meta['commit']}"
              f"{' (with uncommitted changes)' if meta['dirty'] else ''}; "
              f"runs per figure: {args.runs} ({args.large_runs} for builds of "
              f"{args.large_from:,}+ synthetic facts); "
              f"load average at start/end: {meta['loadavg_start'][0]:.1f}/"
              f"{meta['loadavg_end'][0]:.1f} on {meta['nproc']} cores\n")
    (out / "results.md").write_text(header + "\n" + text, "utf-8")
    if final:
        print(header)
        print(text)
        print(f"written: {out / 'results.json'}, {out / 'results.md'}")


if __name__ == "__main__":
    raise SystemExit(main())
