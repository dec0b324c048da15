import pytest

from tests.extract.conftest import names, rels


def _directives(x):
    return {e.name: e for e in x.entities if e.type == "Directive"}


def test_numbered_directive_with_stated_issuer_and_subject(run):
    x = run("Đảng ủy Bộ Y tế triển khai thực hiện Chỉ thị số 05 của Bộ Chính trị về học tập tư tưởng.")
    d = _directives(x)["Chỉ thị số 05"]
    assert d.props["kind"] == "Chỉ thị" and d.props["number"] == "05"
    assert ("Chỉ thị số 05", "Bộ Chính trị", None) in rels(x, "ISSUED_BY")
    assert ("Đảng ủy Bộ Y tế", "Chỉ thị số 05", None) in rels(x, "IMPLEMENTS")


def test_issuer_encoded_in_the_symbol(run):
    x = run("Thực hiện Quyết định 1234/QĐ-TTg và Nghị quyết 580/NQ-UBTVQH14, tỉnh đã triển khai.")
    d = _directives(x)
    assert d["Quyết định số 1234/QĐ-TTg"].props["symbol"] == "1234/QĐ-TTg"
    issued = rels(x, "ISSUED_BY")
    assert ("Quyết định số 1234/QĐ-TTg", "Thủ tướng Chính phủ", None) in issued
    assert ("Nghị quyết số 580/NQ-UBTVQH14", "Ủy ban Thường vụ Quốc hội", None) in issued


def test_applies_to_bodies_named_in_the_subject(run):
    x = run("Nghị quyết số 12 của UBTVQH về việc hợp nhất Văn phòng HĐND và Văn phòng UBND cấp tỉnh.")
    applies = {b for a, b, _ in rels(x, "APPLIES_TO")}
    assert applies == {"Văn phòng Hội đồng nhân dân", "Văn phòng Ủy ban nhân dân cấp tỉnh"}


def test_quantities_and_generic_mentions_are_not_directives(run):
    x = run("Quốc hội quyết định kế hoạch 5 năm và các nghị quyết của Trung ương.")
    assert _directives(x) == {}


def test_named_laws_and_congress_resolutions(run):
    x = run("Học tập Nghị quyết Đại hội XIII của Đảng và thực hiện luật Đất đai (Điều 38).")
    assert {"Nghị quyết Đại hội XIII của Đảng", "Luật Đất đai"} <= set(_directives(x))


def test_a_level_less_issuer_code_names_the_reports_own_body(run):
    x = run("UBND tỉnh Lào Cai họp. Quyết định số 2151/QĐ-UBND bổ nhiệm ông Lê Văn Minh được công bố.")
    assert ("Quyết định số 2151/QĐ-UBND", "Ủy ban nhân dân tỉnh Lào Cai", None) in rels(x, "ISSUED_BY")
    y = run("UBND tỉnh Lào Cai và UBND tỉnh Yên Bái họp. Quyết định số 2151/QĐ-UBND được công bố.")
    assert {t for _, t, _ in rels(y, "ISSUED_BY")} == {"Ủy ban nhân dân"}  # which one is not said


def test_a_place_in_a_directives_subject_is_what_it_concerns(run):
    x = run("Tỉnh ủy thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị về phương hướng phát triển tỉnh Nghệ An.")
    assert ("Nghị quyết số 26-NQ/TW", "Nghệ An", None) in rels(x, "APPLIES_TO")


def test_a_laws_name_goes_on_in_lower_case_until_a_word_that_ends_it(run):
    x = run(
        "Đề nghị thực hiện Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở năm 2023; "
        "Luật Thực hiện dân chủ ở cơ sở và Luật Đất đai năm 2024. Thi hành Luật Ngân sách Nhà nước."
    )
    assert {e.name for e in x.entities if e.type == "Directive"} == {
        "Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "Luật Thực hiện dân chủ ở cơ sở",
        "Luật Đất đai", "Luật Ngân sách Nhà nước"}


def test_a_laws_name_does_not_swallow_the_verb_after_it(run):
    x = run("Triển khai Luật Đất đai đảm bảo quyền lợi người dân.")
    assert {e.name for e in x.entities if e.type == "Directive"} == {"Luật Đất đai"}


