"""Profile the fact layer with pyinstrument: where does the time go?

    .venv/bin/python bench/profile.py check   [--size 10000]   # load + check only
    .venv/bin/python bench/profile.py build   [--size 10000]   # a full mkdocs build
    .venv/bin/python bench/profile.py rebuild [--size 0]       # a second full build in the
                                                               # same process, as `mkdocs serve`
                                                               # without --dirty does (make
                                                               # serve's dirty rebuilds: the
                                                               # server log, bench/reload.py)

Uses the data and site copies ``bench/run.py`` prepares under ``bench/out/`` (it generates
the data if needed). Writes ``bench/out/profile-<what>-<size>.txt`` and ``.html`` and
prints the text tree.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import run  # noqa: E402  (puts the repository on sys.path too)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("check", "build", "rebuild"))
    parser.add_argument("--size", type=int, default=None,
                        help="synthetic facts added to the real data "
                             "(default: 10000 for check/build, 0 for rebuild)")
    parser.add_argument("--interval", type=float, default=0.001)
    parser.add_argument("--show-all", action="store_true",
                        help="keep library frames (mkdocs, markdown, jinja2) in the tree")
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args(argv)
    size = args.size if args.size is not None else (0 if args.what == "rebuild" else 10000)
    out = args.out.resolve()
    data = run.prepare_data(out, size, 1)

    from pyinstrument import Profiler

    profiler = Profiler(interval=args.interval)
    if args.what == "check":
        from macros.evidence.check import check_data

        profiler.start()
        report = check_data(data)
        profiler.stop()
        assert not report.problems, report.problems[:5]
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        project = run.Project(out / "projects" / f"profile-n{size}", data)

        def one_build() -> float:
            config = load_config(config_file=str(project.root / "mkdocs.yml"),
                                 site_dir=str(project.root / "site-profile"))
            if args.what == "rebuild":  # as under `mkdocs serve` without --dirty
                config.plugins.on_startup(command="serve", dirty=False)
            started = time.perf_counter()
            build(config)
            return time.perf_counter() - started

        if args.what == "rebuild":
            print(f"first build (not profiled): {one_build():.2f} s", file=sys.stderr)
        profiler.start()
        seconds = one_build()
        profiler.stop()
        print(f"profiled build: {seconds:.2f} s (with profiler overhead)", file=sys.stderr)
    stem = out / f"profile-{args.what}-{size}"
    text = profiler.output_text(unicode=True, color=False, show_all=args.show_all)
    stem.with_suffix(".txt").write_text(text, "utf-8")
    stem.with_suffix(".html").write_text(profiler.output_html(), "utf-8")
    print(text)
    print(f"written: {stem}.txt, {stem}.html", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
