"""language: the case language -- source text and spans, the syntax tree and its printer, the
vocabulary, parse and check, and the diagnostics.

Hands on a checked `CaseFile` (frozen `Case` trees with a span on every node) or `Diagnostic`s."""

# The parser is lark's with the standard library's `re` (its option `regex=False`). lark imports
# the optional `regex` module whenever it is installed, only to offer it: about 10 ms of every
# command's start-up. So lark is first imported here with `regex` hidden, and the parser is the
# same whether or not `regex` is installed; `import regex` works again as soon as lark is in.
import sys as _sys

if "lark" not in _sys.modules and "regex" not in _sys.modules:
    _sys.modules["regex"] = None  # type: ignore[assignment]  # `import regex` raises ImportError
    try:
        import lark as _lark  # noqa: F401
    finally:
        del _sys.modules["regex"]
