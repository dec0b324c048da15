import unicodedata

import pytest

from kg.resolve import canonical_key
from kg.text import expansion, name_key, normalize, sentence_spans


def test_new_style_tone_marks_move_to_the_traditional_vowel():
    assert normalize("Uỷ ban hoà giải, sức khoẻ, thuỷ lợi") == "Ủy ban hòa giải, sức khỏe, thủy lợi"


def test_closed_syllables_and_qu_keep_their_tone():
    assert normalize("hoàn thành, quý, thuyết") == "hoàn thành, quý, thuyết"


def test_typo_after_qu_is_fixed_without_changing_length():
    raw = "kết qủa công tác"
    out = normalize(raw)
    assert out == "kết quả công tác"
    assert len(out) == len(raw)


def test_nfd_input_becomes_nfc_and_offsets_refer_to_the_output():
    raw = unicodedata.normalize("NFD", "Văn phòng Quốc hội họp")
    out = normalize(raw)
    assert out == "Văn phòng Quốc hội họp"
    start = out.index("Quốc hội")
    assert out[start : start + len("Quốc hội")] == "Quốc hội"


def test_odd_spaces_become_plain_spaces_in_place():
    raw = "Bộ\u00a0Tài chính\u200b"
    out = normalize(raw)
    assert out == "Bộ Tài chính "
    assert len(out) == len(raw)


def test_name_key_ignores_case_tone_placement_and_abbreviations():
    assert name_key("Đảng ủy cơ quan VPQH") == name_key("Đảng uỷ cơ quan Văn phòng Quốc hội")
    assert name_key("HĐND tỉnh") == name_key("hội đồng nhân dân Tỉnh")
    assert name_key("Bộ Tài chính") != name_key("Bộ Tư pháp")


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Ban Chấp hành TƯ", "Ban Chấp hành Trung ương"),
        ("Tp. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("UBTVQH", "Ủy ban Thường vụ Quốc hội"),
    ],
)
def test_abbreviations_expand_where_written_as_abbreviations(written: str, same_as: str) -> None:
    assert name_key(written) == name_key(same_as)
    assert canonical_key(written) == canonical_key(same_as)


@pytest.mark.parametrize("name", ["Sở Kế hoạch và Đầu tư", "Bộ Tư pháp", "Ban Tư tưởng"])
def test_words_that_spell_an_abbreviation_stay_words(name: str) -> None:
    # "tư" is a word; only "TƯ" abbreviates "Trung ương"
    assert "trung" not in canonical_key(name) and "trung" not in name_key(name)
    assert expansion("tư") is None and expansion("Tư") is None and expansion("TƯ") == "Trung ương"


def test_sentences_split_on_newlines_and_full_stops_before_capitals():
    text = "Sáng 28.8, tại Nhà QH, họp. Tham dự có ông A.\nTin và ảnh: Vũ Quang"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Sáng 28.8, tại Nhà QH, họp.", "Tham dự có ông A.", "Tin và ảnh: Vũ Quang"]
