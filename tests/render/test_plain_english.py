"""Plain English everywhere: no ASP term in the prose of the text, Markdown and HTML renderings.

Every bundled case (scenarios/ and corpus/) is explained, with a why-not of `relief`, and each
rendering is scanned. What the scan allows outside code spans, precisely:

- a **rule id**: a key of the rulebase's rule table (`load_rulebase().rules`, the ids declared
  by `rule/5` in rules/*.lp), so a rule added to the rules is allowed with no change here;
- the **case id** (the researcher's own name for the case, from its `case` line);
- a **file location**: a path ending in `.case` or `.lp`, with an optional `:line`;
- the case's **title and citation**, verbatim as its file states them (a docket number such as
  "17-1814-cr(L)" is the court's, not an atom).

Code spans are not prose: backtick spans in Markdown, `<code>` elements in HTML (and the page's
`<style>`, `<script>` and the graph's SVG `<title>` tooltips, which Graphviz fills with node ids).
What is refused in prose: a term `word(` (an atom), a token with an underscore, an ASP constant
spelled with digits (`s3553e`, `rule35b`), and a doubled word or article ("motion motion",
"the an").
"""

from __future__ import annotations

import io
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "scenarios").glob("*.case")) + sorted((ROOT / "corpus").glob("*.case"))

TERM = re.compile(r"\b[a-z][a-z0-9_]*\(")
TOKEN = re.compile(r"[\w./-]*_[\w./:-]*|\b[a-z]+[0-9]+[a-z0-9]*\b")
DOUBLED = re.compile(r"\b(\w+) \1\b|\b(?:a|an|the) (?:a|an|the)\b", re.IGNORECASE)
LOCATION = re.compile(r"[\w./-]+\.(?:case|lp)(?::\d+)?")


@cache
def _rule_ids() -> frozenset[str]:
    from doctrine.engine.rulebase import load_rulebase

    return frozenset(load_rulebase(None).rules)


def leaks(prose: str, case_id: str, verbatim: tuple[str, ...] = ()) -> list[str]:
    """The ASP terms, stray identifiers and stumbles in a piece of prose (code spans removed)."""
    allowed = _rule_ids() | {case_id}
    for text in verbatim:
        prose = prose.replace(text, " ") if text else prose
    prose = LOCATION.sub(" ", prose)
    found = [m.group(0) for m in TERM.finditer(prose)]
    for m in TOKEN.finditer(prose):
        token = m.group(0).strip(".,;:()[]")
        if token and token not in allowed:
            found.append(token)
    found += [m.group(0) for m in DOUBLED.finditer(prose) if m.group(0).lower() not in {"that that"}]
    return found


class _Prose(HTMLParser):
    SKIP = frozenset({"code", "style", "script", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.text.append(data)


def html_prose(page: str) -> str:
    parser = _Prose()
    parser.feed(page)
    return "\n".join(parser.text)


def markdown_prose(md: str) -> str:
    return re.sub(r"`[^`\n]*`", " ", md)


def _renderings(path: Path) -> list[tuple[str, tuple[str, str], str, str]]:
    """(case id, (title, citation), form, prose) for every case of a file: text, Markdown, HTML."""
    from rich.console import Console

    import doctrine
    from doctrine.render.html import render_html
    from doctrine.render.markdown import render_markdown
    from doctrine.render.text import render_text

    out = []
    for r in doctrine.explain(str(path.relative_to(ROOT)), why_not="relief"):
        buf = io.StringIO()
        Console(file=buf, width=100, color_system=None, force_terminal=False).print(render_text(r.verdict, r.explanation))
        names = (r.verdict.title, r.verdict.citation)
        out.append((r.verdict.case, names, "text", buf.getvalue()))
        out.append((r.verdict.case, names, "md", markdown_prose(render_markdown(r.verdict, r.explanation))))
        out.append((r.verdict.case, names, "html", html_prose(render_html([(r.verdict, r.explanation)], graph=False))))
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_rendered_prose_is_plain_english(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    problems = [
        f"{case} ({form}): {leak!r} in: {line.strip()[:160]}"
        for case, names, form, prose in _renderings(path)
        for line in prose.splitlines()
        for leak in leaks(line, case, names)
    ]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(
    "prose",
    [
        "even if review(waived) were set aside",
        "if rounsavall_rule = recognized",
        "authorized (s3553e motion)",
        "to file the an unspecified motion motion",
        "Unsettled here, decided both ways: bad_faith_review",
    ],
)
def test_the_scan_catches_the_leaks_the_issue_names(prose: str) -> None:
    assert leaks(prose, "billings")


@pytest.mark.parametrize(
    "prose",
    [
        "the claim was waived  [buffington_waiver_proffers; United States v. Buffington, No. 11-1727]",
        "the government filed the § 3553(e) motion: no  (scenarios/billings_race_stand_in.case:28)",
        "billings_race_stand_in  (the Seventh Circuit)",
        "Rule 35(b) motion, United States v. Perez, 526 F.3d 1135, at 1138",
    ],
)
def test_the_scan_allows_rule_ids_case_ids_locations_and_citations(prose: str) -> None:
    assert leaks(prose, "billings_race_stand_in") == []


SEEDS = ("wade", "king", "billings", "buffington", "mackmore")


@pytest.mark.parametrize("name", SEEDS)
def test_piped_text_never_splits_a_rule_id(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """At a pipe's 80 columns every rule id of the verdict and the trees is printed whole."""
    from rich.console import Console

    import doctrine
    from doctrine.render.text import render_text

    monkeypatch.chdir(ROOT)
    [r] = doctrine.explain(f"scenarios/{name}.case", why_not="relief")
    buf = io.StringIO()
    Console(file=buf, width=80, color_system=None, force_terminal=False).print(render_text(r.verdict, r.explanation))
    text = buf.getvalue()
    assert r.explanation is not None
    ids = {h.rule for h in r.verdict.holdings} | {n.rule for n in r.explanation.nodes() if n.rule}
    assert ids
    assert not [i for i in sorted(ids) if i not in text]
