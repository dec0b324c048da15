"""Entities and relations from the mentions of a whole report."""

from __future__ import annotations

from kg.extract.body_links import (
    answerable,
    implements,
    is_ministry,
    ministry_units,
    reports_to,
    structure,
    subject_mention,
)
from kg.extract.build import Builder
from kg.extract.byline import byline
from kg.extract.career import passive_agent
from kg.extract.directive_links import directive_entities, drop_issuers_as_subjects, tasked_bodies
from kg.extract.glued import is_syllable
from kg.extract.head_reports import heads_report
from kg.extract.lexicon import HOME_COUNTRY, Lexicon
from kg.extract.meeting import main_event
from kg.extract.naming import is_generic, listed_with
from kg.extract.org_mention import OrgMention
from kg.extract.parents import bracketed_parents
from kg.extract.proposals import proposals
from kg.extract.sentence import Sentence
from kg.extract.shared_places import implied_in_place
from kg.extract.tenure import note_change, stated_changes
from kg.extract.tokens import KEY_VA, phrase_keys, tokenize, word_key
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
            props = {"scope": "report"} if is_generic(m.canonical) else {"foreign": True} if m.foreign else None
            surface = None if m.implied else text[span[0] : span[1]]
            org_ent[id(m)] = b.entity("Organization", m.canonical, surface=surface, span=span, sent=(s.start, s.end),
                                      props=props)
        return org_ent[id(m)]

    _states_of_posts(lex, sentences)
    _states_of_lists(lex, sentences)
    # organizations and their nesting
    for s in sentences:
        sent = (s.start, s.end)
        for m in s.outlets:  # a news outlet the report cites: an entity, in no relation
            span = s.char_span(m.start, m.end)
            b.entity("Organization", m.canonical, surface=text[span[0] : span[1]], span=span, sent=sent)
        for top in s.orgs:
            for m in top.walk():
                ent = org_entity(m, s)
                if m.place_at is not None:  # "Bí thư tỉnh Vĩnh Phúc": the province is written as a place
                    _written_place(b, lex, s, m.place_at)
                inner = org_entity(m.inner, s) if m.inner is not None else None
                if ent and inner and (m.kind in ("sub", "gazetteer", "wrapper") or m.kind == "named"):
                    b.relate("PART_OF", ent, inner, sent, 0.9)
    people = _people(b, lex, text, sentences, org_entity,
                     stated_changes(lex, text, sentences, doc.props.get("date"), year))
    places = _places(b, text, sentences)
    directives = directive_entities(b, text, sentences, org_entity, places)
    executive = {org_ent[id(m)].id for s in sentences for top in s.orgs for m in top.walk()
                 if m.executive and id(m) in org_ent}
    structure(b, lex, executive)
    ministry_units(b, lex, sentences, org_ent)
    bracketed_parents(b, lex, sentences, org_ent)
    subjects = {id(s): subject_mention(s, org_ent) for s in sentences}  # each sentence's acting body
    reports_to(b, lex, sentences, org_ent, subjects)
    answerable(b, lex, sentences, org_ent, people)
    heads_report(b, lex, sentences, org_ent, people)
    proposals(b, lex, sentences, org_ent)
    implements(b, lex, sentences, directives, subjects, org_ent)
    tasked_bodies(b, lex, sentences, directives, subjects, org_ent)
    drop_issuers_as_subjects(b)
    main_event(b, lex, text, sentences, title, year, people, org_ent, doc.props.get("date"))
    byline(b, lex, text, sentences, doc)


