"""Canonical names for organization mentions within one report: short forms resolved to the
full name the report uses, and generic localities ("UBND tỉnh") qualified by the one province the
report names."""

from __future__ import annotations

from collections import Counter

from kg.extract.lexicon import AdminLevels, Lexicon, lexicon
from kg.extract.org_mention import OrgMention, canonical_name
from kg.extract.org_places import unit_above
from kg.extract.sentence import Sentence
from kg.extract.short_forms import companies_by_their_names, defined_in_names
from kg.extract.tokens import KEY_VA, Token, proper_name_end, tokenize
from kg.extract.tokens import phrase_keys as _keys
from kg.reorganisation import replaced_by
from kg.text import name_key


def all_mentions(sentences: list[Sentence]):
    for s in sentences:
        for top in s.orgs:
            yield from top.walk()


def name_orgs(sentences: list[Sentence], lex: Lexicon) -> None:
    """Canonical names for every org mention; short forms resolve to a unique longer name."""
    full: dict[str, str] = {}
    committees: dict[str, OrgMention] = {}  # "đảng bộ tỉnh x" -> its committee written "Ban Chấp hành …"
    for m in all_mentions(sentences):
        if not any(x.kind == "bare" for x in m.walk()):
            name = canonical_name(m, lex)
            full.setdefault(name_key(name), name)
        if m.executive:
            full.setdefault(name_key(m.executive), m.executive)
            committees.setdefault(name_key(m.executive), m)
    extending_full = _extensions(full)
    for m in all_mentions(sentences):
        if m.kind == "bare":
            hits = extending_full.get(name_key(m.head), set())
            if len(hits) == 1:
                m.canonical = full[next(iter(hits))]
                m.kind = "resolved"
    _standing_of_the_committee(sentences, lex)
    for m in all_mentions(sentences):
        if m.kind != "bare" or m.canonical:
            m.canonical = canonical_name(m, lex)
    # "Ban Chấp hành Đảng bộ" written short after "Ban Chấp hành Đảng bộ tỉnh X": the same committee
    itself = set(lex.words["committee_itself"])
    for m in all_mentions(sentences):
        if m.kind == "sub" and m.head in itself and m.inner is not None and m.inner.kind == "resolved":
            committee = committees.get(name_key(m.inner.canonical))
            if committee is not None:
                m.canonical, m.inner, m.kind = canonical_name(committee, lex), None, "resolved"
    # a named body written short ("Ban Chỉ đạo") is the one longer name that extends it; where the
    # short name goes on in lower case in several ways ("Học viện Quân y tập trung …", "… thường
    # xuyên …"), the lower-case words are the clause's, not the name's
    names = {name_key(m.canonical): m.canonical for m in all_mentions(sentences) if m.canonical}
    # ("Sở Tư pháp các tỉnh A, B": each place's body, whatever bare "Sở Tư pháp" the report writes too)
    spread = {name_key(m.canonical) for m in all_mentions(sentences) if m.canonical and m.distributed}
    foreign = {name_key(m.canonical) for m in all_mentions(sentences) if m.canonical and m.foreign}
    extending = _extensions(names)
    for m in all_mentions(sentences):
        # (a foreign body named short is the foreign one that extends it: "Bộ trưởng Tư pháp Pam Bondi"
        # after "Bộ Tư pháp Mỹ"; never a Vietnamese one, nor is a Vietnamese one the foreign one)
        if m.kind == "named" and m.inner is None and (m.foreign or not lex.org_by_key.get(_keys(m.canonical))):
            # (not a name that joins it to another body by "và": "Văn phòng Đoàn ĐBQH và HĐND" is a
            # third body; "Bộ Giáo dục" is still "Bộ Giáo dục và Đào tạo")
            longer = {n for n in extending.get(name_key(m.canonical), ())
                      if not _joins_a_body(names[n][len(m.canonical) :], lex) and (n in foreign) == m.foreign}
            tails = {names[n][len(m.canonical) :] for n in longer}
            if len(longer) == 1:
                m.canonical = names[next(iter(longer))]
            elif len(longer) >= 2 and all(t[:1] == " " and t[1:2].islower() and not lex.phrases["locality_words"].match(
                    tokenize(t[1:]), 0) for t in tails) and not longer & spread:  # (" tỉnh Bắc Kạn": a place)
                short, wrong = m.canonical, [names[n] for n in longer]
                for x in all_mentions(sentences):  # and the bodies named after them ("Đảng ủy Học viện …")
                    long = next((w for w in wrong if x.canonical.endswith(w)), None) if x.canonical else None
                    if long is not None:
                        x.canonical = x.canonical[: -len(long)] + short
    defined_in_names(sentences)
    companies_by_their_names(sentences, lex)


