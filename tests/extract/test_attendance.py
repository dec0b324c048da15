"""Who was at the main event (kg.extract.attendance)."""

from tests.extract.conftest import names, rels


def test_a_body_acting_at_the_event_or_whose_members_attend_takes_part(run):
    x = run("Sáng 25/1/2025, Thành ủy TP.HCM tổ chức hội nghị công bố quyết định của Bộ Chính trị về công tác cán "
            "bộ. Tham dự có Trưởng Ban Tổ chức Trung ương Lê Minh Hưng; các đồng chí trong Ban Dân vận Trung ương."
            " Cũng tại hội nghị, Ban Thường vụ Thành ủy TP.HCM quyết định chỉ định ông A.")
    bodies = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert {"Ban Dân vận Trung ương", "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh"} <= bodies
    # "tại kỳ họp này" in a report on a committee's sitting is another meeting (the one it prepares)
    y = run("Tiếp tục phiên họp thứ 55, chiều 27/4/2021, UB Thường vụ Quốc hội cho ý kiến về việc chuẩn bị kỳ họp"
            " thứ nhất, Quốc hội khóa XV. Tại kỳ họp này, Quốc hội sẽ bầu Chủ tịch nước.")
    assert "Quốc hội" not in {o for o, _, _ in rels(y, "PARTICIPATED_IN")}


def test_the_body_a_holder_answers_or_reports_for_takes_part(run):
    x = run("Sáng 11/12/2024, Kỳ họp thứ 7 HĐND tỉnh Thanh Hóa khóa XVII khai mạc. Giám đốc Sở Tài nguyên và Môi "
            "trường tỉnh Thanh Hóa Nguyễn Văn An trả lời chất vấn về khoáng sản. Giám đốc Sở Y tế tỉnh Thanh Hóa "
            "Trần Văn Bình dự. Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lê Văn Cường trình bày báo cáo.")
    bodies = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert "Sở Tài nguyên và Môi trường tỉnh Thanh Hóa" in bodies
    assert "Sở Y tế tỉnh Thanh Hóa" not in bodies  # a body only in an attendee's title
    assert "Tỉnh ủy Thanh Hóa" not in bodies  # one of several posts: which body acts is not said


def test_the_body_of_one_questioned_or_who_opens_a_sentence_answering_takes_part(run):
    x = run("Sáng 12/6/2024, Quốc hội tiến hành phiên chất vấn. Quốc hội cũng chất vấn Bộ trưởng Bộ Y tế Đào Hồng "
            "Lan về giá thuốc. Đăng đàn trả lời chất vấn, Bộ trưởng Bộ Tài chính Hồ Đức Phớc cho biết ngân sách "
            "tăng. Đồng tình với việc tăng thời gian chất vấn, Chủ nhiệm Ủy ban Kinh tế Vũ Hồng Thanh cho rằng cử "
            "tri quan tâm.")
    bodies = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert {"Bộ Y tế", "Bộ Tài chính"} <= bodies
    # "thời gian chất vấn," is a noun set off before its subject, who is not questioned
    assert "Ủy ban Kinh tế" not in bodies


def test_unnamed_members_of_a_body_attending_make_it_take_part(run):
    x = run("Sáng 5/3/2024, Ban Tuyên giáo Tỉnh ủy Nam Định tổ chức hội nghị báo cáo viên. Tham dự hội nghị có các "
            "đồng chí Ủy viên Ban Thường vụ Tỉnh ủy Nam Định, đại biểu Quốc hội tỉnh. Vì Thủ tướng Chính phủ đã có "
            "công điện, ông Trần Văn Hùng yêu cầu đại biểu dự hội nghị đeo khẩu trang.")
    bodies = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert "Ban Thường vụ Tỉnh ủy Nam Định" in bodies
    assert not bodies & {"Chính phủ", "Quốc hội"}  # one holder named by title; deputies, not the assembly


def test_the_body_whose_side_is_named_takes_part(run):
    x = run("Sáng 18/8/2024, Đoàn kiểm tra của Ban Tuyên giáo Tỉnh ủy Nam Định làm việc về công tác giáo dục chính "
            "trị. Về phía Trường Cao đẳng Y tế Nam Định có ông Trần Văn Minh, Hiệu trưởng.")
    assert "Trường Cao đẳng Y tế Nam Định" in {o for o, _, _ in rels(x, "PARTICIPATED_IN")}


