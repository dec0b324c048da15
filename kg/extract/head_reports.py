"""A head who says their body will report to, advise or help another speaks for the body: "ông Phan
Đình Trạc (Trưởng ban Nội chính Trung ương) … tham mưu có hiệu quả cho Bộ Chính trị, Ban Bí thư" gives
Ban Nội chính Trung ương REPORTS_TO each (GUIDELINES: a body reports to another when the text shows
it). Only a person who holds a current post in one body of the report, the nearest person before the
verb, with no body named between them (the pairwise rule of kg.extract.body_links reads those)."""

from __future__ import annotations

from kg.extract.attendance import top_level
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CUA, KEY_VA
from kg.model import Entity

_GAP = 4  # lower-case words a verb's object may stand after ("tham mưu có hiệu quả cho …")


def heads_report(b, lex, sentences: list[Sentence], org_ent, people: dict[int, Entity]) -> None:
    bodies: dict[str, set[str]] = {}
    for r in b.relations.values():
        target = b.entities.get(r.target)
        if r.type == "HOLDS_POSITION" and not r.props.get("former") and target is not None and not (
                target.props.get("foreign")):
            bodies.setdefault(r.source, set()).add(r.target)
    for s in sentences:
        tops = sorted(top_level(s, org_ent), key=lambda me: me[0].start)
        for p in s.people:
            ent = people.get(id(p))
            own = bodies.get(ent.id, set()) if ent is not None else set()
            if len(own) != 1:
                continue
            body = b.entities[next(iter(own))]
            for target in _reported_to(lex, s, tops, max(p.end, p.chain_end)):
                if target.id != body.id:
                    b.relate("REPORTS_TO", body, target, (s.start, s.end), 0.55)


def _reported_to(lex, s: Sentence, tops, start: int) -> list[Entity]:
    """The bodies a verb of reporting after `start` (in the clause, before any other person or body)
    names as its object, and those listed with it."""
    toks = s.tokens
    verbs = lex.phrases["reports_to_sub_sup"]
    starts = {m.start: (m, e) for m, e in tops}
    others = {q.start for q in s.people if q.start >= start}
    for k in range(start, len(toks)):
        if toks[k].text in (";", ":", ".") or k in starts or k in others:
            return []
        if toks[k].is_cap or (hit := verbs.match(toks, k)) is None:
            continue
        if hit[0] - k == 1 and lex.is_other_word(toks, k):
            continue
        before = toks[k - 1]
        if not (before.text == "," or before.keys[:1] == KEY_VA or lex.word_in(before, "aspect_words")
                or lex.word_in(before, "modal_words")):
            return []  # the verb's own subject just before it: "… để cấp dưới tham mưu UBND huyện"
        j = hit[0]
        while j < len(toks) and j - hit[0] < _GAP and j not in starts and toks[j].is_word and not toks[j].is_cap:
            j += 1
        if j not in starts or toks[j - 1].keys[:1] == KEY_CUA:
            return []  # no body right after it; "báo cáo của Sở": a noun and its owner
        listed = [starts[j]]
        while (end := listed[-1][0].end) < len(toks) and (toks[end].text == "," or toks[end].keys[:1] == KEY_VA) and (
                end + 1 in starts):
            listed.append(starts[end + 1])
        return [e for _, e in listed]
    return []
