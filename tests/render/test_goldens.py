"""Rendered explanations of the five seed cases, compared with goldens.

The goldens change only with `pytest tests/render/test_goldens.py --update-goldens`; review the diff.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDENS = Path(__file__).resolve().parents[1] / "goldens"
SEEDS = ("wade", "king", "billings", "buffington", "mackmore")


def _render(name: str, fmt: str) -> str:
    """The explanation, with the case file named relative to the project (as a user would)."""
    from rich.console import Console

    import doctrine
    from doctrine.render.markdown import render_markdown
    from doctrine.render.text import render_text

    [result] = doctrine.explain(f"scenarios/{name}.case")
    text: str
    if fmt == "md":
        text = render_markdown(result.verdict, result.explanation)
    else:
        buf = io.StringIO()
        Console(file=buf, width=110, color_system=None, force_terminal=False).print(render_text(result.verdict, result.explanation))
        text = buf.getvalue()
    return text


@pytest.mark.parametrize("fmt", ["txt", "md"])
@pytest.mark.parametrize("name", SEEDS)
def test_explanation_golden(name: str, fmt: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # so that the goldens do not depend on where the checkout lives
    path = GOLDENS / f"{name}.{fmt}"
    actual = _render(name, fmt)
    if request.config.getoption("--update-goldens"):
        path.write_text(actual)
        return
    assert path.exists(), f"no golden {path.name}: run pytest --update-goldens and review it"
    assert actual == path.read_text(), f"explanation of {name} changed; review and run with --update-goldens"