def test_an_issuer_stated_in_prose_before_an_issuing_verb(run):
    x = run("Chính phủ ban hành Nghị quyết 12.3/2026/NQ-CP về phát triển. Quốc hội đã thông qua Luật Đất đai. "
            "UBND tỉnh Nghệ An ban hành Quyết định số 15 về giá đất.")
    issued = rels(x, "ISSUED_BY")
    assert ("Nghị quyết số 12.3/2026/NQ-CP", "Chính phủ", None) in issued
    assert ("Luật Đất đai", "Quốc hội", None) in issued
    assert ("Quyết định số 15", "Ủy ban nhân dân tỉnh Nghệ An", None) in issued


def test_a_bare_title_before_an_issuing_verb_names_its_body(run):
    x = run("Thủ tướng vừa ký Công điện số 9 về ứng phó bão.")
    assert ("Công điện số 9", "Chính phủ", None) in rels(x, "ISSUED_BY")


def test_a_ministrys_code_in_a_symbol_is_that_ministry(run):
    x = run("Các doanh nghiệp thực hiện theo Thông tư số 42/2025/TT-BCT.")
    assert {o for _, o, _ in rels(x, "ISSUED_BY")} == {"Bộ Công Thương"}


def test_implements_only_the_directives_the_verb_governs(run):
    x = run("Sở Tư pháp triển khai thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Kế hoạch số 12-KH/TU; "
            "trong năm, tỉnh cũng đã tổng kết việc sửa đổi Nghị quyết số 30 về cải cách hành chính.")
    done = {d for o, d, _ in rels(x, "IMPLEMENTS") if o == "Sở Tư pháp"}
    assert done == {"Chỉ thị số 05-CT/TW", "Kế hoạch số 12-KH/TU"}


@pytest.mark.parametrize(("text", "name"), [
    ("Thực hiện Nghị quyết Trung ương 4 khóa XII.", "Nghị quyết Trung ương 4 khóa XII"),
    ("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ 17, tỉnh đạt nhiều kết quả.",
     "Nghị quyết Đại hội Đảng bộ tỉnh Hải Dương lần thứ 17"),
    ("Tiếp tục thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Bình.",
     "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Bình"),
])
def test_a_resolution_named_by_the_meeting_that_passed_it(run, text, name):
    x = run(text)
    assert name in {e.name for e in x.entities if e.type == "Directive"}


def test_a_body_in_an_earlier_sentence_does_not_carry_out_a_directive(run):
    x = run("Chính phủ họp phiên thường kỳ. Cần tiếp tục thực hiện Nghị quyết số 54/2017/QH14 về thành phố.")
    assert not rels(x, "IMPLEMENTS")


def test_a_directive_neither_binds_nor_is_carried_out_by_its_issuer(run):
    x = run("Bộ Chính trị ban hành Kết luận số 126-KL/TW. Bộ Chính trị yêu cầu thực hiện Kết luận số 126-KL/TW "
            "về một số nội dung của Bộ Chính trị.")
    assert ("Kết luận số 126-KL/TW", "Bộ Chính trị", None) in rels(x, "ISSUED_BY")
    assert not [r for r in rels(x, "APPLIES_TO") if r[1] == "Bộ Chính trị"]
    assert not [r for r in rels(x, "IMPLEMENTS") if r[0] == "Bộ Chính trị"]


def test_a_congress_resolution_ends_with_the_party_organisations_name(run):
    x = run("Thực hiện Nghị quyết Đại hội XI Đảng bộ tỉnh và nghị quyết đại hội đảng các cấp đã đề ra.")
    assert {e.name for e in x.entities if e.type == "Directive"} == {"Nghị quyết Đại hội XI Đảng bộ tỉnh"}


def test_a_law_named_with_its_year_keeps_the_year_as_a_name_of_it(run):
    x = run("Ông Lê Văn Hải vi phạm quy định của luật Xây dựng năm 2003 và Luật Đất đai.")
    laws = {e.name: e.aliases for e in x.entities if e.type == "Directive"}
    assert "Luật Xây dựng năm 2003" in laws["Luật Xây dựng"]
    assert not any("năm" in a for a in laws["Luật Đất đai"])


def test_a_body_that_asks_others_to_carry_out_a_directive_does_not_implement_it(run):
    x = run("Bộ Chính trị yêu cầu các cấp ủy thực hiện nghiêm Chỉ thị số 05-CT/TW.")
    assert not rels(x, "IMPLEMENTS")
    y = run("UBND tỉnh Nghệ An đã chỉ đạo triển khai thực hiện Nghị định số 100/2019/NĐ-CP.")
    assert {s for s, _, _ in rels(y, "IMPLEMENTS")} == {"Ủy ban nhân dân tỉnh Nghệ An"}
    # the body must be the verb's subject, in the same clause
    z = run("Ban Nội chính Trung ương đã tổ chức hội nghị tổng kết; các địa phương thực hiện Kết luận số 12-KL/TW.")
    assert ("Ban Nội chính Trung ương", "Kết luận số 12-KL/TW", None) not in rels(z, "IMPLEMENTS")


