"""proof: properties of the doctrine as a whole -- invariants (Python and ASP forms), verify
(proof over the fact space), fuzz, the hypothesis strategies, the generator and variations.

Hands on `Proof`s and `FuzzReport`s (a counterexample, or none)."""