def test_the_people_a_visit_calls_on_receive_it(run):
    x = run("Sáng 5/2/2024, Chủ tịch UBND tỉnh Nam Định Trần Anh Dũng thăm, tặng quà các gia đình chính sách. "
            "Đoàn đã đến thăm gia đình đồng chí Lê Văn Tân, nguyên Phó Bí thư Tỉnh ủy.")
    assert {"Trần Anh Dũng", "Lê Văn Tân"} <= {p for p, _, _ in rels(x, "ATTENDED")}


def test_who_suffers_the_decision_of_a_session_was_not_at_it(run):
    x = run("Bà Nguyễn Thị Thuận, nguyên bí thư Đảng ủy phường Mỹ Đình 1, Q. Nam Từ Liêm, Hà Nội, vừa bị HĐND phường "
            "bãi nhiệm tư cách đại biểu. Quyết định được đưa ra tại kỳ họp bất thường HĐND phường Mỹ Đình 1.")
    assert "Nguyễn Thị Thuận" not in {p for p, _, _ in rels(x, "ATTENDED")}
    # one elected at it was
    y = run("Chiều 25/1/2017, HĐND tỉnh Lạng Sơn tổ chức kỳ họp bất thường. Ông Nguyễn Long Hải đã trúng cử chức danh "
            "Phó chủ tịch UBND tỉnh và phát biểu nhận nhiệm vụ.")
    assert "Nguyễn Long Hải" in {p for p, _, _ in rels(y, "ATTENDED")}


