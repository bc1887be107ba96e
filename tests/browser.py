"""Headless Chromium for the report tests: one launcher, offline, with a throw-away profile and home.

Needs Debian's ``chromium`` package; tests marked ``needs_chromium`` are skipped with the reason when it
is missing.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install -y chromium)")


def chromium(tmp_path: Path, profile: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium offline (no background networking, no proxy from the environment), with a
    fresh profile and home under ``tmp_path`` and scrollbars hidden, so screenshots measure the page."""
    assert CHROMIUM is not None
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
               "--hide-scrollbars", f"--user-data-dir={tmp_path / profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, env=env, check=False)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG screenshot (the IHDR chunk comes first)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
