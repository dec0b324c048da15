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
from kg.extract.deputies import deputies, report_deputies
from kg.extract.events import document_date, infer_year
from kg.extract.led_by import led_by
from kg.extract.lexicon import lexicon
from kg.extract.members import members
from kg.extract.naming import (
    date_short_ministries,
    drop_place_names,
    name_orgs,
    qualify_localities,
    report_places,
    resolve_bare_heads,
)
from kg.extract.relations import emit_relations
from kg.extract.sentence import Sentence, read_sentence
from kg.extract.shared_places import share_localities, share_title_localities
from kg.extract.short_forms import defined_short_forms, expand_in_names, short_form_matcher
from kg.extract.short_names import complete_short_names
from kg.extract.tokens import tokenize
from kg.model import DocumentInfo, Extraction
from kg.text import normalize, sentence_spans


def extract_document(raw_text: str, document: DocumentInfo) -> Extraction:
    text = normalize(raw_text)
    lex = lexicon()
    spans = sentence_spans(text)
    title = _title(text)
    if title and not document.title:
        document.title = title
    doc_date = document.date or document_date(text)
    year = infer_year(text, doc_date)
    tokens = [tokenize(text, s, e) for s, e in spans]
    places = report_places(lex, tokens)
    sentences = [read_sentence(lex, text, k, s, e, places, tokens[k]) for k, (s, e) in enumerate(spans)]
    forms = defined_short_forms(lex, text, sentences)
    if forms:  # read again, knowing the report's own short names of its bodies ("… (Sagri)")
        matcher = short_form_matcher(forms)
        sentences = [read_sentence(lex, text, k, s, e, places, tokens[k], matcher)
                     for k, (s, e) in enumerate(spans)]
    if sentences and _cut_headline(text):
        _drop_cut_word(sentences[0])
    for s in sentences:
        led_by(lex, s)
        deputies(lex, s)
    drop_place_names(sentences, places)
    name_orgs(sentences, lex)
    if forms:
        expand_in_names(lex, sentences, forms)
    date_short_ministries(sentences, doc_date)
    share_localities(sentences, lex)
    share_title_localities(sentences, lex)
    qualify_localities(sentences, lex)
    resolve_bare_heads(sentences)
    complete_short_names(sentences, lex)
    members(lex, sentences)
    report_deputies(lex, sentences)
    b = Builder(document.id, text)
    # the report itself, keyed by its id (not its title) so two reports never merge
    source = {"date": doc_date, "url": document.url, "outlet": document.outlet}  # where and when it was published
    doc_entity = b.entity("Document", document.title or document.id, key=document.id,
                          props={k: v for k, v in source.items() if v} or None)
    emit_relations(b, lex, text, sentences, doc_entity, title, year)
    b.finish()
    entities = list(b.entities.values())
    return Extraction(document=document, text=text, entities=entities, relations=list(b.relations.values()))


_CUT = re.compile(r"\s*(\.\.\.|…)$")


def _cut_headline(text: str) -> bool:
    """A first line cut by the crawler ("… giữ chức Phó Chánh Văn ...")."""
    return bool(_CUT.search(text.lstrip().split("\n", 1)[0].rstrip()))


def _drop_cut_word(s: Sentence) -> None:
    """Mentions that reach the last word of a cut headline are cut too: drop them."""
    words = [k for k, t in enumerate(s.tokens) if t.is_word]
    if not words:
        return
    last = words[-1] + 1
    s.people = [p for p in s.people if max([p.end, *(q.end for q in p.posts)]) < last]
    s.orgs = [o for o in s.orgs if o.end < last]
    s.places = [p for p in s.places if p.end < last]


def _title(text: str) -> str:
    """The first line, when it reads as a headline (short, no closing full stop)."""
    first = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text.lstrip().split("\n", 1)[0]).strip()
    # a crawler cuts long headlines with "...": still the headline, without the dots
    first = _CUT.sub("", first)
    if first and len(first) < 250 and not first.endswith((".", ":")) and len(first.split()) >= 3:
        return first
    return ""


