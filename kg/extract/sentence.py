"""One sentence read left to right into mentions: directives, people with posts, organizations,
places. Longer, more specific readings win at each position; what one reading covers is not
read again."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from kg.extract.byline import credited
from kg.extract.career import CareerReader
from kg.extract.directives import DirectiveMention, DirectiveParser
from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon
from kg.extract.lists import fill_elided_bodies, joined_committees
from kg.extract.org_mention import OrgMention
from kg.extract.orgs import OrgParser
from kg.extract.people import PeopleParser, PersonMention
from kg.extract.places import PlaceMention, listed_unit, named_sites, place_at
from kg.extract.tokens import KEY_VA, PhraseMatcher, Token, tokenize, word_key
from kg.text import expansion


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]
    orgs: list[OrgMention] = field(default_factory=list)  # top-level mentions
    title_orgs: set[int] = field(default_factory=set)  # ids of orgs named inside a title
    issuer_orgs: set[int] = field(default_factory=set)  # ids of orgs after "của" / "do"
    directive_issuers: set[int] = field(default_factory=set)  # ids of orgs that issued a directive
    people: list[PersonMention] = field(default_factory=list)
    directives: list[DirectiveMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    outlets: list[OrgMention] = field(default_factory=list)  # news outlets cited: sources, never actors
    unnamed_posts: list[tuple[str, OrgMention]] = field(default_factory=list)  # (role, body): a title, no name
    # (end token, bodies) of every title with no name after it ("Giám đốc Sở X trả lời chất vấn")
    unnamed_titles: list[tuple[int, list[OrgMention]]] = field(default_factory=list)
    # ids of orgs in plural titles that name no one ("các đồng chí Ủy viên Bộ Chính trị"): the body's members
    holderless: set[int] = field(default_factory=set)
    _first_keys: frozenset[str] | None = field(default=None, repr=False)

    def add_people(self, people: list[PersonMention], title_orgs: list[OrgMention], end: int) -> int:
        """Record people and the bodies their titles name; return where reading goes on."""
        self.people.extend(people)
        for o in title_orgs:
            self.orgs.append(o)
            self.title_orgs.add(id(o))
        return end

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        return self.tokens[i].start, self.tokens[j - 1].end

    def first_keys(self) -> frozenset[str]:
        """The first keys of the sentence's words (computed once)."""
        if self._first_keys is None:
            self._first_keys = frozenset(t.keys[0] for t in self.tokens if t.keys)
        return self._first_keys

    def has_phrase(self, matcher, start: int = 0, end: int | None = None) -> int:
        """Token index where a phrase of `matcher` starts, or -1."""
        end = len(self.tokens) if end is None else end
        firsts = matcher.first_keys()
        if self.first_keys().isdisjoint(firsts):
            return -1  # no word of the sentence can start a phrase: skip the scan
        toks = self.tokens
        for i in range(start, end):
            keys = toks[i].keys
            if keys and keys[0] in firsts and matcher.match(toks, i):
                return i
        return -1