def _joins_a_body(tail: str, lex: Lexicon) -> bool:
    """Does the rest of a longer name join another body by "và" (" và Hội đồng nhân dân …")?"""
    return tail.startswith(" và ") and lex.heads.match(tokenize(tail[4:]), 0) is not None


def _standing_of_the_committee(sentences: list[Sentence], lex: Lexicon) -> None:
    """"Quyết định của Ban Thường vụ" in a report on one Party committee ("Tỉnh ủy Lai Châu tổ chức
    …"): the standing body of that committee (data/lexicon.yaml bare_sub_heads)."""
    heads = set(lex.words["bare_sub_heads"])
    bare = [m for m in all_mentions(sentences) if m.kind == "bare" and not m.canonical and m.head in heads]
    if not bare:
        return
    parties = {*lex.admin.level_of_party, "Đảng ủy"}
    committees = {canonical_name(m, lex) for m in all_mentions(sentences)
                  if m.kind == "standalone" and m.head in parties and m.locality}
    if len(committees) == 1:
        committee = next(iter(committees))
        for m in bare:
            m.canonical, m.kind = f"{m.head} {committee}", "resolved"


def _extensions(names) -> dict[str, set[str]]:
    """For every word prefix of the names, the names that extend it ("ban chỉ đạo" -> {"ban chỉ
    đạo trung ương …"}): one lookup per mention, where a scan of every name made long files slow."""
    out: dict[str, set[str]] = {}
    for name in names:
        words = name.split(" ")
        for k in range(1, len(words)):
            out.setdefault(" ".join(words[:k]), set()).add(name)
    return out


def is_generic(name: str, lex: Lexicon | None = None) -> bool:
    """A body named only by its level ("Ủy ban nhân dân tỉnh", "Tỉnh ủy", "Sở Tài chính"): which
    province it is depends on the report, so it must not merge with its namesakes elsewhere."""
    admin = admin_levels(lex)
    if (lex or lexicon()).org_by_key.get(_keys(name)) is not None:
        return False  # a known body's name is no level, though it ends with a level's word ("… nông thôn")
    if admin.generic.search(name):
        return True
    return name.startswith(tuple(f"{h} " for h in admin.provincial_heads)) and not admin.place_suffix.search(name)


def admin_levels(lex: Lexicon | None) -> AdminLevels:
    admin = (lex or lexicon()).admin
    assert admin is not None
    return admin


def named_place(name: str, admin: AdminLevels) -> tuple[str, str] | None:
    """(level, place) a name ends with: "... tỉnh Nghệ An", "Tỉnh ủy Nghệ An"."""
    m = admin.place_suffix.search(name)
    if m:
        return m.group(1), m.group(2)
    m = admin.party_suffix.search(name)
    if m is None:
        return None
    level, place = admin.level_of_party[m.group(1)], m.group(2)
    # "Thành ủy Thành phố Hồ Chí Minh" is of the same place as "Thành ủy thành phố Hồ Chí Minh"
    return level, place[len(level) + 1 :] if place.lower().startswith(f"{level} ") else place


