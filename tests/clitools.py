"""Running the `doctrine` command from tests: in a subprocess (`doctrine`), or in process (the
`cli` fixture in conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def doctrine(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m doctrine ARGS` in a fresh process: exit code, stdout and stderr as text."""
    return subprocess.run(
        [sys.executable, "-m", "doctrine", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
