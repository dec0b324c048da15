"""Which file types kg reads, by file name extension, and the reader for each."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kg.sources.base import Parsed

SUPPORTED: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def format_of(path: str | Path) -> str | None:
    """The format name for a path ("txt", "md", "html", "docx", "pdf"), or None if unsupported."""
    return SUPPORTED.get(os.path.splitext(path)[1].lower())  # not pathlib: it interns every name


def reader_for(fmt: str) -> Callable[[bytes, str | None], Parsed]:
    """The reader of one format; imported on demand so a .txt run never loads pypdf or lxml."""
    if fmt == "txt":
        from kg.sources.plain import read_txt

        return read_txt
    if fmt == "md":
        from kg.sources.plain import read_md

        return read_md
    if fmt == "html":
        from kg.sources.html import read_html

        return read_html
    if fmt == "docx":
        from kg.sources.office import read_docx

        return read_docx
    if fmt == "pdf":
        from kg.sources.pdf import read_pdf

        return read_pdf
    raise ValueError(f"no reader for format {fmt!r}")
