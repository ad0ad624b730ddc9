"""The batch API, kept at its documented name: `doctrine.batch.evaluate` streams (Verdict,
Explanation) pairs for 1 or 1,000,000 cases. It lives in `doctrine.reasoning.evaluate`; the
streaming machinery under it is `doctrine.engine.batch`."""

from doctrine.reasoning.evaluate import Evaluation, evaluate

__all__ = ["Evaluation", "evaluate"]