def test_a_document_about_a_central_bodys_work_does_not_bind_it(run):
    x = run("Ngày 5/6/2024, Tỉnh ủy Nghệ An quán triệt Kết luận số 126-KL/TW về một số nội dung của Bộ Chính trị"
            " và Chính phủ, áp dụng tại UBND tỉnh Nghệ An.")
    targets = {t for _, t, _ in rels(x, "APPLIES_TO")}
    assert not targets & {"Bộ Chính trị", "Chính phủ"}


def test_a_document_in_which_a_bare_title_acts_is_issued_by_the_titles_body(run):
    x = run("Cụ thể, tại Quyết định số 654, Thủ tướng bổ nhiệm lại Thượng tướng Phùng Sĩ Tấn giữ chức "
            "Phó Tổng Tham mưu trưởng Quân đội Nhân dân Việt Nam.")
    assert ("Quyết định số 654", "Chính phủ", None) in rels(x, "ISSUED_BY")
    y = run("Tại Quyết định số 12, Thủ tướng Phạm Minh Chính giao Bộ Tài chính chủ trì.")
    assert not rels(y, "ISSUED_BY") - {("Quyết định số 12", "Chính phủ", None)}


def test_a_prime_ministers_decision_is_also_the_governments(run):
    x = run("Thủ tướng vừa có Quyết định số 39/QĐ-TTg bổ nhiệm ông Nguyễn Văn A giữ chức Thứ trưởng Bộ Tài chính.")
    assert {o for _, o, _ in rels(x, "ISSUED_BY")} >= {"Chính phủ"}


def test_a_numbered_treaty_is_a_document(run):
    x = run("Việt Nam phê chuẩn Công ước số 98 về quyền tổ chức và thương lượng tập thể.")
    assert "Công ước số 98" in names(x, "Directive")


def test_an_international_organization_issues_its_convention(run):
    x = run("Việt Nam phê chuẩn Công ước số 98 của Tổ chức Lao động quốc tế (ILO).")
    assert ("Công ước số 98", "Tổ chức Lao động Quốc tế", None) in rels(x, "ISSUED_BY")


def test_a_year_after_a_kind_is_no_document_number(run):
    x = run("Các quốc gia thành viên của Công ước 1982 cần tuân thủ. HĐND ban hành Nghị quyết số 2024 về ngân sách.")
    assert names(x, "Directive") == {"Nghị quyết số 2024"}  # with "số" it is a number


def test_a_directive_named_in_lower_case_by_its_number_alone(run):
    x = run("Ngày 26-4, Ủy ban Thường vụ Quốc hội đã ban hành nghị quyết 1046 đồng ý đề nghị của viện trưởng Viện "
            "Kiểm sát nhân dân tối cao về việc khởi tố đối với ông Dương Văn Thái thuộc Đoàn đại biểu Quốc hội tỉnh "
            "Bắc Giang. Ủy ban Kiểm tra đã thi hành kỷ luật 27 đảng viên; kế hoạch 5 năm được thông qua.")
    assert names(x, "Directive") == {"Nghị quyết số 1046"}
    assert ("Nghị quyết số 1046", "Ủy ban Thường vụ Quốc hội", None) in rels(x, "ISSUED_BY")
    # a decision about a person binds no body the text names after the person
    assert not rels(x, "APPLIES_TO")


def test_a_directive_written_with_its_year_and_no_so_is_a_directive_of_its_issuer(run):
    x = run("UBND tỉnh Nghệ An báo cáo tình hình tổ chức thực hiện Nghị quyết 16 năm 2012 của HĐND tỉnh Nghệ An.")
    assert ("Nghị quyết số 16", "Hội đồng nhân dân tỉnh Nghệ An", None) in rels(x, "ISSUED_BY")
    assert ("Ủy ban nhân dân tỉnh Nghệ An", "Nghị quyết số 16", None) in rels(x, "IMPLEMENTS")
    # a number of years is still no document ("nghị quyết 5 năm")
    assert not names(run("Tỉnh thực hiện Nghị quyết 5 năm qua."), "Directive")


