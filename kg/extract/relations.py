"""Entities and relations from the mentions of a whole report."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from kg.extract.build import Builder
from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.meeting import byline, main_event, top_level
from kg.extract.naming import is_generic
from kg.extract.orgs import OrgMention
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CHO, KEY_CUA, KEY_VA, phrase_keys, tokenize, word_key
from kg.model import Entity
from kg.text import name_key


def emit_relations(b: Builder, lex: Lexicon, text: str, sentences: list[Sentence], doc: Entity,
                   title: str, year: int | None) -> None:
    org_ent: dict[int, Entity] = {}  # id(mention) -> entity

    def org_entity(m: OrgMention, s: Sentence) -> Entity | None:
        if not m.canonical:
            return None
        if id(m) not in org_ent:
            span = s.char_span(m.start, m.end)
            props = {"scope": "report"} if is_generic(m.canonical) else None
            org_ent[id(m)] = b.entity("Organization", m.canonical, surface=text[span[0] : span[1]],
                                      span=span, sent=(s.start, s.end), props=props)
        return org_ent[id(m)]

    # organizations and their nesting
    for s in sentences:
        sent = (s.start, s.end)
        for top in s.orgs:
            for m in top.walk():
                ent = org_entity(m, s)
                inner = org_entity(m.inner, s) if m.inner is not None else None
                if ent and inner and (m.kind in ("sub", "gazetteer", "wrapper") or m.kind == "named"):
                    b.relate("PART_OF", ent, inner, sent, 0.9)
    people = _people(b, lex, text, sentences, org_entity)
    places = _places(b, text, sentences)
    directives = _directives(b, text, sentences, org_entity, places)
    executive = {org_ent[id(m)].id for s in sentences for top in s.orgs for m in top.walk()
                 if m.executive and id(m) in org_ent}
    _structure(b, lex, executive)
    _ministry_units(b, lex, sentences, org_ent)
    subjects = {id(s): _subject_mention(s, org_ent) for s in sentences}  # each sentence's acting body
    _reports_to(b, lex, sentences, org_ent, subjects)
    _implements(b, lex, sentences, directives, subjects)
    _drop_issuers_as_subjects(b)
    main_event(b, lex, text, sentences, title, year, people, org_ent, doc.props.get("date"))
    byline(b, lex, text, sentences, doc)


def _people(b, lex, text, sentences, org_entity) -> dict[int, Entity]:
    """Persons with their posts. Returns id(person mention) -> entity."""
    out: dict[int, Entity] = {}
    full: dict[str, str] = {}
    tails: dict[str, set[str]] = {}  # last two words of a full name -> the full names
    foreign: set[str] = set()  # people the report shows in a foreign state's posts
    for s in sentences:
        for p in s.people:
            if any(post.country or (post.org is not None and post.org.foreign) for post in p.posts):
                foreign.add(p.name)
            # the longest name ending with a given name ("Joe Biden" over "Biden")
            if not p.short and not p.ref and len(p.name) > len(full.get(p.name.split()[-1], "")):
                full[p.name.split()[-1]] = p.name
            words = p.name.split()
            if not p.short and not p.ref and len(words) >= 3:
                tails.setdefault(" ".join(words[-2:]), set()).add(p.name)
    last = ""  # the person last named: a bare "ông" / "bà" stands for them
    # "lãnh đạo Bộ Công an, Thứ trưởng Nguyễn Ngọc Lâm": a minister's title with no ministry written
    # is of the one ministry the report names, when it is named right before the title
    ministries = {e.id for e in b.entities.values() if _is_ministry(lex, e)}
    ministry_titles = {t for t, h in lex.words["title_name_heads"].items() if h == "Bộ"}
    holders: dict[tuple[str, str], str] = {}  # (role, body) -> the person the report gave that post
    for s in sentences:
        sent = (s.start, s.end)
        dead_end: int | None = None  # where the last person said to be dead ends (a list goes on)
        for p in sorted(s.people, key=lambda p: p.start):
            # a one-word name the report also writes in full is that person ("Tổng thống Biden")
            one_word = " " not in p.name and not p.ref
            name = (holders.get(_post_key(p.ref_posts[0], org_entity, s)) if p.ref_posts else last) if p.ref else (
                full.get(p.name) if p.short or one_word else p.name)
            # "bà Quỳnh Anh" after "bà Trần Vũ Quỳnh Anh": a double given name (its first word is no
            # surname) that ends exactly one full name of the report is that person
            two = name.split() if name and not p.ref else []
            if len(two) == 2 and word_key(two[0]) not in lex.surnames and len(tails.get(name, ())) == 1:
                name = next(iter(tails[name]))
            if not name:
                continue
            last = last if p.bare else name
            span = s.char_span(p.start, p.end)
            first = min([p.start, *(q.start for q in p.posts if q.start < p.start)])
            honorific = lex.phrases["honorifics"].ending_at(s.tokens, first)  # "của Giáo sư Nguyễn Đình Tứ"
            first = honorific if honorific >= 0 else first
            # "phần mộ của Tổng Bí thư Lê Duẩn, Tổng Bí thư Lê Khả Phiêu": the list after the marker too
            listed = dead_end is not None and 0 < first - dead_end <= 2 and all(
                t.text == "," or t.keys[:1] == KEY_VA for t in s.tokens[dead_end:first])
            dead = listed or lex.phrases["deceased_markers"].ending_at(s.tokens, first) >= 0
            dead_end = max(p.end, p.chain_end) if dead else None
            props = {"historical": True} if dead or tuple(name_key(name).split()) in lex.historical else None
            ent = b.entity("Person", name, surface=text[span[0] : span[1]], span=span, sent=sent, props=props)
            out[id(p)] = ent
            foreign_name = not all(is_syllable(w) for w in name.split())
            for post in p.posts:
                org = org_entity(post.org, s) if post.org is not None else None
                conf = 0.9
                if org is None and post.implied and post.country:  # "Thủ tướng Singapore": its Chính phủ
                    org = b.entity("Organization", f"{post.implied} {post.country}",
                                   span=s.char_span(post.start, post.end), sent=sent, props={"foreign": True})
                elif org is None and post.implied and not foreign_name and name not in foreign:
                    # an implied body is Vietnam's only for a Vietnamese name ("Thủ tướng Hun Manet" is not)
                    # and a person the report does not show in a foreign state's posts ("Tổng Bí thư, Chủ
                    # tịch Tập Cận Bình" after "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc")
                    org = b.entity("Organization", post.implied, span=s.char_span(post.start, post.end), sent=sent)
                    conf = 0.75
                elif org is None and len(ministries) == 1 and post.role.removeprefix("Phó ") in ministry_titles and (
                        not foreign_name and name not in foreign and not post.country):
                    # right before the title, set off by a comma or dash ("lãnh đạo Bộ Công an, Thứ trưởng …"),
                    # not a ministry met or visited earlier in the sentence
                    near = {e.id for m in s.orgs if 0 < post.start - m.end <= 2 and all(
                        t.text in (",", "-", "–") for t in s.tokens[m.end : post.start]) and (
                        e := org_entity(m, s)) is not None}
                    if ministries <= near:
                        org, conf = b.entities[next(iter(ministries))], 0.7
                if org is None:
                    continue
                holders.setdefault((name_key(post.role), org.id), name)
                b.relate("HOLDS_POSITION", ent, org, sent, conf, role=post.role,
                         former=post.status == "former" or dead, acting=post.status == "acting",
                         newly_appointed=post.status == "newly_appointed")
    return out


def _post_key(post, org_entity, s) -> tuple[str, str]:
    """(role, body id) of a post, to find who holds it."""
    org = org_entity(post.org, s) if post.org is not None else None
    return name_key(post.role), org.id if org is not None else ""


def _drop_issuers_as_subjects(b: Builder) -> None:
    """A document neither binds nor is carried out by the body that issued it, whichever sentence
    says who issued it."""
    issued = {(r.source, r.target) for r in b.relations.values() if r.type == "ISSUED_BY"}
    for rid, r in list(b.relations.items()):
        if (r.type == "APPLIES_TO" and (r.source, r.target) in issued) or (
                r.type == "IMPLEMENTS" and (r.target, r.source) in issued):
            del b.relations[rid]


def _report_body(b, generic: str) -> Entity | None:
    """The one body of the report that a level-less issuer code names: "QĐ-UBND" in a report on
    "Ủy ban nhân dân tỉnh Lào Cai" is that committee's decision."""
    found = [e for e in b.entities.values() if e.type == "Organization" and e.name.startswith(generic + " ")]
    return found[0] if len(found) == 1 else None


