"""What a single `doctrine explain` loads: none of the modules it does not use (its time is
mostly start-up). A structural check, not a timing one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_NEEDED = [
    "clingo.ast",  # the rules' AST: only when rule files are parsed, or for why-not
    "regex",  # lark's optional regex module: doctrine's parser uses re
    "doctrine.engine.instrument",
    "doctrine.reasoning.why_not",
    "doctrine.cli.test",  # the other commands' modules
    "doctrine.cli.fuzz",
    "doctrine.render.html",  # the other output forms
    "doctrine.render.text",
    "rich",
    "hypothesis",
    "multiprocessing",
]


def test_explain_loads_only_what_it_uses() -> None:
    code = (
        "import sys, io, json\n"
        "sys.argv = ['doctrine', 'explain', 'scenarios/billings.case', '--format', 'json']\n"
        "from doctrine.cli.app import main\n"
        "out, sys.stdout = sys.stdout, io.StringIO()\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "sys.stdout = out\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    code_, modules = json.loads(done.stdout.splitlines()[-1])
    assert code_ in (0, None)
    assert "doctrine.engine.compiled" in modules  # it did decide the case
    assert [m for m in NOT_NEEDED if m in modules] == []
