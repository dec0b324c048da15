from tests.extract.conftest import rels


def test_the_executive_answering_the_assembly_reports_to_it(run):
    x = run("Sáng 6/6, Phó Thủ tướng Phạm Bình Minh thay mặt Chính phủ trả lời chất vấn của đại biểu Quốc hội.")
    assert ("Chính phủ", "Quốc hội", None) in rels(x, "REPORTS_TO")
    # a minister speaks for the Government too
    x = run("Bộ trưởng Bộ Tài chính Hồ Đức Phớc trình Quốc hội dự án Luật Thuế. Chính phủ đã họp.")
    assert ("Chính phủ", "Quốc hội", None) in rels(x, "REPORTS_TO")


def test_the_assembly_must_be_the_object_of_the_accountability_word(run):
    x = run("Chính phủ trình Ủy ban Thường vụ Quốc hội dự thảo nghị định. Quốc hội sẽ họp.")
    assert ("Chính phủ", "Quốc hội", None) not in rels(x, "REPORTS_TO")
    x = run("Chính phủ đã họp. Bộ trưởng Bộ Tài chính Hồ Đức Phớc trình bày tại Quốc hội chiều 23/10.")
    assert ("Chính phủ", "Quốc hội", None) not in rels(x, "REPORTS_TO")


def test_two_owners_of_nouns_in_a_list_have_no_reporting_line(run):
    x = run("Hội nghị quán triệt các nghị quyết của Đảng, nhất là chỉ đạo của Bộ Chính trị về phòng chống tham nhũng. "
            "Tỉnh ủy Nam Định chờ ý kiến chỉ đạo của Ban Bí thư.")
    lines = {(a, b) for a, b, _ in rels(x, "REPORTS_TO")}
    assert not any(a == "Đảng Cộng sản Việt Nam" for a, _ in lines)
    assert ("Tỉnh ủy Nam Định", "Ban Bí thư Trung ương Đảng") in lines


def test_a_local_units_department_is_no_ministrys(run):
    x = run("Bộ Giáo dục và Đào tạo đã có văn bản. Phòng Văn hóa - Xã hội phường Quy Nhơn Nam xác định cô giáo đã có "
            "hành vi chỉnh sửa bài kiểm tra. Cục Quản lý thị trường tỉnh Bình Thuận, Tổng cục Quản lý thị trường cho "
            "biết.")
    parts = rels(x, "PART_OF")
    assert not any(s.startswith("Phòng Văn hóa") and o == "Bộ Giáo dục và Đào tạo" for s, o, _ in parts)
    assert ("Cục Quản lý thị trường tỉnh Bình Thuận", "Tổng cục Quản lý thị trường", None) in parts


def test_a_known_department_is_its_own_ministrys_and_a_branch_keeps_its_place(run):
    x = run("Bộ Nông nghiệp và Môi trường đang tổng hợp vướng mắc. Theo thống kê của Cục Hải quan, hàng hóa ùn tắc. "
            "Cục An toàn thực phẩm (Bộ Y tế) họp. Ông Bùi Văn Sang, Phó Giám đốc Kho bạc Nhà nước tỉnh Phú Yên cho "
            "biết. Cục Hải quan TP Hải Phòng thông báo.")
    parts = rels(x, "PART_OF")
    assert not any(s == "Cục Hải quan" for s, _, _ in parts)  # the Ministry of Finance's, not named here
    assert ("Cục An toàn thực phẩm", "Bộ Y tế", None) in parts
    posts = rels(x, "HOLDS_POSITION")
    assert ("Bùi Văn Sang", "Kho bạc Nhà nước tỉnh Phú Yên", "Phó Giám đốc") in posts
    assert "Cục Hải quan thành phố Hải Phòng" in {o for o in {e.name for e in x.entities}}


def test_a_unit_written_once_with_its_parent_is_that_parents_when_written_again_without(run):
    x = run("Lãnh đạo Cục CSGT (Bộ Công an) đã giao Phòng Cảnh sát giao thông (Công an TP. Hải Phòng) xác minh. Phòng "
            "Cảnh sát giao thông phối hợp với Công an phường Thành Đông mời chủ xe.")
    parents = {o for s, o, _ in rels(x, "PART_OF") if s == "Phòng Cảnh sát giao thông"}
    assert parents == {"Công an thành phố Hải Phòng"}


def test_a_report_of_a_body_named_after_it_is_no_line_to_it(run):
    x = run("Ông Chiến dẫn văn bản yêu cầu báo cáo của Thường trực HĐND tỉnh Nghệ An và khẳng định nội dung báo cáo "
            "của Sở Y tế tỉnh Nghệ An lạc đề.")
    assert ("Thường trực Hội đồng nhân dân tỉnh Nghệ An", "Sở Y tế tỉnh Nghệ An", None) not in rels(x, "REPORTS_TO")


