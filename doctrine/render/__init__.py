"""render: one module per output form (text, json, markdown, graph, html) and the renderers of
comparisons and what-ifs. Returns renderables and strings; only the cli prints them.

Hands on text for people and documents for programs."""