def test_one_who_speaks_to_the_press_was_not_at_the_event(run):
    x = run("Hôm nay 6/2/2026, Công an tỉnh Gia Lai tổ chức họp báo công bố thông tin vụ cướp ngân hàng. Đại tá Trần "
            "Văn Nam, Phó Giám đốc Công an tỉnh chủ trì họp báo. Trao đổi với PV Dân Việt, Tiến sĩ luật Đặng Văn Cường "
            "cho biết, cơ quan điều tra sẽ khởi tố vụ án. Ông Cường cho biết, thông tin bước đầu từ phía cơ quan điều "
            "tra cho thấy nghi phạm bị truy nã.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Trần Văn Nam" in attended and "Đặng Văn Cường" not in attended


def test_one_interviewed_in_the_lead_was_not_at_the_event_one_on_its_sidelines_was(run):
    x = run("Trả lời phỏng vấn VnExpress, PGS.TS Bùi Hoài Sơn, Ủy viên Ủy ban Văn hóa và Xã hội của Quốc hội, phân "
            "tích những điểm mới của Đại hội XIV ngày 20/1/2026.")
    assert not rels(x, "ATTENDED")
    y = run("Trả lời báo chí bên lề kỳ họp thứ 21 HĐND tỉnh Quảng Nam ngày 5/7/2024, bà Nguyễn Thị Thu Lan – Trưởng "
            "Ban Tuyên giáo Tỉnh ủy Quảng Nam - cho biết kết luận đã có.")
    assert "Nguyễn Thị Thu Lan" in {p for p, _, _ in rels(y, "ATTENDED")}


def test_one_words_are_sent_to_did_not_speak_at_the_meeting(run):
    x = run("Chiều 24/10/2024, Thủ tướng Phạm Minh Chính gặp Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình. Chủ "
            "tịch Tập Cận Bình gửi lời cảm ơn và thăm hỏi chân thành tới Tổng Bí thư Tô Lâm và các lãnh đạo chủ chốt "
            "Việt Nam, cho biết Trung Quốc coi trọng quan hệ.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Phạm Minh Chính" in attended and "Tô Lâm" not in attended


def test_the_reports_source_named_before_the_lead_takes_no_part(run):
    x = run("Theo TTXVN, sáng 18-7, Chủ tịch nước Tô Lâm đã chủ trì phiên họp thứ 5 Hội đồng Quốc phòng và An ninh.")
    bodies = {o for o, _, _ in rels(x, "PARTICIPATED_IN")}
    assert "Hội đồng Quốc phòng và An ninh" in bodies
    assert "Thông tấn xã Việt Nam" not in bodies


def test_a_person_named_as_the_owner_of_something_did_not_attend(run):
    x = run("Ngày 2/2, Hội đồng Lý luận Trung ương tổ chức hội thảo. Nhắc lại phát biểu của Tổng Bí thư Tô Lâm tại "
            "phiên bế mạc, ông Nguyễn Xuân Thắng cho rằng cần làm ngay.")
    assert not any(p == "Tô Lâm" for p, _, _ in rels(x, "ATTENDED"))
    assert any(p == "Nguyễn Xuân Thắng" for p, _, _ in rels(x, "ATTENDED"))
    # presiding is being there
    y = run("Chiều 27/11, Quốc hội họp phiên toàn thể dưới sự điều hành của Chủ tịch Quốc hội Trần Thanh Mẫn.")
    assert any(p == "Trần Thanh Mẫn" for p, _, _ in rels(y, "ATTENDED"))


def test_a_national_hero_honoured_at_a_ceremony_is_not_an_attendee(run):
    x = run("Dâng hương tưởng niệm Anh hùng dân tộc Nguyễn Trung Trực\n29/09/2024\n\nDự lễ có nguyên Thủ tướng Chính "
            "phủ Nguyễn Tấn Dũng; Bí thư Tỉnh ủy Kiên Giang Đỗ Thanh Bình. Tại lễ dâng hương, Phó Chủ tịch UBND "
            "tỉnh Kiên Giang Nguyễn Lưu Trung đã đọc diễn văn công đức Anh hùng dân tộc Nguyễn Trung Trực; nhấn mạnh "
            "hai chiến công.")
    attendees = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Nguyễn Trung Trực" not in attendees and "Nguyễn Tấn Dũng" in attendees


def test_whom_a_decision_concerns_after_what_it_decides_is_not_present(run):
    x = run("Ngày 19-6 tại Hà Nội, Ban Bí thư họp, thi hành kỷ luật đảng đối với Phó đô đốc Nguyễn Văn Tình, "
            "nguyên Tư lệnh Quân chủng Hải quân. Chiều 15/6, ông Phạm Minh Chính xác nhận việc tạm dừng bầu chức "
            "danh Phó chủ tịch UBND tỉnh với ông Trịnh Xuân Thanh.")
    attended = {a for a, _, _ in rels(x, "ATTENDED")}
    assert "Nguyễn Văn Tình" not in attended and "Trịnh Xuân Thanh" not in attended
    assert "Nguyễn Văn Tình" in names(x, "Person")  # a navy rank is an honorific, not part of the name


def test_whom_a_ceremony_posts_is_there_however_late_the_report_says_so(run):
    filler = " ".join(f"Đơn vị thứ {i} đã hoàn thành nhiệm vụ được giao." for i in range(10))
    x = run("Sáng 20/6, Bộ Công an tổ chức lễ công bố quyết định bổ nhiệm Giám đốc Công an tỉnh. " + filler
            + " Cũng tại buổi lễ, Cục Tổ chức cán bộ đã công bố Quyết định của Bộ trưởng về việc điều động, "
            "bổ nhiệm cán bộ đối với Đại tá Nguyễn Hồng Phong, Giám đốc Công an tỉnh Hà Tĩnh.")
    assert "Nguyễn Hồng Phong" in {a for a, _, _ in rels(x, "ATTENDED")}


def test_those_who_accompany_the_principal_attend(run):
    x = run("Sáng 13/11, Thủ tướng Chính phủ Nguyễn Xuân Phúc đã lên đường tham dự Hội nghị Cấp cao ASEAN lần thứ 33 "
            "tại Singapore. Tháp tùng Thủ tướng Chính phủ Nguyễn Xuân Phúc có Phó Thủ tướng Chính phủ Phạm Bình "
            "Minh; Bộ trưởng Bộ Công Thương Trần Tuấn Anh.")
    assert {"Nguyễn Xuân Phúc", "Phạm Bình Minh", "Trần Tuấn Anh"} <= {a for a, _, _ in rels(x, "ATTENDED")}


def test_a_foreign_official_quoted_is_not_at_a_vietnamese_sitting(run):
    text = ("Chiều 22/5/2024, tại Kỳ họp thứ 7 Quốc hội khóa XV, Chủ tịch nước Tô Lâm phát biểu nhậm chức. "
            "Chủ tịch nước Cộng hòa Nhân dân Trung Hoa Tập Cận Bình bày tỏ vui mừng trước tin ông được bầu. "
            "Tổng thống Vladimir Putin cho biết Nga coi trọng quan hệ. Đại biểu T. Q. T phát biểu tại kỳ họp.")
    attended = {p for p, _, _ in rels(run(text), "ATTENDED")}
    assert {"Tô Lâm", "T. Q. T"} <= attended
    assert not {"Tập Cận Bình", "Vladimir Putin"} & attended
    # at a foreign state's sitting, or a visit, those who speak were there
    visit = run("Chiều 22/5/2024, tại Kỳ họp thứ 7 Quốc hội Lào khóa IX, Tổng thống Vladimir Putin phát biểu.")
    assert "Vladimir Putin" in {p for p, _, _ in rels(visit, "ATTENDED")}


def test_a_verb_in_a_bodys_name_or_past_a_semicolon_says_no_one_spoke(run):
    x = run("Ngày 20/9/2018, Ban Bí thư đã họp dưới sự chủ trì của Tổng Bí thư Nguyễn Phú Trọng. Ủy ban Kiểm "
            "tra Trung ương nhận thấy vi phạm của ông Nguyễn Phong Quang - nguyên Phó trưởng ban; ông Nguyễn Quốc "
            "Việt - Phó trưởng Ban chỉ đạo; ông Nguyễn Văn Út - Chánh Văn phòng Ban chỉ đạo. Ủy ban quyết định khiển "
            "trách đối với bà Sơn Thị Quanh Ni; đề nghị Ban Bí thư xem xét.")
    attended = {p for p, _, _ in rels(x, "ATTENDED")}
    assert "Nguyễn Phú Trọng" in attended
    assert not {"Nguyễn Quốc Việt", "Nguyễn Văn Út", "Sơn Thị Quanh Ni"} & attended


def test_a_representatives_body_with_its_owner_after_a_dash_takes_part(run):
    x = run("Công an tỉnh Bình Dương công bố quyết định\nNgày 5-3, Công an tỉnh Bình Dương tổ chức lễ công bố "
            "quyết định của Bộ trưởng Bộ Công an về công tác cán bộ. Đại diện Cục Tổ chức cán bộ - Bộ Công an đã "
            "thông báo quyết định của Bộ trưởng.")
    assert "Cục Tổ chức cán bộ" in {a for a, _, _ in rels(x, "PARTICIPATED_IN")}


def test_everyone_a_disciplinary_decision_is_about_was_not_at_its_session(run):
    x = run("Kỷ luật lãnh đạo huyện\n\nTại kỳ họp thứ 5, Ủy ban Kiểm tra Tỉnh ủy Đắk Lắk đã thi hành kỷ luật bằng hình "
            "thức khiển trách đối với ông Lê Văn Đông, Chủ tịch UBND huyện Krông Bông và ông Trần Văn Ánh, Phó chủ "
            "tịch UBND huyện Krông Bông.")
    attended = {a for a, _, _ in rels(x, "ATTENDED")}
    assert not attended & {"Lê Văn Đông", "Trần Văn Ánh"}


def test_bodies_spoken_for_with_a_lower_case_head_take_part(run):
    x = run("Hội nghị Trung ương 10\nSáng 16/5/2019, Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XII "
            "khai mạc tại Hà Nội. Phát biểu khai mạc Hội nghị, thay mặt bộ Chính trị, Ban Bí thư, Tổng Bí thư Nguyễn "
            "Phú Trọng chào mừng các đại biểu.")
    assert {"Bộ Chính trị", "Ban Bí thư Trung ương Đảng"} <= {a for a, _, _ in rels(x, "PARTICIPATED_IN")}