def _directives(b, text, sentences, org_entity, places: dict[int, Entity]) -> dict[int, Entity]:
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
            if d.subject_start >= 0:
                issuers = {id(o) for o in (d.issuer, *d.co_issuers) if o is not None}
                for top in s.orgs:
                    # a body in someone's title or the issuer itself is not whom the document binds
                    if id(top) in issuers or id(top) in s.title_orgs:
                        continue
                    if d.subject_start <= top.start < d.subject_end:
                        target = org_entity(top, s)
                        if (target is not None and not _issued_by(b, ent, target)
                                and target.name not in lexicon().not_bound):
                            b.relate("APPLIES_TO", ent, target, sent, 0.7)
                for p in s.places:  # "về phương hướng phát triển tỉnh Nghệ An"
                    if d.subject_start <= p.start < d.subject_end and not p.venue and id(p) in places:
                        b.relate("APPLIES_TO", ent, places[id(p)], sent, 0.6)
    return out


def _issued_by(b: Builder, directive: Entity, org: Entity) -> bool:
    return any(r.type == "ISSUED_BY" and r.source == directive.id and r.target == org.id for r in b.relations.values())


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


def _places(b, text, sentences) -> dict[int, Entity]:
    """Location entities of the place mentions, by mention id."""
    out: dict[int, Entity] = {}
    for s in sentences:
        for p in s.places:
            span = s.char_span(p.start, p.end)
            surface = text[span[0] : span[1]]
            name = p.name or _expand(surface)
            out[id(p)] = b.entity("Location", name[0].upper() + name[1:], surface=surface, span=span,
                                  sent=(s.start, s.end), props={"venue": True} if p.venue else None)
    return out


