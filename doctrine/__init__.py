"""doctrine: an executable, explainable model of the review of a refusal to file a
substantial-assistance motion (Wade, King, Billings, Buffington, Mackmore).

The pipeline, one module a stage:
    parse (text -> CaseFile) -> check (-> diagnostics) -> compile (Case -> Program)
    -> solve (Program -> Outcome) -> verdict / explain (-> Verdict, Explanation) -> render

The Python API (`decide`, `explain`, `decide_text`, `explain_text`) is in doctrine.api and
imported lazily, so that `import doctrine` stays cheap; every error it raises is a
`DoctrineError` (a `ValueError`) carrying located diagnostics.
"""

from __future__ import annotations

from typing import Any

from doctrine.version import __version__

__all__ = ["DoctrineError", "__version__", "decide", "decide_text", "explain", "explain_text"]


def decide(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.decide`."""
    from doctrine.api import decide as _decide

    return _decide(*args, **kwargs)


def explain(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.explain`."""
    from doctrine.api import explain as _explain

    return _explain(*args, **kwargs)


def decide_text(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.decide_text`."""
    from doctrine.api import decide_text as _decide_text

    return _decide_text(*args, **kwargs)


def explain_text(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.explain_text`."""
    from doctrine.api import explain_text as _explain_text

    return _explain_text(*args, **kwargs)


def __getattr__(name: str) -> Any:
    """`doctrine.DoctrineError`, imported on first use."""
    if name == "DoctrineError":
        from doctrine.language.diagnostics import DoctrineError

        return DoctrineError
    raise AttributeError(f"module 'doctrine' has no attribute {name!r}")
