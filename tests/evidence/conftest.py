import sys
from pathlib import Path

# evidence_helpers sits beside the tests; make it importable however pytest is started.
sys.path.insert(0, str(Path(__file__).resolve().parent))
