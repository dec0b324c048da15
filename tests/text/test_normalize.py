import unicodedata

from kg.text import name_key, normalize, sentence_spans


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


def test_sentences_split_on_newlines_and_full_stops_before_capitals():
    text = "Sáng 28.8, tại Nhà QH, họp. Tham dự có ông A.\nTin và ảnh: Vũ Quang"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Sáng 28.8, tại Nhà QH, họp.", "Tham dự có ông A.", "Tin và ảnh: Vũ Quang"]
