import pytest

from kg.extract import extract
from kg.model import DocumentInfo
from tests.extract.conftest import names, rels

MEETING = (
    "Bộ Y tế làm việc với Sở Y tế Hà Nam\n"
    "Sáng 12.3, tại Nhà Quốc hội, Bộ Y tế đã làm việc với Sở Y tế tỉnh Hà Nam. Tham dự có: "
    "Thứ trưởng Bộ Y tế Đỗ Văn Hùng, Giám đốc Sở Y tế tỉnh Hà Nam Lý Thị Mai.\n"
    "Kế hoạch năm 2024 được thông qua.\n"
    "Tin và ảnh: Minh Châu"
)



def _main_dates(x) -> list[str | None]:
    """The date of each main event."""
    return [e.props.get("date") for e in x.entities if e.type == "Event" and e.props.get("main")]

def test_meeting_event_with_date_venue_bodies_and_attendees(run):
    x = run(MEETING)
    events = [e for e in x.entities if e.type == "Event"]
    assert len(events) == 1
    assert events[0].props["date"] == "2024-03-12"  # year from the report's context
    assert events[0].name == "Bộ Y tế làm việc với Sở Y tế Hà Nam"
    assert {a for a, _, _ in rels(x, "PARTICIPATED_IN")} == {"Bộ Y tế", "Sở Y tế tỉnh Hà Nam"}
    assert {a for a, _, _ in rels(x, "ATTENDED")} == {"Đỗ Văn Hùng", "Lý Thị Mai"}
    assert {b for _, b, _ in rels(x, "HELD_AT")} == {"Nhà Quốc hội"}
    assert "Minh Châu" not in {a for a, _, _ in rels(x, "ATTENDED")}


def test_every_fact_carries_evidence_inside_the_text(run):
    x = run(MEETING)
    for item in [*x.entities, *x.relations]:
        if getattr(item, "type", "") == "Document":
            continue
        assert item.evidence, item
        for ev in item.evidence:
            assert 0 <= ev.start < ev.end <= len(x.text)
            assert x.text[ev.start : ev.end] == ev.text
            assert ev.text in ev.sentence
    assert all(0.0 <= r.confidence <= 1.0 for r in x.relations)


@pytest.mark.parametrize("lead", ["Sáng nay (9/10), Hội Nông dân tỉnh tổ chức hội nghị.",
                                  "Sáng 9/10, Hội Nông dân tỉnh tổ chức hội nghị."])
def test_the_date_of_the_lead_in_its_forms(run, lead):
    x = run(f"Hội Nông dân tỉnh tổng kết\nThứ Tư, 09/10/2024 - 11:40\n{lead}")
    event = next(e for e in x.entities if e.type == "Event")
    assert event.props["date"] == "2024-10-09"


def test_attendance_in_its_forms(run):
    x = run(
        "Đại hội Đảng bộ huyện Kim Sơn\nSáng 17/7/2020, Đảng bộ huyện Kim Sơn khai mạc Đại hội. "
        "Về dự và chỉ đạo Đại hội có đồng chí Lê Văn Quế, Trưởng Ban Dân vận Tỉnh ủy; "
        "đồng chí Võ Thị Sâm, Phó Chủ tịch UBND tỉnh. Tại Đại hội, Giám đốc Sở Nội vụ Vũ Văn Hà công bố quyết định."
    )
    attended = {a for a, _, _ in rels(x, "ATTENDED")}
    assert {"Lê Văn Quế", "Võ Thị Sâm", "Vũ Văn Hà"} <= attended


@pytest.mark.parametrize(
    ("where", "venue"),
    [
        ("tại TP Thanh Hóa", "Thành phố Thanh Hóa"),
        ("tại thành phố Buôn Ma Thuột", "Thành phố Buôn Ma Thuột"),
        ("tại trụ sở Sở Tư pháp tỉnh Lào Cai", "Trụ sở Sở Tư pháp tỉnh Lào Cai"),
    ],
)
def test_the_venue_of_the_lead_in_its_forms(run, where, venue):
    x = run(f"Hội nghị tổng kết\nSáng 2/10/2024, {where}, Bộ Y tế tổ chức hội nghị tổng kết.")
    assert {t for _, t, _ in rels(x, "HELD_AT")} == {venue}


def test_questions_and_proposals_are_acts_at_the_meeting(run):
    x = run(
        "Phiên chất vấn Bộ trưởng Bộ Giao thông vận tải\nSáng 6/6/2024, Quốc hội tiến hành phiên chất vấn. "
        "Đại biểu Lê Thị Hoa, Đoàn ĐBQH tỉnh Trà Vinh, chất vấn về tiến độ cao tốc. "
        "Dự ngày hội có đồng chí Hà Văn Nam, Bí thư Huyện ủy. "
        "Phát biểu tại điểm cầu tỉnh Đồng Tháp, Phó Chủ tịch UBND tỉnh Huỳnh Văn Tâm kiến nghị tháo gỡ vướng mắc."
    )
    assert {"Lê Thị Hoa", "Hà Văn Nam", "Huỳnh Văn Tâm"} <= {a for a, _, _ in rels(x, "ATTENDED")}


@pytest.mark.parametrize(("where", "venue"), [("tại TP. Thanh Hóa", "Thành phố Thanh Hóa"),
                                             ("tại TP Đông Hà", "Thành phố Đông Hà")])
def test_a_city_written_short(run, where, venue):
    x = run(f"Tin\nSáng 2/10/2024, {where}, Sở Y tế tổ chức hội nghị.")
    assert {t for _, t, _ in rels(x, "HELD_AT")} == {venue}


def test_a_body_in_a_photo_credit_is_no_person(run):
    x = run("Sáng 5/3, Bộ Tài nguyên và Môi trường tổ chức hội nghị (Ảnh: Bộ TN-MT).")
    assert not [e for e in x.entities if e.type == "Person"]


def test_a_venue_named_like_a_person_is_one_place(run):
    x = run("Sáng 26/1, lễ an táng được tổ chức tại Nghĩa trang Mai Dịch, thành phố Hà Nội.")
    assert "Nghĩa trang Mai Dịch" in {e.name for e in x.entities if e.type == "Location"}
    assert not [e for e in x.entities if e.type == "Person"]


