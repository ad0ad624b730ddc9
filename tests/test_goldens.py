"""Rendered explanations of the five seed cases, compared with goldens.

The goldens change only with `pytest tests/test_goldens.py --update-goldens`; review the diff.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = Path(__file__).resolve().parent / "goldens"
SEEDS = ("wade", "king", "billings", "buffington", "mackmore")


def _render(name: str, fmt: str) -> str:
    from rich.console import Console

    import doctrine
    from doctrine.render import render_markdown, render_text

    [result] = doctrine.explain(str(ROOT / "scenarios" / f"{name}.case"))
    # the file name in leaves is made relative, so goldens do not depend on the checkout path
    text: str
    if fmt == "md":
        text = render_markdown(result.verdict, result.explanation)
    else:
        buf = io.StringIO()
        Console(file=buf, width=110, color_system=None, force_terminal=False).print(render_text(result.verdict, result.explanation))
        text = buf.getvalue()
    return text.replace(str(ROOT) + "/", "")


@pytest.mark.parametrize("fmt", ["txt", "md"])
@pytest.mark.parametrize("name", SEEDS)
def test_explanation_golden(name: str, fmt: str, request: pytest.FixtureRequest) -> None:
    path = GOLDENS / f"{name}.{fmt}"
    actual = _render(name, fmt)
    if request.config.getoption("--update-goldens"):
        path.write_text(actual)
        return
    assert path.exists(), f"no golden {path.name}: run pytest --update-goldens and review it"
    assert actual == path.read_text(), f"explanation of {name} changed; review and run with --update-goldens"