def _people(b, lex, text, sentences, org_entity, changes: dict[int, dict[str, str]]) -> dict[int, Entity]:
    """Persons with their posts (with the start or end a sentence states: `changes`, by id(post)).
    Returns id(person mention) -> entity."""
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
    ministries = {e.id for e in b.entities.values() if is_ministry(lex, e)}
    ministry_titles = {t for t, h in lex.words["title_name_heads"].items() if h == "Bộ"}
    holders: dict[tuple[str, str], str] = {}  # (role, body) -> the person the report gave that post
    titled = _titles_written_alone(sentences)
    # a post written with its body and no name is one person's: not when the bare title goes to several
    # ("Bộ trưởng Văn hóa được yêu cầu …", then "các bộ trưởng A, B, C và D")
    bare_holders: dict[str, set[str]] = {}
    for s in sentences:
        for p in s.people:
            for post in p.posts:
                if post.org is None and not post.implied and not p.ref:
                    bare_holders.setdefault(name_key(post.role), set()).add(p.name.split()[-1])  # (ông Hiển)
    titled = {role: got for role, got in titled.items() if len(bare_holders.get(role, ())) <= 1}
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
            # (a first word that is also a surname, when the full name has a middle name before the two:
            # "bà Kim Ngân" after "Nguyễn Thị Kim Ngân"; data middle_names)
            if len(two) == 2 and len(tails.get(name, ())) == 1 and (word_key(two[0]) not in lex.surnames or (
                    next(iter(tails[name])).split()[-3] in lex.words["middle_names"] and name not in full.values())):
                name = next(iter(tails[name]))
            if not name:
                continue
            # (not the agent of a passive: "ông A được Chủ tịch B bổ nhiệm …; Ông …" is A)
            last = last if p.bare or passive_agent(lex, s.tokens, p.start) else name
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
            # (a bare "Ông" that stands for the person is evidence, not one of their names)
            ent = b.entity("Person", name, surface=None if p.ref else text[span[0] : span[1]], span=span, sent=sent,
                           props=props)
            out[id(p)] = ent
            foreign_name = not all(is_syllable(w) for w in name.split())
            for post in p.posts:
                if lex.phrases["candidacy_words"].ending_at(s.tokens, post.start) >= 0:
                    continue  # "người ứng cử đại biểu Quốc hội khóa XVI, gồm A, B": a post sought, not held
                org = org_entity(post.org, s) if post.org is not None else None
                conf = 0.9
                if org is None and not post.implied and not post.country and not props and (
                        body := titled.get(name_key(post.role))) is not None and body[1] is not s:
                    # "Bí thư Lê Trường Lưu" in a report headed "Bí thư Tỉnh ủy Thừa Thiên Huế … đến thăm":
                    # the bare title is the one the report writes with its body and no name
                    org, conf = org_entity(*body), 0.7
                if post.country:  # "Tổng thống Đức": the state is a place the report names
                    _title_country(b, lex, s, post)
                elif org is None and post.implied and (state := lex.foreign_leaders.get(name_key(name))):
                    post.country = state  # "Thủ tướng Hun Sen": Cambodia's, though the report writes no country
                if org is None and post.implied and post.country:  # "Thủ tướng Singapore": its Chính phủ
                    # "Tổng Bí thư … Lào": the Central Committee of Laos's party ("… Đảng" + "Đảng Nhân dân
                    # Cách mạng Lào"), named as that party is
                    party = lex.words["ruling_parties"].get(post.country, "")
                    head, _, rest = party.partition(" ")
                    state_body = f"{post.implied} {rest}" if rest and post.implied.endswith(f" {head}") else (
                        f"{post.implied} {post.country}")
                    org = b.entity("Organization", state_body,
                                   span=s.char_span(post.start, post.end), sent=sent, props={"foreign": True})
                elif org is None and post.implied and not foreign_name and name not in foreign:
                    # an implied body is Vietnam's only for a Vietnamese name ("Thủ tướng Hun Manet" is not)
                    # and a person the report does not show in a foreign state's posts ("Tổng Bí thư, Chủ
                    # tịch Tập Cận Bình" after "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc")
                    org = b.entity("Organization", implied_in_place(b, lex, p, post.implied) or post.implied,
                                   span=s.char_span(post.start, post.end), sent=sent)
                    conf = 0.75
                elif org is None and len(ministries) == 1 and post.role.removeprefix("Phó ") in ministry_titles and (
                        not foreign_name and name not in foreign and not post.country):
                    # right before the title, set off by a comma or dash ("lãnh đạo Bộ Công an, Thứ trưởng …"),
                    # not a ministry met or visited earlier in the sentence
                    near = {e.id for m in s.orgs if 0 < post.start - m.end <= 2 and all(
                        t.text in (",", "-", "–") for t in s.tokens[m.end : post.start]) and (
                        e := org_entity(m, s)) is not None}
                    if ministries <= near or post.role in lex.words["bare_titles_of_report_ministry"]:
                        org, conf = b.entities[next(iter(ministries))], 0.7
                if org is None:
                    continue
                holders.setdefault((name_key(post.role), org.id), name)
                rel = b.relate("HOLDS_POSITION", ent, org, sent, conf, role=post.role,
                               former=post.status == "former" or dead, acting=post.status == "acting",
                               newly_appointed=post.status == "newly_appointed")
                if rel is not None and id(post) in changes:
                    note_change(rel.props, changes[id(post)])
    return out


