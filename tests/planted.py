"""A pickle payload for the cache tests: unpickling it runs a command, as a planted cache file could."""

from __future__ import annotations

import os
from pathlib import Path


class Planted:
    """Unpickling this runs `os.system`: what a planted cache file could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)