def qualify_localities(sentences: list[Sentence], lex: Lexicon) -> None:
    """When a report names exactly one province or city, its "UBND tỉnh", "Tỉnh ủy", "Sở Y tế"
    are that province's: "Ủy ban nhân dân tỉnh Thanh Hóa"; likewise one district's "Huyện ủy",
    "UBND huyện". Otherwise they stay generic."""
    admin = admin_levels(lex)
    named = {p for x in all_mentions(sentences) if x.canonical and (p := named_place(x.canonical, admin))}
    lower = any(_tier_of(*p, admin, lex) != 0 for p in named)
    for n, tier in enumerate(admin.tiers):
        provincial = n == 0
        places = {p for p in named if _tier_of(*p, admin, lex) == n}
        if len(places) == 1:
            level, place = places.pop()
            # a body written with no level at all ("Thường trực UBND", "Ban Pháp chế HĐND") is the
            # province's only in a report that names no district or commune
            levelless = tuple(lex.words["local_government_bodies"]) if provincial and not lower else ()
            _qualify(sentences, admin, level, place, tier[level], provincial, levelless)
        if provincial and len(_provinces_named(sentences, lex)) >= 2:
            # several provinces (an online conference): a sentence that names one speaks of it
            # (what the report settled above stays as it is)
            for s in sentences:
                one = _sentence_province(s, lex)
                if one is not None:
                    _qualify([s], admin, *one, tier[one[0]], True)
        if provincial and len(places) > 1:
            # the rest are of the province the report is about, where one is named far more often
            # than any other ("Tỉnh ủy Long An" six times, "TP.HCM" once: a Long An report)
            main = _main_province(sentences, lex, admin)
            if main is not None:
                _qualify(sentences, admin, *main, tier[main[0]], True)


def listed_with(s: Sentence, a, b, between: frozenset[str] = frozenset()) -> bool:
    """Are mentions a and b next to each other in a list ("HĐND, UBND", "Huyện ủy - HĐND")?
    `between`: keys of words that may also stand between them ("…, lãnh đạo Bộ Công an")."""
    gap = [t for t in s.tokens[a.end : b.start] if not (t.keys and t.keys[0] in between)]
    return b.start > a.end and 1 <= len(gap) <= 2 and all(t.text in _LIST_JOINS or t.keys[:1] == KEY_VA for t in gap)


_LIST_JOINS = frozenset((",", "-", "–", "&"))


def resolve_bare_heads(sentences: list[Sentence]) -> None:
    """A body written by its head alone ("Hội đồng nhân dân", "Thành ủy") is the one body of that
    head the report names in full ("Hội đồng nhân dân tỉnh Quảng Ninh"), when there is one; of
    several ("Tỉnh ủy Tuyên Quang", "Tỉnh ủy Lào Cai"), the one the report names most often, the
    body it is about, when one is named more often than the others; else the one named last before
    it ("Công an xã Lương Thịnh mời … Công an xã đã triệu tập …": a back-reference)."""
    mentions = [m.canonical for m in all_mentions(sentences) if m.canonical]
    extending = _extensions(set(mentions))
    count = Counter(mentions)
    seen: list[str] = []  # the bodies named so far, in the report's order
    for m in all_mentions(sentences):
        # (a head alone, or with its level alone: "Thành ủy", "Công an xã")
        if m.kind != "standalone" or not m.canonical or not (m.canonical == head_text(m) or is_generic(m.canonical)):
            seen.append(m.canonical)
            continue
        longer = sorted(extending.get(m.canonical, set()), key=lambda n: -count[n])
        if len(longer) == 1 or (len(longer) > 1 and count[longer[0]] > count[longer[1]]):
            m.canonical = longer[0]
        elif not _provincial(m.canonical) and (before := next((n for n in reversed(seen) if n in longer), None)):
            m.canonical = before  # (a province's body named bare among several stays the report's generic one)


def _provincial(name: str) -> bool:
    """Is `name` a body of the first tier named by its level alone ("Ủy ban nhân dân tỉnh", "Tỉnh ủy")?"""
    admin = admin_levels(None)
    return any(name.endswith(f" {level}") or name == party for level, party in admin.tiers[0].items())


def city_with_level(level: str, place: str) -> str:
    """A city whose name holds its level is named with it after a Party committee ("Thành ủy Thành phố
    Hồ Chí Minh", as "Thành ủy TP.HCM" is written out; data locations.tsv), another without ("Thành ủy Hà Nội")."""
    cities = lexicon().cities
    whole = name_key(place) not in cities and name_key(f"{level} {place}") in cities
    return f"{level[:1].upper()}{level[1:]} {place}" if whole else place


def head_text(m) -> str:
    return canonical_name(type(m)(m.start, m.end, m.kind, head=m.head), lexicon())


