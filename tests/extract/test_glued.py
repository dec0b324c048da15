import pytest

from kg.extract.glued import is_syllable, split_glued
from kg.extract.tokens import tokenize
from tests.extract.conftest import names, rels


@pytest.mark.parametrize("word", ["người", "nghiêng", "khuỷu", "quyết", "giường", "Nguyễn", "thuở", "oanh"])
def test_vietnamese_syllables_are_whole(word):
    assert is_syllable(word)
    assert split_glued(word) == ()


@pytest.mark.parametrize(("word", "parts"), [
    ("tướngyêu", ["tướng", "yêu"]), ("chínhphát", ["chính", "phát"]), ("ởvà", ["ở", "và"]),
    ("ChínhTrong", ["Chính", "Trong"]), ("sáchnhàở", ["sách", "nhà", "ở"]),
    ("Lâmvà", ["Lâm", "và"]),  # a letter only Vietnamese writes ("â") makes a short second syllable count
])
def test_a_lost_space_is_found_and_offsets_kept(word, parts):
    text = f"x {word} y"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["x", *parts, "y"]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.i for t in toks] == list(range(len(toks)))


@pytest.mark.parametrize("word", ["Blinken", "Thongloun", "António", "Inácio", "VinFast", "Krông", "Đắk", "TTXVN"])
def test_foreign_names_brands_and_abbreviations_are_left_alone(word):
    assert split_glued(word) == ()


def test_a_name_ends_where_a_glued_verb_begins(run):
    x = run("Chiều 26/2, Thủ tướng Phạm Minh Chínhphát biểu chỉ đạo Bộ Tài chínhphối hợp với Bộ Xây dựng.")
    assert ("Phạm Minh Chính", "Chính phủ", "Thủ tướng") in rels(x, "HOLDS_POSITION")
    assert {"Bộ Tài chính", "Bộ Xây dựng"} <= {e.name for e in x.entities if e.type == "Organization"}


def test_a_caption_run_into_the_next_sentence_does_not_lengthen_a_name(run):
    x = run("Thủ tướng Phạm Minh Chính Trong năm qua, ngành đã có nhiều tiến bộ.")
    assert {e.name for e in x.entities if e.type == "Person"} == {"Phạm Minh Chính"}


def test_an_abbreviation_glued_to_the_next_capitalized_word_is_cut(run):
    x = run("Bà Trần Thị Lan, Chủ tịch Hội LHPNViệt Nam tỉnh Nghệ An, phát biểu.")
    assert "Hội Liên hiệp Phụ nữ Việt Nam tỉnh Nghệ An" in {e.name for e in x.entities if e.type == "Organization"}


def test_a_syllable_glued_to_a_name_of_any_kind_is_two_words():
    words = [t.text for t in tokenize("Trả lời phỏng vấnVnExpress, ông A cho biết.")]
    assert words[:5] == ["Trả", "lời", "phỏng", "vấn", "VnExpress"]
    assert [t.text for t in tokenize("eBay và iPhone")] == ["eBay", "và", "iPhone"]


def test_two_syllables_whose_vowels_make_no_nucleus_and_a_foreign_name_glued_to_a_word():
    assert split_glued("cửông") == (2,)  # "ưô" is no Vietnamese nucleus: "cử" + "ông"
    assert is_syllable("cương") and is_syllable("khuya") and is_syllable("giường")
    words = [t.text for t in tokenize("Tổng thống Donald Trumpđề cửông Kevin Warsh làm Chủ tịch Fed.")]
    assert words[2:7] == ["Donald", "Trump", "đề", "cử", "ông"]
    assert split_glued("António") == () and split_glued("Blinkennói") == ()


def test_a_syllable_with_a_vietnamese_letter_but_no_tone_mark_glued_to_the_word_before():
    assert [t.text for t in tokenize("Quản lýkinh doanhxăng dầu")] == ["Quản", "lý", "kinh", "doanh", "xăng", "dầu"]


def test_an_abbreviation_glued_to_the_lower_case_words_after_it():
    assert split_glued("TPHCMcho") == (5,)
    assert split_glued("UBNDtỉnh") == (4,)
    assert split_glued("COVIDcare") == ()  # English after it: no Vietnamese syllables with a tone
    assert split_glued("TPHCM") == ()


def test_a_capitalized_syllable_glued_to_one_with_a_precomposed_tone():
    assert split_glued("Ninhtổ") == (4,)  # "Tây Ninhtổ chức": "ổ" carries its hook only when decomposed
    assert split_glued("António") == () and split_glued("José") == ()


def test_a_glued_abbreviation_is_no_persons_name(run):
    x = run("Giám đốc Sở Y tế TPHCMcho rằng tình hình phức tạp.")
    assert not names(x, "Person")
