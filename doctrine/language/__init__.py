"""language: the case language -- source text and spans, the syntax tree and its printer, the
vocabulary, parse and check, and the diagnostics.

Hands on a checked `CaseFile` (frozen `Case` trees with a span on every node) or `Diagnostic`s."""
