"""Where things are."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini-data"
GOLDEN = ROOT / "tests" / "render" / "golden"

#: The site URL every test build of the real site uses (mkdocs.yml reads SITE_URL): a
#: host and sub-path nothing else uses, so a test can find any absolute URL that does
#: not derive from it.
TEST_SITE_URL = "https://rr.test/sub/"