def read_sentence(
    lex: Lexicon, text: str, index: int, start: int, end: int, places: frozenset[str] = frozenset(),
    tokens: list[Token] | None = None, short_forms: PhraseMatcher | None = None,
) -> Sentence:
    """`places`: name keys of places the report names (kg.extract.naming.report_places);
    `tokens`: text[start:end] already tokenized; `short_forms`: bodies' short names the report
    defines ("… (Sagri)"; kg.extract.short_forms)."""
    toks = tokenize(text, start, end) if tokens is None else tokens
    s = Sentence(index, start, end, toks)
    orgp = OrgParser(lex, toks, places, short_forms)
    peop = PeopleParser(lex, toks, orgp)
    dirp = DirectiveParser(lex, toks, text, orgp)
    career = CareerReader(lex, toks, peop)
    venues = lex.phrases["venue_heads"]
    i = 0
    n = len(toks)
    able = _mention_starters(lex)
    starters = _starters(lex)
    gates = _gates(lex)
    if short_forms is not None:  # a report's own short names start bodies too
        extra = short_forms.first_keys()
        able = able | extra
        gates = dataclasses.replace(gates, org=gates.org | extra)
    while i < n:
        tok = toks[i]
        if tok.is_word and tok.is_cap and tok.keys[0] not in able and not tok.text[0].isdigit() and not (
                s.places and s.places[-1].listed and s.places[-1].end == i - 1):  # (a unit's list goes on)
            i += 1  # a capital word nothing can start (no head, title, place, kind or surname)
            continue
        if not tok.is_word or not (tok.is_cap or tok.text[0].isdigit() or tok.keys[0] in starters
                                   or (i > 0 and toks[i - 1].keys[:1] == _TAI and venues.starts(tok))):
            i += 1  # (a lower-case venue after "tại": "tại trụ sở Sở Tư pháp")
            continue
        k0 = tok.keys[0]
        # each reader is tried only where its first word can stand (the same output, fewer calls)
        d = dirp.parse(i) if k0 in gates.directive or tok.text[0].isdigit() else None
        if d is not None:
            s.directives.append(d)
            s.directives.extend(d.amends)  # the laws an amending law names are named too
            if d.issuer is not None:
                for org in (d.issuer, *d.co_issuers):
                    s.orgs.append(org)
                    s.issuer_orgs.add(id(org))
                    s.directive_issuers.add(id(org))
                i = (d.co_issuers or [d.issuer])[-1].end
            else:
                i = d.end
            continue
        stated = career.step(i, s.people, [o for o in s.orgs if id(o) not in s.title_orgs]) if (
            k0 in gates.career or career.open) else None
        if stated is not None:
            who, posts, end = stated
            if who.ref and who not in s.people:
                s.people.append(who)
            who.posts.extend(posts)
            if not any(t.text == "(" for t in toks[who.end : i]):  # (not a career told in the person's aside)
                _share_given(lex, s, toks, _titles_start(who), posts, titled=_titles_start(who) < who.start)
            i = s.add_people([], [p.org for p in posts if p.org], end)
            continue
        appt = peop.appointment_list(i) if k0 in gates.appointment or (
            i > 0 and toks[i - 1].keys[:1] == KEY_VA) else None
        if appt is not None:
            i = s.add_people(*appt)
            continue
        # a list of units goes on before anything else is read ("các xã Hắc Dịch, Mỹ Xuân": not "Mỹ")
        in_list = tok.is_cap and s.places and s.places[-1].listed
        place = listed_unit(lex, toks, i, s.places[-1]) if in_list else None
        if place is None and k0 in gates.site and (sites := named_sites(lex, toks, i)):
            s.places.extend(sites)
            i = sites[-1].end
            continue
        if place is None:
            place = place_at(lex, orgp, toks, i) if k0 in gates.place else None
        if place is None and s.places and tok.is_cap and not in_list:
            place = listed_unit(lex, toks, i, s.places[-1])
        if place is not None:
            if not place.within:
                s.places.append(place)
            i = place.end
            continue
        if k0 in gates.pronoun and career.is_pronoun(i):
            career.note_pronoun(i)
            i += 1
            continue
        if k0 in gates.outlet and (outlet := _outlet(lex, toks, i)) is not None:
            s.outlets.append(outlet)  # "theo VnExpress", "phóng viên Tuổi Trẻ": a news outlet, no person
            i = outlet.end
            continue
        # "Đại hội Đại biểu MTTQ …", "Hội nghị đại biểu …": a word of the meeting's name, no title
        got = peop.parse(i, context=s.orgs) if (k0 in gates.people
                                                and lex.phrases["event_nouns"].ending_at(toks, i) < 0) else None
        if got is not None:
            if not got[0] and got[2] > i and got[1]:
                s.unnamed_titles.append((got[2], list(got[1])))
            if not got[0] and got[2] > i and not s.people and i <= 1:  # a title opening the sentence
                unnamed = peop.title_chain(i)[0]  # stands for its holder
                career.note_title_ref(i, got[2], unnamed)
                # (the bodies recorded are the ones read with the title, which are named later)
                roles = [p.role for p in unnamed if p.org is not None]
                s.unnamed_posts.extend(zip(roles, got[1], strict=False))
            if not got[0] and (lex.plural_before(toks, i) or lex.phrases["plural_honorifics"].match(toks, i)):
                s.holderless.update(id(o) for o in got[1])
            if got[0] and got[0][-1].given:
                _share_given(lex, s, toks, got[0][0].start, got[0][-1].given)
            j = s.add_people(*got)
            # ("Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Tô Lâm": the state is a place of the sentence)
            s.places.extend(PlaceMention(*q.state_at) for person in got[0] for q in person.posts if q.state_at)
            if j > i:
                i = j
                continue
        # ("Ảnh: ĐOÀN CƯỜNG": a photographer's name in capitals, whatever head word it starts with)
        credit = tok.text.isupper() and not tok.is_abbr and i + 1 < n and toks[i + 1].is_word and (
            toks[i + 1].text.isupper()) and credited(lex, s, i)
        org = orgp.parse(i) if k0 in gates.org and not credit else None
        if org is None and k0 in gates.foreign_org and not tok.is_cap:
            org = _foreign_named(lex, toks, i)
        if org is not None:
            orgp.distribute(org)  # ("UBND các tỉnh A, B": each place's; a body's own mention only, not an owner)
            group = [org, *orgp.siblings(org)] if org.kind != "resolved" else [org]
            s.orgs.extend(group)
            if i > 0 and word_key(toks[i - 1].text) in _GOVERNING:
                s.issuer_orgs.add(id(org))
            i = group[-1].end
            continue
        i += 1
    s.add_people([], fill_elided_bodies(lex, toks, s.people), n)
    s.orgs.extend(joined_committees(lex, toks, s.orgs))
    _coordinated_after_cua(s)
    return s


