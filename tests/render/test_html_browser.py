"""The HTML page in a real browser: each seed case rendered in headless Chromium at 1400 px, measured
from the page itself.

A small script is added to the page under test only (the page doctrine writes has no script): it
records every console error and page error as they happen, and after layout writes its
measurements into the DOM, which `chromium --dump-dom` prints. Asserted: no horizontal overflow of
the page, the graph's box inside the viewport, every holding of the verdict in the holdings table
and as a node of the graph, no console errors. Skipped only where Chromium is not installed
(Debian: `apt-get install chromium`; CI installs it).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("wade", "king", "billings", "buffington", "mackmore")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH = 1400

pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (Debian: apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed (Debian: apt-get install graphviz)"),
]

ERRORS = """<script>
window.__errors = [];
const __error = console.error.bind(console);
console.error = (...a) => { window.__errors.push(a.map(String).join(" ")); __error(...a); };
window.addEventListener("error", e => window.__errors.push(e.message || ("failed to load " + (e.target.src || e.target.href))), true);
</script>"""

MEASURE = """<script>
(() => {
  const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; };
  const root = document.documentElement;
  const out = {
    clientWidth: root.clientWidth, scrollWidth: root.scrollWidth, innerWidth: window.innerWidth,
    graphs: [...document.querySelectorAll(".graph")].map(box),
    svgs: [...document.querySelectorAll(".graph svg")].map(box),
    rows: [...document.querySelectorAll("tr[data-holding]")].map(r => r.dataset.holding),
    nodes: [...document.querySelectorAll("g.derivation")].map(g => g.id),
    errors: window.__errors,
  };
  const pre = document.createElement("pre");
  pre.id = "measurements";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def measure(page: str, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    """Load the page in headless Chromium at WIDTH px and return what the page measured."""
    page = page.replace("<head>", "<head>" + ERRORS, 1).replace("</body>", MEASURE + "</body>", 1)
    path = tmp_path / "page.html"
    path.write_text(page)
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--hide-scrollbars", f"--window-size={WIDTH},1000", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="measurements">(.*?)</pre>', done.stdout, re.S)
    assert found, "the page wrote no measurements: " + done.stdout[-500:]
    return json.loads(html.unescape(found.group(1)))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_page_in_chromium(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import doctrine
    from doctrine.render.html import render_html

    monkeypatch.chdir(ROOT)
    [r] = doctrine.explain(f"scenarios/{name}.case")
    m = measure(render_html([(r.verdict, r.explanation)]), tmp_path)
    assert m["innerWidth"] == WIDTH
    assert m["scrollWidth"] <= m["clientWidth"], "the page scrolls sideways"
    assert m["graphs"] and m["svgs"], "no graph on the page"
    for b in m["graphs"] + m["svgs"]:
        assert b["left"] >= 0 and b["right"] <= m["clientWidth"], f"the graph's box {b} leaves the viewport"
    holdings = [f"{h.rule}|{h.answer}" for h in r.verdict.holdings]
    assert sorted(m["rows"]) == sorted(holdings)
    assert sorted(n.removeprefix("c0_") for n in m["nodes"]) == sorted(holdings)
    assert m["errors"] == []


def test_the_measurements_can_fail(tmp_path: Path) -> None:
    """The same measurements on a page that is too wide and logs an error: both are caught."""
    page = (
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        "<div class='graph' style='width:2000px'><svg width='2000' height='10'></svg></div>"
        "<script>console.error('broken')</script></body></html>"
    )
    m = measure(page, tmp_path)
    assert m["scrollWidth"] > m["clientWidth"]
    assert m["graphs"][0]["right"] > m["clientWidth"]
    assert m["errors"] == ["broken"]
