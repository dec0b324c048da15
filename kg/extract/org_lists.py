"""Lists of bodies that share a head word and an owner: "các ban Kinh tế-Ngân sách, Văn hóa-Xã hội HĐND
tỉnh", "các Bộ: Y tế, Công Thương", "các Bộ Ngoại giao, Quốc phòng, Công an". Read by OrgParser
(orgs.py), which inherits BodyLists and gives parse, _owner_allowed and _word."""

from __future__ import annotations

from kg.extract.org_ends import NameEnds
from kg.extract.org_mention import OrgMention, _loc_word
from kg.extract.tokens import KEY_VA
from kg.text import name_key


class BodyLists(NameEnds):
    def siblings(self, m: OrgMention) -> list[OrgMention]:
        """The rest of a list that shares m's head and owner: "các ban Kinh tế-Ngân sách, Văn hóa-Xã hội
        HĐND tỉnh", "các sở Tài chính, Sở Nông nghiệp và Môi trường, Dân tộc và Tôn giáo"; or the same
        body of each place a distributive list names ("UBND các tỉnh A, B": B's, see distribute)."""
        if m.children:
            return m.children
        head = m.head
        plural = self.lex.plural_before(self.toks, m.start)
        if m.kind == "gazetteer" and m.inner is None and not m.foreign and plural:
            # "các Bộ Y tế, Công Thương": a known body opens the list of its head's bodies
            hd = self.lex.heads.match(self.toks, m.start)
            head = str(hd[1].text) if hd and hd[1].kind == "named" else ""
        elif m.kind != "named" or m.inner is not None:
            return []
        out: list[OrgMention] = []
        j = m.end
        while head and j < len(self.toks) and (self.toks[j].text == "," or self.toks[j].keys[:1] == KEY_VA):
            k = j + 1
            hd = self.lex.heads.match(self.toks, k)
            if hd and str(hd[1].text) == head:
                k = hd[0]
            elif hd and hd[1].kind == "standalone" and (not plural or self._owner_allowed(hd[0]) or (
                    self.lex.phrases["locality_words"].match(self.toks, hd[0]))):
                # "Sở Tài nguyên và Môi trường, Công an tỉnh": a body of its own, not "Sở Công an" (in
                # "các Bộ Ngoại giao, Công an, Tài chính" a "Công an" with no place after it is the ministry)
                break
            nm = self.lex.org_names.match(self.toks, k, allow_comma=True)
            if not nm or not self.toks[k].is_cap:
                break
            out.append(OrgMention(j + 1, nm[0], "named", head=head, name=str(nm[1])))
            j = nm[0]
        if out:
            owner = self.parse(j, allow_bare=False) if self._owner_allowed(j) else None
            if owner and owner.kind in ("standalone", "gazetteer", "named"):
                for x in [m, *out]:
                    x.inner = owner
                out[-1].end = owner.end
        return out

    def distributive_places(self, j: int) -> tuple[str, list[tuple[int, int, str]]] | None:
        """After a body's name at j, "các tỉnh[, thành phố][:] A, B và C": the level and the places
        (start, end, name), two or more; else None."""
        toks = self.toks
        if j >= len(toks) or not self.lex.plural_before(toks, j + 1):
            return None
        level = self.lex.phrases["locality_words"].match(toks, j + 1)
        if level is None:
            return None
        word, k = _loc_word(toks, j + 1, level[0]), level[0]
        comma = k + 1 < len(toks) and toks[k].text == ","
        more = self.lex.phrases["locality_words"].match(toks, k + 1) if comma else None
        k = more[0] if more is not None else k  # "các tỉnh, thành phố"
        k += 1 if k < len(toks) and toks[k].text == ":" else 0
        places: list[tuple[int, int, str]] = []
        while k < len(toks) and toks[k].is_cap and (loc := self.lex.locations.match(toks, k)) is not None:
            places.append((k, loc[0], str(loc[1])))
            k = loc[0]
            if not (k + 1 < len(toks) and (toks[k].text == "," or toks[k].keys[:1] == KEY_VA) and toks[k + 1].is_cap):
                break
            k += 1
        return (word, places) if len(places) >= 2 else None

    def distribute(self, m: OrgMention) -> None:
        """"UBND các tỉnh Hà Tĩnh, Quảng Bình", "Sở Tư pháp các tỉnh A, B và C": the body is each place's;
        m becomes the first place's, the others wait in m.children for siblings()."""
        # (or the Party committee of such a body: "Đảng ủy Cục Thi hành án dân sự các thành phố A, B")
        body = m.inner if m.kind in ("party", "sub") and m.inner is not None else m
        if body.kind not in ("standalone", "named") or body.locality or body.inner is not None:
            return
        got = self.distributive_places(body.end)
        if got is None:
            return
        word, places = got

        def placed(s: int, e: int, name: str) -> OrgMention:
            # (a centrally run city in a list of provinces is a city; one whose name says its level keeps it
            # once: "Thành phố Hồ Chí Minh")
            level = "thành phố" if word == "tỉnh" and name_key(name) in self.lex.cities else word
            at = name if name_key(name).startswith(name_key(level) + " ") else f"{level} {name}"
            # (each place is a place of the report too: place_at)
            one = OrgMention(s, e, body.kind, head=body.head, name=body.name, locality=at, distributed=True,
                             place_at=(s, e))
            return one if body is m else OrgMention(s, e, m.kind, head=m.head, inner=one, distributed=True)

        first = placed(*places[0])
        body.locality, body.end, m.end, m.distributed = (first.inner or first).locality, first.end, first.end, True
        body.place_at = places[0][:2]
        m.children = [placed(*p) for p in places[1:]]
