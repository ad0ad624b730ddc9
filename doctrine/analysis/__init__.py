"""analysis: questions about the space around a case -- what-if, counterfactual search, compare
and timeline -- over one fact-space module (`space`).

Hands on `WhatIf`, `Comparison` and `Timeline` values for render and the cli."""