def test_an_assembly_acting_on_the_executives_proposal_or_report_states_that_it_answers_to_it(run):
    x = run("Quốc hội chiều 18/2 thông qua Nghị quyết phê chuẩn đề nghị của Thủ tướng Chính phủ về việc bổ nhiệm "
            "Bộ trưởng.")
    assert ("Chính phủ", "Quốc hội") in {(a, b) for a, b, _ in rels(x, "REPORTS_TO")}
    y = run("Quốc hội dành 6 ngày để xem xét các báo cáo khác của Chính phủ.")
    assert ("Chính phủ", "Quốc hội") in {(a, b) for a, b, _ in rels(y, "REPORTS_TO")}
    z = run("Quốc hội thông qua Luật Tổ chức Chính phủ theo báo cáo của Ủy ban Pháp luật.")
    assert not rels(z, "REPORTS_TO") & {("Chính phủ", "Quốc hội", "")}


def test_a_partner_named_after_a_verb_of_directing_is_not_the_body_tasked(run):
    x = run("Sau khi Nghị quyết được thông qua, UBND thành phố Hà Nội được giao nhiệm vụ tập trung phối hợp với Bộ "
            "Nội vụ hoàn thiện hồ sơ.")
    assert not rels(x, "REPORTS_TO")


def test_every_body_of_a_list_given_a_task_reports_to_the_one_giving_it(run):
    x = run("Bộ Chính trị giao Ban cán sự đảng Chính phủ, Quân ủy Trung ương, Đảng ủy Công an Trung ương và Ban cán "
            "sự đảng Bộ Y tế chỉ đạo tăng cường tuần tra.")
    lines = {(a, b) for a, b, _ in rels(x, "REPORTS_TO")}
    for body in ("Ban cán sự đảng Chính phủ", "Quân ủy Trung ương", "Đảng ủy Công an Trung ương",
                 "Ban cán sự đảng Bộ Y tế"):
        assert (body, "Bộ Chính trị") in lines


def test_a_body_founded_as_the_purpose_of_a_merger_has_no_founder(run):
    x = run("Ban Dân vận Trung ương được hợp nhất với Ban Tuyên giáo Trung ương để thành lập Ban Tuyên giáo và Dân "
            "vận Trung ương. Chính phủ thành lập Ban Chỉ đạo quốc gia về chuyển đổi số.")
    lines = {(a, b) for a, b, _ in rels(x, "REPORTS_TO")}
    assert not any(a == "Ban Tuyên giáo và Dân vận Trung ương" for a, _ in lines)
    assert ("Ban Chỉ đạo quốc gia về chuyển đổi số", "Chính phủ") in lines


def test_a_body_acting_on_another_bodys_proposal_is_the_one_it_reports_to(run):
    for text, line in [
        ("Bộ Chính trị đã xem xét đề nghị của Ủy ban Kiểm tra Trung ương tại tờ trình số 122.",
         ("Ủy ban Kiểm tra Trung ương", "Bộ Chính trị")),
        ("Sau khi xem xét tờ trình của Ban Tổ chức Trung ương về việc phân công, Ban Bí thư quyết định.",
         ("Ban Tổ chức Trung ương", "Ban Bí thư Trung ương Đảng")),
        ("Quốc hội xem xét, quyết định theo đề nghị của Ủy ban Thường vụ Quốc hội.",
         ("Ủy ban Thường vụ Quốc hội", "Quốc hội")),
    ]:
        assert line in {(a, b) for a, b, _ in rels(run(text), "REPORTS_TO")}, text
    # no decider in the sentence, or a company proposing: no line
    assert not rels(run("Việc kỷ luật này dựa trên đề nghị của Ủy ban Kiểm tra Trung ương."), "REPORTS_TO")
    assert not rels(run("UBND tỉnh Nghệ An đã xem xét đề nghị của Công ty Hoàng Long."), "REPORTS_TO")


def test_a_parent_written_in_brackets_or_after_a_dash(run):
    for text, link in [
        ("Kết quả giám định tại Viện Khoa học Hình sự (Bộ Công an) là số 8.", ("Viện Khoa học Hình sự", "Bộ Công an")),
        ("Ông từng là Sư đoàn trưởng Sư đoàn 316 (Quân khu 2).", ("Sư đoàn 316", "Quân khu 2")),
        ("Ngày 15/9, Cơ quan Cảnh sát điều tra (C 46, Bộ Công an) khởi tố vụ án.",
         ("Cơ quan Cảnh sát điều tra", "Bộ Công an")),
        ("Ông Thanh đến Cơ quan An ninh điều tra - Bộ Công an đầu thú.", ("Cơ quan An ninh điều tra", "Bộ Công an")),
    ]:
        assert link in {(a, b) for a, b, _ in rels(run(text), "PART_OF")}, text
    # a dash also joins the bodies of a list: only a ministry after it is a parent
    assert not rels(run("Huyện ủy - HĐND - UBND huyện Nam Đàn họp."), "PART_OF")


