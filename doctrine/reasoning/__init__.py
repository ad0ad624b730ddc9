"""reasoning: what the answer sets mean -- the verdict, the explanation (why / why-not / even-if)
and the plain-English templates, and `evaluate` (cases -> verdicts and explanations, streamed).

Hands on frozen `Verdict` and `Explanation` values; it prints nothing."""
