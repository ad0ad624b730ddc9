"""Shared test settings: hypothesis profiles (`ci` is picked when CI=true; `deep` on request)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev"))


def pytest_addoption(parser):  # type: ignore[no-untyped-def]
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/goldens/ from the current output instead of comparing against it",
    )


import pytest  # noqa: E402


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `doctrine ARGS` in process through doctrine.cli.app.main: (exit code, stdout, stderr)."""
    import sys

    from doctrine.cli import app as module

    monkeypatch.setenv("DOCTRINE_WIDTH", "200")

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["doctrine", *args])
        with pytest.raises(SystemExit) as done:
            module.main()
        out, err = capsys.readouterr()
        return int(done.value.code or 0), out, err

    return run
