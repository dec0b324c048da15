"""The bodies of one person's chain of titles that the chain leaves unwritten or bare ("Phó Bí thư Đảng
ủy, Giám đốc Công an tỉnh", "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy"): each is read from
the bodies the later titles name. Called by PeopleParser.title_chain (people.py)."""

from __future__ import annotations

import copy

from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.posts import Post
from kg.extract.tokens import Token
from kg.text import name_key


def fill_chain_bodies(lex: Lexicon, toks: list[Token], posts: list[Post]) -> None:
    """Give the posts of one chain of titles the bodies the chain implies, in place."""
    _level_from_before(lex, posts)
    # "Phó Viện trưởng Thường trực, Kiểm sát viên VKSND Tối cao": a title that names no body and
    # implies none is of the body the next title names
    for k, p in enumerate(posts):
        if p.org is None and not p.implied and not p.country:
            # (not a bare Party committee the chain names later: "bí thư Đảng ủy - chính ủy, phó bí thư Đảng
            # ủy - tư lệnh Quân chủng X": the political commissar is the service's)
            p.org = next((q.org for q in posts[k + 1 :] if q.org is not None and q.org.kind not in ("elided", "bare")),
                         None)
            # (a Party secretary's title before a post in a place's government is of the place's Party
            # committee: "Phó bí thư - Chủ tịch UBND huyện Sa Pa" is Huyện ủy Sa Pa's; data party_secretary_titles)
            if p.org is not None and p.org.kind == "standalone" and p.org.locality and name_key(p.role) in {
                    name_key(w) for w in lex.words["party_secretary_titles"]} and p.org.head in lex.words[
                    "local_government_bodies"] and lex.admin is not None and (
                    got := lex.admin.committee(p.org.locality)) is not None:
                # (a level alone, "Chủ tịch UBND huyện": the level's committee, which the report's place may name)
                p.org = OrgMention(p.org.start, p.org.end, "standalone", head=got[0], locality=got[1], implied=True)
                continue
            # (a body's own title before a post in its board is the body's: "Tổng giám đốc, Chủ tịch HĐQT
            # Công ty X" runs the company; data board_titles)
            if p.org is not None and p.org.kind == "sub" and p.org.inner is not None and (
                    p.org.head.lower() in lex.words["body_boards"]) and name_key(p.role) not in {
                    name_key(w) for w in lex.words["board_titles"]}:
                p.org = copy.copy(p.org.inner)
    # "Tổng Bí thư, Chủ tịch nước Lào X": a country in the chain is the state of its implied posts
    countries = [p.country or p.org.locality for p in posts if p.country or (p.org and p.org.foreign)]
    for p in posts:
        if countries and p.org is None and not p.country:
            p.country = countries[0]
    for k, p in enumerate(posts):
        # (not a body that is itself of a bare committee: "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy")
        later = [q.org for q in posts[k + 1 :] if q.org is not None and q.org.kind not in ("elided", "bare")
                 and _root(q.org).kind != "bare"]
        if p.org is not None and p.org.kind == "elided":
            # "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy": of the Tỉnh ủy
            board = p.org.head.lower() in lex.words["body_boards"]
            parent = later[0] if board and later else next((o.inner for o in later if o.inner), None)
            p.org = None if parent is None else OrgMention(
                p.org.start, p.org.end, "sub", head=p.org.head, inner=copy.copy(parent)
            )
        elif p.org is not None and (bare := _root(p.org)).kind == "bare" and later:
            # "Bí thư Đảng ủy, Giám đốc Công an tỉnh": the Party committee of that body; of a
            # locality's committee ("Chủ tịch UBND xã Quỳnh Lập"), the locality's: "Đảng ủy xã ..."
            # (a party group, "Ban cán sự đảng, Chủ tịch UBND tỉnh", is the body's own, never the locality's)
            # A board or standing body has none of its own ("Chủ tịch HĐQT Công ty X"); one of the bare
            # committee is of that committee ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy, Phó Giám đốc Công an")
            nxt = _root(later[0])
            group = bare.head.lower() in lex.words["body_party_groups"]
            party = (OrgMention(bare.start, bare.end, "standalone", head=bare.head, locality=nxt.locality)
                     if nxt.kind == "standalone" and nxt.locality and not group
                     and lex.phrases["locality_government"].match(toks, nxt.start) else
                     OrgMention(bare.start, bare.end, "party", head=bare.head, inner=copy.copy(nxt)))
            if p.org is bare:
                p.org = party
            else:
                holder = p.org
                while holder.inner is not bare:
                    holder = holder.inner
                holder.inner = party


def _level_from_before(lex: Lexicon, posts: list[Post]) -> None:
    """"nguyên Phó chủ tịch UBND huyện, hiện là phó Bí thư, Chủ tịch HĐND": a place's government body
    written with no level at all (data local_government_bodies) is of the level and place of the nearest
    such body before it in the chain that says them."""
    government = lex.words["local_government_bodies"]
    for k, p in enumerate(posts):
        org = p.org
        if org is None or org.kind != "standalone" or org.head not in government or org.locality:
            continue
        before = next((q.org for q in reversed(posts[:k]) if q.org is not None and q.org.kind == "standalone"
                       and q.org.head in government and q.org.locality), None)
        if before is not None:
            p.org = OrgMention(org.start, org.end, "standalone", head=org.head, locality=before.locality)


def _root(org: OrgMention) -> OrgMention:
    """The body a sub-body or standing body is of, up its chain ("Ban Thường vụ Đảng ủy X": X's committee)."""
    while org.kind == "sub" and org.inner is not None:
        org = org.inner
    return org