def test_laws_named_in_lower_case_after_a_capital_luat(run):
    x = run("Quốc hội xem xét 3 dự án luật gồm Luật tiếp cận thông tin; Luật báo chí (sửa đổi); Luật dược (sửa đổi).")
    assert {"Luật Tiếp cận thông tin", "Luật Báo chí sửa đổi", "Luật Dược sửa đổi"} <= names(x, "Directive")
    # no law's name: a lawyer, "this law", a law that "includes", a verb after the name
    for text in ("Luật sư Nguyễn Văn An cho biết.", "Luật này có hiệu lực.", "Dự án Luật gồm 6 chương.",
                 "Luật đất đai quy định rõ."):
        assert not names(run(text), "Directive"), text


def test_an_amending_law_is_named_through_the_laws_it_amends_which_are_named_too(run):
    x = run("Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức.")
    assert names(x, "Directive") == {
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
        "Luật Cán bộ, công chức", "Luật Viên chức"}
    # a list of amending laws stays a list
    y = run("Quốc hội thông qua Luật sửa đổi, bổ sung một số điều của Luật Dược, Luật sửa đổi, bổ sung một số điều "
            "của Luật Bảo hiểm y tế.")
    assert {"Luật sửa đổi, bổ sung một số điều của Luật Dược",
            "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"} <= names(y, "Directive")


def test_a_law_in_a_list_set_off_by_semicolons_is_named_to_its_semicolon(run):
    x = run("Quốc hội xem xét các dự án luật gồm Luật tiếp cận thông tin; Luật ký kết, gia nhập và thực hiện điều "
            "ước quốc tế (sửa đổi); Luật thuế xuất khẩu, thuế nhập khẩu (sửa đổi).")
    assert {"Luật Ký kết, gia nhập và thực hiện điều ước quốc tế sửa đổi",
            "Luật Thuế xuất khẩu, thuế nhập khẩu sửa đổi"} <= names(x, "Directive")


def test_a_body_that_leads_in_a_documents_subject_is_not_what_it_binds(run):
    x = run("Sở thực hiện Nghị quyết số 05 của Tỉnh ủy Thanh Hóa về tăng cường sự lãnh đạo của Đảng đối với công "
            "tác bảo vệ môi trường.")
    assert not any(o == "Đảng Cộng sản Việt Nam" for _, o, _ in rels(x, "APPLIES_TO"))
    y = run("Ban Bí thư ban hành Chỉ thị số 21 về nâng cao hiệu quả hoạt động của Hội Luật gia Việt Nam.")
    assert ("Chỉ thị số 21", "Hội Luật gia Việt Nam", None) in rels(y, "APPLIES_TO")


def test_a_type_code_set_apart_from_the_number_is_part_of_it_and_a_lower_case_issuer_issues_it(run):
    x = run("Ông A vi phạm Quy định số 47 - QĐ/TW ngày 1/11/2011 của ban Chấp hành Trung ương Đảng và Quy định số "
            "101 - QĐ/TW ngày 7/6/2012 của ban Bí thư; Quy định số 5946 - QĐ/TU ngày 13/9/2012 của Thành ủy Đà Nẵng.")
    assert names(x, "Directive") == {"Quy định số 47-QĐ/TW", "Quy định số 101-QĐ/TW", "Quy định số 5946-QĐ/TU"}
    issued = {(d, o) for d, o, _ in rels(x, "ISSUED_BY")}
    assert ("Quy định số 101-QĐ/TW", "Ban Bí thư Trung ương Đảng") in issued
    assert ("Quy định số 5946-QĐ/TU", "Thành ủy Đà Nẵng") in issued


def test_a_resolution_named_by_the_central_committees_plenum_is_a_directive_it_issued(run):
    x = run("Căn cứ Nghị quyết của Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XII, Ủy ban Thường vụ Quốc "
            "hội giới thiệu ông A. Tỉnh ủy triển khai nghị quyết Hội nghị Trung ương 6 khóa XII về y tế. Các nghị "
            "quyết đại hội đảng được quán triệt.")
    assert names(x, "Directive") == {"Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XII",
                                     "Nghị quyết Hội nghị Trung ương 6 khóa XII"}
    assert ("Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XII", "Ban Chấp hành Trung ương Đảng"
            ) in {(d, o) for d, o, _ in rels(x, "ISSUED_BY")}


