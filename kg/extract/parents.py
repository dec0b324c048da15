"""A body's parent written right after it, in brackets, after "thuộc" or after a dash: "Viện Khoa học
Hình sự (Bộ Công an)", "Viện MEMO thuộc Viện Hàn lâm Khoa học Nga", "Sư đoàn 316 (Quân khu 2)", "Cơ quan
Cảnh sát điều tra (C 46, Bộ Công an)", "Cơ quan An ninh điều tra - Bộ Công an". After a dash only a
ministry is read as the parent: dashes also join the bodies of a list ("Huyện ủy - HĐND - UBND huyện").
Ministry units without a parent are kg.extract.body_links'."""

from __future__ import annotations

import itertools

from kg.extract.body_links import is_ministry, unit_rank
from kg.extract.build import Builder
from kg.extract.lexicon import Lexicon
from kg.extract.sentence import Sentence
from kg.extract.tokens import phrase_keys, word_key
from kg.model import Entity
from kg.text import name_key

_THUOC = (word_key("thuộc"),)
_CODE_WORDS = 2  # a unit's code before the parent in the brackets: "(C 46, Bộ Công an)", "(K20, …)"


def bracketed_parents(b: Builder, lex: Lexicon, sentences: list[Sentence], org_ent: dict[int, Entity]) -> None:
    for s in sentences:
        toks = s.tokens
        tops = sorted((m for m in s.orgs if id(m) in org_ent), key=lambda m: m.start)
        for child, parent in itertools.pairwise(tops):
            if child.end >= len(toks) or parent.end > len(toks):
                continue
            opening = toks[child.end].text
            if opening == "(":
                between = toks[child.end + 1 : parent.start]
                code = not between or (len(between) <= _CODE_WORDS + 1 and between[-1].text == "," and all(
                    t.text.isupper() or t.text.isdigit() or t.text[:1].isupper() for t in between[:-1]))
                if not code or parent.end >= len(toks) or toks[parent.end].text != ")":
                    continue
                if unit_rank(lex, parent) < unit_rank(lex, child):
                    continue  # "Bộ Công an (Cục C03)": a unit of the body, not its parent
            elif opening in ("-", "–") and parent.start == child.end + 1:
                if not is_ministry(lex, org_ent[id(parent)]) or is_ministry(lex, org_ent[id(child)]):
                    continue
            elif opening == "," and parent.start == child.end + 1 and _echelon(lex, parent) > _echelon(lex, child) >= 0:
                pass  # "Đại đội 77, Lữ đoàn 950": a unit of the army's next echelons up
            elif toks[child.end].keys[:1] == _THUOC and parent.start == child.end + 1:
                pass  # "Viện MEMO thuộc Viện Hàn lâm Khoa học Nga" ("trực thuộc" states a line: body_links.reports_to)
            else:
                continue
            _link(b, lex, org_ent[id(child)], org_ent[id(parent)], (s.start, s.end))


def _echelon(lex: Lexicon, m) -> int:
    """The army echelon of a numbered unit (data military_echelons, lowest first), else -1."""
    ranks = lex.words["military_echelons"]
    head = m.head if m.kind == "named" else next((r for r in ranks if (m.canonical or "").startswith(r + " ")), "")
    return ranks.index(head) if head in ranks else -1  # ("Quân khu 2" is a known body: its name says its echelon)


def _link(b: Builder, lex: Lexicon, child: Entity, parent: Entity, sent: tuple[int, int]) -> None:
    if child.id == parent.id or child.props.get("foreign") != parent.props.get("foreign"):
        return
    if name_key(child.name) in name_key(parent.name):
        return  # "đại biểu Quốc hội thuộc Đoàn đại biểu Quốc hội tỉnh X": the deputy's, a body of the first one
    entry = lex.org_by_key.get(phrase_keys(child.name))
    if entry is not None and (entry.part_of or entry.reports_to):
        return  # the data says where it stands (kg.extract.body_links.structure)
    companies = tuple(lex.words["company_heads"])
    if parent.name.startswith(companies) and not child.name.startswith(companies):
        return  # a body in brackets after a company is its owner's short form, not a parent
    b.relate("PART_OF", child, parent, sent, 0.6)
