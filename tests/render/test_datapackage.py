"""datapackage.json and README.md: the CSV downloads described for tools and for people.

The downloads are written exactly as a build writes them (``generated_files``, over the
fixture data) and checked with the frictionless Python API: the package validates, every
CSV download is one of its resources with the columns its Table Schema declares, and a
planted defect (a column nobody declared, a dangling key, a value outside its enum)
fails. The period columns parse as ISO dates without pandas. The built sites (mini and
real) get the same checks in tests/site/test_site_datapackage.py.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.datapackage import check_periods, csv_rows, package_errors
from macros.evidence import dates
from macros.evidence.model import Bilingual
from macros.render import exports
from macros.render.generated import generated_files


def write_downloads(fb, options, dest: Path) -> Path:
    """The downloads/ directory a build writes, under ``dest``."""
    for path, content in generated_files(fb, options).items():
        if path.startswith(f"{exports.DOWNLOADS_DIR}/"):
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    return dest / exports.DOWNLOADS_DIR


@pytest.fixture(scope="module")
def downloads_dir(tmp_path_factory, mini_site_model) -> Path:
    return write_downloads(mini_site_model.fb, mini_site_model.options,
                           tmp_path_factory.mktemp("mini"))


# --------------------------------------------------------------------------- validity


def test_the_package_validates(downloads_dir: Path) -> None:
    verdicts = package_errors(downloads_dir)
    assert verdicts and all(errors == [] for errors in verdicts.values()), verdicts


def test_every_csv_download_is_a_resource_with_its_declared_columns(
        downloads_dir: Path, mini_factbase) -> None:
    package = json.loads((downloads_dir / "datapackage.json").read_text("utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    csvs = sorted(p.relative_to(downloads_dir).as_posix()
                  for p in downloads_dir.rglob("*.csv"))
    assert sorted(resources) == csvs
    assert {"facts.csv", "facts-excel.csv", "sources.csv", "entities.csv"} <= set(csvs)
    for path, resource in resources.items():
        header = next(csv.reader(io.StringIO((downloads_dir / path).read_text("utf-8-sig"))))
        assert header == [f["name"] for f in resource["schema"]["fields"]], path
        assert header == [c.name for c in exports.table(path, mini_factbase).columns]
        assert resource["schema"]["missingValues"] == [""]
        assert resource["profile"] == "tabular-data-resource"


def test_keys_and_types(downloads_dir: Path) -> None:
    package = json.loads((downloads_dir / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    facts = resources["facts"]["schema"]
    assert facts["primaryKey"] == ["id"]
    assert {(k["fields"][0], k["reference"]["resource"]) for k in facts["foreignKeys"]} == {
        ("source", "sources"), ("subject", "entities"), ("speaker", "entities"),
        ("data_producer", "entities")}
    fields = {f["name"]: f for f in facts["fields"]}
    assert fields["quantity_value"]["type"] == "number"  # never guessed from a sample
    assert fields["period_start"]["type"] == "date"
    assert fields["aggregate"]["type"] == "boolean"
    assert fields["kind"]["constraints"]["enum"] == [
        "statistic", "event", "report", "claim", "forecast", "opinion"]
    for name in ("theme", "quantity_qualifier", "quantity_unit", "as_of_basis", "date_basis"):
        assert fields[name]["constraints"]["enum"], name
    assert resources["facts-excel"]["encoding"] == "utf-8-sig"
    measure = next(r for r in resources.values() if r["name"].startswith("measure-"))
    assert {"fields": ["fact"], "reference": {"resource": "facts", "fields": ["id"]}} in \
        measure["schema"]["foreignKeys"]
    entities = resources["entities"]["schema"]
    assert {"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}} in \
        entities["foreignKeys"]
    for resource in resources.values():  # Table Schema patterns: XML Schema syntax only
        for field in resource["schema"]["fields"]:
            assert "(?" not in field.get("constraints", {}).get("pattern", ""), field["name"]


def test_metadata_comes_from_the_data(downloads_dir: Path, mini_factbase) -> None:
    package = json.loads((downloads_dir / "datapackage.json").read_text("utf-8"))
    modified = exports.data_modified(mini_factbase)
    year, month, day = (int(p) for p in modified.split("-"))
    assert package["name"] == exports.PACKAGE_NAME and package["title"] == "Mini"
    assert package["version"] == f"{year}.{month}.{day}"
    assert package["created"] == f"{modified}T00:00:00Z"  # the data's date, not the build's
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": exports.LICENCE_URL,
                                    "title": exports.LICENCE_TITLE}]
    assert "remain their publishers'" in package["description"]
    assert len(package["sources"]) == len(mini_factbase.sources)
    assert all(s["title"] and s["path"].startswith("https://") for s in package["sources"])
    for resource in package["resources"]:
        content = (downloads_dir / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()


# --------------------------------------------------------------------------- planted defects


def _undeclared_column(directory: Path) -> None:
    path = directory / "facts.csv"
    lines = path.read_text("utf-8").split("\n")
    lines = [line + (",planted" if i == 0 else ",x") for i, line in enumerate(lines) if line]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _dangling_source(directory: Path) -> None:
    path = directory / "measures" / "share-of-ai-compute.csv"
    path.write_text(path.read_text("utf-8").replace("mini-daily-2025-report",
                                                    "no-such-source", 1), "utf-8")


def _unit_outside_enum(directory: Path) -> None:
    path = directory / "measures" / "share-of-ai-compute.csv"
    path.write_text(path.read_text("utf-8").replace(",percent,", ",per-cent,", 1), "utf-8")


def _not_a_period(directory: Path) -> None:
    path = directory / "measures" / "share-of-ai-compute.csv"
    path.write_text(path.read_text("utf-8").replace(",2025-06,", ",H1 2025,", 1), "utf-8")


@pytest.mark.parametrize(("plant", "resource", "expected"), [
    (_undeclared_column, "facts", ["extra-label"]),
    (_dangling_source, "measure-share-of-ai-compute", ["foreign-key"]),
    (_unit_outside_enum, "measure-share-of-ai-compute", ["constraint-error"]),
    (_not_a_period, "measure-share-of-ai-compute", ["constraint-error"]),
], ids=["undeclared-column", "dangling-source", "unit-outside-enum", "not-a-period"])
def test_a_planted_defect_fails(downloads_dir: Path, tmp_path: Path,
                                plant: Callable[[Path], None], resource: str,
                                expected: list[str]) -> None:
    """The defect alone: the planted file's size and hash are brought up to date in the
    package, so what fails is the table, not its checksum."""
    copy = tmp_path / "downloads"
    shutil.copytree(downloads_dir, copy)
    plant(copy)
    descriptor = copy / "datapackage.json"
    package = json.loads(descriptor.read_text("utf-8"))
    for entry in package["resources"]:
        content = (copy / entry["path"]).read_bytes()
        entry["bytes"], entry["hash"] = (len(content),
                                         "sha256:" + hashlib.sha256(content).hexdigest())
    descriptor.write_text(json.dumps(package), "utf-8")

    verdicts = package_errors(copy)

    assert verdicts[resource] == expected
    assert all(errors == [] for name, errors in verdicts.items() if name != resource)


def test_a_csv_without_a_table_schema_cannot_ship(mini_factbase) -> None:
    stray = exports.Download("extra.csv", b"a\n1\n", 1, "An undescribed table.")
    with pytest.raises(ValueError, match="extra.csv: a CSV download with no table"):
        exports.datapackage(mini_factbase, [stray], "Mini", "")


# --------------------------------------------------------------------------- columns


def test_period_columns_parse_as_iso_dates(downloads_dir: Path) -> None:
    assert check_periods(downloads_dir) > 0


def test_period_columns_are_the_first_and_last_day(downloads_dir: Path,
                                                   mini_factbase) -> None:
    rows = {r["id"]: r for r in csv_rows(downloads_dir / "facts.csv")}
    for fact in mini_factbase.facts.values():
        when = fact.as_of if fact.as_of is not None else fact.date
        row = rows[fact.id]
        if not dates.is_known(when):
            assert row["period_start"] == row["period_end"] == ""
            continue
        start, end = dates.period_bounds(when)
        assert row["period_start"] == dates.first_day(start).isoformat()
        assert row["period_end"] == dates.last_day(end).isoformat()
    assert exports.period_days("2024-01..2024-08") == ("2024-01-01", "2024-08-31")
    assert exports.period_days("2024-02") == ("2024-02-01", "2024-02-29")
    assert exports.period_days("2023") == ("2023-01-01", "2023-12-31")
    assert exports.period_days("unknown") == exports.period_days(None) == ("", "")


def test_subject_names_and_the_aggregate_flag(mini_factbase) -> None:
    fact = next(f for f in mini_factbase.facts.values() if f.subject == "china")
    china = mini_factbase.entities["china"]
    row = exports.fact_row(fact, mini_factbase.entities)
    assert (row["subject_name_en"], row["subject_name_zh"], row["aggregate"]) == (
        china.name.en, china.name.zh, "false")
    group = {**mini_factbase.entities,
             "china": china.model_copy(update={"members": ["beichen-chips", "qiming-ai"]})}
    assert exports.fact_row(fact, group)["aggregate"] == "true"
    unsubjected = next(f for f in mini_factbase.facts.values() if f.subject is None)
    assert exports.fact_row(unsubjected, mini_factbase.entities)["aggregate"] == ""
    assert exports.entity_row(group["china"])["members"] == '["beichen-chips", "qiming-ai"]'


def test_the_excel_variant_is_facts_csv_with_a_byte_order_mark(downloads_dir: Path) -> None:
    excel = (downloads_dir / "facts-excel.csv").read_bytes()
    assert excel == b"\xef\xbb\xbf" + (downloads_dir / "facts.csv").read_bytes()
    assert csv_rows(downloads_dir / "facts-excel.csv") == csv_rows(downloads_dir / "facts.csv")


def test_facts_excel_reads_back_like_facts_csv(downloads_dir: Path, mini_factbase) -> None:
    text = (downloads_dir / "facts-excel.csv").read_text("utf-8-sig")
    assert [f.model_dump() for f in exports.facts_from_csv(text)] == [
        f.model_dump() for f in mini_factbase.facts.values()]


def test_a_row_must_have_exactly_the_declared_columns() -> None:
    columns = [exports.Field("a", "A."), exports.Field("b", "B.")]
    assert exports._csv(columns, [{"a": "1", "b": "2"}]) == b"a,b\n1,2\n"
    for bad in ({"a": "1"}, {"a": "1", "b": "2", "c": "3"}, {"b": "2", "a": "1"}):
        with pytest.raises(ValueError, match="not the declared"):
            exports._csv(columns, [bad])


# --------------------------------------------------------------------------- the dictionary


def test_readme_lists_every_file_and_column(downloads_dir: Path) -> None:
    readme = (downloads_dir / "README.md").read_text("utf-8")
    for path in downloads_dir.rglob("*"):
        if path.is_file():
            assert f"`{path.relative_to(downloads_dir).as_posix()}`" in readme, path.name
    for _, files, columns in exports.DICTIONARY:
        assert f"### {exports._md(files)}" in readme
        for column in columns:
            assert f"| `{column.name}` | {column.type_label.en}" in readme, column.name
    for needed in ("START..END", "2024-01..2024-08", "printed", "inferred", "outside",
                   "do not sum", "UTF-8", "From Text/CSV", "65001", "CC BY 4.0",
                   "How to cite", "remain their publishers'"):
        assert needed.lower() in readme.lower(), needed


def test_the_downloads_page_prints_the_same_dictionary(render) -> None:
    html = render("downloads", url="downloads/")
    for anchor, _, columns in exports.DICTIONARY:
        assert f'id="{anchor}"' in html
        for column in columns:
            assert f"<code>{column.name}</code>" in html
    for name in ("README.md", "datapackage.json", "facts-excel.csv", "sources.csv",
                 "entities.csv"):
        assert f'href="{name}"' in html


def test_the_dictionary_is_escaped_on_the_page(render, monkeypatch) -> None:
    hostile = exports.Field("x<y", Bilingual(en="<script>alert(1)</script> & more",
                                             zh="<script>alert(2)</script> & more"),
                            type="str<ing")
    monkeypatch.setattr(exports, "DICTIONARY", [("fields-facts", "x", [hostile])])
    html = render("downloads", url="downloads/")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "<code>x&lt;y</code>" in html and "str&lt;ing" in html


def test_download_count_counts_tables_only(render) -> None:
    from macros.render.registry import MacroError

    assert render("download_count", "sources.csv") == render("download_count", "sources.json")
    with pytest.raises(MacroError, match="no rows to count in 'README.md'"):
        render("download_count", "README.md")


def test_the_package_is_deterministic(mini_site_model, tmp_path: Path) -> None:
    a = write_downloads(mini_site_model.fb, mini_site_model.options, tmp_path / "a")
    b = write_downloads(mini_site_model.fb, mini_site_model.options, tmp_path / "b")
    for name in ("datapackage.json", "README.md"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
