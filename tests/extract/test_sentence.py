"""kg.extract.sentence: places found in a sentence (administrative units, home towns)."""

from __future__ import annotations

from tests.extract.conftest import names, rels


def test_a_capitalized_unit_word_opens_an_address(run):
    x = run("Quê quán: Xã Hiệp Cường, huyện Kim Động, tỉnh Hưng Yên.")
    assert {"Hiệp Cường", "Kim Động", "Hưng Yên"} <= names(x, "Location")
    # a capitalized unit word that starts another word is none
    y = run("Xã hội ngày càng phát triển.")
    assert not names(y, "Location")


def test_a_district_named_bare_after_que_is_a_place(run):
    x = run("Ông Thái Thanh Quý sinh năm 1976, quê Yên Thành, Nghệ An.")
    assert {"Yên Thành", "Nghệ An"} <= names(x, "Location")
    # a bare district name without the cue is not taken for a place
    y = run("Ông Thái Thanh Quý gặp Yên Thành.")
    assert "Yên Thành" not in names(y, "Location")


def test_a_memorials_name_runs_over_who_and_what_it_remembers(run):
    x = run("Ngày 7/5/2024, đoàn dâng hương tại Nhà tưởng niệm Anh hùng liệt sĩ Bế Văn Đàn, xã Bế Văn Đàn."
            " Đoàn đến Khu di tích Quốc gia đặc biệt Địa điểm Chiến thắng biên giới năm 1950.")
    got = names(x, "Location")
    assert {"Nhà tưởng niệm Anh hùng liệt sĩ Bế Văn Đàn",
            "Khu di tích Quốc gia đặc biệt Địa điểm Chiến thắng biên giới năm 1950"} <= got
    # other venues do not run over a person's name
    y = run("Ngày 7/5/2024, Hội trường tỉnh Nguyễn Văn An phát biểu.")
    assert "Nguyễn Văn An" in names(y, "Person")


def test_a_memorials_name_stops_where_a_clause_goes_on(run):
    x = run("Ngày 7/5/2024, đoàn dâng hương tại Nhà tưởng niệm Bác Hồ tại xã Kim Liên, huyện Nam Đàn.")
    assert "Nhà tưởng niệm Bác Hồ" in names(x, "Location")
    y = run("Ông Thái Thanh Quý sinh năm 1976, quê quán Yên Thành, Nghệ An.")
    assert "Yên Thành" in names(y, "Location")


def test_communes_listed_after_a_plural_unit_word_and_a_colon(run):
    x = run("Dự có đại diện cử tri các xã: Quảng Đức, Quảng Hòa, Quảng Lợi và thị trấn Tân Phong.")
    assert {"Quảng Đức", "Quảng Hòa", "Quảng Lợi", "Tân Phong"} <= {e.name for e in x.entities if e.type == "Location"}


def test_a_laws_name_with_and_and_an_amendment_mark(run):
    x = run("Quốc hội xem xét dự án Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ; dự án Luật Quản lý, "
            "sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ (sửa đổi); Luật Đất đai và Luật Nhà ở.")
    laws = {e.name for e in x.entities if e.type == "Directive"}
    assert {"Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Luật Đất đai", "Luật Nhà ở"} <= laws
    assert any(law.endswith("công cụ hỗ trợ sửa đổi") for law in laws)


def test_a_known_unit_then_a_persons_name_and_units_counted_before_a_colon(run):
    x = run("Chủ tịch UBND thị xã Gò Công Giản Bá Huỳnh cho biết, thành phố có 3 xã: Bình Đông, Bình Xuân, Tân Trung.")
    assert ("Giản Bá Huỳnh", "Ủy ban nhân dân thị xã Gò Công", "Chủ tịch") in rels(x, "HOLDS_POSITION")
    assert {"Bình Đông", "Bình Xuân", "Tân Trung"} <= names(x, "Location")


def test_a_person_right_after_a_unit_word_is_no_place(run):
    x = run("Chủ tịch thị xã Đặng Vũ Nhật Thăng cho biết, ấp Phú Mỹ Đỗ Văn Châu đã phát biểu.")
    assert names(x, "Location") == {"Phú Mỹ"}


def test_a_body_submits_to_the_body_written_right_after_trinh(run):
    from tests.extract.conftest import rels

    x = run("Dự án không nằm trong danh sách được Chính phủ trình Quốc hội sáng nay.")
    assert ("Chính phủ", "Quốc hội", None) in rels(x, "REPORTS_TO")
    y = run("Quốc hội đã xem xét dự án luật do Bộ Tư pháp chủ trì soạn thảo và trình.")
    assert ("Quốc hội", "Bộ Tư pháp", None) not in rels(y, "REPORTS_TO")


def test_a_cited_news_outlet_is_a_body_in_no_relation(run):
    x = run("Sáng 5/11/2024, Bộ Công an họp báo. Trả lời phóng viên Tuổi Trẻ, ông Nguyễn Văn An cho biết. "
            "Theo VnExpress, Bộ Công an đã báo cáo Chính phủ. Tuổi Trẻ Thủ đô hưởng ứng phong trào.")
    orgs = names(x, "Organization")
    assert {"Báo Tuổi Trẻ", "VnExpress"} <= orgs
    by_id = {e.id: e.name for e in x.entities}
    outlets = {"Báo Tuổi Trẻ", "VnExpress"}
    assert not [r for r in x.relations if {by_id[r.source], by_id[r.target]} & outlets]  # a source, no actor
    assert "Tuổi Trẻ Thủ đô" not in orgs and "Tuổi Trẻ" not in names(x, "Person")


def test_a_photographers_name_in_capitals_is_no_body(run):
    x = run("Sáng 3/4/2024, Bộ Y tế công bố quyết định bổ nhiệm tại Đà Nẵng. Bộ trưởng trao quyết định - Ảnh: ĐOÀN "
            "CƯỜNG. Lãnh đạo Sở Y tế dự - Ảnh: TTXVN")
    assert not any(n.lower().startswith("đoàn") for n in names(x, "Organization"))
