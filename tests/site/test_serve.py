"""``make serve``: what an editor runs, tested over HTTP on a scratch copy."""

from __future__ import annotations

from kit import mini_site
from kit.serving import MakeServe, copy_code

PAGES = {"index.md": "# Home\n\nA figure: {{ figure('china-ai-compute-share-2025') }}.\n",
         "compute.md": "# Compute\n\n{{ theme_facts('compute') }}\n"}
MARK = "<!-- rr-edited-glue -->"
# An edit to the glue as a maintainer would make one: every page gets a marker.
EDIT = f'''

_on_post_page = RaceAndReliancePlugin.on_post_page


def _marked(self, output, *, page, config):
    return _on_post_page(self, output, page=page, config=config) + {MARK!r}


RaceAndReliancePlugin.on_post_page = _marked
'''


def test_an_edit_to_the_glue_takes_effect_under_make_serve(tmp_path):
    """MkDocs keeps a plugin's module for the life of `mkdocs serve`: `make serve`
    restarts the server when code under macros/ changes, and the next page shows it."""
    code = copy_code(tmp_path / "code")
    config = mini_site(tmp_path / "src", PAGES)
    with MakeServe(config, code, tmp_path / "serve.log") as server:
        server.wait_for("", lambda status, body: status == 200 and "about 15%" in body,
                        what="the first build")
        assert MARK not in server.get("")[1]
        glue = code / "glue.py"
        glue.write_text(glue.read_text("utf-8") + EDIT, "utf-8")
        # Only a new process runs the edited module: MkDocs never imports it again.
        server.wait_for("", lambda status, body: status == 200 and MARK in body,
                        what="the edited glue's output")
