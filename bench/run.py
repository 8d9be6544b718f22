"""The Race & Reliance benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py``).

For each size (the real ``data/`` plus N synthetic facts, ``bench/synth.py``; the data
must check with zero problems, or the benchmark stops) it measures:

* **check** — ``check_data`` (load + validate + cross-check + quote matching) in a fresh
  process (``bench/checktime.py``): wall and CPU seconds, that process's peak memory;
* **build against the floor** — a full ``mkdocs build`` (strict, as ``make build``) of a
  snapshot of the site whose data is the size's data, and the **plain-Material floor**
  (``bench/floor.py``): the visible article text of every page of that build, written as
  plain Markdown into a fresh MkDocs project with Material and its search plugin only,
  the same nav and page paths. Built alternately, real then floor, ``--runs`` pairs, each
  in a fresh process (peak memory from ``os.wait4``); reported: each one's median, the
  ratio real/floor of each pair and its median (wall, and CPU as the steadier figure),
  and the marginal build time per added fact between sizes (linear growth: constant);
* **layer** — the fact layer's own work inside one full build (the warm-up build, with
  ``bench/timer_hook.py`` added as a hook, untimed for the table above);
* **live reload** — ``make serve`` itself (``bench/reload.py``): from saving a YAML edit
  to the edited text on the theme page and on the fact's page, from saving a page's
  Markdown to that page, from a broken save to the problems page and from the next good
  save to the page restored; medians of ``--edits`` edits (``--broken`` broken saves).

Prints tables and writes ``<out>/results.json`` (every run's figure, the machine, the
load average) and ``<out>/results.md`` (the tables, for ``bench/RESULTS.md``), both after
each phase. Nothing in the repository is modified: data, snapshots, floors and sites all
live under ``<out>`` (``bench/out/``, gitignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

import floor  # noqa: E402
import reload  # noqa: E402
import synth  # noqa: E402

DEFAULT_SIZES = "real,1000,10000"
DEFAULT_RELOAD_SIZES = "real,1000"
PLUGIN = "race-and-reliance"  # the fact layer's MkDocs plugin (macros/glue.py)
TIMER_HOOK = "rr_bench_timer.py"
TARGET_RATIO = 1.3  # issue 14: a full build at most 1.3x the floor
TARGET_RELOAD_S = 1.0  # a saved edit on screen in under 1 s (median, real size)
TARGET_CHECK_S = 1.0  # load + check at real+10,000 under 1 s
read_config = floor.read_config


# --------------------------------------------------------------------------- helpers


log = reload.log
summary = reload.summary


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run_timed(cmd: list[str], cwd: Path, **env: str) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code, output) of a child."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**child_env(), **env}, stdout=out,
                                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return (elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            proc.returncode, text)


def size_label(n: int) -> str:
    return "real" if n == 0 else f"real+{n:,}"


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if part:
            sizes.append(0 if part in ("real", "0") else int(part))
    return sorted(set(sizes))


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
    theme.custom_dir, hooks, watch, the macros package) — building a given data dir."""

    def __init__(self, root: Path, data: Path, *, copy_data: bool = False) -> None:
        self.root = root
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
        self.config = read_config(root / "mkdocs.yml")
        self.docs = root / self.config.get("docs_dir", "docs")
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

    def write_timed(self) -> Path:
        """Full build plus ``bench/timer_hook.py``, which times the fact layer's own work."""
        shutil.copy2(BENCH / "timer_hook.py", self.root / TIMER_HOOK)
        hooks = list(self.config.get("hooks") or []) + [TIMER_HOOK]
        path = self.root / "mkdocs.timed.yml"
        path.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump(
            {"hooks": hooks}, allow_unicode=True, sort_keys=False), "utf-8")
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


