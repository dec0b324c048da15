"""Directives' entities and their links: who issued a document (named after "của", stated by a verb,
read from its symbol), whom it binds (its subject's bodies and places); a document neither binds nor is
carried out by its issuer."""

from __future__ import annotations

from kg.extract.attendance import top_level
from kg.extract.body_links import issued_by
from kg.extract.build import Builder
from kg.extract.lexicon import HOME_COUNTRY, lexicon
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CUA, KEY_VA, phrase_keys, word_key
from kg.model import Entity, make_id
from kg.text import name_key


def drop_issuers_as_subjects(b: Builder) -> None:
    """A document neither binds nor is carried out by the body that issued it, whichever sentence
    says who issued it. An issuer read from the symbol alone ("-NQ/TW": the Central Committee's
    organs) gives way to one a sentence names ("Nghị quyết số 79-NQ/TW … của Bộ Chính trị"). The
    home country a subject names ("về phát triển văn hóa Việt Nam") is no one a document binds."""
    issued = {(r.source, r.target) for r in b.relations.values() if r.type == "ISSUED_BY"}
    named = {r.source for r in b.relations.values() if r.type == "ISSUED_BY" and r.confidence >= _NAMED_ISSUER}
    home = make_id("Location", name_key(HOME_COUNTRY))
    for rid, r in list(b.relations.items()):
        if (r.type == "APPLIES_TO" and ((r.source, r.target) in issued or r.target == home)) or (
                r.type == "IMPLEMENTS" and (r.target, r.source) in issued) or (
                r.type == "ISSUED_BY" and r.source in named and r.confidence < _NAMED_ISSUER):
            del b.relations[rid]


_NAMED_ISSUER = 0.7  # an issuer a sentence names or a verb states (directive_entities); symbols give less


def _report_body(b, generic: str) -> Entity | None:
    """The one body of the report that a level-less issuer code names: "QĐ-UBND" in a report on
    "Ủy ban nhân dân tỉnh Lào Cai" is that committee's decision."""
    found = [e for e in b.entities.values() if e.type == "Organization" and e.name.startswith(generic + " ")]
    return found[0] if len(found) == 1 else None


def directive_entities(b, text, sentences, org_entity, places: dict[int, Entity]) -> dict[int, Entity]:
    out: dict[int, Entity] = {}
    for s in sentences:
        sent = (s.start, s.end)
        for d in s.directives:
            span = s.char_span(d.start, d.end)
            key = f"{name_key(d.kind)} {int(d.number)}" if d.number else None
            props = {"kind": d.kind}
            if d.number:
                props["number"] = d.number
            if d.symbol:
                props["symbol"] = d.symbol
            if d.subject:
                props["subject"] = d.subject
            ent = b.entity("Directive", d.name, key=key, surface=text[span[0] : span[1]], span=span,
                           sent=sent, props=props)
            if d.edition:  # the same law named with its year is this one (the year tells the version)
                ent.add_alias(f"{d.name} năm {d.edition}")
            out[id(d)] = ent
            issuer = org_entity(d.issuer, s) if d.issuer is not None else None
            if issuer is not None:
                b.relate("ISSUED_BY", ent, issuer, sent, 0.9)
                for co in d.co_issuers:
                    other = org_entity(co, s)
                    if other is not None:
                        b.relate("ISSUED_BY", ent, other, sent, 0.85)
            elif (stated := _stated_issuer(b, lexicon(), s, d, org_entity)) is not None:
                b.relate("ISSUED_BY", ent, stated, sent, 0.7)
            elif d.symbol_issuer:
                # "QĐ-UBND" with no one committee in the report: that report's, merged with nothing
                level_less = lexicon().canonical_org(phrase_keys(d.symbol_issuer)) is None
                org = _report_body(b, d.symbol_issuer) or b.entity(
                    "Organization", d.symbol_issuer, span=span, sent=sent,
                    props={"scope": "report"} if level_less else None)
                b.relate("ISSUED_BY", ent, org, sent, 0.6)
                body = lexicon().issued_for.get(org.name)
                if body is not None:  # "…/QĐ-TTg": the Prime Minister signs for the Government
                    signed_for = b.entity("Organization", body, span=span, sent=sent)
                    b.relate("ISSUED_BY", ent, signed_for, sent, 0.55)
            for top in _addressed(lexicon(), s, d):
                target = org_entity(top, s)
                if target is not None and not issued_by(b, ent, target):
                    b.relate("APPLIES_TO", ent, target, sent, 0.7)
            if d.subject_start >= 0:
                issuers = {id(o) for o in (d.issuer, *d.co_issuers) if o is not None}
                # "… về việc cho thôi làm nhiệm vụ đại biểu đối với ông A thuộc Đoàn ĐBQH tỉnh X, đơn vị bầu
                # cử gồm các huyện …": what follows the person a decision is about tells of the person
                subject_end = min([p.start for p in s.people if d.subject_start <= p.start < d.subject_end],
                                  default=d.subject_end)
                for top in s.orgs:
                    # a body in someone's title or the issuer itself is not whom the document binds
                    if id(top) in issuers or id(top) in s.title_orgs:
                        continue
                    # (nor a body the subject gives an act of: "về tăng cường sự lãnh đạo của Đảng đối với …")
                    if d.subject_start <= top.start < subject_end and not (
                            top.start > 1 and s.tokens[top.start - 1].keys[:1] == KEY_CUA
                            and lexicon().phrases["agency_words"].ending_at(s.tokens, top.start - 1) >= 0):
                        target = org_entity(top, s)
                        if (target is not None and not issued_by(b, ent, target)
                                and target.name not in lexicon().not_bound):
                            b.relate("APPLIES_TO", ent, target, sent, 0.7)
                for p in s.places:  # "về phương hướng phát triển tỉnh Nghệ An"
                    if d.subject_start <= p.start < subject_end and not p.venue and id(p) in places:
                        b.relate("APPLIES_TO", ent, places[id(p)], sent, 0.6)
    return out