def test_every_body_of_a_coordinated_subject_implements(run):
    x = run("Bộ Y tế, Bộ Công Thương và UBND tỉnh Lạng Sơn chịu trách nhiệm tổ chức thực hiện Nghị định số "
            "46/2026/NĐ-CP.")
    doers = {o for o, d, _ in rels(x, "IMPLEMENTS") if d == "Nghị định số 46/2026/NĐ-CP"}
    assert doers == {"Bộ Y tế", "Bộ Công Thương", "Ủy ban nhân dân tỉnh Lạng Sơn"}


def test_a_list_of_directives_with_their_subjects_may_run_on_over_semicolons(run):
    x = run("UBND TP HCM sẽ báo cáo tình hình tổ chức thực hiện Nghị quyết 16 năm 2012 của HĐND thành phố về lập, "
            "quản lý quy hoạch đô thị trên địa bàn thành phố; Nghị quyết số 28 của HĐND thành phố về chỉ tiêu nhà ở.")
    done = {d for o, d, _ in rels(x, "IMPLEMENTS")}
    assert {"Nghị quyết số 16", "Nghị quyết số 28"} <= done
    # a clause after ";" that does not open with a directive ends the list
    y = run("UBND tỉnh Nghệ An tổ chức thực hiện Nghị quyết số 16 của HĐND tỉnh; sau đó Sở Tài chính báo cáo Nghị "
            "quyết số 28.")
    assert "Nghị quyết số 28" not in {d for o, d, _ in rels(y, "IMPLEMENTS")}


def test_a_congress_resolution_written_with_its_kind_in_lower_case(run):
    x = run("Hội nghị đánh giá nửa nhiệm kỳ thực hiện nghị quyết Đại hội XII của Đảng.")
    assert "Nghị quyết Đại hội XII của Đảng" in names(x, "Directive")
    assert not names(run("Đây là nghị quyết đại hội đảng các cấp."), "Directive")  # any congress's


def test_a_joint_stock_commercial_bank_written_out_is_a_company(run):
    written_out = names(run("Vụ án xảy ra tại Ngân hàng thương mại cổ phần Đông Á."), "Organization")
    assert [n.lower() for n in written_out] == ["ngân hàng thương mại cổ phần đông á"]


def test_a_directives_subject_ends_where_a_clause_of_its_own_opens(run):
    x = run("Tiếp tục thực hiện Nghị quyết số 230-NQ/QUTW của Quân ủy Trung ương về điều chỉnh tổ chức, biên chế Quân "
            "đội giai đoạn 2025-2030 và những năm tiếp theo, Bộ Quốc phòng quyết định sáp nhập Tổng cục Hậu cần.")
    bound = {b for d, b, _ in rels(x, "APPLIES_TO") if d.startswith("Nghị quyết số 230")}
    assert "Bộ Quốc phòng" not in bound and "Tổng cục Hậu cần" not in bound
    # a list of bodies in the subject goes on
    y = run("Tổng kết Nghị quyết số 580 của UBTVQH về việc thí điểm hợp nhất Văn phòng Đoàn ĐBQH, Văn phòng HĐND và "
            "Văn phòng UBND cấp tỉnh.")
    assert len({b for d, b, _ in rels(y, "APPLIES_TO")}) >= 2


def test_an_issuer_a_sentence_names_wins_over_the_symbols(run):
    x = run("Hội nghị quán triệt Nghị quyết số 79-NQ/TW về phát triển kinh tế Nhà nước. Nghị quyết số 79-NQ/TW của Bộ "
            "Chính trị là bước đổi mới quan trọng trong phát triển văn hóa Việt Nam.")
    assert {i for d, i, _ in rels(x, "ISSUED_BY")} == {"Bộ Chính trị"}
    assert not any(t == "Việt Nam" for _, t, _ in rels(x, "APPLIES_TO"))  # the home country binds nothing


def test_a_law_named_after_theo_is_a_law(run):
    # "theo Luật …" (under the law …) names the law; "kỷ luật", "pháp luật", "dự luật" name none
    x = run("Việc thu hồi đất được thực hiện theo Luật Đất đai năm 2013. Theo Luật Tổ chức Quốc hội, "
            "Ủy ban Thường vụ Quốc hội giám sát. Ông bị kỷ Luật cảnh cáo.")
    assert {"Luật Đất đai", "Luật Tổ chức Quốc hội"} <= set(_directives(x))
    assert not any(n.startswith("Luật cảnh") for n in _directives(x))


