"""A body that acts on another's proposal is the one the proposer reports to: "Bộ Chính trị đã xem xét
đề nghị của Ủy ban Kiểm tra Trung ương", "Sau khi xem xét tờ trình của Ban Tổ chức Trung ương, Ban
Bí thư quyết định …", "Quốc hội quyết định theo đề nghị của Ủy ban Thường vụ Quốc hội" (data/lexicon.yaml
proposal_cues, proposal_nouns). The decider is the body right before the cue ("Bộ Chính trị đã xem xét"),
or, after a leading clause, the body that opens the main clause (after a comma, before its verb); a
proposal whose decider another sentence names ("Việc kỷ luật này dựa trên đề nghị của …") states no line."""

from __future__ import annotations

from kg.extract.build import Builder
from kg.extract.lexicon import Lexicon
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CUA
from kg.model import Entity


def proposals(b: Builder, lex: Lexicon, sentences: list[Sentence], org_ent: dict[int, Entity]) -> None:
    cues, nouns = lex.phrases["proposal_cues"], lex.phrases["proposal_nouns"]
    for s in sentences:
        k = s.has_phrase(cues)
        while k >= 0:
            end = cues.match(s.tokens, k)[0]
            if end < len(s.tokens) and lex.word_in(s.tokens[end], "plural_markers"):
                end += 1  # "xem xét các đề nghị của …"
            noun = nouns.match(s.tokens, end)
            if noun is not None and noun[0] < len(s.tokens) and s.tokens[noun[0]].keys[:1] == KEY_CUA:
                proposer = next((e for m in s.orgs if m.start == noun[0] + 1 and (e := org_ent.get(id(m)))), None)
                decider = _decider(s, org_ent, k, noun[0] + 1)
                if proposer is not None and decider is not None and proposer.id != decider.id and not _outside(
                        lex, proposer, decider):
                    b.relate("REPORTS_TO", proposer, decider, (s.start, s.end), 0.55)
            k = s.has_phrase(cues, end)


def _decider(s: Sentence, org_ent: dict[int, Entity], cue: int, after: int) -> Entity | None:
    toks = s.tokens
    first = min(s.orgs, key=lambda m: m.start, default=None)
    # "Bộ Chính trị đã xem xét …", "Quốc hội xem xét, quyết định theo …": the sentence's subject, right before
    if first is not None and 0 <= cue - first.end <= 5 and id(first) not in s.title_orgs and not any(
            t.text in (";", ":") for t in toks[first.end : cue]):
        return org_ent.get(id(first))
    for m in sorted(s.orgs, key=lambda m: m.start):  # "Sau khi xem xét …, Ban Bí thư quyết định"
        if m.start > after and toks[m.start - 1].text == "," and id(m) not in s.title_orgs and (
                m.end < len(toks) and toks[m.end].is_word and not toks[m.end].is_cap):
            return org_ent.get(id(m))
    return None


def _outside(lex: Lexicon, *bodies: Entity) -> bool:
    """A company or a foreign body proposes to the state without being under it."""
    companies = tuple(lex.words["company_heads"])
    return any(e.props.get("foreign") or e.name.startswith(companies) for e in bodies)
