"""Where the report's main event was held: a place after "tại" or "ở" (data: venue_prepositions) in
the sentence that tells of it, a place visited, or a dateline ("HÀ GIANG - Ngày 18.10")."""

from __future__ import annotations

from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_VA
from kg.model import Entity
from kg.text import name_key


def venue_of(b, lex, text: str, where: Sentence, lead: Sentence) -> Entity | None:
    """The first place after "tại"/"ở" in `where` (the sentence that says the event took place, else
    the lead), else a place the lead's visit went to, else the lead's dateline."""
    return _place_after_preposition(b, lex, where) or _visited_place(b, lex, lead) or _dateline_place(
        b, lex, text, lead)


def stated_venue(b, lex, body: list[Sentence], lead: Sentence, name: str) -> Entity | None:
    """"Kỳ họp … sẽ diễn ra … tại Nhà Quốc hội", "Tang lễ … được tổ chức … tại Nhà tang lễ Quốc
    gia": a sentence soon after the lead that opens with the event's noun (the first word of its
    name) and says where it takes place (data taking_place_verbs, venue_prepositions)."""
    noun = name.split()[0].lower() if name else ""
    at = next((k for k, s in enumerate(body) if s is lead), None)
    if not noun or at is None:
        return None
    for s in body[at + 1 : at + 6]:
        words = [t for t in s.tokens if t.is_word]
        if not words or words[0].text.lower() != noun or s.has_phrase(lex.phrases["taking_place_verbs"]) < 0:
            continue
        if (venue := _place_after_preposition(b, lex, s)) is not None:
            return venue
    return None


def listed_venues(b, lex, s: Sentence, first: Entity) -> list[Entity]:
    """"dâng hương tại Đền thờ A, xã X (huyện Y); Khu lưu niệm B và Nhà tưởng niệm C, xã Z": the
    named venues listed after the first one in the same sentence, up to its first verb or full stop
    (places of other kinds between them say where each is)."""
    starts = [p.start for p in s.places if _location_at(b, s, p.start) is first]
    if not starts:
        return []
    out: list[Entity] = []
    named = {k for p in s.places for k in range(p.start, p.end)}
    for p in s.places:
        if p.start <= starts[0] or not p.venue:
            continue
        # (an address is no clause: "Nhà tang lễ Quốc gia số 5 Trần Thánh Tông, thành phố Hà Nội; Hội trường …")
        address = {j for k in range(starts[0], p.start) if (w := lex.phrases["locality_words"].match(s.tokens, k))
                   for j in range(k, w[0])}
        if any(t.is_word and not t.is_cap and t.keys[:1] != KEY_VA and not lex.word_in(t, "house_number_cues")
               and not t.text[0].isdigit() and k not in address and k not in named
               for k, t in enumerate(s.tokens[starts[0] : p.start], starts[0])):
            break  # a verb or a clause between them: no longer the list
        if (venue := _location_at(b, s, p.start)) is not None and venue is not first and venue not in out:
            out.append(venue)
    return out


def _place_after_preposition(b, lex, s: Sentence) -> Entity | None:
    """The first place of `s` written after "tại" / "ở" (data venue_prepositions)."""
    for p in s.places:
        if p.start > 0 and lex.word_in(s.tokens[p.start - 1], "venue_prepositions"):
            if (venue := _location_at(b, s, p.start)) is not None:
                return venue
    return None


def _location_at(b, s: Sentence, k: int) -> Entity | None:
    """The Location entity whose evidence starts at token k of `s`."""
    start = s.tokens[k].start
    return next((e for e in b.entities.values() if e.type == "Location" and any(
        ev.start == start for ev in e.evidence)), None)


def _visited_place(b, lex, lead: Sentence) -> Entity | None:
    """"thăm cấp Nhà nước Campuchia", "đến thăm tỉnh Nghệ An": the place a visit goes to, named a
    few words after the verb of visiting."""
    k = lead.has_phrase(lex.phrases["visit_words"])
    if k < 0:
        return None
    for p in lead.places:
        if k < p.start <= k + 6 and not p.venue:
            return _location_at(b, lead, p.start)
    return None


def _dateline_place(b, lex, text, lead: Sentence) -> Entity | None:
    """A dateline: an upper-case place name and a dash opening the lead ("HÀ GIANG - Ngày 18.10")."""
    toks = lead.tokens
    k = 0
    while k < len(toks) and toks[k].is_word and toks[k].text.isupper():
        k += 1
    if k == 0 or k >= len(toks) or toks[k].text not in ("-", "–", "—"):
        return None
    place = lex.locations.match(toks, 0)
    if place is None or place[0] != k:
        return None
    span = (toks[0].start, toks[k - 1].end)
    return b.entity("Location", str(place[1]), surface=text[span[0] : span[1]], span=span,
                    sent=(lead.start, lead.end))


def dateline_venue(b, body: list[Sentence], lead: Sentence) -> Entity | None:
    """"Hưng Yên- Ngày 26.2, Đại tướng … đã đến chúc Tết …": the place of a dateline that opens the
    report's text (a place, then a dash) is where what the report tells took place, unless the lead
    names another place, also as a body's ("Hải Phòng- … UBND xã Vĩnh Thịnh tổ chức hội nghị": the
    commune's, which the city's dateline does not place)."""
    # (the first sentence of words: a date line "26/02/2026" may come before it)
    s = next((x for x in body[:2] if any(t.is_word and not t.text.isdigit() for t in x.tokens)), None)
    if s is None:
        return None
    first = next((p for p in s.places if p.start == 0 and not p.venue), None)
    if first is None or first.end >= len(s.tokens) or s.tokens[first.end].text not in ("-", "–"):
        return None
    place = _location_at(b, s, first.start)
    if place is None:
        return None
    others = {name_key(" ".join(t.text for t in lead.tokens[p.start : p.end])) for p in lead.places} | {
        name_key(m.locality) for top in lead.orgs for m in top.walk() if m.locality}
    return place if not others - {name_key(place.name), ""} else None