def _addressed(lex, s: Sentence, d) -> list:
    """The bodies a document is sent to right after its name and date ("Công điện số 578/CĐ-BYT ngày 29/4/2021
    gửi UBND các tỉnh, thành phố: Hà Nam, Hà Nội …"; data addressing_verbs), in the list that follows."""
    k = d.end
    while k < len(s.tokens) and k - d.end <= 8 and (s.tokens[k].text[:1].isdigit() or s.tokens[k].text in (
            "/", "-", ",") or s.tokens[k].keys[:1] in _DATE_WORDS):
        k += 1
    verb = lex.phrases["addressing_verbs"].match(s.tokens, k) if k < len(s.tokens) else None
    if verb is None:
        return []
    out, last = [], verb[0]
    for m in sorted(s.orgs, key=lambda m: m.start):
        if m.start < verb[0]:
            continue
        gap = s.tokens[last : m.start]
        if (out and not all(t.text in (",", ":") or t.keys[:1] == KEY_VA for t in gap)) or (not out and gap):
            break
        out.append(m)
        last = m.end
    return out


_DATE_WORDS = {(word_key("ngày"),)}


def _stated_issuer(b, lex, s: Sentence, d, org_entity) -> Entity | None:
    """"Chính phủ ban hành Nghị quyết 12", "Thủ tướng vừa ký Công điện số 9": the body right before
    an issuing verb that governs the directive (or the body a bare title there implies)."""
    verb = s.has_phrase(lex.phrases["issue_verbs"], max(0, d.start - 4), d.start)
    if verb < 0:
        return _acting_by(b, lex, s, d)
    before = [top for top in s.orgs if top.end <= verb and verb - top.end <= 3]
    if before:
        return org_entity(max(before, key=lambda m: m.end), s)
    for k in range(max(0, verb - 4), verb):
        t = lex.titles.match(s.tokens, k)
        if t is not None and t[0] <= verb and verb - t[0] <= 2 and t[1].implied and s.tokens[k].is_cap:
            return b.entity("Organization", t[1].implied, span=s.char_span(k, t[0]), sent=(s.start, s.end))
    return None


def _acting_by(b, lex, s: Sentence, d) -> Entity | None:
    """"Tại Quyết định số 654, Thủ tướng bổ nhiệm …": a document in which a bare title acts is issued
    by the body the title implies."""
    toks = s.tokens
    if d.start == 0 or toks[d.start - 1].keys[:1] not in _IN_DOCUMENT or d.end + 1 >= len(toks) or (
            toks[d.end].text != ","):
        return None
    t = lex.titles.match(toks, d.end + 1)
    if t is None or not t[1].implied or not toks[d.end + 1].is_cap or t[0] >= len(toks) or toks[t[0]].is_cap:
        return None  # a title that names its body or a person ("Thủ tướng Phạm Minh Chính") is not bare
    return b.entity("Organization", t[1].implied, span=s.char_span(d.end + 1, t[0]), sent=(s.start, s.end))


_IN_DOCUMENT = ((word_key("tại"),), (word_key("theo"),))


def tasked_bodies(b, lex, sentences: list[Sentence], directives: dict[int, Entity], subjects, org_ent) -> None:
    """"UBND tỉnh Hà Nam vừa có quyết định số 669 …" then "UBND tỉnh Hà Nam giao UBND huyện Lý Nhân chủ trì,
    phối hợp với Sở Y tế …": the bodies the report's decision tasks, where its issuer assigns the work after
    the decision is named, are bound by it. Only for the one directive the headline or lead names with the
    body that issued it."""
    lead = [d for s in sentences[:2] for d in s.directives if id(d) in directives]
    issued = {(r.source, r.target) for r in b.relations.values() if r.type == "ISSUED_BY" and (
        r.confidence >= _NAMED_ISSUER)}
    named = {directives[id(d)].id for d in lead}
    if len(named) != 1:
        return
    directive = b.entities[named.pop()]
    issuers = {t for s, t in issued if s == directive.id}
    first = next(s.index for s in sentences if any(id(d) in directives and directives[id(d)] is directive
                                                    for d in s.directives))
    verbs = lex.phrases["reports_to_sup_sub"]
    for s in sentences:
        got = subjects.get(id(s))
        if s.index < first or got is None or got[1].id not in issuers:
            continue
        k = s.has_phrase(verbs, got[0].end)
        if k < 0 or k - got[0].end > 3:
            continue  # the issuer's own verb, right after it ("UBND tỉnh giao …", "UBND tỉnh đã yêu cầu …")
        for m, e in top_level(s, org_ent):
            if m.start >= k and e.id not in issuers and id(m) not in s.title_orgs:
                b.relate("APPLIES_TO", directive, e, (s.start, s.end), 0.6)
