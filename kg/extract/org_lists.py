"""Lists of bodies that share a head word and an owner: "các ban Kinh tế-Ngân sách, Văn hóa-Xã hội HĐND
tỉnh", "các Bộ: Y tế, Công Thương", "các Bộ Ngoại giao, Quốc phòng, Công an". Read by OrgParser
(orgs.py), which inherits BodyLists and gives parse, _owner_allowed and _word."""

from __future__ import annotations

from kg.extract.org_ends import NameEnds
from kg.extract.org_mention import OrgMention
from kg.extract.tokens import KEY_VA


class BodyLists(NameEnds):
    def siblings(self, m: OrgMention) -> list[OrgMention]:
        """The rest of a list that shares m's head and owner: "các ban Kinh tế-Ngân sách, Văn hóa-Xã hội
        HĐND tỉnh", "các sở Tài chính, Sở Nông nghiệp và Môi trường, Dân tộc và Tôn giáo"."""
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