def test_thuoc_ends_a_bodys_name_and_names_its_parent(run):
    x = run("Ông từng làm việc tại Viện MEMO thuộc Viện Hàn lâm Khoa học Nga.")
    assert ("Viện MEMO", "Viện Hàn lâm Khoa học Nga") in {(a, b) for a, b, _ in rels(x, "PART_OF")}
    # a unit listed before another of its kind is not that one's department
    y = run("Bộ KH&ĐT giao Cục Đầu tư nước ngoài, Trung tâm Xúc tiến đầu tư phía Bắc thuộc Cục Đầu tư nước ngoài triển "
            "khai thực hiện.")
    links = {(a, b) for a, b, _ in rels(y, "PART_OF")}
    assert ("Trung tâm Xúc tiến đầu tư phía Bắc", "Cục Đầu tư nước ngoài") in links
    assert ("Cục Đầu tư nước ngoài", "Trung tâm Xúc tiến đầu tư phía Bắc") not in links
    # a deputy "thuộc" a delegation: the deputy's, not the Assembly's
    z = run("Ông Trần Đình Văn, đại biểu Quốc hội thuộc Đoàn đại biểu Quốc hội tỉnh Lâm Đồng xin thôi nhiệm vụ.")
    assert ("Quốc hội", "Đoàn đại biểu Quốc hội tỉnh Lâm Đồng") not in {(a, b) for a, b, _ in rels(z, "PART_OF")}


def test_the_governments_office_and_inspectorate_are_part_of_it(run):
    # named for the Government as Văn phòng Quốc hội is for the Assembly: sub-bodies, not bodies answering to it
    x = run("Chủ nhiệm Văn phòng Chính phủ Mai Tiến Dũng và Tổng Thanh tra Chính phủ Lê Minh Khái dự phiên họp "
            "của Chính phủ.")
    part_of = rels(x, "PART_OF")
    assert {("Văn phòng Chính phủ", "Chính phủ", None), ("Thanh tra Chính phủ", "Chính phủ", None)} <= part_of
    assert not {(a, b) for a, b, _ in rels(x, "REPORTS_TO")} & {("Văn phòng Chính phủ", "Chính phủ"),
                                                              ("Thanh tra Chính phủ", "Chính phủ")}


def test_a_head_who_says_their_body_will_advise_another_speaks_for_the_body(run):
    x = run("Ông Phan Đình Trạc, Trưởng ban Nội chính Trung ương, khẳng định sẽ cố gắng để hoàn thành nhiệm vụ, tham "
            "mưu có hiệu quả cho Bộ Chính trị, Ban Bí thư. Ông Nguyễn Văn An, Giám đốc Sở Y tế tỉnh Bắc Kạn, cho biết "
            "trong thời gian tới ngành sẽ cố gắng nhiều hơn nữa để cấp dưới báo cáo Bộ Y tế.")
    up = {(a, b) for a, b, _ in rels(x, "REPORTS_TO")}
    ban = "Ban Nội chính Trung ương"
    assert {(ban, "Bộ Chính trị"), (ban, "Ban Bí thư Trung ương Đảng")} <= up
    # the verb's own subject just before it ("cấp dưới báo cáo"): not the head's body
    assert ("Sở Y tế tỉnh Bắc Kạn", "Bộ Y tế") not in up


def test_bodies_responsible_for_carrying_out_a_decree_implement_it(run):
    x = run("Các Bộ: Y tế, Công Thương, Tài chính, các bộ, cơ quan liên quan chịu trách nhiệm chuẩn bị đầy đủ các "
            "điều kiện cần thiết thực hiện Nghị định số 15/2025/NĐ-CP.")
    doers = {a for a, b, _ in rels(x, "IMPLEMENTS") if b == "Nghị định số 15/2025/NĐ-CP"}
    assert doers == {"Bộ Y tế", "Bộ Công Thương", "Bộ Tài chính"}
    y = run("Bộ Y tế đã làm việc với nhiều địa phương trong suốt ba tháng qua về tình hình dịch bệnh và sau đó mới "
            "thực hiện Nghị định số 15/2025/NĐ-CP.")
    assert not rels(y, "IMPLEMENTS")  # a long clause with no word of responsibility: not the subject's verb
