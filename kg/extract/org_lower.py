"""Heads written in lower case ("bệnh viện Bạch Mai", "của ban Bí thư", "Bí thư huyện ủy Đông Anh"): when
such a head word starts a body's name. Read by OrgParser (orgs.py), which inherits LowerHeads."""

from __future__ import annotations

from kg.extract.glued import is_syllable
from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention, expand_surface
from kg.extract.tokens import Token, proper_name_end


class LowerHeads:
    """The reader of lower-case heads, for OrgParser."""

    lex: Lexicon
    toks: list[Token]

    def _lower_institution(self, i: int, j: int, head, after_title: bool = False) -> bool:
        """"bệnh viện Bạch Mai", "công ty Hoàng Dân": an institution's head word in lower case before
        a capitalized name (for some heads not a place alone: "trung tâm Hà Nội" is downtown)."""
        if after_title and head.lower_after_title:
            return True  # "Bí thư huyện ủy Đông Anh", "Phó Bí thư tỉnh ủy"
        if j >= len(self.toks) or not self.toks[j].is_cap:
            return False
        opens = i == 0 or not self.toks[i - 1].is_word or self.toks[i - 1].keys[0] in self.lex.wordset(
            "lower_head_openers")  # (not the end of another word: "ủy ban Thường vụ Quốc hội")
        if head.kind == "sub" and head.lower_ok and opens and not self.lex.orgs.match(self.toks, i) and (
                self.lex.heads.match(self.toks, j) or self.lex.orgs.match(self.toks, j)):
            return True  # "của ban Thường vụ Đảng uỷ": a standing body of the body written after it
        if head.kind == "named" and head.lower_ok and opens and (known := self.lex.orgs.match(self.toks, i)) and (
                known[0] > j):
            return True  # "thay mặt bộ Chính trị": a known body, its head written in lower case
        if head.lower_ok and (self.toks[j].is_abbr or self.lex.org_names.match(self.toks, j)):
            # "Thứ trưởng bộ GTVT", "với sở Tài chính": a known name after "bộ", "sở", "ban", where the
            # word does not end another ("cán bộ VPQH", "Đảng bộ Thành phố", "ủy ban Kiểm tra")
            if after_title or opens:
                return True
        if not head.lower_name or self.toks[j].is_abbr:
            return False
        if i and (longer := self.lex.heads.match(self.toks, i - 1)) is not None and longer[0] > i:
            return False  # the end of a longer head: "Uỷ ban Kiểm tra" read from its "ban"
        if not is_syllable(self.toks[j].text):
            return False  # "ngân hàng JPMorgan Chase": a foreign name alone (sentence._foreign_named)
        if head.lower_name == "name":
            return True
        place = self.lex.locations.match(self.toks, j)
        return place is None or place[0] < proper_name_end(self.toks, j)

    def _described(self, j: int) -> int:
        """After a company's legal form, its trade written in lower case before the capitalized name is part
        of the name ("Công ty CP đầu tư Lavenue", "Công ty TNHH MTV quản lý kinh doanh nhà TP. HCM"): where the
        name starts (j itself when no such words lead to a capital within five)."""
        k = j
        while k < len(self.toks) and k - j < 5 and self.toks[k].is_word and not self.toks[k].is_cap and not (
                self.lex.phrases["attend_words"].match(self.toks, k)):
            k += 1
        return j if k == j or k >= len(self.toks) or not self.toks[k].is_cap else k

    def _company(self, i: int, j: int, head, head_text: str) -> OrgMention | None:
        """A company's name after its head (and legal form): "Công ty CP đầu tư Lavenue", "Công ty Hoàng Dân"."""
        head_text = self.lex.words["company_head_forms"].get(head_text, head_text)  # "Công ty CP": Cổ phần
        # (after a legal form, which a bare head word has not: "Công ty CP đầu tư Lavenue")
        k = self._described(j) if head_text not in self.lex.words["company_heads"] else j
        end = self.name_run(k, max_lower=1, units=False, people=False, company=True)
        # "… Hoàng Dân trúng thầu": a lower-case word that runs on into the clause is not its name
        # ("… Quốc tế (TASCO)", "… Quốc tế đã ký" end cleanly and keep theirs)
        while end > k and not self.toks[end - 1].is_cap and not self._boundary(end):
            end -= 1
        if end == k:
            return None
        name = expand_surface(self.toks, j, end)
        return OrgMention(i, end, "named", head=head_text, name=name[0].upper() + name[1:] if k > j else name)
