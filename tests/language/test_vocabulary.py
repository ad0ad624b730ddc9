"""The vocabulary's two halves and its reference stay in step."""

from __future__ import annotations

from pathlib import Path

from doctrine.language import vocabulary as V

ROOT = Path(__file__).resolve().parents[2]


def test_vocabulary_lp_is_generated_from_the_python_half() -> None:
    """rules/vocabulary.lp is `python -m doctrine.language.vocabulary` output; regenerate it after an edit."""
    def body(text: str) -> str:
        # The header's "Generated from ..." line names the generator's module, which moved to
        # doctrine/language/ (rules/*.lp are edited by the rules' owners); everything else must match.
        return "\n".join(line for line in text.split("\n") if not line.startswith("% Generated from "))

    assert body((ROOT / "rules" / "vocabulary.lp").read_text()) == body(V.vocabulary_lp())
    assert "python -m doctrine.language.vocabulary" in V.vocabulary_lp()


def test_every_key_and_value_is_documented() -> None:
    text = (ROOT / "docs" / "case-language.md").read_text()
    missing = [key.word for _, key in V.walk() if f"`{key.word}`" not in text]
    assert not missing, f"docs/case-language.md does not document {missing}"
    words = {w for _, key in V.walk() if key.domain is not None for w in key.domain.words()}
    undocumented = sorted(w for w in words if w not in text)
    assert not undocumented, f"docs/case-language.md does not mention {undocumented}"


def test_every_predicate_is_defined_for_clingo() -> None:
    text = (ROOT / "rules" / "vocabulary.lp").read_text()
    for pred, (arity, _) in V.input_predicates().items():
        assert f"#defined {pred}/{arity}." in text