def test_the_lead_names_the_meeting_and_tiep_tuc_is_no_meeting(run):
    x = run("Thủ tướng yêu cầu tiếp tục hoàn thiện chính sách nhà ở. Ngày 26.2, Thủ tướng Phạm Minh Chính chủ trì "
            "phiên họp thứ 6 của Ban Chỉ đạo. Bộ Công an bảo đảm hoàn thành chỉ tiêu đến năm 2030, theo Thông tư "
            "số 42/2025/TT-BCT, trong quý 1/2026.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [e.name for e in events] == ["Phiên họp thứ 6 của Ban Chỉ đạo"]
    assert events[0].props["date"] == "2026-02-26"  # not the horizon year 2030


def test_an_event_name_ends_where_a_new_clause_starts(run):
    x = run("Chiều 4/8/2023, tại kỳ họp thứ 2 HĐND tỉnh Nam Định khóa IX, nhiều đại biểu bày tỏ băn khoăn.")
    events = [e.name for e in x.entities if e.type == "Event"]
    assert events and not any("nhiều" in n for n in events)


def test_the_dated_sentence_is_the_lead_over_a_repeated_headline(run):
    x = run("Chủ tịch Quốc hội: kỳ họp thứ 9 có khối lượng công việc lớn\n\nKỳ họp thứ 9 có khối lượng công việc "
            "lớn.\n\nSáng 18/4/2025, Ủy ban Thường vụ Quốc hội tiến hành Phiên họp thứ 44.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props.get("date") for e in main] == ["2025-04-18"]


def test_a_photographer_is_a_person_but_not_the_author(run):
    x = run("Sáng 5/3/2024, Bộ Y tế tổ chức hội nghị. Ảnh: Quang Vinh\nTin: Lan Anh")
    assert "Quang Vinh" in {e.name for e in x.entities if e.type == "Person"}
    assert {a for a, _, _ in rels(x, "AUTHORED")} == {"Lan Anh"}


def test_a_dated_lead_with_only_a_verb_names_what_was_held(run):
    x = run("Ông A được bổ nhiệm\n\nChiều 20/11/2024, tại Trụ sở Trung ương Đảng, Văn phòng Trung ương Đảng tổ chức "
            "công bố quyết định của Ban Bí thư về công tác cán bộ.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [(e.name, e.props.get("date")) for e in main] == [
        ("Công bố quyết định của Ban Bí thư về công tác cán bộ", "2024-11-20")]


def test_a_verb_inside_a_body_name_is_no_meeting(run):
    x = run("Bí thư tỉnh bị đề nghị kỷ luật\n\nỦy ban Kiểm tra Trung ương đề nghị kỷ luật ông Hà Văn Nam.")
    assert not [e for e in x.entities if e.type == "Event"]


def test_a_truncated_headline_names_the_event_and_the_report_dates_it(run):
    x = run("Thủ tướng Lê Văn Sáu tiếp Ngoại trưởng Mỹ sang chia buồn ...\n28/07/2024\n\nTại buổi tiếp, Thủ tướng "
            "Lê Văn Sáu cảm ơn Ngoại trưởng.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props.get("date") for e in main] == ["2024-07-28"]
    assert main[0].name.startswith("Thủ tướng Lê Văn Sáu tiếp Ngoại trưởng Mỹ")


def test_the_last_word_of_a_cut_headline_makes_no_mention(run):
    x = run("Ông Võ Thành Năm giữ chức Phó Chánh Văn ...\n20/11/2024\n\nChiều 20/11, Văn phòng Trung ương Đảng tổ "
            "chức công bố quyết định bổ nhiệm ông Võ Thành Năm.")
    assert "Phó Chánh Văn" not in {e.name for e in x.entities}


def test_a_deputy_who_speaks_at_the_session_attended_it(run):
    x = run("Chiều 4/8/2023, tại kỳ họp thứ 2 HĐND tỉnh Nam Định khóa IX, nhiều đại biểu bày tỏ băn khoăn. "
            "Đồng quan điểm, đại biểu Phạm Thị Hồng Hoa cho rằng, cần giảm tải chương trình.")
    assert "Phạm Thị Hồng Hoa" in {p for p, _, _ in rels(x, "ATTENDED")}


def test_a_photo_credit_ending_its_line_keeps_a_full_name(run):
    x = run("Sáng 5/3/2024, Bộ Y tế tổ chức hội nghị. Ảnh: Nguyễn Văn Sáng\nSáng 6/3, đoàn về thăm tỉnh. "
            "Người dân tắm biển (Ảnh: Hải Vân Vũng Tàu).")
    photographers = {e.name for e in x.entities if e.type == "Person" and e.props.get("photographer")}
    # a name led by a surname is whole; two words and a place are a pen name and where it was taken
    assert photographers == {"Nguyễn Văn Sáng", "Hải Vân"}


def test_a_byline_followed_by_a_photo_caption(run):
    x = run("Sáng 3/4/2024, Bộ Y tế tổ chức hội nghị.\nĐoàn Thị Loan\n\nPhối cảnh sân bay Long Thành.")
    assert {a for a, _, _ in rels(x, "AUTHORED")} == {"Đoàn Thị Loan"}


def test_a_street_named_after_a_person_is_no_person_and_a_portal_credit_no_photographer(run):
    x = run("Sáng 26/1/2025, lễ viếng tổ chức tại Nhà tang lễ Quốc gia số 5 Trần Thánh Tông, Hà Nội (Ảnh: Cổng "
            "TTĐT Quốc hội).")
    assert not [e for e in x.entities if e.type == "Person"]
    assert "Nhà tang lễ Quốc gia" in {e.name for e in x.entities if e.type == "Location"}


def test_who_is_decided_on_or_only_in_the_headline_did_not_attend(run):
    x = run("Ông Trần Văn Bảy thôi làm chủ tịch: tỉnh nói gì?\n\nSáng 17/5/2019, HĐND tỉnh Quảng Nam họp phiên bất "
            "thường để miễn nhiệm chức danh Chủ tịch UBND tỉnh đối với ông Trần Văn Bảy. Ông Lê Văn Tám vi phạm "
            "trong thực hiện dự án đến dự án khác.")
    assert not {p for p, _, _ in rels(x, "ATTENDED")} & {"Trần Văn Bảy", "Lê Văn Tám"}


def test_evidence_per_fact_is_capped_and_the_rest_counted(run):
    from kg.extract.build import EVIDENCE_CAP

    x = run("Bộ Y tế họp. " * (EVIDENCE_CAP + 50))
    body = next(e for e in x.entities if e.name == "Bộ Y tế")
    assert len(body.evidence) == EVIDENCE_CAP
    assert body.props["evidence_not_kept"] == 50


def test_a_ceremony_handing_over_a_decision_is_the_main_event(run):
    x = run("Chiều 22-6-2024, Thành ủy TP. Hồ Chí Minh đã trao Quyết định của Ban Bí thư cho bà Lê Thị Hoa. "
            "Bà Lê Thị Hoa từng là Bí thư Quận ủy quận 1, đại biểu Quốc hội khóa XV.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props.get("date") for e in main] == ["2024-06-22"]
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Thị Hoa", "Quận ủy Quận 1", "Bí thư") in posts or ("Lê Thị Hoa", "Quận ủy quận 1", "Bí thư") in posts
    assert ("Lê Thị Hoa", "Quốc hội", "Đại biểu") in posts


def test_a_source_line_is_no_byline(run):
    x = run("Sáng 3/4/2024, Bộ Y tế tổ chức hội nghị.\nTheo TTXVN")
    assert not rels(x, "AUTHORED")


def test_the_body_whose_session_it_is_participates_not_the_one_it_is_about(run):
    hdnd = "Hội đồng nhân dân tỉnh Hải Dương"
    x = run("Chiều 4/9/2024, bế mạc kỳ họp thứ 25 HĐND tỉnh Hải Dương khóa XVII.")
    assert hdnd in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    x = run("Sáng 4/9/2024, Bí thư Tỉnh ủy Trần Đức Thắng dự kỳ họp thứ 25 của HĐND tỉnh Hải Dương.")
    assert hdnd in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    y = run("Ngày 2/2/2026, Ủy ban MTTQ tỉnh Nghệ An tổ chức hội nghị hiệp thương lần hai"
            " bầu cử đại biểu Quốc hội khóa 16.")
    assert "Quốc hội" not in {o for o, _, _ in rels(y, "PARTICIPATED_IN")}


def test_the_body_after_the_sessions_number_is_whose_session_it_is(run):
    x = run("Chiều 2/5/2024, khai mạc Kỳ họp bất thường lần thứ 7, Quốc hội khóa XV tại Nhà Quốc hội.")
    assert "Quốc hội" in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    y = run("Chiều 2/5/2024, khai mạc Kỳ họp thứ 7 bàn về việc sửa Luật Tổ chức Quốc hội.")
    assert "Quốc hội" not in {o for o, _, _ in rels(y, "PARTICIPATED_IN")}  # a law's name, not the owner


def test_a_dated_flashback_is_not_the_lead(run):
    x = run("Thủ tướng dự lễ khánh thành khu tái định cư\n22/12/2024\n\nLễ khánh thành được tổ chức tại huyện Bảo Yên."
            " Trước đó, chiều 12/9, Thủ tướng Phạm Minh Chính tới Lào Cai để thị sát tình hình, thăm hỏi đời sống"
            " người dân, kiểm tra, động viên các lực lượng.")
    assert _main_dates(x) == ["2024-12-22"]


def test_those_who_welcome_a_visitor_or_go_with_them_attend(run):
    x = run("Sáng 29/1/2025, Tổng Bí thư Tô Lâm thăm, chúc Tết Thủ đô Hà Nội. Đón Tổng Bí thư có các đồng chí:"
            " Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Bùi Thị Minh Hoài."
            " Cùng đi có Phó Thủ tướng Nguyễn Hòa Bình.")
    assert {p for p, _, _ in rels(x, "ATTENDED")} == {"Tô Lâm", "Bùi Thị Minh Hoài", "Nguyễn Hòa Bình"}


def test_the_body_whose_congress_it_is_takes_part_and_is_named_as_a_branch(run):
    x = run("Đại hội MTTQ tỉnh Điện Biên thành công\n24/08/2024\n\nNgày 23/8, Đại hội Đại biểu MTTQ Việt Nam tỉnh"
            " Điện Biên lần thứ 13, nhiệm kỳ 2024-2029 diễn ra thành công tốt đẹp. Ủy ban MTTQ tỉnh Điện Biên họp.")
    front = "Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên"
    assert {front, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên"} <= names(x, "Organization")
    assert front in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert not names(x, "Person")  # "Đại biểu" in the congress's name is no title


def test_a_plenum_named_after_its_body_has_that_body_take_part(run):
    x = run("Sáng 9/5/2016, Hội nghị Trung ương 7 khóa XII bế mạc tại Hà Nội.")
    assert "Ban Chấp hành Trung ương Đảng" in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}


def test_a_visit_is_held_where_it_goes(run):
    x = run("Sáng 9/8/2024, Tổng Bí thư Tô Lâm thăm cấp Nhà nước Campuchia.")
    assert {p for _, p, _ in rels(x, "HELD_AT")} == {"Campuchia"}


def test_a_report_of_a_meetings_results_dates_the_meeting_by_its_own_day(run):
    x = run("Kết quả kỳ họp thứ 6 của UBKT Tỉnh ủy Phú Yên\n26/04/2021\n\nNgày 26/4, Ủy ban Kiểm tra Tỉnh ủy Phú Yên"
            " thông tin về kết quả kỳ họp thứ 6. Theo UBKT, tại kỳ họp ngày 23/4, UBKT đã xem xét nhiều nội dung.")
    assert [e.props["date"] for e in x.entities if e.type == "Event" and e.props.get("main")] == ["2021-04-23"]


def test_an_effective_date_is_not_the_events_and_a_span_of_days_starts_the_event(run):
    # "từ ngày 9/5" is when a post takes effect: the ceremony takes the report's date
    x = run("Lễ trao quyết định Giám đốc Sở Nội vụ\n05/05/2025\n\nTại buổi lễ, Giám đốc Sở Tư pháp tỉnh Nam Định "
            "Trần Văn An công bố quyết định điều động ông Lê Văn Bình giữ chức Giám đốc Sở Nội vụ từ ngày 9/5.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props["date"] for e in main] == ["2025-05-05"]
    y = run("Lào mong đợi chuyến thăm\n02/03/2025\n\nNgười phát ngôn Bộ Ngoại giao Lào chiều 1/3 cho biết, "
            "Chủ tịch nước Lương Cường sẽ thăm cấp Nhà nước Lào từ ngày 10-12/3.")
    main = [e for e in y.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props["date"] for e in main] == ["2025-03-10"]  # the visit's first day, not the announcement's


def test_people_named_at_the_ceremony_attended_it(run):
    x = run("Lễ công bố quyết định\n10/06/2025\n\nSáng 10/6, Công an tỉnh Bình Dương tổ chức lễ công bố quyết định "
            "về công tác cán bộ. Tại buổi lễ, Thứ trưởng Bộ Công an Lê Văn Tuyến chúc mừng đại tá Trần Văn Minh "
            "được giao trọng trách mới.")
    assert {p for p, _, _ in rels(x, "ATTENDED")} >= {"Lê Văn Tuyến", "Trần Văn Minh"}


def test_a_later_sentence_says_when_and_where_the_announced_meeting_takes_place(run):
    x = run("Quốc hội họp bất thường\n05/03/2025\n\nNgày 4/3, Tổng Thư ký Quốc hội ban hành thông cáo về Kỳ họp bất "
            "thường lần thứ 9, Quốc hội khóa XV. Kỳ họp bất thường lần thứ 9 sẽ diễn ra trong buổi sáng ngày 5/3 "
            "tại Nhà Quốc hội.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props["date"] for e in main] == ["2025-03-05"]
    assert {v for _, v, _ in rels(x, "HELD_AT")} == {"Nhà Quốc hội"}


def test_a_meeting_with_voters_is_the_main_event(run):
    x = run("Tiếp xúc cử tri\n13/11/2024\n\nBuổi tiếp xúc cử tri có sự tham dự của lãnh đạo xã. Tại buổi tiếp xúc, "
            "bà Nguyễn Thị Hà, Phó Chủ tịch Hội Nông dân huyện Yên Định, đã thông tin đến cử tri.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert len(main) == 1 and main[0].name.lower().startswith("buổi tiếp xúc cử tri")
    assert ("Nguyễn Thị Hà", main[0].name, None) in rels(x, "ATTENDED")


def test_the_dead_who_are_remembered_did_not_attend(run):
    x = run("Dâng hương tưởng niệm\n12/03/2025\n\nSáng 12/3, Bí thư Tỉnh ủy Nghệ An Nguyễn Văn An dự lễ dâng hương "
            "tưởng niệm cố Tổng Bí thư Lê Khả Phiêu và liệt sĩ Phạm Hồng Thái "
            "tại Công viên nghĩa trang Hoàng Hoa Cương.")
    assert {p for p, _, _ in rels(x, "ATTENDED")} == {"Nguyễn Văn An"}
    former = {(r.props.get("role"), r.props.get("former")) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert ("Tổng Bí thư", True) in former
    assert "Hoàng Hoa Cương" not in names(x, "Person")


def test_a_working_session_dated_today_is_the_main_event(run):
    x = run("Quốc hội bầu Tổng Thư ký\n29/11/2024\n\nQuốc hội bầu Tổng Thư ký Quốc hội bằng hình thức bỏ phiếu kín "
            "trong phiên làm việc hôm nay 28/11.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [(e.name, e.props["date"]) for e in main] == [("Phiên làm việc của Quốc hội", "2024-11-28")]


def test_every_body_listed_on_whose_behalf_someone_acts_or_that_is_visited_takes_part(run):
    x = run("Lãnh đạo tỉnh thăm Ban Trị sự\n15/05/2024\n\nChiều 14/5, đồng chí Nguyễn Anh Chức, Phó Chủ tịch UBND tỉnh "
            "đã tới thăm, chúc mừng Ban Trị sự Giáo hội Phật giáo huyện Kim Bảng và "
            "Ban Trị sự Giáo hội Phật giáo huyện Lý Nhân. Thay mặt Tỉnh ủy, HĐND, UBND tỉnh Hà Nam, "
            "đồng chí Nguyễn Anh Chức gửi lời chúc tốt đẹp.")
    taking_part = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert {"Ban Trị sự Giáo hội Phật giáo huyện Kim Bảng", "Ban Trị sự Giáo hội Phật giáo huyện Lý Nhân",
            "Tỉnh ủy Hà Nam", "Hội đồng nhân dân tỉnh Hà Nam", "Ủy ban nhân dân tỉnh Hà Nam"} <= taking_part


def test_a_body_whose_leaders_are_named_in_the_same_on_behalf_list_takes_part(run):
    x = run("Lễ công bố quyết định\n03/11/2024\n\nTại buổi lễ, Thiếu tướng Phạm Văn Tuấn công bố quyết định. "
            "Thay mặt Đảng ủy Công an Trung ương, lãnh đạo Bộ Công an, Thứ trưởng Lê Văn Lâm đã trao Quyết định.")
    assert {"Đảng ủy Công an Trung ương", "Bộ Công an"} <= {o for o, _, _ in rels(x, "PARTICIPATED_IN")}


def test_the_body_where_the_lead_says_the_visit_took_place_takes_part(run):
    x = run("Thăm ngành giáo dục\n20/11/2024\n\nSáng 20/11/2024, lãnh đạo huyện Yên Thành đến thăm và chúc mừng "
            "tại Phòng Giáo dục và Đào tạo huyện Yên Thành.")
    assert "Phòng Giáo dục và Đào tạo huyện Yên Thành" in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}


def test_handing_over_a_resolution_is_a_ceremony(run):
    x = run("Thành lập thành phố\n26/04/2024\n\nNgày 26-4, ông Nguyễn Văn Danh - bí thư Tỉnh ủy Tiền Giang - đã trao "
            "nghị quyết của Ủy ban Thường vụ Quốc hội thành lập thành phố Gò Công.")
    main = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props["date"] for e in main] == ["2024-04-26"]
    assert ("Nguyễn Văn Danh", main[0].name, None) in rels(x, "ATTENDED")


def test_a_caption_line_naming_ong_is_no_byline_and_vua_ends_an_event_name(run):
    x = run("Khai trừ khỏi Đảng\n08/09/2017\n\nNgày 8/9, Ban Bí thư đã họp để xem xét thi hành kỷ luật ông "
            "Trần Văn Nam.\nÔng Trần Văn Nam\nKết luận nêu rõ các vi phạm.\nAnh Thư")
    assert {a for a, _, _ in rels(x, "AUTHORED")} == {"Anh Thư"}
    y = run("Thông cáo\n05/05/2017\n\nThông cáo kỳ họp thứ 35 của Ủy ban Kiểm tra Trung ương vừa được công bố "
            "chiều nay 5-5.")
    assert not any(e.name.endswith("vừa") for e in y.entities if e.type == "Event")


def test_the_dead_named_in_a_funeral_or_by_their_graves_did_not_attend(run):
    x = run("Kiểm tra công tác chuẩn bị\n24/07/2024\n\nSáng 24/7, Chủ tịch nước Tô Lâm đã kiểm tra công tác chuẩn bị "
            "cho lễ an táng Tổng Bí thư Nguyễn Phú Trọng. Phần mộ nằm phía sau phần mộ của Tổng Bí thư Lê Duẩn, "
            "Tổng Bí thư Lê Khả Phiêu, gần phần mộ của Giáo sư - Tiến sĩ Nguyễn Đình Tứ.")
    assert {p for p, _, _ in rels(x, "ATTENDED")} == {"Tô Lâm"}


def test_an_opening_verb_ends_the_sessions_name(run):
    x = run("Khai mạc kỳ họp\n05/12/2019\n\nChiều 5/12, Kỳ họp thứ 7 HĐND tỉnh Thanh Hóa khóa XVII khai mạc.")
    assert [e.name for e in x.entities if e.type == "Event"] == ["Kỳ họp thứ 7 HĐND tỉnh Thanh Hóa khóa XVII"]


def test_a_verb_that_ends_a_sessions_name_is_no_part_of_another_word(run):
    x = run("Triển khai kế hoạch\n02/01/2018\n\nSáng 2/1/2018, Hội nghị triển khai kế hoạch phát triển kinh tế "
            "được tổ chức.")
    assert [e.name for e in x.entities if e.type == "Event"] == ["Hội nghị triển khai kế hoạch phát triển kinh tế"]


def test_a_year_only_of_history_or_of_cited_documents_dates_nothing():
    from kg.extract.events import infer_year

    # (GUIDELINES.md, Dates: never a year of quoted history; where no year can be had, no date)
    assert infer_year("Cục yêu cầu dừng lưu hành năm ca khúc trước 1975 để thẩm định.", None) is None
    assert infer_year("Số liệu của Quyết định 96/2023/QĐ-TTg.", None) is None
    assert infer_year("Ngày 27/3, Đại tá Phạm Văn Long sinh năm 1966 nhận quyết định.", None) is None
    assert infer_year("Ngày 21/4, HĐND thực hiện Nghị quyết 16 năm 2012 và Thông tư số 127 năm 2015.", None) is None
    assert infer_year("Ngày 23-7, tại hội nghị thông tin cho báo chí quý 2-2019, ông A phát biểu.", None) == 2019
    # a plan presented with the year's report is next year's ("báo cáo … năm 2016 và kế hoạch năm 2017")
    assert infer_year("Thủ tướng trình bày báo cáo kinh tế - xã hội năm 2016 và kế hoạch năm 2017.", None) == 2016


def test_a_question_session_in_lower_case_is_the_main_event(run):
    x = run("Khai mạc sáng 13/6, phiên chất vấn tại kỳ họp Quốc hội kéo dài 3 ngày. "
            "Bộ trưởng Y tế Nguyễn Thị Lan đăng đàn.")
    assert any("chất vấn" in n.lower() for n in names(x, "Event"))


def test_an_undated_ceremony_lead_is_dated_by_the_report():
    from kg.extract import extract
    from kg.model import DocumentInfo

    text = ("Bổ nhiệm Giám đốc Công an tỉnh\n\nThứ trưởng Bộ Công an Lê Quốc Hòa trao Quyết định của Bộ trưởng "
            "Bộ Công an cho Đại tá Nguyễn Xuân Thành.\n\nĐại tá Nguyễn Xuân Thành giữ chức Giám đốc Công an tỉnh.")
    x = extract(text, DocumentInfo(id="a.txt", date="2024-06-20"))
    events = [e for e in x.entities if e.type == "Event"]
    assert len(events) == 1 and events[0].props["date"] == "2024-06-20"
    assert ("Lê Quốc Hòa", events[0].name, None) in rels(x, "ATTENDED")


def test_a_dated_meeting_after_a_caption_is_the_lead():
    from kg.extract import extract
    from kg.model import DocumentInfo

    text = ("Ông Vũ Văn Hồng làm bí thư\n\nÔng Lê Minh Hải trao quyết định và tặng hoa chúc mừng tân bí thư Tỉnh ủy "
            "Đồng Nai Vũ Văn Hồng - Ảnh: C.T.V.\n\nSáng 25-1, Tỉnh ủy Đồng Nai tổ chức hội nghị công bố quyết định "
            "của Bộ Chính trị về công tác cán bộ.")
    x = extract(text, DocumentInfo(id="a.txt", date="2025-01-24"))
    assert [e.name for e in x.entities if e.type == "Event"] == [
        "Hội nghị công bố quyết định của Bộ Chính trị về công tác cán bộ"]


def test_a_session_named_without_its_owner_is_the_owners_named_nearby():
    from kg.extract import extract
    from kg.model import DocumentInfo

    text = ("Quốc hội sẽ tăng tính tranh luận\n\nKỳ họp thứ 3 của Quốc hội sẽ làm việc trong gần một tháng.\n\n"
            "9h ngày 22/5, gần 500 đại biểu bước vào kỳ họp giữa năm tại hội trường Diên Hồng.")
    x = extract(text, DocumentInfo(id="a.txt", date="2017-05-22"))
    events = [e.name for e in x.entities if e.type == "Event"]
    assert events == ["Kỳ họp giữa năm"]
    assert ("Quốc hội", "Kỳ họp giữa năm", None) in rels(x, "PARTICIPATED_IN")


def test_the_people_a_handed_decision_posts_attend_the_ceremony(run):
    x = run("Sáng 31/7/2024, tại hội nghị, đồng chí Trần Đức Thắng, Bí thư Tỉnh ủy Hải Dương đã trao các quyết định "
            "của Ban Thường vụ Tỉnh ủy về việc điều động, bổ nhiệm cán bộ.\n"
            "Đồng chí Lê Hồng Diên, Giám đốc Sở Kế hoạch và Đầu tư được điều động công tác, bổ nhiệm giữ chức "
            "Chánh Văn phòng Tỉnh ủy Hải Dương.\n"
            "Trước đó, ngày 20/6, Tỉnh ủy công bố quyết định điều động đồng chí Phạm Văn Bình giữ chức Bí thư "
            "Huyện ủy.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert {"Trần Đức Thắng", "Lê Hồng Diên"} <= attended
    assert "Phạm Văn Bình" not in attended  # posted at another, earlier handing-over


def test_the_subject_of_a_decision_at_an_ordinary_meeting_is_not_there(run):
    x = run("Sáng 5/3/2024, Ban Thường vụ Tỉnh ủy Nghệ An họp thường kỳ. Hội nghị điều động đồng chí Phạm Văn "
            "Bình giữ chức Bí thư Huyện ủy Yên Thành.")
    assert "Phạm Văn Bình" not in {p for p, _, _ in rels(x, "ATTENDED")}


def test_an_assembly_voting_in_the_lead_holds_a_sitting(run):
    x = run("Miễn nhiệm Tổng Thư ký Quốc hội\n25/10/2024\n\nNghị quyết số 157 về việc miễn nhiệm chức vụ Tổng Thư ký "
            "Quốc hội đối với ông Bùi Văn Cường được Quốc hội thông qua chiều 25/10.\n\nÔng Bùi Văn Cường nghỉ hưu.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [(e.name, e.props.get("date")) for e in events] == [("Phiên họp Quốc hội", "2024-10-25")]
    assert ("Quốc hội", "Phiên họp Quốc hội", None) in rels(x, "PARTICIPATED_IN")


def test_a_vote_recalled_or_to_come_is_no_sitting(run):
    x = run("Ông Tốt xin từ chức\n\nÔng Phạm Văn Tốt đã nộp đơn xin từ chức. Sau khi UBND huyện chấp thuận, trong "
            "tháng 11, HĐND xã Thắng Thủy đã phê chuẩn ông Nguyễn Văn Cường giữ chức Chủ tịch UBND xã. Người được giới "
            "thiệu để HĐND bầu là ông Lê Văn Chinh.")
    assert not [e for e in x.entities if e.type == "Event"]


def test_a_meeting_prepared_for_is_not_the_one_held(run):
    x = run("Tổng Thư ký Nguyễn Hạnh Phúc nhấn mạnh điều này khi báo cáo về việc chuẩn bị kỳ họp thứ 6, Quốc hội "
            "khóa XIV tại phiên họp chiều 16/10/2018 của Ủy ban Thường vụ Quốc hội.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [e.name for e in events] == ["Phiên họp chiều 16/10/2018 của Ủy ban Thường vụ Quốc hội"]
    assert ("Ủy ban Thường vụ Quốc hội", events[0].name, None) in rels(x, "PARTICIPATED_IN")


def test_a_sitting_to_come_is_not_the_reports_event(run):
    x = run("Quốc hội sẽ nghe Tổng Thư ký Nguyễn Hạnh Phúc trình bày tờ trình. Ông Phúc nói thêm.")
    assert not [e for e in x.entities if e.type == "Event"]


def test_an_event_name_keeps_an_abbreviated_place_and_stops_at_a_second_event(run):
    x = run("Sáng 7/11/2017, Đại hội đại biểu Giáo hội Phật giáo Việt Nam TP. HCM lần thứ IX và đại lễ khánh thành "
            "Việt Nam Quốc Tự đã diễn ra.")
    assert [e.name for e in x.entities if e.type == "Event"] == [
        "Đại hội đại biểu Giáo hội Phật giáo Việt Nam TP. HCM lần thứ IX"]


def test_an_older_date_later_in_the_report_recalls_another_event(run):
    text = ("Lãnh đạo thành phố tiếp đoàn Đảng Cộng sản Pháp\n22/10/2013\n\n"
            "Các đại biểu tại buổi làm việc. (Ảnh: Hoàng Hải/TTXVN) Tại buổi tiếp, ông Nguyễn Văn Đua "
            "bày tỏ vui mừng.\n"
            "Ông Nguyễn Văn Đua cảm ơn Đảng Cộng sản Pháp đã tổ chức nhiều hoạt động như tưởng niệm Đại tướng "
            "Võ Nguyên Giáp vào ngày 7/10 vừa qua.")
    x = extract(text, DocumentInfo(id="a.txt", date="2013-10-22"))
    events = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert [e.props.get("date") for e in events] == ["2013-10-22"]  # the report's, not the recalled 7/10
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Nguyễn Văn Đua" in attended
    assert "Hoàng Hải" not in attended  # the photographer's credit


def test_decisions_announced_in_numbers_are_a_ceremony(run):
    x = extract("Sáng 12-3, UBND tỉnh Nghệ An đã công bố nhiều quyết định nhân sự ở Sở Nội vụ.\n"
                "Ông Trần Tuấn Ngọc được bổ nhiệm giữ chức vụ Giám đốc Sở Nội vụ.",
                DocumentInfo(id="a.txt", date="2016-03-12"))
    events = [e for e in x.entities if e.type == "Event"]
    assert len(events) == 1 and events[0].name.startswith("Công bố nhiều quyết định nhân sự")
    assert "Trần Tuấn Ngọc" in {p for p, _, _ in rels(x, "ATTENDED")}


def test_an_assembly_questioning_an_official_holds_a_sitting(run):
    x = run("Chiều 15/12/2016, HĐND tỉnh Nghệ An chất vấn Giám đốc Sở Tài chính Nguyễn Văn An về ngân sách.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [(e.name, e.props.get("date")) for e in events] == [
        ("Phiên họp Hội đồng nhân dân tỉnh Nghệ An", "2016-12-15")]
    assert ("Hội đồng nhân dân tỉnh Nghệ An", events[0].name, None) in rels(x, "PARTICIPATED_IN")


def test_a_visit_is_held_where_the_lead_says_it_went_on(run):
    x = run("Chiều 4/11/2024, đồng chí Đặng Thị Ngọc Thịnh về thăm và tặng quà các gia đình có hoàn cảnh khó khăn "
            "ở huyện Duy Xuyên.")
    assert {p for _, p, _ in rels(x, "HELD_AT")} == {"Duy Xuyên"}


def test_a_title_that_names_the_meeting_gives_the_event_of_a_dated_report(run):
    x = extract("Chủ tịch nước Trương Tấn Sang tiếp Tổng giám đốc Hãng thông tấn Nga\n21/10/2013\n\n"
                "Chủ tịch nước Trương Tấn Sang khẳng định nhân dân Việt Nam không quên sự giúp đỡ của Nga.",
                DocumentInfo(id="a.txt", date="2013-10-21"))
    events = [e for e in x.entities if e.type == "Event"]
    assert [(e.props.get("date")) for e in events] == ["2013-10-21"]
    assert ("Trương Tấn Sang", events[0].name, None) in rels(x, "ATTENDED")


def test_a_session_named_with_whose_it_is_has_that_body_take_part(run):
    x = extract("Thiếu tướng Lê Ngọc Châu làm Chủ tịch UBND tỉnh Hải Dương\n04/09/2024\n\n"
                "Ngày 4/9, Kỳ họp thứ 25 (kỳ họp chuyên đề) của HĐND tỉnh Hải Dương Khóa XVII đã diễn ra để bầu "
                "chức danh Chủ tịch UBND tỉnh.", DocumentInfo(id="a.txt", date="2024-09-04"))
    events = [e for e in x.entities if e.type == "Event"]
    assert len(events) == 1 and events[0].name.endswith("của Hội đồng nhân dân tỉnh Hải Dương khóa XVII")
    assert ("Hội đồng nhân dân tỉnh Hải Dương", events[0].name, None) in rels(x, "PARTICIPATED_IN")


def test_an_undated_congress_or_first_session_is_in_the_first_year_of_its_term(run):
    from kg.extract.events import infer_year

    text = ("Sáng 7/11, Đại hội đại biểu Giáo hội Phật giáo Việt Nam TP. HCM lần thứ IX, nhiệm kì 2017-2022 khai "
            "mạc. Công trình được khởi công xây dựng năm 2014.")
    assert infer_year(text, None) == 2017  # not the year of the history it recalls
    x = run("Sáng 16/6, HĐND tỉnh Quảng Ninh khoá 13, nhiệm kỳ 2016-2021 họp kỳ thứ nhất. Từ tháng 4/2015 đến nay, "
            "tỉnh đã làm nhiều việc.")
    assert _main_dates(x) == ["2016-06-16"]
    # a term named in a report on something else is no date
    assert infer_year("Ông được bầu nhiệm kỳ 2016-2021. Đến năm 2019, ông nghỉ hưu.", None) == 2019


def test_a_plan_is_adopted_the_year_before_the_year_it_names():
    from kg.extract.events import infer_year

    text = ("Trong ngày 10/6, Quốc hội biểu quyết thông qua Nghị quyết về Chương trình giám sát của Quốc hội năm "
            "2020. Quốc hội thảo luận về dự toán ngân sách năm 2020.")
    assert infer_year(text, None) == 2019
    assert infer_year("Ngày 5/5, kỳ họp tổng kết năm 2020.", None) == 2020  # a year of its own
    # a year that something is decided for ("cho năm 2019") at a session reviewing the year before
    text = ("Sáng 4/12, kỳ họp thứ 7 đánh giá kết quả các nhiệm vụ trong năm 2018. Trên cơ sở đó, đại biểu sẽ quyết "
            "định các mục tiêu, giải pháp cụ thể cho năm 2019.")
    assert infer_year(text, None) == 2018


def test_an_undated_report_with_no_year_has_its_main_event_without_a_date(run):
    x = run("Bộ Công an bổ nhiệm Giám đốc Công an tỉnh\n\nNgày 27/3, lãnh đạo Bộ Công an trao quyết định bổ nhiệm."
            "\n\nNgày 27/3, Bộ Công an tổ chức Lễ công bố quyết định bổ nhiệm Giám đốc Công an tỉnh Nam Định cho "
            "Đại tá Phạm Văn Long. Đại tá Phạm Văn Long sinh năm 1966.")
    events = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert len(events) == 1 and "quyết định bổ nhiệm" in events[0].name
    assert "date" not in events[0].props  # a birth year dates nothing the report tells


def test_a_visit_told_without_a_date_is_dated_by_the_report(run):
    x = run("Bí thư Tỉnh ủy và đoàn công tác đã đến thăm, kiểm tra chốt biên giới\n01/05/2021\n\n"
            "Bí thư Tỉnh ủy Thừa Thiên Huế và đoàn công tác đã đến thăm, kiểm tra, động viên cán bộ, chiến sĩ tại"
            " chốt biên giới thuộc Đồn Biên phòng Nhâm.")
    assert _main_dates(x) == ["2021-05-01"]
    # asking after someone ("thăm hỏi") is no visit
    y = run("Chủ tịch nước thăm hỏi Ấn Độ sau trận lụt\n05/08/2017\n\nChủ tịch nước Trần Đại Quang gửi điện thăm hỏi"
            " Tổng thống Ấn Độ.")
    assert not [e for e in y.entities if e.type == "Event"]


def test_an_event_name_ends_at_a_comma_before_a_verb_of_speech(run):
    x = run("Sáng 12/6/2024, tại Kỳ họp thứ 5 Hội đồng nhân dân tỉnh Nam Định khóa XIX, cho rằng kết quả "
            "thể hiện sự tin tưởng của cử tri, ông Trần Văn Minh phát biểu.")
    assert "Kỳ họp thứ 5 Hội đồng nhân dân tỉnh Nam Định khóa XIX" in names(x, "Event")


def test_giving_scholarships_or_gifts_is_the_event_a_dated_lead_tells(run):
    x = run("Ngày 14/3/2024, đồng chí Lê Thị Thu Hà, Chủ tịch Hội Chữ thập đỏ tỉnh Nam Định đã trao học bổng "
            "tặng học sinh nghèo tại xã Giao Thiện. Cùng đi có ông Trần Văn Quý, Phó Chủ tịch UBND huyện Giao Thủy.")
    events = [e for e in x.entities if e.type == "Event"]
    assert len(events) == 1 and events[0].name.startswith("Trao học bổng") and events[0].props["date"] == "2024-03-14"
    assert {"Lê Thị Thu Hà", "Trần Văn Quý"} <= {p for p, _, _ in rels(x, "ATTENDED")}


def test_a_later_sentence_opening_with_the_events_noun_says_where_it_takes_place(run):
    x = run("Ngày 1/5/2024, Thường trực HĐND tỉnh Nam Định ban hành thông báo triệu tập Kỳ họp thứ 20 HĐND tỉnh "
            "khóa XIX. Kỳ họp sẽ diễn ra trong hai ngày tại Trung tâm Hội nghị tỉnh Nam Định.")
    names_of = {e.id: e.name for e in x.entities}
    held = {(names_of[r.source], names_of[r.target]) for r in x.relations if r.type == "HELD_AT"}
    assert ("Kỳ họp thứ 20 HĐND tỉnh khóa XIX", "Trung tâm Hội nghị tỉnh Nam Định") in held


def test_a_fair_is_an_event_and_its_name_no_person(run):
    x = run("Sáng 2/2/2026, tại Hà Nội đã khai mạc Hội chợ Mùa Xuân lần thứ nhất năm 2026. Phó Thủ tướng Trần Văn "
            "Hùng dự khai mạc Hội chợ Mùa Xuân.")
    assert "Mùa Xuân" not in names(x, "Person")
    assert any(n.startswith("Hội chợ Mùa Xuân") or "Hội chợ Mùa Xuân" in n for n in names(x, "Event"))


def test_an_exhibition_centre_after_tai_is_the_venue(run):
    x = run("Sáng 2/2/2026, tại Trung tâm Triển lãm Việt Nam ở Đông Anh, Bộ Công Thương khai mạc Hội chợ Mùa Xuân.")
    names_of = {e.id: e.name for e in x.entities}
    held = {names_of[r.target] for r in x.relations if r.type == "HELD_AT"}
    assert any(h.startswith("Trung tâm Triển lãm Việt Nam") for h in held), held
    assert not any(n.startswith("Trung tâm Triển lãm") for n in names(x, "Organization"))


def test_police_work_and_events_in_general_are_no_held_event(run):
    x = run("CSGT toàn quốc kiểm tra nồng độ cồn từ mùng 1 Tết\n03/02/2026\n\nNgày 3-2, Cục Cảnh sát giao thông đã có "
            "khuyến cáo các tài xế. Lực lượng CSGT kiểm tra nồng độ cồn đối với người điều khiển phương tiện. Cục đã "
            "ban hành kế hoạch bảo đảm an toàn giao thông dịp Tết và các lễ hội lớn đầu năm 2026.")
    assert names(x, "Event") == set()
    # an official's inspection is one
    y = run("Phó Thủ tướng kiểm tra tiến độ dự án\n30/01/2026\n\nSáng 30/1, Phó Thủ tướng Trần Văn Nam kiểm tra tiến "
            "độ dự án cao tốc tại tỉnh Đồng Nai.")
    assert len(names(y, "Event")) == 1


def test_a_visit_to_several_memorials_was_held_at_each_and_their_honorees_did_not_attend(run):
    x = run("Ngày 1/6/2024, đồng chí Tô Lâm, Chủ tịch nước đã đến dâng hương tại Đền thờ Triệu Việt Vương, xã Dạ Trạch "
            "(Khoái Châu); Khu lưu niệm Tổng Bí thư Nguyễn Văn Linh và Nhà tưởng niệm Trung tướng Nguyễn Bình, xã Giai "
            "Phạm (Yên Mỹ). Tại Đền thờ Triệu Việt Vương, các đại biểu tri ân người anh hùng. Năm 541, Triệu Quang "
            "Phục tham gia cuộc khởi nghĩa và dự nhiều trận đánh.")
    venues = {v for _, v, _ in rels(x, "HELD_AT")}
    assert {"Đền thờ Triệu Việt Vương", "Khu lưu niệm Tổng Bí thư Nguyễn Văn Linh",
            "Nhà tưởng niệm Trung tướng Nguyễn Bình"} <= venues
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Tô Lâm" in attended and not attended & {"Nguyễn Văn Linh", "Triệu Quang Phục"}


def test_a_meeting_a_document_is_named_after_was_not_held_in_the_report(run):
    x = run("Theo nghị quyết phiên họp thường kỳ tháng 2, Chính phủ giao Bộ Xây dựng chủ trì, phối hợp với Bộ Giao "
            "thông vận tải khẩn trương lựa chọn một số dự án.")
    assert names(x, "Event") == set() and not rels(x, "PARTICIPATED_IN")
    # a verb of the same form concludes one that was
    y = run("Ngày 5/3/2024, Đảng ủy Học viện Quân y tổ chức hội nghị. Trung tướng Nguyễn Văn An phát biểu kết luận "
            "hội nghị.")
    assert "Nguyễn Văn An" in {p for p, _, _ in rels(y, "ATTENDED")}


def test_police_work_a_force_holds_is_no_meeting(run):
    x = run("Sáng 5/2/2026, ngay khi phát hiện đối tượng vừa trở về địa phương, lực lượng Công an xã Cẩm Thạch đã kịp "
            "thời tổ chức vây bắt, bắt giữ thành công đối tượng.")
    assert names(x, "Event") == set()
    y = run("Sáng 5/2/2026, Công an xã Cẩm Thạch tổ chức hội nghị tổng kết công tác năm 2025.")
    assert len(names(y, "Event")) == 1


def test_an_event_name_ends_at_a_comma_after_its_number_or_its_body(run):
    x = run("Ủy ban Kiểm tra Tỉnh ủy Bắc Kạn vừa tổ chức Kỳ họp thứ 21, thi hành kỷ luật đối với các cán bộ, đảng viên "
            "trong thực hiện dự án bố trí dân cư.")
    assert "Kỳ họp thứ 21" in {n.split(" của ")[0] for n in names(x, "Event")}
    y = run("Ngày 24/5/2024, Ban Tổ chức Trung ương tổ chức công bố quyết định của Ban Bí thư, luân chuyển và chỉ định "
            "ông Lê Quang Mạnh tham gia Ban Chấp hành Đảng bộ thành phố Cần Thơ.")
    assert names(y, "Event") == {"Công bố quyết định của Ban Bí thư"}
    # a list of verbs goes on ("Hội nghị nghiên cứu, học tập, quán triệt …")
    z = run("Sáng 5/3/2024, Tỉnh ủy Nghệ An tổ chức Hội nghị nghiên cứu, học tập, quán triệt Nghị quyết.")
    assert any(n.startswith("Hội nghị nghiên cứu, học tập, quán triệt") for n in names(z, "Event"))


def test_a_discussion_named_by_its_verb_ends_before_its_topic(run):
    x = run("Sáng 29/5/2018, Quốc hội thảo luận ở tổ về dự án Luật đơn vị hành chính kinh tế đặc biệt. Đại biểu Lê "
            "Vĩnh Tân phát biểu.")
    assert names(x, "Event") == {"Thảo luận ở tổ của Quốc hội"}  # (whose discussion: test_sittings.py)


def test_venues_listed_with_their_addresses_are_all_venues(run):
    x = run("Ngày 25/7/2024, lễ viếng được tổ chức trọng thể đồng thời tại Nhà tang lễ Quốc gia số 5 Trần Thánh Tông, "
            "thành phố Hà Nội; Hội trường Thống Nhất, Thành phố Hồ Chí Minh và tại quê nhà xã Đông Hội.")
    venues = {v for _, v, _ in rels(x, "HELD_AT")}
    assert {"Nhà tang lễ Quốc gia", "Hội trường Thống Nhất"} <= venues


def test_an_event_the_lead_tells_by_its_verb_is_named_as_the_next_sentences_call_it_not_by_the_headline(run):
    x = run("Ông Nguyễn Văn An giữ chức Trưởng Ban Tổ chức Tỉnh ủy Nghệ An\n"
            "Chiều 11-4, Tỉnh ủy Nghệ An tổ chức trao quyết định điều động ông Nguyễn Văn An giữ chức Trưởng Ban Tổ "
            "chức Tỉnh ủy.\nPhát biểu tại lễ trao quyết định, Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý chúc mừng ông An.")
    assert [e.name for e in x.entities if e.type == "Event" and e.props.get("main")] == ["Lễ trao quyết định"]
    assert ("Thái Thanh Quý", "Lễ trao quyết định", "") in {(p, e, "") for p, e, *_ in rels(x, "ATTENDED")}


def test_a_numbered_sittings_name_ends_at_its_number_not_its_time(run):
    x = run("Tại phiên họp thứ 47 chiều 25/4, Ủy ban Thường vụ Quốc hội cho ý kiến chuẩn bị kỳ họp thứ nhất.")
    assert [e.name for e in x.entities if e.type == "Event" and e.props.get("main")] == [
        "Phiên họp thứ 47 của Ủy ban Thường vụ Quốc hội"]


def test_a_meeting_named_in_a_documents_name_is_not_held(run):
    x = run("Theo đó, căn cứ Điều 33 Nội quy kỳ họp Quốc hội và Nghị quyết của Hội nghị lần thứ 8 Ban Chấp hành "
            "Trung ương Đảng khóa XII, Ủy ban Thường vụ Quốc hội giới thiệu ông Nguyễn Văn An.")
    assert not [e for e in x.entities if e.type == "Event"]


def test_an_art_programme_or_an_exchange_is_an_event_dated_by_its_lead(run):
    x = run("Bí thư dự chương trình\n03/02/2025\n\nTối 2-2, chương trình nghệ thuật kỷ niệm 95 năm Ngày thành lập "
            "Đảng diễn ra tại Nhà hát thành phố. Tham dự có ông Nguyễn Văn Nên - bí thư Thành ủy TP.HCM.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [e.props.get("date") for e in events] == ["2025-02-02"]
    assert events[0].name.startswith("Chương trình nghệ thuật")


def test_a_dateline_place_is_the_venue_unless_the_lead_names_another_place(run):
    x = run("Bộ trưởng chúc Tết Hưng Yên\n26/02/2026\n\nHưng Yên- Ngày 26.2, Đại tướng Lương Tam Quang đã đến thăm và "
            "chúc Tết Đảng bộ, chính quyền và nhân dân tỉnh Hưng Yên.")
    assert {p for _, p, _ in rels(x, "HELD_AT")} == {"Hưng Yên"}
    y = run("Bổ nhiệm cán bộ ở Hải Phòng\n25/02/2026\n\nHải Phòng- Ngày 25.2, UBND xã Vĩnh Thịnh tổ chức hội nghị công "
            "bố các quyết định về công tác cán bộ.")
    assert "Hải Phòng" not in {p for _, p, _ in rels(y, "HELD_AT")}


@pytest.mark.parametrize("text, name", [
    # the sitting, not its business: a verb of what it decides ends the name …
    ("Chiều 5/7, HĐND thành phố Đà Nẵng tổ chức phiên họp bất thường bầu ông Đặng Việt Dũng giữ chức Phó chủ tịch "
     "UBND thành phố.", "Phiên họp bất thường của Hội đồng nhân dân thành phố Đà Nẵng"),
    ("Ngày 3/2, Cuộc họp của Bộ Chính trị xem xét, quyết định kỷ luật ông A diễn ra tại Hà Nội.",
     "Cuộc họp của Bộ Chính trị"),
    # … but a noun that opens with such a verb goes on naming it
    ("Sáng 15/4, Hội nghị hiệp thương lần ba bầu cử đại biểu Quốc hội khóa 14 diễn ra tại Hà Nội.",
     "Hội nghị hiệp thương lần ba bầu cử đại biểu Quốc hội khóa 14"),
    # a meeting its verb alone names is the meeting of the body before the verb
    ("Ngày 19-6 tại Hà Nội, Ban Bí thư họp đã xem xét, thi hành kỷ luật đảng đối với ông A.",
     "Họp của Ban Bí thư Trung ương Đảng"),
])
def test_an_events_name_is_the_sitting_not_its_business(run, text, name):
    assert name in {e.name for e in run(text).entities if e.type == "Event"}


def test_a_meeting_held_today_by_its_verb_is_the_reports_day_and_its_bodys(run):
    x = run("Đề nghị Chính phủ đánh giá tác động\n03/02/2026\n\nBáo Đại biểu Nhân dân đưa tin, Ủy ban Thường vụ "
            "Quốc hội hôm nay họp phiên thứ 54 xem xét báo cáo công tác dân nguyện. Trình bày báo cáo, Chủ nhiệm "
            "Ủy ban Dân nguyện và Giám sát Dương Thanh Bình cho biết cử tri quan tâm.")
    events = [e for e in x.entities if e.type == "Event"]
    assert [(e.name, e.props.get("date")) for e in events] == [
        ("Họp phiên thứ 54 của Ủy ban Thường vụ Quốc hội", "2026-02-03")]


def test_the_year_a_plan_is_drafted_for_does_not_date_an_undated_report(run):
    x = run("Ngày 9/10, Hội nghị Trung ương 4, khoá XII khai mạc tại Hà Nội. Hội nghị thảo luận, cho ý kiến về tình "
            "hình kinh tế - xã hội năm 2016, dự kiến kế hoạch phát triển năm 2017.")
    assert _main_dates(x) == ["2016-10-09"]


def test_an_events_name_ends_before_theo(run):
    x = run("Sáng 29/2, Thường trực Ban Bí thư Đinh Thế Huynh đã trao quyết định bổ nhiệm ông Phan Đình Trạc giữ chức "
            "Trưởng ban Nội chính Trung ương theo phân công của Bộ Chính trị.")
    names_ = [e.name for e in x.entities if e.type == "Event"]
    assert len(names_) == 1 and not names_[0].endswith("Bộ Chính trị") and "theo" not in names_[0].split()


def test_an_events_name_ends_before_the_decision_its_owner_takes(run):
    x = run("Sáng 21/2, tại Hà Nội, Đảng đoàn Mặt trận Tổ quốc Việt Nam tổ chức Lễ công bố quyết định của Bộ Chính trị "
            "chỉ định ông Hầu A Lềnh giữ chức Phó Bí thư Đảng đoàn.")
    assert [e.name for e in x.entities if e.type == "Event"] == ["Lễ công bố quyết định của Bộ Chính trị"]


def test_a_birth_date_does_not_date_an_undated_report(run):
    x = run("Sáng 21/2, Đảng đoàn Mặt trận Tổ quốc Việt Nam tổ chức Lễ công bố quyết định của Bộ Chính trị. Hội nghị "
            "Trung ương tháng 10/2017 đã quyết định. Ông Hầu A Lềnh sinh ngày 22/6/1973 tại Lào Cai.")
    assert _main_dates(x) == ["2017-02-21"]


def test_a_meeting_named_by_its_verb_ends_before_who_chairs_it(run):
    x = run("Ngày 28/12, Ban Bí thư họp dưới sự chủ trì của Tổng Bí thư Nguyễn Phú Trọng, xem xét kỷ luật ông A.")
    assert [e.name for e in x.entities if e.type == "Event"] == ["Họp của Ban Bí thư Trung ương Đảng"]


def test_the_short_form_a_report_defines_stands_between_a_standing_bodys_head_and_its_owner(run):
    x = run("Trong 2 ngày 10 và 11-9-2024, Ủy ban Kiểm tra (UBKT) Tỉnh ủy Quảng Trị tổ chức Kỳ họp thứ 38 dưới sự "
            "chủ trì của đồng chí Trần Công Định.")
    assert "Ủy ban Kiểm tra Tỉnh ủy Quảng Trị" in {e.name for e in x.entities if e.type == "Organization"}
    assert [e.name for e in x.entities if e.type == "Event"] == ["Kỳ họp thứ 38 của Ủy ban Kiểm tra Tỉnh ủy Quảng Trị"]


def test_an_event_name_does_not_end_with_the_comma_before_its_stop(run):
    x = run("Trưa 16/10/2015, Ban chấp hành Đảng bộ TP Đà Nẵng khoá 21 đã họp phiên thứ nhất, bầu Ban thường vụ.")
    assert not [n for n in names(x, "Event") if n.endswith(",")]


def test_an_undated_report_is_no_older_than_the_months_it_tells_of(run):
    x = run("Ngày 24/6, Sở Nội vụ công bố quyết định bổ nhiệm ông Nguyễn Huy Hoàng. Tại kỳ thi THPT quốc gia năm 2018, "
            "Sơn La xảy ra gian lận. Sai phạm năm 2018 bị phát hiện. Đến tháng 3/2019, Bộ Công an mới có kết luận.")
    assert {str(e.props.get("date")) for e in x.entities if e.type == "Event"} == {"2019-06-24"}


def test_a_meeting_of_two_people_in_an_undated_opening_is_the_reports(run):
    x = run("Thủ tướng: Đẩy mạnh hợp tác với Lào\n12/05/2023\n\n"
            "Thủ tướng Phạm Minh Chính tiếp Chủ tịch Quốc hội Lào Saysomphone Phomvihane - Ảnh: VGP\n\n"
            "Chủ tịch Quốc hội Lào Saysomphone Phomvihane ôn lại các cuộc gặp với Chủ tịch nước Võ Văn Thưởng, "
            "cảm ơn Việt Nam đã giúp đỡ Lào.")
    [event] = [e for e in x.entities if e.type == "Event" and e.props.get("main")]
    assert event.props["date"] == "2023-05-12"
    attended = {a for a, _, _ in rels(x, "ATTENDED")}
    assert {"Phạm Minh Chính", "Saysomphone Phomvihane"} <= attended
    assert "Võ Văn Thưởng" not in attended  # met before: the thanks are the other's
    y = run("Thủ tướng: Đẩy mạnh hợp tác với Lào\n12/05/2023\n\nThủ tướng Phạm Minh Chính tiếp tục chỉ đạo các bộ.")
    assert not [e for e in y.entities if e.type == "Event"]  # no one met


def test_a_session_named_only_by_its_day_is_named_with_its_body(run):
    x = run("Kỷ luật Phó Bí thư Huyện ủy\n\nTại kỳ họp ngày 12/9, Ủy ban Kiểm tra Tỉnh ủy Quảng Trị đã kết luận "
            "về vi phạm của ông Lê Văn Hải.")
    assert "Kỳ họp ngày 12/9 của Ủy ban Kiểm tra Tỉnh ủy Quảng Trị" in names(x, "Event")


def test_a_session_is_named_with_its_body_as_the_lead_writes_it(run):
    x = run("Kỷ luật nguyên Giám đốc Sở\n\nNgày 31/3, tại Hội nghị lần thứ 7, Ban chấp hành Đảng bộ tỉnh Hải Dương "
            "khoá 16 đã biểu quyết thi hành kỷ luật ông Lưu Văn Bình.")
    [event] = [e for e in x.entities if e.type == "Event"]
    assert event.name == "Hội nghị lần thứ 7 của Ban chấp hành Đảng bộ tỉnh Hải Dương khóa 16"  # (tones normalized)
    assert any(b == event.name for _, b, _ in rels(x, "PARTICIPATED_IN"))
    y = run("Phiên họp\n\nSáng 5/7, UBTVQH họp phiên thứ 54.")
    assert "Họp phiên thứ 54 của Ủy ban Thường vụ Quốc hội" in names(y, "Event")  # an abbreviation: the full name


def test_a_session_numbered_in_words_is_named_with_its_body(run):
    x = run("Tỉnh có tân Phó Chủ tịch\n\nChiều 19-6, HĐND tỉnh Bạc Liêu khóa IX khai mạc họp kỳ thứ tám (bất thường) "
            "để làm công tác nhân sự.")
    assert any(n.endswith("thứ tám của Hội đồng nhân dân tỉnh Bạc Liêu khóa IX") for n in names(x, "Event"))


def test_an_events_name_ends_before_its_day_and_date(run):
    x = run("Phiên họp Chính phủ\n\nSáng 5-8, Phiên họp chuyên đề của Chính phủ về xây dựng pháp luật sáng ngày 5-8 đã "
            "diễn ra.")
    assert "Phiên họp chuyên đề của Chính phủ về xây dựng pháp luật" in names(x, "Event")
    y = run("Thủ tướng Lào thăm Việt Nam\n\nThủ tướng Lào đã có chuyến thăm chính thức Việt Nam trong hai ngày 16 và "
            "17/1.")
    assert not any(n.endswith("trong hai") for n in names(y, "Event"))  # a count of days is no date


def test_a_meeting_named_with_the_body_that_holds_it_last_has_it_take_part(run):
    x = run("Thuế đối ứng\n29/01/2026\n\nChia sẻ tại buổi họp báo thường kỳ Bộ Công Thương ngày 29/1, Thứ trưởng "
            "Nguyễn Sinh Tân cho biết đàm phán sẽ tiếp tục.")
    [event] = [e for e in x.entities if e.type == "Event"]
    assert ("Bộ Công Thương", event.name, None) in rels(x, "PARTICIPATED_IN")
