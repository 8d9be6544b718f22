"""``make serve`` on a scratch copy of the project, driven over HTTP.

The server runs the repository's own ``make serve`` (so the test exercises what an
editor runs), pointed at a scratch mkdocs.yml and at a scratch copy of the ``macros``
package (``PYTHONPATH``), so a test may edit code and data without touching the
repository.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .paths import ROOT


def copy_code(dest: Path) -> Path:
    """A copy of the ``macros`` package under ``dest``; returns ``dest/macros``."""
    target = dest / "macros"
    shutil.copytree(ROOT / "macros", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MakeServe:
    """``make serve`` for ``config`` with the code in ``code`` (a ``macros`` directory)."""

    def __init__(self, config: Path, code: Path, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_path = log
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(code.parent))
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            ["make", "-s", "-C", str(ROOT), "serve", f"SERVE_ADDR=127.0.0.1:{self.port}",
             f"SERVE_CONFIG={config}", f"SERVE_CODE={code}"],
            env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str = "", timeout: float = 10) -> tuple[int, str]:
        """(status, body) of a page; status 0 when the server does not answer."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, ok: Callable[[int, str], bool], timeout: float = 60,
                 what: str = "") -> tuple[int, str]:
        """Poll ``path`` until ``ok(status, body)``; fails with the server's log."""
        deadline = time.monotonic() + timeout
        status, body = 0, ""
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"make serve exited ({self.proc.returncode}):\n"
                                     + self.log_tail())
            status, body = self.get(path)
            if ok(status, body):
                return status, body
            time.sleep(0.2)
        raise AssertionError(f"/{path}: {what or 'condition'} not met within {timeout} s "
                             f"(last status {status}):\n" + self.log_tail())

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        text = self.log_path.read_text("utf-8", "replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)  # make, watchmedo and mkdocs serve
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()

    def __enter__(self) -> MakeServe:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
