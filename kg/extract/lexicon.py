"""The data files (data/) turned into matchers, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg import admin_units
from kg.extract.glued import is_syllable
from kg.extract.tokens import PhraseMatcher, Token, phrase_keys, word_key
from kg.resources import read_lines, read_tsv, read_yaml
from kg.text import name_key


@dataclass(frozen=True)
class OrgEntry:
    name: str
    part_of: str = ""
    reports_to: str = ""
    international: bool = False  # of no state: a foreign holder's post in it is not their state's


@dataclass(frozen=True)
class Head:
    text: str
    kind: str  # named | standalone | party | sub
    lower_ok: bool  # a body in lower case in a plural list ("các sở Tài chính")
    # a body in lower case before a capitalized name ("bệnh viện Bạch Mai"): "name"; "name-not-place"
    # unless that name is a place alone ("trung tâm Hà Nội"); "" never
    lower_name: str = ""
    lower_after_title: bool = False  # "Bí thư huyện ủy Đông Anh": a body in lower case after a title


@dataclass(frozen=True)
class Title:
    text: str
    implied: str
    deputy_of: str = ""


@dataclass(frozen=True)
class AdminLevels:
    """Administrative levels (data/lexicon.yaml admin_tiers) and the patterns built from them."""

    tiers: tuple[dict[str, str], ...]  # level word -> its Party committee ("" when none), by tier
    provincial_heads: tuple[str, ...]
    place_suffix: re.Pattern[str]  # "... tỉnh Nghệ An": (level, place)
    party_suffix: re.Pattern[str]  # "... Tỉnh ủy Nghệ An": (committee, place)
    generic: re.Pattern[str]  # a name that ends with a level or a committee: "UBND tỉnh", "Tỉnh ủy"
    level_of_party: dict[str, str]

    @classmethod
    def from_data(cls, tiers: list[dict[str, str]], provincial_heads: list[str]) -> AdminLevels:
        levels = sorted({lv for tier in tiers for lv in tier}, key=len, reverse=True)
        parties = {party: lv for tier in tiers for lv, party in tier.items() if party}
        level_alt = "|".join(map(re.escape, levels))
        party_alt = "|".join(map(re.escape, sorted(parties, key=len, reverse=True)))
        cap = r"[A-ZÀ-ỸĐ][^,;]*"
        return cls(
            tiers=tuple(dict(t) for t in tiers),
            provincial_heads=tuple(provincial_heads),
            place_suffix=re.compile(rf" ({level_alt}) ({cap})$"),
            party_suffix=re.compile(rf"(?:^| )({party_alt}) ({cap})$"),
            generic=re.compile(rf"(?:^| )(?:{level_alt}|{party_alt})$"),
            level_of_party=parties,
        )

    def committee(self, locality: str) -> tuple[str, str] | None:
        """(head, locality) of the Party committee of a place written with its level: "tỉnh Nghệ An"
        -> ("Tỉnh ủy", "Nghệ An"); "xã Tân Lập" -> ("Đảng ủy", "xã Tân Lập"); "quận 1" keeps its level
        ("Quận ủy quận 1"); a level alone ("tỉnh") gives the committee with no place. None for a village."""
        for tier in self.tiers[:3]:  # a village's Party cell is no committee
            for level in sorted(tier, key=len, reverse=True):
                if locality == level or locality.startswith(level + " "):  # "tỉnh": the report's province
                    name = locality[len(level) :].strip()
                    party = tier[level]
                    return (party, name) if party and not name.isdigit() else (party or "Đảng ủy", locality)
        return None


@dataclass
class Lexicon:
    orgs: PhraseMatcher = field(default_factory=PhraseMatcher)
    title_orgs: PhraseMatcher = field(default_factory=PhraseMatcher)  # also read after a title
    org_by_key: dict[tuple[str, ...], OrgEntry] = field(default_factory=dict)
    heads: PhraseMatcher = field(default_factory=PhraseMatcher)
    org_names: PhraseMatcher = field(default_factory=PhraseMatcher)
    titles: PhraseMatcher = field(default_factory=PhraseMatcher)
    outlets: PhraseMatcher = field(default_factory=PhraseMatcher)  # news outlets: (name, form, needs a cue)
    locations: PhraseMatcher = field(default_factory=PhraseMatcher)
    location_names: dict[tuple[str, ...], str] = field(default_factory=dict)
    surnames: frozenset[str] = frozenset()
    head_first_words: frozenset[str] = frozenset()
    title_first_words: frozenset[str] = frozenset()
    directive_kinds: PhraseMatcher = field(default_factory=PhraseMatcher)
    named_directives: PhraseMatcher = field(default_factory=PhraseMatcher)
    symbol_issuers: dict[str, str] = field(default_factory=dict)
    issued_for: dict[str, str] = field(default_factory=dict)  # a post that signs for a body -> the body
    not_implemented: frozenset[str] = frozenset()
    not_bound: frozenset[str] = frozenset()  # canonical names of bodies no document applies to
    number_units: frozenset[str] = frozenset()
    words: dict[str, object] = field(default_factory=dict)
    phrases: dict[str, PhraseMatcher] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    historical: frozenset[tuple[str, ...]] = frozenset()
    lunar_years: frozenset[tuple[str, ...]] = frozenset()  # keys of "Đinh Dậu", "Bính Ngọ" …
    structure: list[dict[str, str]] = field(default_factory=list)
    wordsets: dict[str, frozenset[str]] = field(default_factory=dict)  # lexicon.yaml lists as word keys
    cities: set[str] = field(default_factory=set)  # name keys of the centrally run cities (province level)
    provinces: dict[str, str] = field(default_factory=dict)  # name key -> name, provinces and those cities
    admin: AdminLevels | None = None
    countries: frozenset[str] = frozenset()  # canonical names of foreign countries (locations.tsv)
    regions: frozenset[str] = frozenset()  # canonical names of regions (locations.tsv: châu Á, Thái Bình Dương …)
    unit_names: PhraseMatcher = field(default_factory=PhraseMatcher)  # provinces and districts, both periods
    not_the_verb_after: dict[str, frozenset[str]] = field(default_factory=dict)  # verb key -> next-word keys
    foreign_leaders: dict[str, str] = field(default_factory=dict)  # name key -> state (foreign_leaders.tsv)

    def wordset(self, name: str) -> frozenset[str]:
        return self.wordsets[name]

    def word_in(self, token: Token, name: str) -> bool:
        """Is the token a word of the word set `name` (by its first key: "UBND" is "ủy")?"""
        return bool(token.keys) and token.keys[0] in self.wordsets[name]

    def is_assembly(self, name: str) -> bool:
        """Is a body of this name an elected assembly (data assemblies: Quốc hội, HĐND …)?"""
        return any(name == a or name.startswith(a + " ") for a in self.words["assemblies"])

    def plural_before(self, tokens: list[Token], k: int) -> bool:
        """Is the word before k one that makes what follows plural ("các", "những"; data plural_markers)?"""
        return k > 0 and self.word_in(tokens[k - 1], "plural_markers")

    def canonical_org(self, keys: tuple[str, ...]) -> OrgEntry | None:
        return self.org_by_key.get(keys)

    def is_other_word(self, tokens: list[Token], k: int) -> bool:
        """Does the word after the one-word verb at k make it another word ("dự án", "tiếp tục")?"""
        after = self.not_the_verb_after.get(tokens[k].keys[0]) if tokens[k].keys else None
        return bool(after) and k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].keys[0] in after

    def country_at(self, tokens: list[Token], j: int) -> str | None:
        """The foreign country whose name begins at j, or None."""
        place = self.locations.match(tokens, j)
        return str(place[1]) if place is not None and str(place[1]) in self.countries else None

    def state_at(self, tokens: list[Token], j: int) -> bool:
        """Does a foreign state's name or its form ("Vương quốc", "Cộng hòa") begin at j?"""
        return bool(self.phrases["state_forms"].match(tokens, j)) or self.country_at(tokens, j) is not None

    def reads_as_name(self, country: str, first: Token) -> bool:
        """A country whose name reads as a person's ("Hà Lan", "Thái Lan"): it needs a cue to be a place."""
        return country in self.countries and first.keys[0] in self.surnames