def _expand(surface: str) -> str:
    from kg.extract.orgs import expand_surface

    toks = tokenize(surface)
    return expand_surface(toks, 0, len(toks))


def _structure(b: Builder, lex: Lexicon, executive: set[str]) -> None:
    """Gazetteer facts and structural rules between bodies the report names (`executive`: ids of
    Party committees written as "Ban Chấp hành Đảng bộ …", for the rules that ask for it)."""
    orgs = {name_key(e.name): e for e in b.entities.values() if e.type == "Organization"}
    for e in list(orgs.values()):
        entry = lex.org_by_key.get(phrase_keys(e.name))
        for rtype, parent in (("PART_OF", entry.part_of), ("REPORTS_TO", entry.reports_to)) if entry else ():
            other = orgs.get(name_key(parent)) if parent else None
            if other is not None:
                b.relate(rtype, e, other, _first_sentence(e), 0.8)
        for rule in lex.structure:
            m = re.search(rule["from"], e.name)
            if not m or (rule.get("written") == "executive" and e.id not in executive):
                continue
            other = orgs.get(name_key(rule["to"].format(**m.groupdict())))
            if other is not None:
                b.relate(rule["type"], e, other, _first_sentence(e), 0.7)


def _is_ministry(lex, e: Entity | None) -> bool:
    """A ministry of the Government, not "Bộ Chính trị"."""
    entry = lex.org_by_key.get(phrase_keys(e.name)) if e is not None and e.name.startswith("Bộ ") else None
    return entry is not None and entry.reports_to == "Chính phủ"


def _ministry_units(b, lex, sentences, org_ent) -> None:
    """A Vụ / Cục / Phòng written without its parent belongs to the body written right after it
    ("Vụ Công chức - Viên chức, Bộ Nội vụ", "Vụ Tuyên truyền, Ban Tuyên giáo Trung ương"), else to
    the only ministry of its sentence, else to the ministry the report names most."""
    counts = Counter(e.id for e in b.entities.values() if _is_ministry(lex, e) for _ in e.evidence)
    ranked = counts.most_common(2)
    dominant = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    for s in sentences:
        tops = sorted(s.orgs, key=lambda m: m.start)
        in_sentence = {org_ent[id(m)].id for m in tops if _is_ministry(lex, org_ent.get(id(m)))}
        for k, top in enumerate(tops):
            e = org_ent.get(id(top))
            if e is None or top.kind != "named" or top.inner is not None:
                continue
            if not lex.phrases["ministry_units"].match(s.tokens, top.start):
                continue
            nxt = tops[k + 1] if k + 1 < len(tops) else None
            parent = org_ent.get(id(nxt)) if nxt is not None else None
            # the body written right after it is its parent, a ministry or not ("Vụ Tuyên truyền, Ban
            # Tuyên giáo Trung ương", "Cục Chính trị, Quân khu 9", "Phòng Tổ chức, Sở Nội vụ")
            if parent is not None and nxt.start > top.end and _rank(lex, nxt) > _rank(lex, top) and all(
                    t.text in (",", "(", "-", "–") for t in s.tokens[top.end : nxt.start]):
                target = parent.id
            elif len(in_sentence) == 1:
                target = next(iter(in_sentence))
            else:
                target = dominant
            if target is not None:
                b.relate("PART_OF", e, b.entities[target], (s.start, s.end), 0.6)


