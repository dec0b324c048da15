"""Extraction: one report's text -> entities and relations with evidence (see pipeline.py)."""

from __future__ import annotations

from pathlib import Path

from kg.model import DocumentInfo, Extraction


def extract(text: str, document: DocumentInfo) -> Extraction:
    """Extract entities and relations from raw report text (normalized here, offsets kept)."""
    from kg.extract.pipeline import extract_document

    return extract_document(text, document)


def extract_file(path: str | Path, encoding: str | None = None) -> Extraction:
    from kg.sources import read_document

    text, info = read_document(path, encoding)
    return extract(text, info)
