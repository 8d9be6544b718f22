"""The maintainers' documentation against the code it describes (README, dev/)."""

from __future__ import annotations

import re

from kit import ROOT

README = (ROOT / "README.md").read_text("utf-8")
ARCHITECTURE = (ROOT / "dev" / "ARCHITECTURE.md").read_text("utf-8")


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    phony = set()
    for line in re.findall(r"^\.PHONY:(.*)$", text, re.M):
        phony |= set(line.split())
    return phony - {"setup", "test-quality"}


def test_readme_names_every_make_target():
    missing = sorted(t for t in _make_targets() if f"`make {t}`" not in README)
    assert not missing, f"README.md does not describe: {missing}"
    assert README.index("make serve") < README.index("## ") and \
        README.index("make test") < README.index("## "), "the two commands come first"


def test_readme_test_table_lists_every_test_directory():
    dirs = sorted(p.name for p in (ROOT / "tests").iterdir()
                  if p.is_dir() and p.name not in {"kit", "fixtures", "__pycache__"})
    missing = [d for d in dirs if f"`tests/{d}/`" not in README]
    assert not missing, f"README.md's test table lacks: {missing}"


def test_plugin_options_are_documented_and_configured():
    from macros.glue import RaceAndRelianceConfig

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    for name, _option in RaceAndRelianceConfig._schema:
        assert f"`{name}`" in ARCHITECTURE, f"dev/ARCHITECTURE.md does not name {name}"
        assert name in config, f"mkdocs.yml does not show the option {name}"


def test_architecture_names_every_module():
    modules = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "macros").rglob("*.py")
                     if p.name != "__init__.py")
    missing = [m for m in modules
               if m not in ARCHITECTURE and m.rsplit("/", 1)[-1] not in ARCHITECTURE]
    assert not missing, f"dev/ARCHITECTURE.md's table does not place: {missing}"