def _tier_of(level: str, place: str, admin: AdminLevels, lex: Lexicon) -> int:
    """The tier of a named place: a level of two tiers ("thành phố") is of the first for the
    centrally run cities, else of the second."""
    tiers = [n for n, tier in enumerate(admin.tiers) if level in tier]
    # (the data may name the city with its level: "Thành phố Hồ Chí Minh")
    central = name_key(place) in lex.cities or name_key(f"{level} {place}") in lex.cities
    return tiers[0] if len(tiers) == 1 or central else tiers[1]


def _provinces_named(sentences: list[Sentence], lex: Lexicon) -> set[tuple[str, str]]:
    """The provinces sentences name, in a body's name or as a place ("điểm cầu Cao Bằng")."""
    admin = admin_levels(lex)
    province = next(iter(admin.tiers[0]))  # the first level of the first tier: "tỉnh"
    found = {p for x in all_mentions(sentences) if x.canonical and (p := named_place(x.canonical, admin))
             and p[0] == province}
    for s in sentences:
        for p in s.places:
            name = lex.provinces.get(name_key(p.name)) if p.name else None
            if name and name_key(name) not in lex.cities:
                found.add((province, name))
    return found


def _main_province(sentences: list[Sentence], lex: Lexicon, admin: AdminLevels) -> tuple[str, str] | None:
    """The province (or central city) of the first tier that the report's bodies are named after at
    least three times and at least twice as often as any other, or None."""
    count = Counter(p for x in all_mentions(sentences) if x.canonical and (p := named_place(x.canonical, admin))
                    and _tier_of(*p, admin, lex) == 0)
    ranked = count.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _sentence_province(s: Sentence, lex: Lexicon) -> tuple[str, str] | None:
    """The one province a sentence names."""
    found = _provinces_named([s], lex)
    return found.pop() if len(found) == 1 else None


def _qualify(sentences: list[Sentence], admin: AdminLevels, level: str, place: str, party: str,
             provincial: bool, levelless: tuple[str, ...] = ()) -> None:
    """Name the generic bodies of `level` (and its Party committee `party`) after `place`; for a
    province, its departments too ("Sở Y tế" -> "Sở Y tế tỉnh Nghệ An"), and the `levelless` bodies
    ("Thường trực UBND"). A body named within another ("Sở Xây dựng Thanh Hóa" of its "Đảng ủy")
    renames the outer one with it."""
    heads = tuple(f"{h} " for h in admin.provincial_heads) if provincial else ()
    # (already named after the place, its level capitalized: "… Thành phố Hồ Chí Minh")
    typed = place if place.lower().startswith(f"{level} ") else f"{level} {place}"
    outer = outer_mentions(all_mentions(sentences))
    # the committee as the report writes it with its place ("Thành ủy TP. HCM"), which its bare
    # mentions take: one name for one body ("Thành ủy Hồ Chí Minh" would be a second)
    written = {m.canonical for m in all_mentions(sentences) if party and m.canonical and m.canonical.startswith(
        f"{party} ") and name_key(m.canonical).endswith(name_key(place))}
    for m in all_mentions(sentences):
        name = m.canonical
        if not name or named_place(name, admin) or name_key(name).endswith(name_key(typed)):
            continue
        m.canonical = next(iter(written)) if name == party and len(written) == 1 else _placed(
            name, level, place, typed, party, heads, levelless)
        rename_outward(outer, m, name)


def outer_mentions(mentions) -> dict[int, OrgMention]:
    """id(inner mention) -> the mention it is named within."""
    return {id(m.inner): m for m in mentions if m.inner is not None}


def rename_outward(outer: dict[int, OrgMention], m: OrgMention, old: str) -> None:
    """`m` was `old` and is named anew: the mentions named with it ("Đảng ủy" of "Sở Xây dựng
    Thanh Hóa", "Ban Thường vụ" of "Huyện ủy") take its new name."""
    while m.canonical != old and (up := outer.get(id(m))) is not None and up.canonical.endswith(f" {old}"):
        old, up.canonical, m = up.canonical, f"{up.canonical[: -len(old)]}{m.canonical}", up