def _titles_written_alone(sentences: list[Sentence]) -> dict[str, tuple[OrgMention, Sentence]]:
    """Titles the report writes with a body but no name ("Bí thư Tỉnh ủy Thừa Thiên Huế và đoàn công
    tác đến thăm …"), by role, when each role is written so with one body only, a body of Vietnam.
    (Someone with the bare title in that same sentence is someone else: "Bộ trưởng X gặp Bộ trưởng A".)"""
    seen: dict[str, list[tuple[OrgMention, Sentence]]] = {}
    for s in sentences:
        for role, org in s.unnamed_posts:
            if org.canonical and not org.foreign:
                seen.setdefault(name_key(role), []).append((org, s))
    # (not a post the report names someone in: "Bộ trưởng Bộ GTVT trả lời chất vấn …", then "Bộ trưởng Bộ
    # GTVT Ngô Minh Sơn"; another minister named "Bộ trưởng Hà Thị Xuyến" is not of that ministry)
    held = {(name_key(q.role), q.org.canonical) for s in sentences for p in s.people for q in p.posts
            if q.org is not None}
    return {role: found[0] for role, found in seen.items()
            if len({m.canonical for m, _ in found}) == 1 and (role, found[0][0].canonical) not in held}


def _post_key(post, org_entity, s) -> tuple[str, str]:
    """(role, body id) of a post, to find who holds it."""
    org = org_entity(post.org, s) if post.org is not None else None
    return name_key(post.role), org.id if org is not None else ""


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
    from kg.extract.org_mention import expand_surface

    toks = tokenize(surface)
    return expand_surface(toks, 0, len(toks))


def _states_of_posts(lex: Lexicon, sentences: list[Sentence]) -> None:
    """"Đoàn Cộng hòa Cuba do đồng chí Esteban Lazo Hernández, … Chủ tịch Quốc hội": a holder's body
    written without the foreign state it belongs to is that of the one foreign state the sentence
    names (named so before any entity is made of it, so no Vietnamese body is left behind)."""
    for s in sentences:
        state: str | None = None
        for p in s.people:
            foreign_name = not all(is_syllable(w) for w in p.name.split())
            for m in (post.org for post in p.posts):
                if m is not None and m.canonical and _stateless(lex, m, foreign_name) and (
                        state := state or _sentence_state(lex, s)) is not None:
                    # (a bare "Thượng viện" is of this sentence's state, not of a longer name elsewhere)
                    name = m.head if m.head in lex.words["bodies_abroad"] else m.canonical
                    m.canonical, m.locality, m.foreign = f"{name} {state}", state, True