def _rank(lex, m: OrgMention) -> int:
    """How high a body stands among units (data: unit_ranks); any other body above them all."""
    ranks = lex.words["unit_ranks"]
    return ranks.get(m.head, len(ranks)) if m.kind == "named" else len(ranks)


def _first_sentence(e: Entity) -> tuple[int, int]:
    """Span of the sentence of the entity's first mention (evidence keeps that sentence)."""
    ev = e.evidence[0]
    offset = ev.sentence.find(ev.text) if ev.sentence else -1
    if offset < 0:
        return (ev.start, ev.end)
    start = ev.start - offset
    return (start, start + len(ev.sentence))


def _reports_to(b, lex, sentences, org_ent, subjects) -> None:
    """"X báo cáo Y", "X giúp Y" (X under Y); "Y giao X", "Y thành lập X" (X under Y)."""
    for s in sentences:
        orgs = sorted(top_level(s, org_ent), key=lambda me: me[0].start)
        for (ma, ea), (mb, eb) in itertools.pairwise(orgs):
            between = s.tokens[ma.end : mb.start]
            # "X là cơ quan tham mưu, giúp việc của Y", "X tiếp tục làm tốt chức năng tham mưu, giúp việc cho Y"
            if len(between) > 12:
                continue
            adjacent = lex.phrases["reports_to_adjacent"].match(s.tokens, ma.end)
            if adjacent is not None and adjacent[0] == mb.start:  # "Chính phủ trình Quốc hội"
                b.relate("REPORTS_TO", ea, eb, (s.start, s.end), 0.6)
                continue
            for i in range(ma.end, mb.start):
                if s.tokens[i].is_cap:
                    continue  # a verb here is lower case: "Tổng Tham mưu trưởng" is a title, not "tham mưu"
                hit = lex.phrases["reports_to_sub_sup"].match(s.tokens, i)
                if hit and not (hit[0] - i == 1 and lex.is_other_word(s.tokens, i)):
                    _chain(b, s, orgs, mb, ea, up=True)
                    break
                got = lex.phrases["reports_to_sup_sub"].match(s.tokens, i) if len(between) <= 9 else None
                if got is not None:
                    # "chờ ý kiến chỉ đạo của Chính phủ": the verb made a noun, the superior after "của"
                    owned = any(t.keys[:1] == KEY_CUA for t in s.tokens[got[0] : mb.start])
                    b.relate("REPORTS_TO", *((ea, eb) if owned else (eb, ea)), (s.start, s.end), 0.6)
                    break
        _far_subject_assigns(b, lex, s, orgs, subjects[id(s)])


def _far_subject_assigns(b, lex, s: Sentence, orgs, got: tuple[OrgMention, Entity] | None) -> None:
    """"Quốc hội đã thông qua … và giao Chính phủ tổ chức thực hiện": the sentence's subject gives
    the task however far before the verb, when no other body stands between them and the body
    tasked comes right after the verb. `got`: the sentence's subject (_subject_mention)."""
    if got is None:
        return
    at, subject = got
    starts = {m.start: e for m, e in orgs}
    between = {m.start for m, _ in orgs if at.end <= m.start}
    matcher = lex.phrases["reports_to_sup_sub"]
    k = s.has_phrase(matcher, at.end)  # one pass, gated by the verbs' first words
    if k >= 0:
        hit = matcher.match(s.tokens, k)
        assert hit is not None
        if any(at.end <= j < k for j in between) or any(t.text in (";", ":") for t in s.tokens[at.end : k]):
            return  # another body is nearer (the pairwise rule decides), or another clause
        obj = hit[0] + 1 if hit[0] < len(s.tokens) and s.tokens[hit[0]].keys[:1] == KEY_CHO else hit[0]
        target = starts.get(obj)
        if target is not None and target.id != subject.id:
            b.relate("REPORTS_TO", target, subject, (s.start, s.end), 0.55)


