"""Extraction: one report's text -> entities and relations with evidence (see pipeline.py)."""

from __future__ import annotations

from pathlib import Path

from kg.model import DocumentInfo, Entity, Extraction, make_id


def extract(text: str, document: DocumentInfo) -> Extraction:
    """Extract entities and relations from raw report text. (Interim: only the Document.)"""
    doc = Entity(id=make_id("Document", document.id), type="Document", name=document.title or document.id)
    return Extraction(document=document, text=text, entities=[doc], relations=[])


def extract_file(path: str | Path, encoding: str | None = None) -> Extraction:
    from kg.sources import read_document

    text, info = read_document(path, encoding)
    return extract(text, info)
