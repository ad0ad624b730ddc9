"""regress: a case's expectations, the test runner shared by `doctrine test` and pytest, the
rulebase diff and the pytest plugin.

Hands on `CaseResult`s and `Diff`s, and pytest items for every `.case` file."""
