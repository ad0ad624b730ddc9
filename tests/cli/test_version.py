"""`doctrine --version`: doctrine's version, the digest of the bundled rules, clingo's version."""

from __future__ import annotations

import json
import re

import clingo
from clitools import doctrine

from doctrine.version import __version__


def test_version_names_doctrine_the_rules_and_clingo(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("--version")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"doctrine {__version__}"
    m = re.fullmatch(r"rules sha256 ([0-9a-f]{64}) \((.+)\)", lines[1])
    assert m, lines[1]
    assert lines[2] == f"clingo {clingo.__version__}"
    # the same digest every JSON document carries
    _, doc, _ = cli("run", "scenarios/wade.case", "--format", "json")
    assert json.loads(doc)["rules_sha256"] == m.group(1)


def test_version_in_a_fresh_process() -> None:
    done = doctrine("--version")
    assert done.returncode == 0 and done.stdout.startswith("doctrine ") and "clingo " in done.stdout, done.stderr