_TAI = (word_key("tại"),)
_STARTERS: dict[int, frozenset[str]] = {}


def _starters(lex: Lexicon) -> frozenset[str]:
    """First keys of everything a lower-case word can begin (kinds, honorifics, heads, titles)."""
    got = _STARTERS.get(id(lex))
    if got is None:
        matchers = [lex.directive_kinds, lex.named_directives, lex.heads, lex.titles,
                    lex.phrases["honorifics"]]
        keys = {k for m in matchers for k in m.first_keys()}
        keys |= {word_key(w) for w in lex.words["title_status"]} | {word_key("chức")}
        keys |= lex.phrases["career_verbs"].first_keys()
        keys |= lex.phrases["admin_units"].first_keys()  # "xã Phú Hòa", "phường Xuân Đỉnh"
        keys |= lex.phrases["site_words"].first_keys()  # "cửa khẩu Xa Mát"
        keys |= lex.phrases["foreign_org_cues"].first_keys()  # "tờ New York Times"
        got = _STARTERS[id(lex)] = frozenset(keys)
    return got


@dataclass(frozen=True)
class _Gates:
    """First keys at which each reader of `read_sentence` can match anything."""

    directive: frozenset[str]
    career: frozenset[str]
    appointment: frozenset[str]
    place: frozenset[str]
    site: frozenset[str]
    pronoun: frozenset[str]
    people: frozenset[str]
    org: frozenset[str]
    foreign_org: frozenset[str]
    outlet: frozenset[str]


_GATES: dict[int, _Gates] = {}


def _gates(lex: Lexicon) -> _Gates:
    got = _GATES.get(id(lex))
    if got is None:
        def firsts(*matchers) -> frozenset[str]:
            return frozenset(k for m in matchers for k in m.first_keys())

        status = frozenset(word_key(w) for w in lex.words["title_status"])
        title_firsts = firsts(lex.titles, lex.phrases["standing_post_words"]) | status
        got = _GATES[id(lex)] = _Gates(
            directive=firsts(lex.directive_kinds, lex.named_directives),
            career=firsts(lex.phrases["career_verbs"]),
            appointment=frozenset({word_key("chức")}),
            place=firsts(lex.phrases["admin_units"], lex.phrases["venue_heads"], lex.locations,
                         lex.phrases["locality_words"], lex.unit_names),
            site=firsts(lex.phrases["site_words"]),
            pronoun=lex.wordset("ref_pronouns"),
            people=title_firsts | firsts(lex.phrases["honorifics"]) | lex.surnames,
            org=firsts(lex.orgs, lex.heads),
            foreign_org=firsts(lex.phrases["foreign_org_cues"]),
            outlet=firsts(lex.outlets),
        )
    return got


_ABLE: dict[int, frozenset[str]] = {}


def _mention_starters(lex: Lexicon) -> frozenset[str]:
    """First keys of every word a mention can begin with, capitalized or not: a capital word
    outside this set is skipped without trying each reader."""
    got = _ABLE.get(id(lex))
    if got is None:
        matchers = [lex.directive_kinds, lex.named_directives, lex.heads, lex.titles, lex.orgs, lex.title_orgs,
                    lex.locations, lex.unit_names, lex.outlets]
        matchers += [lex.phrases[k] for k in ("honorifics", "venue_heads", "admin_units", "locality_words",
                                              "site_words", "career_verbs", "standing_post_words")]
        keys = {k for m in matchers for k in m.first_keys()} | set(lex.surnames)
        keys |= {word_key(w) for w in lex.words["title_status"]} | {word_key("chức")}
        got = _ABLE[id(lex)] = frozenset(keys)
    return got


# an organization right after these words is governed ("của X": of X; "do X tổ chức": by X)
_GOVERNING = frozenset(word_key(w) for w in ("của", "do"))


def _coordinated_after_cua(s: Sentence) -> None:
    """In "của QH, UBTVQH và VPQH" every listed body is governed by "của", not a subject."""
    by_start = {o.start: o for o in s.orgs}
    for o in list(s.orgs):
        if id(o) not in s.issuer_orgs:
            continue
        j = o.end
        while j < len(s.tokens) and (s.tokens[j].text == "," or s.tokens[j].keys[:1] == KEY_VA):
            nxt = by_start.get(j + 1)
            if nxt is None:
                break
            s.issuer_orgs.add(id(nxt))
            j = nxt.end




