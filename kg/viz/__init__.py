"""Interactive HTML graphs: one self-contained, offline page per graph (see `write_html`).

    from kg.viz import VizFilter, write_html
    result = write_html(graph, "graph.html", VizFilter(types=["Person", "Organization"], max_nodes=500))

`select` applies the filters, `render_html` draws a selection, `layout` places the nodes. The page's
names are loaded on first use, so that a command that never draws (`kg extract`) does not pay for
pyvis and networkx at start-up.
"""

from __future__ import annotations

import importlib
from typing import Any

from kg.viz.layout import layout
from kg.viz.select import View, VizFilter, select

_DRAWING = {"VizResult", "render_html", "write_html"}  # kg.viz.page

__all__ = ["View", "VizFilter", "VizResult", "layout", "render_html", "select", "write_html"]


def __getattr__(name: str) -> Any:
    if name not in _DRAWING:
        raise AttributeError(f"module 'kg.viz' has no attribute {name!r}")
    return getattr(importlib.import_module("kg.viz.page"), name)
