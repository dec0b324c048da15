"""The sittings of assemblies and the names of undated events (kg/extract/meeting.py)."""

from tests.extract.conftest import rels


def _main(x) -> str:
    return next(e.name for e in x.entities if e.type == "Event" and e.props.get("main"))


def test_a_standing_committees_comment_is_its_sitting_not_the_headlines_verb(run):
    x = run("Trình Quốc hội dự Luật quản lý thuế\n\nChiều 14-9, Ủy ban Thường vụ Quốc hội cho ý kiến về dự án "
            "Luật quản lý thuế do Bộ trưởng Bộ Tài chính Hồ Đức Phớc trình bày.")
    assert _main(x) == "Phiên họp Ủy ban Thường vụ Quốc hội"
    assert ("Ủy ban Thường vụ Quốc hội", "Phiên họp Ủy ban Thường vụ Quốc hội", None) in rels(x, "PARTICIPATED_IN")


def test_an_assemblys_discussion_in_groups_is_named_by_it(run):
    x = run("Đại biểu lo về đặc khu\n\nChiều 12/6 Quốc hội thảo luận ở tổ về dự án Luật Quy hoạch đô thị. "
            "Đại biểu Lê Văn Hòa cho rằng cần thận trọng.")
    assert _main(x) == "Thảo luận ở tổ của Quốc hội"


def test_a_headline_quoting_a_speaker_names_no_event(run):
    x = run("Đại biểu Trần Văn Lâm: ' Không thể giao đất rồi để đó '\n\nThảo luận tại tổ chiều nay 20-5 về kế "
            "hoạch đầu tư công, đại biểu Trần Văn Lâm nói cần thu hồi các dự án chậm.")
    assert "Không thể" not in _main(x)
    assert _main(x).startswith("Thảo luận tại tổ")


def test_an_events_name_keeps_its_day_but_not_words_only_the_reports_date_explains(run):
    x = run("Tin thời sự\n\nPhiên họp thường kỳ sáng nay 3/2 của Chính phủ diễn ra tại Nhà Quốc hội.")
    assert _main(x) == "Phiên họp thường kỳ sáng 3/2 của Chính phủ"


def test_the_bodies_that_present_and_verify_a_bill_at_a_sitting_take_part(run):
    x = run("Cho ý kiến dự án luật\n\nChiều 14-9, Ủy ban Thường vụ Quốc hội cho ý kiến về dự án Luật Dầu khí. "
            "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên trình bày tờ tóm tắt dự án luật. "
            "Thẩm tra dự án luật, Ủy ban Kinh tế của Quốc hội cho rằng cần làm rõ thêm.")
    taking_part = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert {"Bộ Công Thương", "Ủy ban Kinh tế của Quốc hội"} <= taking_part


def test_a_title_with_no_name_that_answers_at_a_sitting_takes_part_for_its_body(run):
    x = run("Kỳ họp HĐND tỉnh\n\nSáng 10/7, HĐND tỉnh Thanh Hóa tiến hành phiên chất vấn. Cụ thể, Chủ tịch UBND tỉnh "
            "giải trình về đầu tư công; Giám đốc Sở Y tế tỉnh Thanh Hóa trả lời chất vấn về bệnh viện. "
            "Các Ủy viên Ban Thường vụ Tỉnh ủy trình bày ý kiến.")
    taking_part = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert "Sở Y tế tỉnh Thanh Hóa" in taking_part
    assert not any(o.startswith("Ban Thường vụ") for o in taking_part)  # members speak, not the body


def test_a_headlines_vote_is_its_assemblys_sitting_when_the_body_tells_of_none(run):
    x = run("Hôm nay Quốc hội miễn nhiệm Chủ tịch Nguyễn Văn An\n\nTheo chương trình làm việc, Ủy ban Thường vụ "
            "Quốc hội báo cáo về việc miễn nhiệm. Ông Nguyễn Văn An phát biểu.")
    assert _main(x) == "Phiên họp Quốc hội"


def test_a_head_presenting_at_a_sitting_takes_part_for_the_body_the_title_implies(run):
    x = run("Khai mạc kỳ họp\n\nSáng 20/10/2016, Kỳ họp thứ hai, Quốc hội khóa XIV khai mạc. Thủ tướng Nguyễn Văn An "
            "trình bày báo cáo kinh tế - xã hội. Đại biểu Quốc hội Lê Văn Bình trình bày ý kiến.")
    taking_part = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert "Chính phủ" in taking_part


def test_a_party_committee_written_as_its_executive_that_votes_holds_a_plenum(run):
    x = run("Kỷ luật Phó chủ tịch tỉnh\n\nNgày 29/9, Ban chấp hành Đảng bộ tỉnh Nghệ An đã bỏ phiếu thống nhất hình "
            "thức kỷ luật khiển trách đối với ông Lê Văn Tuấn.")
    assert _main(x) == "Hội nghị Ban chấp hành Đảng bộ tỉnh Nghệ An"


def test_a_press_conference_where_a_bodys_spokesperson_speaks_is_that_bodys(run):
    x = run("Sức khỏe lãnh đạo\n\nBà Lê Thị Hằng, người phát ngôn Bộ Ngoại giao cho biết trong họp báo chiều nay 25/4 "
            "rằng mọi việc bình thường.")
    assert _main(x) == "Họp báo chiều 25/4 của Bộ Ngoại giao"
    assert ("Bộ Ngoại giao", _main(x), None) in rels(x, "PARTICIPATED_IN")


def test_a_visit_named_by_its_verb_ends_at_whom_it_met(run):
    x = run("Khoa học xã hội cần đổi mới\n\nNgày 24/2/2026, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tới thăm, "
            "làm việc với Viện Hàn lâm Khoa học xã hội Việt Nam và các nhà khoa học, chuyên gia tiêu biểu.")
    assert _main(x) == "Thăm, làm việc với Viện Hàn lâm Khoa học xã hội Việt Nam"


def test_a_rank_ceremony_in_the_headline_of_a_dated_report_is_the_event(run):
    x = run("Chủ tịch nước trao quân hàm Thượng tướng Công an\n23/10/2013\n\nChủ tịch nước thăng hàm Thượng tướng cho "
            "Thứ trưởng Công an Lê Văn Nam.")
    assert _main(x).startswith("Chủ tịch nước trao quân hàm")


def test_at_a_press_conference_the_people_it_talks_about_do_not_attend(run):
    x = run("Sức khỏe lãnh đạo\n\nViệc thay đổi thời tiết đã ảnh hưởng đến sức khỏe của Chủ tịch nước Trần Văn Lâm, bà "
            "Lê Thị Hằng, người phát ngôn Bộ Ngoại giao cho biết trong họp báo chiều nay 25/4.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Lê Thị Hằng" in attended
    assert "Trần Văn Lâm" not in attended


def test_the_people_a_sitting_questions_were_at_it(run):
    x = run("Phiên chất vấn\n\nSáng 13/6/2018, Quốc hội tiến hành phiên chất vấn. Quốc hội cũng chất vấn Bộ trưởng "
            "Nông nghiệp Lê Văn An về tiêu thụ nông sản; Bộ trưởng Y tế Trần Thị Bình về bệnh viện.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert {"Lê Văn An", "Trần Thị Bình"} <= attended