def _chain(b, s, orgs, first, sub, up) -> None:
    """The superior and the bodies coordinated with it: "giúp BCH TW, Bộ Chính trị, Ban Bí thư"."""
    started = False
    last_end = None
    for m, e in orgs:
        if m is first:
            started = True
        if not started:
            continue
        if last_end is not None:
            gap = [t.text for t in s.tokens[last_end : m.start]]
            if not all(g in (",",) or word_key(g) == word_key("và") for g in gap):
                break
        b.relate("REPORTS_TO", sub, e, (s.start, s.end), 0.6)
        last_end = m.end




def _in_directive_subject(s: Sentence, m: OrgMention) -> bool:
    return any(d.subject_start <= m.start < d.subject_end for d in s.directives)


def _subject_mention(s: Sentence, org_ent) -> tuple[OrgMention, Entity] | None:
    """The sentence's acting organization (mention, entity): the first one not governed by "của",
    not inside a title or a directive's subject, and not in a leading adverbial ("Về công tác xây
    dựng Đảng,")."""
    intro_end = 0
    if s.tokens and word_key(s.tokens[0].text) in lexicon().wordset("intro_words"):
        intro_end = next((k for k, t in enumerate(s.tokens) if t.text == ","), 0)
    for m, e in sorted(top_level(s, org_ent), key=lambda me: me[0].start):
        if id(m) in s.issuer_orgs or id(m) in s.title_orgs or m.start < intro_end:
            continue
        if _in_directive_subject(s, m):
            continue
        if m.end - m.start == 1 and not s.tokens[m.start].is_abbr:
            continue  # a bare "Đảng" ("công tác xây dựng Đảng") is not a body acting
        return m, e
    return None


def _asks_another(lex, s: Sentence, start: int, verb: int) -> bool:
    """"X yêu cầu các cấp ủy / Bộ Y thực hiện …": between the body and the verb it asks someone
    else (a body, or "các …") to act; "X chỉ đạo thực hiện …" directs its own implementation."""
    toks = s.tokens
    for k in range(start, verb):
        if toks[k].keys and toks[k].keys[0] in lex.wordset("directing_words"):
            rest = range(k + 1, min(k + 4, verb))  # its object comes right after it
            plural = lex.wordset("plural_markers")
            if any(o.start in rest for o in s.orgs) or any(toks[j].keys[:1] and toks[j].keys[0] in plural
                                                           for j in rest):
                return True
    return False



def _implements(b, lex, sentences, directives, subjects) -> None:
    """The acting body of a sentence carries out the directives that follow an implementation
    verb. (A body carried over from the sentence before was wrong far more often than right in the
    precision audit, docs/audit: the sentence must name it.)"""
    for s in sentences:
        got = subjects[id(s)]
        if got is None:
            continue
        at, actor = got
        verb = s.has_phrase(lex.phrases["implement_verbs"], at.end)
        if verb < 0:
            continue
        # the body is the verb's own subject: close before it, in the same clause, and not one that
        # asks others to act ("Bộ Chính trị yêu cầu các cấp ủy thực hiện …": the others implement)
        gap = s.tokens[at.end : verb]
        if len(gap) > 15 or any(t.text in (";", ".", ":") for t in gap) or _asks_another(lex, s, at.end, verb):
            continue
        # the directives right after the verb and the list they open ("thực hiện Chỉ thị 01 của Bộ
        # Chính trị, Hướng dẫn 03 …"), not one in a later clause
        last = verb
        for d in sorted(s.directives, key=lambda d: d.start):
            if d.start <= verb:
                continue
            if d.start - last > 10 or any(t.text in (";", ".") for t in s.tokens[last : d.start]):
                break
            last = d.end
            governed = d.start > 0 and word_key(s.tokens[d.start - 1].text) == word_key("của")
            if not governed and d.kind not in lex.not_implemented:
                target = directives.get(id(d))
                if target is not None and not _issued_by(b, target, actor):  # issuing is not carrying out
                    b.relate("IMPLEMENTS", actor, target, (s.start, s.end), 0.7)