HOME_COUNTRY = "Việt Nam"  # the state whose bodies the gazetteer lists; every other country is foreign


def _phrase_matcher(items: list[str]) -> PhraseMatcher:
    m = PhraseMatcher()
    for item in items:
        m.add(item, item)
    return m


def _without_and(forms: list[str]) -> list[str]:
    """Names joined by "và" are also written without it, with a dash or nothing between the parts
    ("Bộ Kế hoạch - đầu tư", "Bộ Lao động thương binh xã hội", "Bộ Tài nguyên Môi trường")."""
    return [re.sub(r",? và ", " ", f) for f in forms if " và " in f]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in read_yaml("organizations.yaml"):
        entry = OrgEntry(row["name"], row.get("part_of", ""), row.get("reports_to", ""),
                         bool(row.get("international")))
        forms = [row["name"], *(row.get("aliases") or [])]
        # "Ủy ban Tư pháp của Quốc hội" is also written without "của": "Ủy ban Tư pháp Quốc hội"
        forms += [f.replace(" của ", " ") for f in forms if " của " in f]
        forms += _without_and(forms)
        for form in forms:
            lex.orgs.add(form, entry)
            lex.title_orgs.add(form, entry)
            lex.org_by_key.setdefault(phrase_keys(form), entry)
        for form in row.get("title_aliases") or []:
            lex.title_orgs.add(form, entry)
    heads = read_tsv("org_heads.tsv")
    for row in heads:
        lower = row["lower"].split("+")  # ("yes+name-not-place": both readings)
        lex.heads.add(row["head"], Head(row["head"], row["kind"], "yes" in lower,
                                        next((w for w in lower if w.startswith("name")), ""), "title" in lower))
    lex.head_first_words = frozenset(word_key(r["head"].split()[0]) for r in heads)
    for line in read_lines("org_names.txt"):
        name, *variants = line.split("|")  # "Lao động - Thương binh và Xã hội|Lao động, Thương binh và Xã hội"
        for form in [name, *variants, *_without_and([name])]:
            lex.org_names.add(form, name)
    firsts = set()
    for row in read_tsv("titles.tsv"):
        lex.titles.add(row["title"], Title(row["title"], row["implied"]))
        firsts.add(word_key(row["title"].split()[0]))
        if row["deputy"] == "yes":
            lex.titles.add("Phó " + row["title"], Title("Phó " + row["title"], row["implied"]))
    firsts.add(word_key("Phó"))
    lex.title_first_words = frozenset(firsts)
    for row in read_tsv("outlets.tsv"):  # a form is read with its capitals as listed (kg.extract.sentence)
        for form in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
            lex.outlets.add(form, (row["name"], form, row["cue"] == "yes"))
    countries: set[str] = set()
    regions: set[str] = set()
    for row in read_tsv("locations.tsv"):
        if row["type"] == "city":
            lex.cities.add(name_key(row["name"]))
        if row["type"] in ("city", "province"):
            lex.provinces[name_key(row["name"])] = row["name"]
        if row["type"] == "country" and row["name"] != HOME_COUNTRY:
            countries.add(row["name"])
        if row["type"] == "region":
            regions.add(row["name"])
        for form in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
            lex.locations.add(form, row["name"])
            lex.location_names[phrase_keys(form)] = row["name"]
    for row in read_tsv("countries.tsv"):  # the world's states (CLDR) the hand-kept list does not name
        forms = [row["name"], *[a for a in row["aliases"].split("|") if a]]
        if any(phrase_keys(f) in lex.location_names for f in forms) or (
                " " not in row["name"] and is_syllable(row["name"])):
            continue  # ("Síp" is also a Vietnamese word: one syllable is too easily a word at a sentence's start)
        countries.add(row["name"])
        for form in forms:
            lex.locations.add(form, row["name"])
            lex.location_names[phrase_keys(form)] = row["name"]
    lex.countries = frozenset(countries)
    lex.regions = frozenset(regions)
    spellings = {w: set(forms) for forms in read_yaml("lexicon.yaml")["unit_name_spellings"] for w in forms}
    for name, type_word in admin_units.names_at(("province", "district")).items():
        lex.unit_names.add(name, (name, type_word))
        # a word written several ways ("Đak Đoa", "Đăk Đoa", "Đắk Đoa"): each spelling reads the unit
        first, _, rest = name.partition(" ")
        for form in spellings.get(first, set()) - {first} if rest else ():
            lex.unit_names.add(f"{form} {rest}", (name, type_word))
    lex.surnames = frozenset(word_key(s) for s in read_lines("surnames.txt"))
    directives = read_yaml("directives.yaml")
    for written, kind in directives["kinds"].items():
        lex.directive_kinds.add(written, kind)
    lex.named_directives = _phrase_matcher(directives["named"])
    lex.symbol_issuers = {k.lower(): v for k, v in directives["symbol_issuers"].items()}
    lex.issued_for = dict(directives.get("issued_for") or {})
    lex.not_implemented = frozenset(directives["not_implemented"])
    lex.not_bound = frozenset(directives["not_bound"])
    lex.number_units = frozenset(word_key(w) for w in directives["number_units"])
    words = read_yaml("lexicon.yaml")
    lex.words = words
    for key in (
        "honorifics", "title_qualifiers", "locality_words", "locality_generic", "event_verbs",
        "event_nouns", "attend_words", "attendance_markers", "implement_verbs", "reports_to_sub_sup",
        "reports_to_adjacent", "ceremony_verbs", "session_nouns",
        "reports_to_sup_sub", "byline_markers", "photo_markers", "day_parts", "venue_heads", "level_words",
        "place_cues", "ministry_units", "not_ministry_units", "admin_units", "place_words", "site_words",
        "site_compounds", "locality_compounds",
        "appointment_verbs", "new_post_verbs", "proposal_cues", "proposal_nouns", "presiding_nouns",
        "locality_government",
        "issue_verbs", "career_verbs", "career_list_lead",
        "name_stops", "discourse_openers", "official_visit_verbs", "meeting_document_words", "interview_cues",
        "sideline_words", "operation_words", "topic_verbs", "ranks", "title_body_heads", "title_bare_body_heads",
        "standing_post_words",
        "standing_post_bodies",
        "list_openers", "list_state_verbs", "flashback_openers", "memorial_heads", "memorial_words", "visit_words",
        "home_cues", "results_cues", "meeting_owners", "name_tails", "remit_tails", "remit_boards", "remit_stops",
        "remit_openers", "remit_scopes", "state_forms", "title_meeting_verbs",
        "amendment_marks",
        "event_name_verbs", "event_name_nouns", "sitting_places", "acting_openers", "holiday_words", "occasion_words",
        "candidacy_words", "decision_objects", "company_name_stops", "street_phrases", "party_field_words",
        "press_conference_nouns", "home_country", "agency_words", "questioning_verbs",
        "law_name_stop_phrases",
        "taking_place_verbs", "deceased_markers",
        "event_clause_openers", "decision_verbs", "posting_verbs", "handing_verbs", "accountability_words",
        "responsibility_words", "addressing_verbs", "urgency_words",
        "vote_verbs", "event_topic_words",
        "plural_honorifics", "foreign_org_cues", "name_compounds", "constituency_words",
        "session_designators", "member_phrases", "event_back_refs", "acting_for_verbs", "behalf_words", "side_markers",
        "decided_postings",
        "outlet_cues",
        "part_of_links", "not_bodies", "holder_gap_words", "holder_links", "holder_of_links", "partner_markers",
    ):
        lex.phrases[key] = _phrase_matcher(words[key])
    # a baptismal name stands before a name as an honorific does ("Linh mục Giuse Nguyễn Văn A")
    lex.phrases["honorifics"] = _phrase_matcher(words["honorifics"] + words["baptismal_names"])
    lex.admin = AdminLevels.from_data(words["admin_tiers"], words["provincial_heads"])
    lex.stopwords = frozenset(word_key(w) for w in words["stopwords"] if " " not in w)
    # the multi-word stop phrases, the verbs of speech and a few verbs of action end a name's run
    lex.phrases["name_enders"] = _phrase_matcher(
        [w for w in words["stopwords"] if " " in w] + words["attend_words"] + words["name_ending_verbs"])
    lex.historical = frozenset(phrase_keys(n) for n in words["historical_persons"])
    lex.foreign_leaders = {name_key(r["name"]): r["country"] for r in read_tsv("foreign_leaders.tsv")}
    lex.lunar_years = frozenset(phrase_keys(f"{stem} {branch}") for stem in words["lunar_stems"]
                                for branch in words["lunar_branches"])
    lex.structure = read_yaml("structure.yaml")
    lex.not_the_verb_after = {word_key(verb): frozenset(word_key(w) for w in after)
                              for verb, after in words["not_the_verb_after"].items()}
    for key in ("title_body_heads", "ordinal_words", "address_cues", "electing_verbs", "modal_words",
                "field_qualifiers",
                "leadership_words", "law_name_stops", "law_compounds", "meeting_object_words",
                "intro_words", "not_a_law_before", "venue_lower_words", "day_parts", "day_part_next",
                "career_joins", "career_scope_words", "career_past", "purpose_words", "event_name_stops", "term_words",
                "term_qualifiers",
                "career_present", "ref_pronouns", "party_member_titles", "street_words", "house_number_cues",
                "source_markers",
                "plural_markers", "passive_markers", "origin_markers", "directing_words", "lower_head_openers",
                "bare_honorifics",
                "future_markers", "date_bounds", "aspect_words", "object_markers", "adverse_passives",
                "units_named_after_people", "addressee_markers", "marker_blockers", "count_words", "delegation_words",
                "preposition_surnames", "venue_prepositions", "leveled_head_words",
                "place_name_prefixes"):
        lex.wordsets[key] = frozenset(word_key(w) for w in words[key])
    return lex