def _outlet(lex: Lexicon, toks: list[Token], i: int) -> OrgMention | None:
    """A news outlet (data/outlets.tsv) written with its capitals; one whose name is also common words
    only after a cue word ("theo Tuổi Trẻ", not "tuổi trẻ Thủ đô")."""
    got = lex.outlets.match(toks, i)
    if got is None:
        return None
    end, (name, form, needs_cue) = got
    if " ".join(t.text for t in toks[i:end]) != form or (end < len(toks) and toks[end].is_word and toks[end].is_cap):
        return None  # other capitals, or a longer name ("Thanh Niên Xung phong")
    colon = i > 0 and toks[i - 1].text == ":"  # "(Ảnh: Thanh Niên)": a credit's cue before its colon
    if needs_cue and lex.phrases["outlet_cues"].ending_at(toks, i - 1 if colon else i) < 0:
        return None
    return OrgMention(i, end, "resolved", canonical=name)


def _foreign_named(lex: Lexicon, toks: list[Token], i: int) -> OrgMention | None:
    """"tờ New York Times", "ngân hàng JPMorgan Chase", "công ty tư vấn Booz Allen Hamilton": a
    foreign name (no Vietnamese syllable, or an acronym) after a word for a kind of body."""
    cue = lex.phrases["foreign_org_cues"].match(toks, i)
    if cue is None:
        return None
    start = cue[0]
    while start < len(toks) and start - cue[0] < 2 and toks[start].is_word and not toks[start].is_cap:
        start += 1  # "công ty tư vấn …": a word or two of what it does
    end = start
    while end < len(toks) and toks[end].is_word and toks[end].is_cap and not is_syllable(toks[end].text) and (
            expansion(toks[end].text) is None):  # not "UBND", not a Vietnamese name in capitals
        end += 1
    if end == start or lex.phrases["not_bodies"].match(toks, start):  # ("kênh Internet": no body)
        return None
    return OrgMention(start, end, "resolved", canonical=" ".join(t.text for t in toks[start:end]))


def _share_given(lex: Lexicon, s: Sentence, toks: list[Token], start: int, given: list, titled: bool = False
                 ) -> None:
    """"bầu ông A – Giám đốc Sở X và bà B – Chủ tịch Y giữ chức Phó Chủ tịch", "A, Phó Tư lệnh … và Trung
    tướng B, Tư lệnh …, cùng được bổ nhiệm giữ chức …": the people listed before the one the post is given
    after (whose name or titles start at `start`), each with their own titles, are given it too; so are
    officials listed title first, by "và" or ";" ("Bộ trưởng X A; Bộ trưởng Y B là Phó Trưởng ban …";
    `titled`: the one at `start` is written so)."""
    for prev in reversed([p for p in s.people if p.end <= start]):
        k = prev.chain_end if prev.chain_end >= 0 else prev.end
        if k < start and toks[k].text == "(":  # a caption's "(bên trái)" after the name
            k = next((j + 1 for j in range(k, start) if toks[j].text == ")"), k)
        prev_start = _titles_start(prev)
        joins = (",", ";") if titled and prev_start < prev.start else (",",)
        if not (k < start and (toks[k].text in joins or toks[k].keys[:1] == KEY_VA)):
            return
        if any(t.is_word and not lex.phrases["honorifics"].match(toks, m) and not _in_rank(lex, toks, m)
               for m, t in enumerate(toks[k + 1 : start], k + 1)):
            return  # something else between them: not one list ("và Trung tướng B": a rank is a title)
        # (not the source the sentence opens with: "Theo ông A, Giám đốc X, ông B được bầu …")
        lead = prev_start - 1
        while lead >= 0 and lex.phrases["honorifics"].ending_at(toks, lead + 1) >= 0:
            lead = lex.phrases["honorifics"].ending_at(toks, lead + 1) - 1
        if lead >= 0 and lex.word_in(toks[lead], "source_markers"):
            return
        prev.posts.extend(copy.copy(p) for p in given)
        start, titled = prev_start, prev_start < prev.start


def _titles_start(p) -> int:
    """Where a person's mention starts with the titles written before the name."""
    return min([p.start, *(q.start for q in p.posts if q.start < p.start)])


def _in_rank(lex: Lexicon, toks: list[Token], m: int) -> bool:
    """Is token m a word of a military or police rank ("Trung tướng")?"""
    return any((got := lex.phrases["ranks"].match(toks, k)) is not None and got[0] > m for k in (m, m - 1) if k >= 0)
