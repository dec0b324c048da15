"""Interactive HTML graphs: one self-contained, offline page per graph (see `write_html`).

    from kg.viz import VizFilter, write_html
    result = write_html(graph, "graph.html", VizFilter(types=["Person", "Organization"], max_nodes=500))

`select` applies the filters, `render_html` draws a selection, `layout` places the nodes.
"""

from kg.viz.layout import layout
from kg.viz.page import VizResult, render_html, write_html
from kg.viz.select import View, VizFilter, select

__all__ = ["View", "VizFilter", "VizResult", "layout", "render_html", "select", "write_html"]