def _placed(name: str, level: str, place: str, typed: str, party: str, heads: tuple[str, ...],
            levelless: tuple[str, ...]) -> str:
    """`name` named after `place` (of `level`, written `typed`), where it is a body of that level."""
    leveled = name.lower().endswith(f" {level}")  # "Sở Giao thông Thành phố": the level, capitalized
    if leveled and place.lower().startswith(f"{level} "):
        return f"{name[: -len(level)]}{place}"  # "UBND thành phố" + "Thành phố Hồ Chí Minh"
    if leveled:
        return f"{name} {place}"
    if party and (name == party or name.endswith(f" {party}")):
        return f"{name} {city_with_level(level, place)}"  # "Ủy ban Kiểm tra Thành ủy" + "Thành phố Hồ Chí Minh"
    if name in levelless or name.endswith(tuple(f" {b}" for b in levelless)):
        return f"{name} {typed}"  # "Thường trực Ủy ban nhân dân" + "thành phố Hồ Chí Minh"
    if heads and name.startswith(heads):
        # "Sở Xây dựng Thanh Hóa" (the province written bare after the name) is that province's
        bare = place[len(level) + 1 :] if typed == place else place
        if name.endswith(f" {bare}"):
            return f"{name[: -len(bare)]}{typed}"
        # (another province's, written bare: "Sở Tư pháp Hà Nội" in a Hậu Giang report, stays its own)
        return name if _ends_with_province(name) else f"{name} {typed}"
    return name


def _ends_with_province(name: str) -> bool:
    words = name.split()
    provinces = lexicon().provinces
    return any(name_key(" ".join(words[-k:])) in provinces for k in range(1, min(4, len(words) - 1) + 1))


_PLACE_CUES = ("locality_words", "admin_units", "place_words")


def report_places(lex: Lexicon, sentences: list[list[Token]]) -> frozenset[str]:
    """Name keys of two-word places the report writes after a place word: "huyện Yên Thành",
    "cửa khẩu Đồng Đăng". Two words exactly: longer runs there are mostly people's names
    ("Chủ tịch HĐND tỉnh Hồ Quốc Dũng"), and longer places are in the gazetteer."""
    cues = [lex.phrases[c] for c in _PLACE_CUES]
    firsts = frozenset().union(*(c.first_keys() for c in cues))
    places: set[str] = set()
    for toks in sentences:
        for i, tok in enumerate(toks):
            if not tok.keys or tok.keys[0] not in firsts:
                continue
            for cue in cues:
                hit = cue.match(toks, i)
                if hit is None:
                    continue
                j = hit[0]
                k = proper_name_end(toks, j, limit=3)
                # after a title ("Chủ tịch UBND huyện Trần Nam") the name is a person's
                after_title = any(lex.titles.match(toks, b) for b in range(max(0, i - 5), i))
                # … unless the unit above follows: "Chủ tịch UBND xã Lý Trạch (huyện Bố Trạch)"
                if k - j == 2 and (not after_title or unit_above(lex, toks, k)):
                    places.add(name_key(f"{toks[j].text} {toks[j + 1].text}"))
    return frozenset(places)


def drop_place_names(sentences: list[Sentence], places: frozenset[str]) -> None:
    """A bare name (no title, no honorific) that the report also writes as a place is that place."""
    if places:
        for s in sentences:
            s.people = [p for p in s.people if not (p.bare and name_key(p.name) in places)]


def date_short_ministries(sentences: list[Sentence], doc_date: str | None) -> None:
    """"Bộ trưởng Nông nghiệp" in a report dated after the 2025 merger is the minister of the merged
    ministry whose name starts with the words written (Bộ Nông nghiệp và Môi trường), not of the one
    it replaced (data/reorganisation_2025.yaml)."""
    if not doc_date:
        return
    for s in sentences:
        for top in s.orgs:
            for m in top.walk():
                if not m.short or m.foreign:
                    continue
                written = name_key("Bộ " + " ".join(t.text for t in s.tokens[m.start : m.end]))
                for body in replaced_by(m.canonical):
                    in_force = body.since is not None and body.since.isoformat() <= doc_date[:10]
                    if in_force and name_key(body.name).startswith(written):
                        m.canonical = body.name
