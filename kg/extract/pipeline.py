"""From a report's text to its entities and relations: the order of the rules.

1. normalize (offset-safe) and split sentences; 2. read each sentence into mentions
(sentence.py); 3. give every organization mention its canonical name, resolving short forms
("Đảng ủy cơ quan", "ông Hoạt") to the full one named elsewhere in the report; 4. emit
entities with evidence and the relations the mentions and the report's structure state.
"""

from __future__ import annotations

import re
import unicodedata

from kg.extract.build import Builder
from kg.extract.events import document_date, infer_year
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.orgs import canonical_name
from kg.extract.relations import emit_relations
from kg.extract.sentence import Sentence, read_sentence
from kg.extract.tokens import phrase_keys as _keys
from kg.model import DocumentInfo, Extraction
from kg.text import name_key, normalize, sentence_spans


def extract_document(raw_text: str, document: DocumentInfo) -> Extraction:
    text = normalize(raw_text)
    lex = lexicon()
    spans = sentence_spans(text)
    title = _title(text)
    if title and not document.title:
        document.title = title
    doc_date = document.date or document_date(text)
    year = infer_year(text, doc_date)
    sentences = [read_sentence(lex, text, k, s, e) for k, (s, e) in enumerate(spans)]
    _name_orgs(sentences, lex)
    _qualify_localities(sentences, lex)
    b = Builder(document.id, text)
    # the report itself, keyed by its id (not its title) so two reports never merge
    doc_entity = b.entity("Document", document.title or document.id, key=document.id,
                          props={"date": doc_date} if doc_date else None)
    emit_relations(b, lex, text, sentences, doc_entity, title, year)
    entities = list(b.entities.values())
    return Extraction(document=document, text=text, entities=entities, relations=list(b.relations.values()))


def _title(text: str) -> str:
    """The first line, when it reads as a headline (short, no closing full stop)."""
    first = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text.lstrip().split("\n", 1)[0]).strip()
    if first and len(first) < 250 and not first.endswith((".", ":")) and len(first.split()) >= 3:
        return first
    return ""


def _all_mentions(sentences: list[Sentence]):
    for s in sentences:
        for top in s.orgs:
            yield from top.walk()


def _name_orgs(sentences: list[Sentence], lex: Lexicon) -> None:
    """Canonical names for every org mention; short forms resolve to a unique longer name."""
    full: dict[str, str] = {}
    for m in _all_mentions(sentences):
        if not any(x.kind == "bare" for x in m.walk()):
            name = canonical_name(m, lex)
            full.setdefault(name_key(name), name)
    for m in _all_mentions(sentences):
        if m.kind == "bare":
            key = name_key(m.head)
            hits = {k: v for k, v in full.items() if k.startswith(key + " ")}
            if len(hits) == 1:
                m.canonical = next(iter(hits.values()))
                m.kind = "resolved"
    for m in _all_mentions(sentences):
        if m.kind != "bare" or m.canonical:
            m.canonical = canonical_name(m, lex)
    # a named body written short ("Ban Chỉ đạo") is the one longer name that extends it
    names = {name_key(m.canonical): m.canonical for m in _all_mentions(sentences) if m.canonical}
    for m in _all_mentions(sentences):
        if m.kind == "named" and m.inner is None and not lex.org_by_key.get(_keys(m.canonical)):
            key = name_key(m.canonical)
            longer = [v for k, v in names.items() if k.startswith(key + " ")]
            if len(longer) == 1:
                m.canonical = longer[0]


_PLACE_SUFFIX = re.compile(r" (tỉnh|thành phố) ([A-ZÀ-ỸĐ][^,;]*)$")


def _qualify_localities(sentences: list[Sentence], lex: Lexicon) -> None:
    """When a report names exactly one province or city, its "UBND tỉnh", "Tỉnh ủy", "Sở Y tế"
    are that province's: "Ủy ban nhân dân tỉnh Thanh Hóa". Otherwise they stay generic."""
    places = {(m.group(1), m.group(2)) for x in _all_mentions(sentences)
              if x.canonical and (m := _PLACE_SUFFIX.search(x.canonical))}
    if len(places) != 1:
        return
    level, place = places.pop()
    party = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy"}[level]
    for m in _all_mentions(sentences):
        name = m.canonical
        if not name or _PLACE_SUFFIX.search(name):
            continue
        if name.endswith(f" {level}"):
            m.canonical = f"{name} {place}"
        elif name == party or name.endswith(f" {party}"):
            m.canonical = f"{name} {place}"
        elif (name.startswith("Sở ") and level == "tỉnh") or (name.startswith("Sở ") and level == "thành phố"):
            m.canonical = f"{name} {level} {place}"
