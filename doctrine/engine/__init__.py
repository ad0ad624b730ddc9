"""engine: the rulebase (load, instrument), compile (Case -> Program of clingo Symbols), solve,
and batch streaming. The only room that drives clingo's `Control` for cases.

Hands on `Outcome`s: the answer sets of a case under every branch of the unsettled law."""