def test_a_congress_resolution_numbered_in_digits_is_named_as_the_party_numbers_it(run):
    x = run("Ban Nội chính hoàn thành tốt nhiệm vụ, góp phần thực hiện thắng lợi Nghị quyết Đại hội 12 của Đảng.")
    d = _directives(x)
    assert "Nghị quyết Đại hội XII của Đảng" in d
    assert "Nghị quyết Đại hội 12 của Đảng" in d["Nghị quyết Đại hội XII của Đảng"].aliases


def test_an_issuer_code_written_apart_by_a_spaced_dash(run):
    x = run("Ngày 9/9/2019, tại Quyết định 1144/QĐ - TTg, Thủ tướng quyết định kỷ luật ông A. Theo Quyết định "
            "12/QĐ - Sở Nội vụ cho biết.")
    assert {"Quyết định số 1144/QĐ-TTg", "Quyết định số 12/QĐ"} <= names(x, "Directive")
    assert ("Quyết định số 1144/QĐ-TTg", "Chính phủ", None) in rels(x, "ISSUED_BY")


def test_the_issuers_code_is_the_first_known_one_after_the_number(run):
    x = run("Ngày 5/3/2019, Văn phòng Chính phủ có Công văn số 4432/VPCP-CN gửi các bộ. Báo dẫn Kết luận số "
            "08/KL - TTr của Thanh tra tỉnh Gia Lai.")
    assert {"Công văn số 4432/VPCP-CN", "Kết luận số 08/KL-TTr"} <= names(x, "Directive")
    issued = rels(x, "ISSUED_BY")
    assert ("Công văn số 4432/VPCP-CN", "Văn phòng Chính phủ", None) in issued  # (CN: the unit that drafted it)
    assert ("Kết luận số 08/KL-TTr", "Thanh tra tỉnh Gia Lai", None) in issued


def test_a_body_that_has_just_made_a_decision_issued_it(run):
    x = run("UBND tỉnh Ninh Bình vừa có quyết định số 512/QĐ-UBND ngày 3/5 về việc thiết lập vùng cách ly.\n"
            "04/05/2021\n\nUBND tỉnh Ninh Bình giao UBND huyện Kim Sơn chủ trì, phối hợp với Sở Y tế.")
    assert ("Quyết định số 512/QĐ-UBND", "Ủy ban nhân dân tỉnh Ninh Bình", None) in rels(x, "ISSUED_BY")
    assert "Ủy ban nhân dân" not in names(x, "Organization")


def test_the_bodies_a_reports_decision_tasks_are_bound_by_it(run):
    x = run("UBND tỉnh Ninh Bình vừa có quyết định số 512/QĐ-UBND ngày 3/5 về việc thiết lập vùng cách ly.\n"
            "04/05/2021\n\nTheo đó, vùng cách ly gồm toàn bộ thôn Đông. UBND tỉnh Ninh Bình giao UBND huyện Kim "
            "Sơn chủ trì, phối hợp với Sở Y tế, Công an tỉnh thiết lập các chốt kiểm soát.")
    bound = {b for a, b, _ in rels(x, "APPLIES_TO") if a == "Quyết định số 512/QĐ-UBND"}
    assert {"Ủy ban nhân dân huyện Kim Sơn", "Sở Y tế tỉnh Ninh Bình", "Công an tỉnh Ninh Bình"} <= bound
    assert "Ủy ban nhân dân tỉnh Ninh Bình" not in bound  # the issuer
    y = run("UBND tỉnh Ninh Bình giao UBND huyện Kim Sơn chủ trì.\n04/05/2021\n\nQuyết định số 512/QĐ-UBND của "
            "UBND tỉnh Ninh Bình có hiệu lực.")
    assert not rels(y, "APPLIES_TO")  # the task came before the decision was named: not the decision's


def test_a_document_sent_to_bodies_binds_them(run):
    x = run("Bộ Y tế ban hành Công điện khẩn số 578/CĐ-BYT ngày 29/4/2021 gửi UBND các tỉnh, thành phố: Hà Nam, Đà "
            "Nẵng, TP Hồ Chí Minh về khẩn trương điều tra, truy vết.")
    assert ("Công điện số 578/CĐ-BYT", "Bộ Y tế", None) in rels(x, "ISSUED_BY")  # (past "khẩn")
    bound = {b for a, b, _ in rels(x, "APPLIES_TO")}
    assert bound == {"Ủy ban nhân dân tỉnh Hà Nam", "Ủy ban nhân dân thành phố Đà Nẵng",
                     "Ủy ban nhân dân Thành phố Hồ Chí Minh"}  # (a city whose name says its level, once)