def _states_of_lists(lex: Lexicon, sentences: list[Sentence]) -> None:
    """"… của Đảng CPP, Quốc hội, Thượng viện và nhân dân Campuchia", "Chính phủ, Quốc hội Lào": national
    bodies listed before the foreign state the list ends with (after "nhân dân", or as the last body's)
    are that state's."""
    for s in sentences:
        tops = sorted(s.orgs, key=lambda m: m.start)
        chain: list[OrgMention] = []
        for m in [*tops, None]:
            if m is not None and chain and listed_with(s, chain[-1], m):
                chain.append(m)
                continue
            if chain:
                last = chain[-1]
                state = last.locality if last.foreign and last.locality else _people_of_state(lex, s, last.end)
                members = chain if not (last.foreign and last.locality) else chain[:-1]
                if state is not None and (len(members) >= 2 or members is not chain):
                    for x in members:
                        # (not one written with Vietnam's name: "Bộ Khoa học và Công nghệ Việt Nam và Bộ Ngoại
                        # giao Phần Lan")
                        if x.canonical and _stateless(lex, x, foreign_name=True) and HOME_COUNTRY not in " ".join(
                                t.text for t in s.tokens[x.start : x.end]):
                            name = x.head if x.head in lex.words["bodies_abroad"] else x.canonical
                            x.canonical, x.locality, x.foreign = f"{name} {state}", state, True
            chain = [m] if m is not None else []


def _people_of_state(lex: Lexicon, s: Sentence, at: int) -> str | None:
    """The foreign state of "(, / và) nhân dân <state>" right after a list of bodies, or None."""
    toks = s.tokens
    k = at
    while k < len(toks) and (toks[k].text == "," or toks[k].keys[:1] == KEY_VA):
        k += 1
    if k + 2 > len(toks) or toks[k].keys[:1] != _NHAN or toks[k + 1].keys[:1] != _DAN:
        return None
    return lex.country_at(toks, k + 2)


_NHAN, _DAN = (word_key("nhân"),), (word_key("dân"),)


def _stateless(lex: Lexicon, m: OrgMention, foreign_name: bool) -> bool:
    """Is a holder's body written without its foreign state? A national body of a foreign-named official
    ("Chủ tịch Quốc hội"), a body only foreign states have ("Thượng viện"), a ministry written short
    before a foreign name ("Bộ trưởng Nông nghiệp Andi Amran Sulaiman")."""
    if (m.foreign and m.locality) or HOME_COUNTRY in m.canonical:
        return False
    if m.foreign or (m.head in lex.words["bodies_abroad"] and not m.locality):
        return True
    entry = lex.canonical_org(phrase_keys(m.canonical))
    return foreign_name and entry is not None and not entry.international  # (not "Chủ tịch ASEAN")


def _sentence_state(lex: Lexicon, s: Sentence) -> str | None:
    """The one foreign state a sentence names, or None (none, or several)."""
    states = {c for k in range(len(s.tokens)) if s.tokens[k].is_cap and (c := lex.country_at(s.tokens, k))}
    return states.pop() if len(states) == 1 else None


def _title_country(b: Builder, lex: Lexicon, s: Sentence, post) -> None:
    """The country written at the end of a foreign official's title, as a Location."""
    at = next((k for k in range(post.start, post.end)
               if (m := lex.locations.match(s.tokens, k)) is not None and m[0] == post.end), None)
    if at is not None:
        _written_place(b, lex, s, (at, post.end))


def _written_place(b: Builder, lex: Lexicon, s: Sentence, at: tuple[int, int]) -> None:
    """The place written at tokens `at` (in a title: "Bí thư tỉnh X", "Tổng thống Đức"), as a Location."""
    known = lex.locations.match(s.tokens, at[0])
    words = s.tokens[at[0] : at[1]]
    if known is not None and known[0] == at[1]:
        name = str(known[1])
    elif words and all(t.is_word and t.is_cap and not t.text.isupper() and not t.text[0].isdigit() for t in words):
        name = " ".join(t.text for t in words)  # a commune kg does not list ("xã Lý Trạch")
    else:
        return  # "HCM", the "1" of "quận 1"
    b.entity("Location", name, span=s.char_span(*at), sent=(s.start, s.end))