def mkdocs_build(root: Path, config: Path, site: Path, **env: str) -> dict:
    """One ``mkdocs build`` in a fresh process: wall and CPU seconds, peak MB."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    seconds, cpu, peak, code, output = run_timed(cmd, root, **env)
    if code != 0:
        raise SystemExit(f"mkdocs build failed ({config}):\n{output[-4000:]}")
    return {"s": seconds, "cpu_s": cpu, "peak_mb": peak}


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
        "mkdocs-static-i18n": version("mkdocs-static-i18n"),
        "markdown": version("markdown"), "pyyaml": version("pyyaml"),
        "pydantic": version("pydantic"), "jieba": version("jieba"),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
    }


# --------------------------------------------------------------------------- report


def fmt(s: dict | None, digits: int = 2) -> str:
    if not s:
        return "—"
    if s["n"] == 1:
        return f"{s['median']:.{digits}f}"
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:+.0f} %"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _log_cols(edit: dict) -> str:
    return (f"{fmt(edit['detected'])} | {fmt(edit['first_rebuild'])} | "
            f"{fmt(edit['settled'])} | {edit['rebuilds']['median']:.0f} |")


def tables(results: dict) -> str:
    rows = results["sizes"]
    out = []
    if any("build" in r for r in rows):
        out += ["Full `mkdocs build` against the plain-Material floor (the same pages' visible "
                "text as plain Markdown, Material + search only), built alternately in pairs; "
                "wall seconds, median (min–max)", "",
                "| size | facts | pages | real s | floor s | real/floor per pair | "
                "real/floor median | CPU real/floor median |",
                "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"]
        for r in rows:
            b = r.get("build")
            if not b:
                continue
            pairs = " ".join(f"{x:.2f}" for x in b["ratio"]["values"])
            out.append(f"| {r['label']} | {r['facts']:,} | {b['pages']:,} | {fmt(b['real_s'])} | "
                       f"{fmt(b['floor_s'])} | {pairs} | **{b['ratio']['median']:.2f}×** | "
                       f"{b['cpu_ratio']['median']:.2f}× |")
        out.append("")
        out += ["Growth and memory: marginal build ms per added fact from the size above "
                "(linear growth = about constant); peak resident MB of each process", "",
                "| size | facts | real ms/fact | floor ms/fact | real ms/page | "
                "real peak MB | floor peak MB | check peak MB |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            b = r.get("build")
            if not b:
                continue
            check_mb = r["check"]["peak_mb"]["median"] if "check" in r else None
            out.append(f"| {r['label']} | {r['facts']:,} | {_ms(b['marginal_ms_per_fact'])} | "
                       f"{_ms(b['floor_marginal_ms_per_fact'])} | "
                       f"{b['real_s']['median'] * 1000 / max(b['pages'], 1):.1f} | "
                       f"{b['real_peak_mb']['median']:.0f} | "
                       f"{b['floor_peak_mb']['median']:.0f} | "
                       f"{'—' if check_mb is None else f'{check_mb:.0f}'} |")
        out.append("")
    if any("check" in r for r in rows):
        out += ["Load + check (`check_data`, fresh process, imports excluded; seconds, "
                "median (min–max))", "",
                "| size | facts | archive chars | load+check s | CPU s | peak MB |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            if "check" in r:
                out.append(f"| {r['label']} | {r['facts']:,} | {r['archive_chars']:,} | "
                           f"{fmt(r['check']['seconds'], 3)} | "
                           f"{fmt(r['check'].get('cpu_seconds'), 3)} | "
                           f"{r['check']['peak_mb']['median']:.0f} |")
        out.append("")
    if any("reload" in r for r in rows):
        out += ["Live reload under `make serve` (`mkdocs serve --dirty --strict`): seconds "
                "from the end of the save until the page shows it, median (min–max); "
                "detected / first rebuild / settled from the server's log", "",
                "| size | save | page | page shows it | detected | first rebuild done | "
                "settled | rebuilds |",
                "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows:
            rl = r.get("reload")
            if not rl:
                continue
            fe, pe, label = rl["fact_edit"], rl["page_edit"], r["label"]
            out.append(f"| {label} | fact statement (YAML) | `{rl['theme_page']}` | "
                       f"**{fmt(fe['theme'])}** | {_log_cols(fe)}")
            out.append(f"| {label} | fact statement (YAML) | `{rl['fact_page']}` | "
                       f"**{fmt(fe['fact'])}** | (the same saves) | | | |")
            out.append(f"| {label} | page Markdown (`docs/compute.md`) | "
                       f"`{rl['theme_page']}` | **{fmt(pe['page'])}** | {_log_cols(pe)}")
            bs = rl.get("broken_save")
            if bs:
                out.append(f"| {label} | broken (`kind: {reload.BROKEN_KIND}`) | "
                           f"`{rl['theme_page']}` → problems page | {fmt(bs['problems'])} | "
                           "| | | |")
                out.append(f"| {label} | next good save | `{rl['theme_page']}` restored | "
                           f"{fmt(bs['restored_theme'])} | | | | |")
                out.append(f"| {label} | next good save | `{rl['fact_page']}` restored | "
                           f"{fmt(bs['restored_fact'])} | | | | |")
        out.append("")
        served = [r for r in rows if "reload" in r]
        out += ["First build under `make serve`: " + ", ".join(
            f"{r['label']} {r['reload']['first_build_s']:.1f} s" for r in served)
            + "; the fact edited: " + ", ".join(
            f"`{r['reload']['fact']}` ({r['label']})" for r in served) + ".", ""]
    if any("layer" in r and "own_s" in r["layer"] for r in rows):
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
    verdicts = targets(results)
    if verdicts:
        out += ["Against the targets of issue 14 (medians of this run)", "",
                "| target | measured | |", "| --- | ---: | --- |"]
        out += [f"| {t} | {m} | {v} |" for t, m, v in verdicts]
        out.append("")
    return "\n".join(out)


def targets(results: dict) -> list[tuple[str, str, str]]:
    rows = {r["size"]: r for r in results["sizes"]}
    found = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    real = rows.get(0, {})
    if "reload" in real:
        for key, page in (("theme", real["reload"]["theme_page"]),
                          ("fact", real["reload"]["fact_page"])):
            value = real["reload"]["fact_edit"][key]["median"]
            found.append((f"YAML edit on `{page}` < {TARGET_RELOAD_S:.0f} s (real)",
                          f"{value:.2f} s", verdict(value < TARGET_RELOAD_S)))
        value = real["reload"]["page_edit"]["page"]["median"]
        found.append((f"Markdown edit on `{real['reload']['theme_page']}` < "
                      f"{TARGET_RELOAD_S:.0f} s (real)", f"{value:.2f} s",
                      verdict(value < TARGET_RELOAD_S)))
    for n, r in sorted(rows.items()):
        if "build" in r and (n == 0 or n >= 10000):
            value = r["build"]["ratio"]["median"]
            found.append((f"build ≤ {TARGET_RATIO}× the floor ({r['label']})",
                          f"{value:.2f}×", verdict(value <= TARGET_RATIO)))
    marginal = [r["build"]["marginal_ms_per_fact"] for _, r in sorted(rows.items())
                if "build" in r and r["build"]["marginal_ms_per_fact"] is not None]
    if len(marginal) >= 2:
        spread = max(marginal) / min(marginal) if min(marginal) > 0 else float("inf")
        found.append(("linear growth (marginal ms/fact about constant)",
                      " → ".join(f"{m:.1f}" for m in marginal),
                      f"ratio of extremes {spread:.2f}"))
    for n, r in sorted(rows.items()):
        if "check" in r and n >= 10000:
            value = r["check"]["seconds"]["median"]
            found.append((f"check < {TARGET_CHECK_S:.0f} s ({r['label']})", f"{value:.2f} s",
                          verdict(value < TARGET_CHECK_S)))
    return found


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3,
                        help="timed runs per figure: check runs, real/floor build pairs (3)")
    parser.add_argument("--large-runs", type=int, default=None,
                        help="build pairs for sizes >= --large-from (default: --runs); a "
                             "pair at real+10,000 (~23,000 pages) takes ~10 minutes")
    parser.add_argument("--large-from", type=int, default=5000)
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"synthetic facts added to the real data, 'real' for none "
                             f"({DEFAULT_SIZES})")
    parser.add_argument("--reload-sizes", default=DEFAULT_RELOAD_SIZES,
                        help=f"sizes to measure live reload at ({DEFAULT_RELOAD_SIZES})")
    parser.add_argument("--edits", type=int, default=5,
                        help="YAML edits and Markdown edits per live-reload size (5)")
    parser.add_argument("--broken", type=int, default=3,
                        help="broken saves (each followed by a good one) per size (3)")
    parser.add_argument("--poll", type=float, default=0.02,
                        help="seconds between HTTP polls of a page (0.02)")
    parser.add_argument("--floor-search", choices=("as-real", "all"), default="as-real",
                        help="as-real: the floor's search skips the blocks the real site's "
                             "skips (data-search-exclude); all: it indexes every word")
    parser.add_argument("--quick", action="store_true",
                        help="1 run, 1 pair; sizes real,1000; live reload at real with 3 "
                             "edits and 1 broken save")
    parser.add_argument("--no-check", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-reload", action="store_true")
    parser.add_argument("--no-warmup", action="store_true",
                        help="no warm-up build, hence no timing of the layer's own work")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.large_runs, args.sizes = 1, 1, "real,1000"
        args.reload_sizes, args.edits, args.broken = "real", 3, 1
    if args.large_runs is None:
        args.large_runs = args.runs
    sizes = parse_sizes(args.sizes)
    reload_sizes = [] if args.no_reload else parse_sizes(args.reload_sizes)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

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
        _, _, _, code, output = run_timed([sys.executable, str(BENCH / "checktime.py"),
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
                _, _, _, code, output = run_timed(
                    [sys.executable, str(BENCH / "checktime.py"), str(data_dirs[n])], REPO)
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
        save(out, results, rows, args, final=False)

    # ---------------------------------------------------------------- builds
    if not args.no_build:
        build_pairs(out, sizes, data_dirs, rows, args)
        save(out, results, rows, args, final=False)

    # ---------------------------------------------------------------- live reload
    for n in reload_sizes:
        log(f"live reload under make serve at {size_label(n)}: {args.edits} YAML edits, "
            f"{args.edits} Markdown edits, {args.broken} broken save(s)")
        project = Project(out / "serve" / f"n{n}", data_dirs[n], copy_data=True)
        rows[n]["reload"] = reload.measure(project.root, project.data, project.docs,
                                           edits=args.edits, broken=args.broken,
                                           interval=args.poll)
        save(out, results, rows, args, final=False)

    save(out, results, rows, args, final=True)
    return 0


def build_pairs(out: Path, sizes: list[int], data_dirs: dict[int, Path], rows: dict,
                args: argparse.Namespace) -> None:
    """Warm-up (timing the layer), the floor made from a real build, then real and floor
    built alternately, pair after pair, the sizes taking turns."""
    projects: dict[int, Project] = {}
    floors: dict[int, floor.Floor] = {}
    pairs: dict[int, list[tuple[dict, dict]]] = {n: [] for n in sizes}
    search_exclude = args.floor_search == "as-real"

    def make_floor(n: int, site: Path) -> None:
        made = floor.make_floor(site, projects[n].root / "mkdocs.yml",
                                out / "floors" / f"n{n}", search_exclude=search_exclude)
        if made.no_article:
            raise SystemExit(f"{size_label(n)}: pages without the article: "
                             f"{made.no_article[:5]}")
        floors[n] = made
        log(f"floor of {size_label(n)}: {made.pages:,} pages, {made.chars:,} characters "
            f"of Markdown")

    for n in sizes:
        projects[n] = Project(out / "projects" / f"n{n}", data_dirs[n])
        if not args.no_warmup:
            log(f"warm-up build of {size_label(n)}, timing the fact layer's own work")
            timings = projects[n].root / "layer-timings.json"
            site = projects[n].root / "site-timed"
            done = mkdocs_build(projects[n].root, projects[n].write_timed(), site,
                                RR_BENCH_TIMINGS=str(timings))
            layer = json.loads(timings.read_text())
            layer["wall"] = done["s"]
            own = sum(layer["seconds"][k] for k in ("macros_config", "macros_pages",
                                                     "glue_hooks"))
            layer.update(own_s=own, share=own / done["s"],
                         adds=own / max(done["s"] - own, 1e-9))
            rows[n]["layer"] = layer
            make_floor(n, site)
            shutil.rmtree(site)
    for run in range(max(args.runs, args.large_runs)):
        for n in sizes:
            if run >= (args.large_runs if n >= args.large_from else args.runs):
                continue
            project = projects[n]
            real = mkdocs_build(project.root, project.root / "mkdocs.yml",
                                project.root / "site-full")
            if n not in floors:  # no warm-up: the floor comes from this build
                make_floor(n, project.root / "site-full")
            fl = mkdocs_build(floors[n].root, floors[n].config, floors[n].root / "site")
            pairs[n].append((real, fl))
            log(f"pair {run + 1} at {size_label(n)}: real {real['s']:.2f} s, floor "
                f"{fl['s']:.2f} s, ratio {real['s'] / fl['s']:.2f} "
                f"(CPU {real['cpu_s']:.1f}/{fl['cpu_s']:.1f} s)")
    previous = None
    for n in sizes:
        real_runs = [r for r, _ in pairs[n]]
        floor_runs = [f for _, f in pairs[n]]
        pages = len(floor.page_urls(projects[n].root / "site-full"))
        floor_pages = len(floor.page_urls(floors[n].root / "site"))
        if floor_pages != pages:
            raise SystemExit(f"{size_label(n)}: the floor has {floor_pages} pages, the real "
                             f"build {pages}")
        build = {
            "pages": pages, "floor_pages": floor_pages, "floor_chars": floors[n].chars,
            "floor_search": args.floor_search,
            "real_s": summary([r["s"] for r in real_runs]),
            "floor_s": summary([f["s"] for f in floor_runs]),
            "real_cpu_s": summary([r["cpu_s"] for r in real_runs]),
            "floor_cpu_s": summary([f["cpu_s"] for f in floor_runs]),
            "ratio": summary([r["s"] / f["s"] for r, f in pairs[n]]),
            "cpu_ratio": summary([r["cpu_s"] / f["cpu_s"] for r, f in pairs[n]]),
            "real_peak_mb": summary([r["peak_mb"] for r in real_runs]),
            "floor_peak_mb": summary([f["peak_mb"] for f in floor_runs]),
            "marginal_ms_per_fact": None, "floor_marginal_ms_per_fact": None,
        }
        build["ratio_of_medians"] = build["real_s"]["median"] / build["floor_s"]["median"]
        if previous is not None and rows[n]["facts"] > rows[previous]["facts"]:
            added = rows[n]["facts"] - rows[previous]["facts"]
            before = rows[previous]["build"]
            build["marginal_ms_per_fact"] = (
                build["real_s"]["median"] - before["real_s"]["median"]) * 1000 / added
            build["floor_marginal_ms_per_fact"] = (
                build["floor_s"]["median"] - before["floor_s"]["median"]) * 1000 / added
        rows[n]["build"] = build
        previous = n


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
              f"mkdocs-macros {meta['mkdocs-macros-plugin']}, "
              f"mkdocs-static-i18n {meta['mkdocs-static-i18n']}\n"
              f"Date: {meta['date']}; commit {meta['commit']}"
              f"{' (with uncommitted changes)' if meta['dirty'] else ''}; "
              f"runs: {args.runs} ({args.large_runs} build pairs at "
              f"{args.large_from:,}+ synthetic facts); floor search: {args.floor_search}; "
              f"load average (1 min) at start/end: {meta['loadavg_start'][0]:.1f}/"
              f"{meta['loadavg_end'][0]:.1f} on {meta['nproc']} cores\n")
    (out / "results.md").write_text(header + "\n" + text, "utf-8")
    if final:
        print(header)
        print(text)
        print(f"written: {out / 'results.json'}, {out / 'results.md'}")


if __name__ == "__main__":
    raise SystemExit(main())
