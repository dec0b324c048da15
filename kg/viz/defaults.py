"""Defaults of the graph pages that the CLI shows in its help (kept apart: no drawing code loads)."""

OVERVIEW_FROM = 400  # drawn entities from which `kg viz` shows the overview unless told otherwise
