"""doctrine: an executable, explainable model of the review of a refusal to file a
substantial-assistance motion (Wade, King, Billings, Buffington, Mackmore).

The pipeline, one module a stage:
    parse (text -> CaseFile) -> check (-> diagnostics) -> compile (Case -> Program)
    -> solve (Program -> Outcome) -> verdict / explain (-> Verdict, Explanation) -> render

The Python API (`decide`, `explain`) is in doctrine.api and imported lazily, so that
`import doctrine` stays cheap.
"""

from __future__ import annotations

from typing import Any

from doctrine.version import __version__

__all__ = ["__version__", "decide", "explain"]


def decide(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.decide`."""
    from doctrine.api import decide as _decide

    return _decide(*args, **kwargs)


def explain(*args: Any, **kwargs: Any) -> Any:
    """See `doctrine.api.explain`."""
    from doctrine.api import explain as _explain

    return _explain(*args, **kwargs)
