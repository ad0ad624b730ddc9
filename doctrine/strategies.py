"""Hypothesis strategies for well-formed cases, kept at their documented name: `doctrine.strategies`
is `doctrine.proof.strategies` (`cases()`, `case_texts()`). Importing it imports hypothesis."""

from doctrine.proof.strategies import case_texts, cases, names, word_value

__all__ = ["case_texts", "cases", "names", "word_value"]
