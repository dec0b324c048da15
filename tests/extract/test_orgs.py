import pytest

from kg.text import name_key
from tests.extract.conftest import names, rels


def test_abbreviations_expand_to_canonical_names_and_stay_aliases(run):
    x = run("Đảng ủy cơ quan VPQH đã phối hợp với Đảng đoàn QH và UBTVQH.")
    orgs = {e.name: e for e in x.entities if e.type == "Organization"}
    assert "Đảng ủy cơ quan Văn phòng Quốc hội" in orgs
    assert "Đảng ủy cơ quan VPQH" in orgs["Đảng ủy cơ quan Văn phòng Quốc hội"].aliases
    assert {"Văn phòng Quốc hội", "Đảng đoàn Quốc hội", "Ủy ban Thường vụ Quốc hội"} <= set(orgs)


def test_standing_bodies_are_part_of_the_body_they_name(run):
    x = run("Ban Thường vụ Tỉnh ủy Nghệ An và Ủy ban Kiểm tra Đảng ủy Bộ Y tế họp.")
    part_of = {(a, b) for a, b, _ in rels(x, "PART_OF")}
    assert ("Ban Thường vụ Tỉnh ủy Nghệ An", "Tỉnh ủy Nghệ An") in part_of
    assert ("Ủy ban Kiểm tra Đảng ủy Bộ Y tế", "Đảng ủy Bộ Y tế") in part_of
    assert "Bộ Y tế" in names(x, "Organization")


def test_locality_is_part_of_the_name_and_a_name_stops_at_the_verb(run):
    x = run("Sở Tài chính tỉnh Quảng Trị thừa ủy quyền trình bày. HĐND thành phố Cần Thơ họp.")
    assert {"Sở Tài chính tỉnh Quảng Trị", "Hội đồng nhân dân thành phố Cần Thơ"} <= names(x, "Organization")


def test_short_mention_merges_into_the_full_name_in_the_report(run):
    x = run("Đảng ủy cơ quan Bộ Ngoại giao họp. Đảng ủy cơ quan đã ban hành kế hoạch.")
    orgs = [e for e in x.entities if e.type == "Organization" and e.name.startswith("Đảng ủy cơ quan")]
    assert [e.name for e in orgs] == ["Đảng ủy cơ quan Bộ Ngoại giao"]
    assert len(orgs[0].evidence) == 2


def test_generic_locality_takes_the_one_province_the_report_names(run):
    x = run("Bộ Y tế làm việc với UBND tỉnh Thanh Hóa. Tham dự có lãnh đạo Sở Y tế, Tỉnh ủy và UBND tỉnh.")
    orgs = names(x, "Organization")
    assert {"Ủy ban nhân dân tỉnh Thanh Hóa", "Sở Y tế tỉnh Thanh Hóa", "Tỉnh ủy Thanh Hóa"} <= orgs
    assert "Ủy ban nhân dân tỉnh" not in orgs


def test_generic_locality_stays_generic_when_two_provinces_are_named(run):
    x = run("UBND tỉnh Nghệ An và UBND tỉnh Hà Tĩnh ký kết. Sở Y tế tham dự.")
    assert "Sở Y tế" in names(x, "Organization")


def test_bodies_named_only_by_their_level_are_marked_report_scoped(run):
    x = run("HĐND tỉnh và Sở Tài chính họp. Bộ Y tế dự.")
    scope = {e.name: e.props.get("scope") for e in x.entities if e.type == "Organization"}
    assert scope["Hội đồng nhân dân tỉnh"] == "report" and scope["Sở Tài chính"] == "report"
    assert scope["Bộ Y tế"] is None


def test_one_district_named_qualifies_the_districts_bodies(run):
    x = run(
        "Đại hội Đảng bộ huyện Kim Sơn lần thứ XXV khai mạc. Đồng chí Đinh Văn Hà, Bí thư Huyện ủy Kim Sơn "
        "phát biểu. Ban Thường vụ Huyện ủy và UBND huyện báo cáo. Đồng chí Lê Thị Mai, Phó Bí thư Huyện ủy dự."
    )
    orgs = names(x, "Organization")
    assert {"Huyện ủy Kim Sơn", "Ban Thường vụ Huyện ủy Kim Sơn", "Ủy ban nhân dân huyện Kim Sơn"} <= orgs
    assert "Huyện ủy" not in orgs
    assert ("Lê Thị Mai", "Huyện ủy Kim Sơn", "Phó Bí thư") in rels(x, "HOLDS_POSITION")


def test_a_party_committee_named_with_its_province_qualifies_the_generic_ones(run):
    x = run("Tỉnh ủy Sóc Trăng tổ chức hội nghị. Đồng chí Trần Văn Lâu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh dự.")
    assert {"Tỉnh ủy Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng"} <= names(x, "Organization")


def test_a_city_under_a_province_does_not_stop_the_province_qualifying(run):
    x = run(
        "UBND tỉnh Gia Lai họp phiên thường kỳ. Giám đốc Sở Tài chính Lê Văn Minh báo cáo. "
        "Chủ tịch UBND thành phố Pleiku Trần Văn Hòa phát biểu; UBND thành phố đề xuất giải pháp."
    )
    orgs = names(x, "Organization")
    assert "Sở Tài chính tỉnh Gia Lai" in orgs and "Sở Tài chính" not in orgs
    assert "Ủy ban nhân dân thành phố Pleiku" in orgs and "Ủy ban nhân dân thành phố" not in orgs


def test_a_word_that_starts_like_a_locality_is_not_one(run):
    x = run("Ngân hàng Chính sách xã hội chi nhánh tỉnh Thanh Hóa cam kết. UBND xã tổ chức họp.")
    assert names(x, "Organization") == {"Ngân hàng Chính sách xã hội chi nhánh tỉnh Thanh Hóa", "Ủy ban nhân dân xã"}


@pytest.mark.parametrize("verb", ["tham mưu", "tham mưu cho", "giúp"])
def test_a_body_that_advises_another_reports_to_it(run, verb):
    x = run(f"Ông Lê Văn Minh đề nghị Sở Tư pháp tỉnh Lào Cai tiếp tục {verb} UBND tỉnh Lào Cai xây dựng văn bản.")
    assert ("Sở Tư pháp tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", None) in rels(x, "REPORTS_TO")


def test_a_short_form_in_brackets_inside_a_name_keeps_its_locality(run):
    x = run("Sáng nay, Hội Liên hiệp Phụ nữ (LHPN) tỉnh Thanh Hóa tổ chức hội nghị. Hội LHPN tỉnh đã thực hiện tốt.")
    assert names(x, "Organization") == {"Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa"}


def test_with_several_provinces_a_sentence_that_names_one_speaks_of_it(run):
    x = run(
        "Hội nghị trực tuyến\nSáng 5/8/2024, Chính phủ họp trực tuyến với UBND tỉnh Hà Giang và UBND tỉnh Lào Cai. "
        "Phát biểu từ điểm cầu tỉnh Quảng Ninh, Chủ tịch UBND tỉnh Cao Văn Vỹ cho biết tiến độ. "
        "Tại điểm cầu Cao Bằng, Phó Chủ tịch UBND tỉnh Nông Thị Lê kiến nghị bố trí vốn. UBND tỉnh cần chủ động."
    )
    posts = rels(x, "HOLDS_POSITION")
    assert ("Cao Văn Vỹ", "Ủy ban nhân dân tỉnh Quảng Ninh", "Chủ tịch") in posts
    assert ("Nông Thị Lê", "Ủy ban nhân dân tỉnh Cao Bằng", "Phó Chủ tịch") in posts
    assert "Ủy ban nhân dân tỉnh" in names(x, "Organization")  # the last sentence names none


def test_commune_and_village_bodies_take_the_one_commune_and_village_named(run):
    x = run(
        "Ngày hội Đại đoàn kết ở thôn Pác Ngòi\nSáng 15/11/2024, Ban Công tác Mặt trận thôn Pác Ngòi, xã Nam Mẫu "
        "tổ chức Ngày hội. Trưởng ban Công tác Mặt trận thôn Hà Thị Sình báo cáo. Đảng ủy xã và UBND xã Nam Mẫu dự."
    )
    orgs = names(x, "Organization")
    assert {"Ban Công tác Mặt trận thôn Pác Ngòi", "Ủy ban nhân dân xã Nam Mẫu"} <= orgs
    assert ("Hà Thị Sình", "Ban Công tác Mặt trận thôn Pác Ngòi", "Trưởng ban") in rels(x, "HOLDS_POSITION")


def test_the_verb_dự_ends_a_name_and_dự_án_does_not(run):
    x = run("Ông Nguyễn Văn Hải, Hiệu trưởng Trường Đại học Vinh dự. Ban Quản lý dự án tỉnh báo cáo.")
    assert {"Trường Đại học Vinh"} <= names(x, "Organization")
    assert any(n.startswith("Ban Quản lý dự án") for n in names(x, "Organization"))


def test_one_named_visiting_province_does_not_take_over_the_reports_bodies(run):
    x = run("Chủ tịch UBND tỉnh Nguyễn Văn An tiếp đoàn công tác tỉnh Hà Tĩnh. UBND tỉnh sẽ báo cáo.")
    assert names(x, "Organization") == {"Ủy ban nhân dân tỉnh"}


def test_a_district_named_without_its_unit_word_is_the_committees_place_not_a_person(run):
    x = run("Bí thư Thành ủy Hạ Long Vũ Văn Diện phát biểu. Chủ tịch UBND Cẩm Phả Nguyễn Văn Tuấn dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Vũ Văn Diện", "Thành ủy Hạ Long", "Bí thư") in posts
    assert ("Nguyễn Văn Tuấn", "Ủy ban nhân dân thành phố Cẩm Phả", "Chủ tịch") in posts
    assert {e.name for e in x.entities if e.type == "Person"} == {"Vũ Văn Diện", "Nguyễn Văn Tuấn"}


def test_a_committee_ending_the_text_has_no_place_after_it(run):
    x = run("Hội nghị do Tỉnh ủy")
    assert "Tỉnh ủy" in {e.name for e in x.entities if e.type == "Organization"}


def test_a_ministry_reports_to_the_government_it_is_not_part_of_it(run):
    x = run("Sáng 5/3/2024, Chính phủ họp với Bộ Tài chính và Sở Y tế tỉnh Nghệ An, UBND tỉnh Nghệ An.")
    assert ("Bộ Tài chính", "Chính phủ", None) in rels(x, "REPORTS_TO")
    assert not any(t == "Chính phủ" for _, t, _ in rels(x, "PART_OF"))
    assert ("Sở Y tế tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", None) in rels(x, "REPORTS_TO")
    assert not any(s == "Sở Y tế tỉnh Nghệ An" for s, _, _ in rels(x, "PART_OF"))


def test_communes_and_listed_districts_are_places(run):
    x = run("Ông sinh tại xã Phú Hòa, huyện Lương Tài, tỉnh Bắc Ninh. Cử tri các huyện Nam Sách, Thanh Hà, Ninh Giang "
            "kiến nghị.")
    places = names(x, "Location")
    assert {"Phú Hòa", "Lương Tài", "Bắc Ninh", "Nam Sách", "Thanh Hà", "Ninh Giang"} <= places
    assert "Ninh Giang" not in names(x, "Person")


def test_a_head_written_alone_is_the_one_body_of_that_head_the_report_names(run):
    x = run("Sáng 10/12/2024, Hội đồng nhân dân tỉnh Quảng Ninh họp kỳ họp thứ 24. Thường trực Hội đồng nhân dân "
            "tặng hoa.")
    orgs = names(x, "Organization")
    assert "Hội đồng nhân dân" not in orgs and "Hội đồng nhân dân tỉnh Quảng Ninh" in orgs


def test_a_localitys_party_organisation(run):
    x = run("Đảng bộ tỉnh Thanh Hóa có 300 tổ chức cơ sở; Bí thư Đảng ủy xã Quỳnh Lập Hồ Văn Nam dự.")
    orgs = names(x, "Organization")
    assert {"Đảng bộ tỉnh Thanh Hóa", "Đảng ủy xã Quỳnh Lập"} <= orgs


def test_the_executive_committee_of_a_localitys_party_is_its_committee(run):
    # "Ban Chấp hành Đảng bộ tỉnh X" is the Tỉnh ủy; "Ban Chấp hành Đảng bộ" later is the same body,
    # and the Party organisation is a body of its own only where the report names it alone
    x = run("Ban Chấp hành Đảng bộ tỉnh Thanh Hóa họp. Ban Chấp hành Đảng bộ đã biểu quyết.")
    assert names(x, "Organization") == {"Tỉnh ủy Thanh Hóa"}
    assert "Đảng ủy xã Quỳnh Lập" in names(run("Hội nghị Ban Chấp hành Đảng bộ xã Quỳnh Lập khóa 16 bế mạc."),
                                            "Organization")
    y = run("Ban Chấp hành Đảng bộ tỉnh Thanh Hóa họp. Đảng bộ tỉnh Thanh Hóa có 300 tổ chức cơ sở đảng.")
    assert ("Tỉnh ủy Thanh Hóa", "Đảng bộ tỉnh Thanh Hóa", None) in rels(y, "PART_OF")
    z = run("Tỉnh ủy Thanh Hóa họp. Đảng bộ tỉnh Thanh Hóa có 300 tổ chức cơ sở đảng.")
    assert not rels(z, "PART_OF")  # only a committee written as the Executive Committee states it


def test_a_standing_body_written_without_its_head_after_a_title(run):
    x = run("Ông Trịnh Văn Hải, Ủy viên Thường vụ Tỉnh ủy Nghệ An, phát biểu. "
            "Bà Lê Thị Thu, Ủy viên Thường vụ Quốc hội, dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trịnh Văn Hải", "Ban Thường vụ Tỉnh ủy Nghệ An", "Ủy viên") in posts
    assert ("Lê Thị Thu", "Ủy ban Thường vụ Quốc hội", "Ủy viên") in posts


def test_countries_listed_after_a_place(run):
    x = run("Việt Nam là nhà đầu tư lớn tại Campuchia, sau Trung Quốc, Hàn Quốc, Singapore và Nhật Bản.")
    assert {"Trung Quốc", "Hàn Quốc", "Singapore", "Nhật Bản"} <= names(x, "Location")


def test_a_known_body_then_its_owner_are_two_mentions(run):
    x = run("Ông Lê Văn Một, Ủy viên Bộ Chính trị Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam, phát biểu.")
    orgs = names(x, "Organization")
    assert "Bộ Chính trị" in orgs and not any(o.startswith("Bộ Chính trị ") for o in orgs)


def test_a_city_written_with_a_dotted_level_word_and_a_level_named_twice(run):
    x = run("Bí thư Thành ủy TP. Hồ Chí Minh Lê Văn Nên trao quyết định. Ông là Chủ tịch UBND TP.HCM; Ban cán "
            "sự đảng UBND thành phố họp.")
    orgs = names(x, "Organization")
    assert "Thành ủy Thành phố Hồ Chí Minh" in orgs
    assert not any("thành phố Thành phố" in o for o in orgs)
    assert names(x, "Person") == {"Lê Văn Nên"}


def test_district_level_cities_after_their_level_word(run):
    x = run("Tỉnh có 2 thành phố Biên Hòa, Long Khánh và 9 huyện.")
    assert {"Biên Hòa", "Long Khánh"} <= names(x, "Location")


def test_a_body_that_requires_another_to_act_is_its_superior(run):
    x = run("Ủy ban Kiểm tra Trung ương yêu cầu Ban Thường vụ Thành ủy Hải Phòng khắc phục vi phạm.")
    assert ("Ban Thường vụ Thành ủy Hải Phòng", "Ủy ban Kiểm tra Trung ương", None) in rels(x, "REPORTS_TO")


def test_a_congress_body_is_named_with_the_congress_and_the_party(run):
    x = run("Bà Nguyễn Thúy Anh nhận nhiệm vụ thường trực Tiểu ban Kinh tế - Xã hội Đại hội XIV của Đảng.")
    assert "Tiểu ban Kinh tế - Xã hội Đại hội XIV của Đảng" in names(x, "Organization")
    # the congress inside the body's name is not the meeting the report is about
    y = run("Ngày 21/8, Tổng Bí thư Tô Lâm, Trưởng Tiểu ban Nhân sự Đại hội XIV của Đảng đã chủ trì Phiên họp thứ hai.")
    assert ("Tô Lâm", "Tiểu ban Nhân sự Đại hội XIV của Đảng", "Trưởng Tiểu ban") in rels(y, "HOLDS_POSITION")
    assert names(y, "Event") == {"Phiên họp thứ hai"}


def test_the_peoples_forces_are_bodies(run):
    x = run("Lực lượng Công an nhân dân phối hợp chặt chẽ với Quân đội nhân dân.")
    assert {"Công an nhân dân", "Quân đội nhân dân Việt Nam"} <= names(x, "Organization")


def test_an_advisory_line_stated_at_length_is_a_reporting_line(run):
    x = run("Ban Kinh tế Trung ương tiếp tục làm tốt chức năng tham mưu, giúp việc cho Ban Chấp hành Trung ương.")
    assert ("Ban Kinh tế Trung ương", "Ban Chấp hành Trung ương Đảng", None) in rels(x, "REPORTS_TO")


def test_a_locality_after_a_term_still_belongs_to_the_body(run):
    x = run("Ông Thái Thanh Quý là trưởng Đoàn đại biểu Quốc hội khóa XV tỉnh Nghệ An.")
    assert "Đoàn đại biểu Quốc hội tỉnh Nghệ An" in names(x, "Organization")


def test_military_bodies_with_numbers_and_localities(run):
    x = run("Ông Trần Văn Hùng, Ủy viên Đảng ủy Quân sự tỉnh Vĩnh Long, Phó Chủ nhiệm Chính trị Quân khu 9 dự.")
    assert {"Đảng ủy Quân sự tỉnh Vĩnh Long", "Quân khu 9"} <= names(x, "Organization")


def test_a_courtesy_verb_ends_a_bodys_name(run):
    x = run("Cổng Thông tin điện tử Học viện trân trọng giới thiệu toàn văn bức thư.")
    assert not any("trân" in n for n in names(x, "Organization"))


def test_a_known_name_runs_over_its_lower_case_words(run):
    x = run("Ông Phạm Trọng Đạt, Cục trưởng Cục Chống tham nhũng Thanh tra Chính phủ làm trưởng đoàn.")
    assert ("Phạm Trọng Đạt", "Cục Chống tham nhũng Thanh tra Chính phủ", "Cục trưởng") in rels(x, "HOLDS_POSITION")


def test_a_department_with_its_province_written_bare_is_named_once(run):
    x = run("Ông Đào Vũ Việt, Giám đốc Sở Xây dựng Thanh Hoá, báo cáo UBND tỉnh Thanh Hoá.")
    assert "Sở Xây dựng tỉnh Thanh Hóa" in names(x, "Organization")


def test_a_bracketed_short_form_that_spells_the_name_ends_it_and_names_it_later(run):
    x = run("Trần Tố Nghị, cựu Quyền Cục trưởng Cục Quản lý xây dựng công trình (QLXDCT), Bộ NN&PTNT;"
            " Nguyễn Hải Thanh, cựu Phó Cục trưởng Cục QLXDCT.")
    body = "Cục Quản lý xây dựng công trình"
    assert names(x, "Organization") >= {body} and "Cục QLXDCT" not in names(x, "Organization")
    held = rels(x, "HOLDS_POSITION")
    assert ("Trần Tố Nghị", body, "Quyền Cục trưởng") in held and ("Nguyễn Hải Thanh", body, "Phó Cục trưởng") in held
    assert all(r.props.get("former") for r in x.relations if r.type == "HOLDS_POSITION")  # "cựu"


def test_a_one_member_company_is_named_whole(run):
    x = run("Nguyễn Văn Dân, Giám đốc Công ty TNHH Một thành viên Đầu tư và Xây dựng Hoàng Dân, bị truy tố.")
    assert "Công ty TNHH Một thành viên Đầu tư và Xây dựng Hoàng Dân" in names(x, "Organization")
    assert not names(x, "Person") - {"Nguyễn Văn Dân"}


def test_the_sentences_subject_assigns_a_task_however_far_before_the_verb(run):
    x = run("Chiều 30/11, Quốc hội đã biểu quyết thông qua Nghị quyết cấm thuốc lá điện tử từ năm 2025, bảo đảm"
            " sức khỏe cộng đồng và giao Chính phủ tổ chức thực hiện cụ thể.")
    assert ("Chính phủ", "Quốc hội", None) in rels(x, "REPORTS_TO")
    # not across clauses
    y = run("Ông Thuận đề nghị Ban Thường vụ Tỉnh ủy Kon Tum tiếp tục lãnh đạo thực hiện nghiêm các kết luận;"
            " chỉ đạo Ban Chỉ đạo phòng, chống tham nhũng tỉnh đưa thêm vụ việc vào diện theo dõi.")
    assert not rels(y, "REPORTS_TO")


def test_a_company_named_after_a_person_and_by_its_own_name_later(run):
    x = run("Công ty TNHH Một thành viên Đầu tư và Xây dựng Hoàng Dân trúng thầu. Nguyễn Văn Dân, Giám đốc"
            " Công ty Hoàng Dân, bị cáo buộc.")
    full = "Công ty TNHH Một thành viên Đầu tư và Xây dựng Hoàng Dân"
    assert names(x, "Organization") == {full} and names(x, "Person") == {"Nguyễn Văn Dân"}
    assert ("Nguyễn Văn Dân", full, "Giám đốc") in rels(x, "HOLDS_POSITION")
    y = run("Công ty cổ phần Tiến bộ Quốc tế đã ký hợp đồng.")
    assert names(y, "Organization") == {"Công ty cổ phần Tiến bộ Quốc tế"}


def test_a_unit_followed_by_its_parent_after_a_comma_is_part_of_it(run):
    x = run("Bà Đinh Thị Mai, Phó Vụ trưởng Vụ Tuyên truyền, Ban Tuyên giáo Trung ương phát biểu.")
    assert ("Vụ Tuyên truyền", "Ban Tuyên giáo Trung ương", None) in rels(x, "PART_OF")
    # a list of sibling units is no chain of parents
    y = run("Đại diện Vụ Giáo dục Tiểu học, Vụ Giáo dục Trung học, Cục Cơ sở vật chất của Bộ Giáo dục và Đào tạo dự.")
    assert not {(a, b) for a, b, _ in rels(y, "PART_OF")} & {("Vụ Giáo dục Tiểu học", "Vụ Giáo dục Trung học"),
                                                            ("Vụ Giáo dục Trung học", "Cục Cơ sở vật chất")}


def test_numbered_units_are_bodies(run):
    x = run("Trần Văn Lăng, nguyên Giám đốc Ban 2 và Lê Văn Hiến, cựu Giám đốc Ban 8. Quân đoàn 34 được thành lập."
            " Ban 3 người được lập.")
    assert {"Ban 2", "Ban 8", "Quân đoàn 34"} == names(x, "Organization")
    assert ("Trần Văn Lăng", "Ban 2", "Giám đốc") in rels(x, "HOLDS_POSITION")


@pytest.mark.parametrize("text, body", [
    ("Ông Lê Văn Hải là Giám đốc bệnh viện Chợ Rẫy.", "Bệnh viện Chợ Rẫy"),
    ("Ông Lê Văn Hải là Giám đốc bệnh viện Bạch Đằng.", "Bệnh viện Bạch Đằng"),  # a name like a person's
    ("Ông Lê Văn Hải công tác tại trung tâm Y tế huyện Yên Thành.", "Trung tâm Y tế huyện Yên Thành"),
    ("Bà Lê Thị Hoa, Hiệu trưởng Trường Đại học Phan Châu Trinh, phát biểu.", "Trường Đại học Phan Châu Trinh"),
])
def test_an_institution_named_after_a_person_or_with_its_head_in_lower_case(run, text, body):
    x = run(text)
    assert body in names(x, "Organization")
    assert not names(x, "Person") - {"Lê Văn Hải", "Lê Thị Hoa"}


@pytest.mark.parametrize("text", ["Du khách dạo quanh trung tâm Hà Nội.", "Hàng hóa vào thị trường Mỹ tăng mạnh."])
def test_a_head_word_that_also_means_a_place_or_part_of_a_word_is_no_body(run, text):
    assert not names(run(text), "Organization")


@pytest.mark.parametrize("text, body", [
    ("Đại tá Lê Văn Hải, Phó Cục trưởng Cục Tổ chức cán bộ (Bộ Quốc phòng) công bố.", "Cục Tổ chức cán bộ"),
    ("Ông Lê Văn Hải, Hiệu trưởng Đại học Kinh tế quốc dân, phát biểu.", "Đại học Kinh tế quốc dân"),
    ("Bộ Tư lệnh CSCĐ phấn đấu hoàn thành tốt nhiệm vụ.", "Bộ Tư lệnh Cảnh sát cơ động"),
    ("Ủy ban bầu cử TP Hải Phòng đã xem xét hồ sơ.", "Ủy ban bầu cử thành phố Hải Phòng"),
])
def test_a_name_goes_on_in_lower_case_and_ends_at_an_acronym(run, text, body):
    assert body in names(run(text), "Organization")


def test_a_district_department_and_a_place_that_starts_with_a_countrys_name(run):
    x = run("Ông Lê Văn Hải đến thăm Phòng Giáo dục và Đào tạo huyện Đức Hòa.")
    assert "Phòng Giáo dục và Đào tạo huyện Đức Hòa" in names(x, "Organization")


@pytest.mark.parametrize("text, bodies", [
    ("Lãnh đạo HĐND, UBND tỉnh Nghệ An dự lễ.", {"Hội đồng nhân dân tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"}),
    ("Huyện ủy - HĐND - UB.MTTQ VN huyện Yên Thành tặng hoa.",
     {"Huyện ủy Yên Thành", "Hội đồng nhân dân huyện Yên Thành", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Yên Thành"}),
])
def test_bodies_listed_with_one_place_written_after_the_last_are_all_that_places(run, text, bodies):
    assert bodies <= names(run(text), "Organization")


def test_a_known_ministry_after_a_lower_case_bo_but_not_the_end_of_another_word(run):
    x = run("Thứ trưởng bộ GTVT Nguyễn Văn Công cho biết. Cán bộ VPQH và Đảng bộ Thành phố Hồ Chí Minh họp.")
    orgs = names(x, "Organization")
    assert "Bộ Giao thông vận tải" in orgs
    assert not any(o.startswith("Bộ Văn phòng") or o.startswith("Bộ Thành phố") for o in orgs)


def test_a_street_named_after_a_person_leaves_no_part_of_the_name_as_a_person(run):
    assert not names(run("Trạm thu phí hoàn vốn cho đường Võ Văn Kiệt mà không cho dự án khác."), "Person")


def test_a_nominalised_directing_verb_puts_the_superior_after_cua(run):
    x = run("Hiện nay, Bộ Công Thương đang chờ ý kiến chỉ đạo chính thức của Chính phủ để tổ chức thực hiện.")
    assert rels(x, "REPORTS_TO") == {("Bộ Công Thương", "Chính phủ", None)}


def test_a_name_of_several_parts_joined_by_and_goes_over_the_comma(run):
    x = run("Đại diện Cục Quản lý, Giám sát và Thẩm định (Bộ Tài chính) phát biểu. "
            "Đại diện Viện Hàn lâm Khoa học xã hội Việt Nam dự.")
    orgs = names(x, "Organization")
    assert "Cục Quản lý, Giám sát và Thẩm định" in orgs and "Viện Hàn lâm Khoa học xã hội Việt Nam" in orgs


def test_a_committee_of_the_assembly_written_without_cua(run):
    x = run("Bà Lê Thị Nga, Chủ nhiệm Ủy ban Tư pháp Quốc hội phát biểu.")
    assert ("Lê Thị Nga", "Ủy ban Tư pháp của Quốc hội", "Chủ nhiệm") in rels(x, "HOLDS_POSITION")
    assert ("Ủy ban Tư pháp của Quốc hội", "Quốc hội", None) in rels(x, "PART_OF")


def test_a_city_committee_written_tp_alone_and_known_offices_in_lower_case(run):
    x = run("Ông Nguyễn Thành Phong - chủ tịch UBND TP - cho biết. UBND TP. HCM kiến nghị đặt trụ sở của "
            "văn phòng Trung ương Đảng, văn phòng Chính phủ.")
    orgs = names(x, "Organization")
    assert {"Ủy ban nhân dân thành phố Hồ Chí Minh", "Văn phòng Trung ương Đảng", "Văn phòng Chính phủ"} <= orgs


def test_lower_case_words_that_follow_a_name_in_several_ways_are_not_the_names(run):
    x = run("Đảng ủy Học viện Chính trị tập trung lãnh đạo, Học viện Chính trị thường xuyên kiểm tra. "
            "Đại diện Học viện Chính trị dự. Ban Chỉ đạo quốc gia họp; Ban Chỉ đạo đã thống nhất.")
    orgs = names(x, "Organization")
    assert {"Học viện Chính trị", "Đảng ủy Học viện Chính trị", "Ban Chỉ đạo quốc gia"} <= orgs
    assert not any(o.endswith(("tập trung", "thường xuyên")) for o in orgs)


def test_a_known_short_name_goes_on_after_va_with_a_capital(run):
    x = run("Ông Nguyễn Hải Ninh, Phó vụ trưởng Vụ Pháp luật và Cải cách tư pháp Văn phòng Trung ương Đảng phát biểu."
            " Sở Tài chính và Sở Nội vụ dự.")
    orgs = names(x, "Organization")
    assert "Vụ Pháp luật và Cải cách tư pháp Văn phòng Trung ương Đảng" in orgs
    assert {"Sở Tài chính", "Sở Nội vụ"} <= orgs


def test_a_parish_named_after_a_place_that_reads_as_a_person(run):
    assert "Giáo xứ Châu Đốc" in names(run("Lãnh đạo thành phố thăm, chúc mừng Giáo xứ Châu Đốc."), "Organization")


def test_a_city_committee_then_a_persons_name(run):
    x = run("Bí thư Thành ủy Châu Đốc Lâm Quang Thi đến thăm.")
    assert ("Lâm Quang Thi", "Thành ủy Châu Đốc", "Bí thư") in rels(x, "HOLDS_POSITION")


def test_police_departments_named_with_ve_and_a_joined_name(run):
    x = run("Trung tá Lê Văn A, Trưởng Phòng Cảnh sát điều tra tội phạm về ma túy, được điều động giữ chức vụ "
            "Trưởng Phòng Hậu cần - Kỹ thuật.")
    assert {"Phòng Cảnh sát điều tra tội phạm về ma túy", "Phòng Hậu cần - Kỹ thuật"} <= names(x, "Organization")


def test_a_party_committee_in_lower_case_after_a_title(run):
    x = run("Đồng chí Lê Trung Kiên, Bí thư huyện ủy Đông Anh phát biểu. Cán bộ tỉnh ủy và huyện ủy dự.")
    assert ("Lê Trung Kiên", "Huyện ủy Đông Anh", "Bí thư") in rels(x, "HOLDS_POSITION")
    assert names(x, "Organization") == {"Huyện ủy Đông Anh"}


def test_a_body_of_its_own_in_a_list_after_a_department_keeps_its_head(run):
    x = run("Lãnh đạo UBND tỉnh Thanh Hóa, Sở Tài nguyên và Môi trường, Công an tỉnh đã trả lời chất vấn.")
    orgs = names(x, "Organization")
    assert "Công an tỉnh Thanh Hóa" in orgs and not any(o.startswith("Sở Công an") for o in orgs)


def test_a_centrally_run_citys_bodies_are_named_after_it_among_its_districts(run):
    x = run("Bí thư Quận ủy quận 3 Lê Văn A và Bí thư Quận ủy quận 8 Trần Văn B dự họp cùng Ban Tổ chức Thành ủy "
            "TP.HCM. Sở Giao thông Thành phố báo cáo; Sở Thông tin Truyền thông Thành phố Hồ Chí Minh dự.")
    orgs = names(x, "Organization")
    assert {"Sở Giao thông Thành phố Hồ Chí Minh", "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh"} <= orgs
    assert not any("phố thành phố" in o.lower() for o in orgs)
    # "báo cáo" ends the first clause: the body after ";" is not the one reported to
    assert not {(a, b) for a, b, _ in rels(x, "REPORTS_TO") if a.startswith("Sở ") and b.startswith("Sở ")}


def test_the_office_of_a_named_body_is_part_of_it(run):
    x = run("Ông Nguyễn Văn Bình, Phó Chánh Văn phòng HĐND tỉnh Thanh Hóa, cho biết. "
            "Văn phòng Tỉnh ủy Lâm Đồng tổ chức hội nghị.")
    parts = {(a, b) for a, b, _ in rels(x, "PART_OF")}
    assert ("Văn phòng Hội đồng nhân dân tỉnh Thanh Hóa", "Hội đồng nhân dân tỉnh Thanh Hóa") in parts
    assert ("Văn phòng Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng") in parts


def test_the_office_of_a_kind_of_body_is_not_part_of_one(run):
    x = run("Thí điểm hợp nhất Văn phòng HĐND và Văn phòng UBND cấp tỉnh.")
    assert not rels(x, "PART_OF")
    assert "Ủy ban nhân dân cấp tỉnh" not in names(x, "Organization")


def test_a_school_named_after_a_person_is_one_body(run):
    x = run("Hiệu trưởng Trường Tiểu học Nguyễn Văn Cừ, ông Lê Văn Ba, cho biết. "
            "Thầy giáo trường THCS Lê Lợi được khen.")
    orgs = names(x, "Organization")
    assert {"Trường Tiểu học Nguyễn Văn Cừ", "Trường Trung học cơ sở Lê Lợi"} <= orgs
    assert "Nguyễn Văn Cừ" not in names(x, "Person")
    # the level alone in running text is no school
    assert not names(run("Học sinh tiểu học Nguyễn Văn An được khen."), "Organization")


def test_an_inspectorate_of_a_locality(run):
    x = run("Ông Lê Khả Đoàn, Phó chánh thanh tra tỉnh Hậu Giang, cho biết. "
            "Ông Lê Văn Hải, Chánh Thanh tra Bộ Tài chính, dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Lê Khả Đoàn", "Thanh tra tỉnh Hậu Giang", "Phó chánh thanh tra") in posts
    assert ("Lê Văn Hải", "Thanh tra Bộ Tài chính", "Chánh Thanh tra") in posts


def test_a_standing_committee_written_alone_after_cua_is_the_reports_committees(run):
    x = run("Ngày 25.2, Tỉnh ủy Lai Châu tổ chức hội nghị. Quyết định của Ban Thường vụ được công bố.")
    assert "Ban Thường vụ Tỉnh ủy Lai Châu" in names(x, "Organization")
    assert ("Ban Thường vụ Tỉnh ủy Lai Châu", "Tỉnh ủy Lai Châu", None) in rels(x, "PART_OF")
    # with two committees in the report it is neither's
    y = run("Tỉnh ủy Lai Châu và Tỉnh ủy Điện Biên họp. Quyết định của Ban Thường vụ được công bố.")
    assert not any(n.startswith("Ban Thường vụ") for n in names(y, "Organization"))


def test_a_two_syllable_name_after_a_unit_word_is_the_units(run):
    x = run("Ông Lê Văn Duẩn, Chủ tịch UBND xã Lý Trạch (huyện Bố Trạch), xác nhận.")
    assert ("Lê Văn Duẩn", "Ủy ban nhân dân xã Lý Trạch", "Chủ tịch") in rels(x, "HOLDS_POSITION")
    assert "Lý Trạch" not in names(x, "Person")
    # a full name of three syllables after the unit is still a person
    y = run("Chủ tịch UBND xã Tân Lập Nguyễn Văn An phát biểu.")
    assert ("Nguyễn Văn An", "Ủy ban nhân dân xã Tân Lập", "Chủ tịch") in rels(y, "HOLDS_POSITION")


def test_an_institution_named_after_a_historical_figure(run):
    x = run("PGS.TS Nguyễn Trọng Phúc, Học viện Chính trị Quốc gia Hồ Chí Minh, tin tưởng.")
    assert "Học viện Chính trị quốc gia Hồ Chí Minh" in names(x, "Organization")  # (its official case)
    assert "Hồ Chí Minh" not in names(x, "Person")


def test_a_verb_after_a_name_is_not_part_of_it(run):
    x = run("Hội Luật gia Việt Nam tặng cờ thi đua. Học sinh Trường THPT Chu Văn An đoạt giải nhất.")
    assert {"Hội Luật gia Việt Nam", "Trường Trung học phổ thông Chu Văn An"} <= names(x, "Organization")


@pytest.mark.parametrize("written, canonical", [
    ("Bộ Kế hoạch - đầu tư", "Bộ Kế hoạch và Đầu tư"),
    ("Bộ Lao động thương binh xã hội", "Bộ Lao động - Thương binh và Xã hội"),
    ("Bộ Tài nguyên Môi trường", "Bộ Tài nguyên và Môi trường"),
    ("Sở Thông tin - Truyền thông tỉnh Nghệ An", "Sở Thông tin và Truyền thông tỉnh Nghệ An"),
])
def test_a_known_name_written_without_its_and_is_the_known_body(run, written, canonical):
    x = run(f"Ông Nguyễn Văn An, Phó Giám đốc {written} cho biết sẽ làm việc với {written} về việc này.")
    assert canonical in names(x, "Organization")
    assert not any(n != canonical and canonical.startswith(n) for n in names(x, "Organization"))
    assert ("Nguyễn Văn An", canonical, "Phó Giám đốc") in rels(x, "HOLDS_POSITION")


def test_boards_of_companies_fronts_and_churches_are_part_of_their_body(run):
    x = run("Ông Phạm Quang Tùng, Chủ tịch Hội đồng Quản trị Công ty Bảo hiểm BIDV phát biểu. Bà Trương Thị Ngọc "
            "Ánh, Phó Chủ tịch Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam dự. Hòa thượng Thích "
            "Thanh Nghĩa, Phó Chủ tịch Thường trực Hội đồng Trị sự Trung ương Giáo hội Phật giáo Việt Nam tiếp đoàn.")
    part_of = {(a, b) for a, b, _ in rels(x, "PART_OF")}
    assert {("Hội đồng quản trị Công ty Bảo hiểm BIDV", "Công ty Bảo hiểm BIDV"),
            ("Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
             "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
            ("Hội đồng Trị sự Trung ương Giáo hội Phật giáo Việt Nam", "Giáo hội Phật giáo Việt Nam")} <= part_of
    assert ("Thích Thanh Nghĩa", "Hội đồng Trị sự Trung ương Giáo hội Phật giáo Việt Nam",
            "Phó Chủ tịch Thường trực") in rels(x, "HOLDS_POSITION")


def test_a_standing_committee_written_in_lower_case_before_its_committee(run):
    x = run("Theo báo cáo của ban Thường vụ Đảng uỷ xã Lý Trạch gửi ban Thường vụ Huyện uỷ Bố Trạch, ông A bị kỷ luật. "
            "Phó Trưởng ban thường trực Tiểu ban Kinh tế - Xã hội phát biểu.")
    part_of = {(a, b) for a, b, _ in rels(x, "PART_OF")}
    assert {("Ban Thường vụ Đảng ủy xã Lý Trạch", "Đảng ủy xã Lý Trạch"),
            ("Ban Thường vụ Huyện ủy Bố Trạch", "Huyện ủy Bố Trạch")} <= part_of
    # "thường trực" in lower case qualifies a title; it is no body
    assert not [o for o in names(x, "Organization") if o.lower().startswith("thường trực")]


def test_a_hospital_keeps_its_number_but_not_a_count_or_a_date(run):
    x = run("Tổng Bí thư từ trần tại Bệnh viện Trung ương Quân đội 108. Bệnh viện Quân y 175 tiếp nhận 20 bệnh nhân. "
            "Bệnh viện Bạch Mai 20 giường bệnh. Bệnh viện Bạch Mai 20/5 họp.")
    assert names(x, "Organization") == {"Bệnh viện Trung ương Quân đội 108", "Bệnh viện Quân y 175",
                                        "Bệnh viện Bạch Mai"}


def test_a_second_remit_joined_by_and_is_part_of_the_name(run):
    x = run("Ông Nguyễn Văn A, Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an "
            "phát biểu. Phòng Quản lý đê điều và Phòng, chống thiên tai (PA08) đã vào cuộc.")
    orgs = names(x, "Organization")
    assert "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao" in orgs
    assert "Phòng Quản lý đê điều và Phòng, chống thiên tai" in orgs
    assert ("Nguyễn Văn A", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Cục trưởng") in \
        rels(x, "HOLDS_POSITION")


def test_an_office_of_two_bodies_is_neither_of_its_parts(run):
    x = run("UBND tỉnh Nghệ An công bố quyết định nhân sự ở Văn phòng Đoàn ĐBQH và HĐND tỉnh Nghệ An. Ông Lê Văn A - "
            "chánh văn phòng Đoàn ĐBQH - được bổ nhiệm giữ chức vụ Chánh văn phòng Đoàn ĐBQH và HĐND tỉnh. Bộ Giáo dục "
            "và Đào tạo cử đại diện; Bộ Giáo dục đề nghị.")
    orgs = names(x, "Organization")
    merged = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Nghệ An"
    assert merged in orgs
    assert any(n.startswith("Văn phòng Đoàn đại biểu Quốc hội") and " và " not in n for n in orgs)  # the old office
    assert ("Lê Văn A", merged, "Chánh văn phòng") in rels(x, "HOLDS_POSITION")
    assert "Bộ Giáo dục" not in orgs  # a ministry written short is still the one named in full


def test_a_board_named_by_its_remit_in_lower_case(run):
    x = run("Chiều 29/4, Ban chỉ đạo phòng, chống dịch Covid-19 tỉnh Hà Nam họp. Ban quản lý khu công nghiệp tỉnh "
            "Hà Nam báo cáo. Ông Vũ Thế Hùng, Phó Giám đốc Ban quản lý dự án khu vực Hồng Bàng, phát biểu. "
            "Ban Chỉ đạo giao nhiệm vụ cho các sở.")
    orgs = names(x, "Organization")
    assert {"Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Hà Nam", "Ban Quản lý khu công nghiệp tỉnh Hà Nam",
            "Ban Quản lý dự án khu vực Hồng Bàng"} <= orgs
    assert ("Vũ Thế Hùng", "Ban Quản lý dự án khu vực Hồng Bàng", "Phó Giám đốc") in rels(x, "HOLDS_POSITION")
    assert "Hồng Bàng" not in names(x, "Person")
    assert not any(n.startswith("Ban Chỉ đạo giao") for n in orgs)  # a verb after the board is no remit


def test_a_verb_in_lower_case_ends_a_name(run):
    x = run("Tổng cục Đường bộ Việt Nam tăng cường kiểm tra. Sở Giáo dục làm trái tinh thần công văn. "
            "Bộ Nông nghiệp làm rõ trách nhiệm.")
    orgs = names(x, "Organization")
    assert "Tổng cục Đường bộ Việt Nam" in orgs
    assert not any(" tăng " in n or " làm " in n for n in orgs)


def test_a_body_named_with_a_compound_noun_or_a_transliteration_is_read_whole(run):
    x = run("Đồng chí Đinh Thế Huynh, Chủ tịch Hội Nhà báo Việt Nam, từng học tại Trường Đại học Tổng hợp "
            "Mát-xcơ-va. Tổng cục Tình báo Quốc phòng dự.")
    assert {"Hội Nhà báo Việt Nam", "Trường Đại học Tổng hợp Mát-xcơ-va", "Tổng cục Tình báo Quốc phòng"} <= names(
        x, "Organization")
    assert ("Đinh Thế Huynh", "Hội Nhà báo Việt Nam", "Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_a_delegation_named_by_its_constituency_is_the_provinces(run):
    x = run("Ông Nguyễn Thanh Nghị, Trưởng đoàn Đại biểu Quốc hội khóa XIV đơn vị tỉnh Kiên Giang, phát biểu.")
    assert ("Nguyễn Thanh Nghị", "Đoàn đại biểu Quốc hội tỉnh Kiên Giang", "Trưởng đoàn") in rels(x, "HOLDS_POSITION")


def test_a_military_party_committee_is_of_the_unit_or_the_place_after_it(run):
    x = run("Ông Hầu A Lềnh, Bí thư Đảng ủy Quân sự Quân khu II, dự. Đảng ủy Quân sự tỉnh Kiên Giang họp.")
    orgs = names(x, "Organization")
    assert {"Đảng ủy Quân sự Quân khu II", "Quân khu II", "Đảng ủy Quân sự tỉnh Kiên Giang"} <= orgs
    assert "Đảng ủy Quân sự" not in orgs


def test_a_unit_directly_under_a_body_is_part_of_it_and_its_name_ends_there(run):
    x = run("Tổng cục Quản lý thị trường trực thuộc Bộ Công Thương nhưng Cục Quản lý và Phát triển thị trường "
            "trong nước chính thức trả lời. Bệnh viện Hữu nghị Việt Đức trực thuộc Bộ Y tế.")
    orgs = names(x, "Organization")
    assert {"Tổng cục Quản lý thị trường", "Cục Quản lý và Phát triển thị trường trong nước"} <= orgs
    assert ("Tổng cục Quản lý thị trường", "Bộ Công Thương", None) in rels(x, "PART_OF")
    assert ("Bệnh viện Hữu nghị Việt Đức", "Bộ Y tế", None) in rels(x, "REPORTS_TO")  # not a unit: answers to it


def test_border_guard_bodies_and_a_names_written_variants(run):
    x = run("Chốt thuộc Đồn Biên phòng Nhâm và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thừa Thiên Huế. Bộ Lao động, "
            "Thương binh và Xã hội trao bằng.")
    assert {"Đồn Biên phòng Nhâm", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thừa Thiên Huế",
            "Bộ Lao động - Thương binh và Xã hội"} <= names(x, "Organization")


def test_a_bylines_team_of_reporters_is_no_body(run):
    x = run("Sáng 4/6/2019, Quốc hội chất vấn Bộ trưởng Bộ Công an Tô Lâm.\nNhóm PV Quốc hội")
    assert not [o for o in names(x, "Organization") if o.startswith("Nhóm")]


def test_a_body_written_with_no_level_is_the_one_provinces_in_a_report_on_it(run):
    x = run("Sáng 21/4, HĐND tỉnh Bắc Ninh họp. Các đại biểu bầu bổ sung Thường trực UBND và lãnh đạo Ban Pháp chế "
            "HĐND.")
    orgs = names(x, "Organization")
    assert {"Thường trực Ủy ban nhân dân tỉnh Bắc Ninh", "Ban Pháp chế Hội đồng nhân dân tỉnh Bắc Ninh"} <= orgs
    y = run("Sáng 21/4, HĐND tỉnh Bắc Ninh và UBND huyện Yên Phong họp. Các đại biểu bầu bổ sung Thường trực UBND.")
    assert "Thường trực Ủy ban nhân dân tỉnh Bắc Ninh" not in names(y, "Organization")  # a district's too
    # a department qualified first does not stop it ("Sở Y tế" is named after the province as well)
    z = run("Sáng 21/4, HĐND tỉnh Bắc Ninh họp. Giám đốc Sở Y tế báo cáo. Các đại biểu bầu bổ sung Thường trực UBND.")
    assert {"Sở Y tế tỉnh Bắc Ninh", "Thường trực Ủy ban nhân dân tỉnh Bắc Ninh"} <= names(z, "Organization")


def test_the_office_of_a_posts_holder_is_a_body(run):
    x = run("Bộ trưởng, Chủ nhiệm Văn phòng Thủ tướng Lào Bouakhong Nammavong thông tin.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Bouakhong Nammavong", "Văn phòng Thủ tướng Lào", "Chủ nhiệm") in posts
    assert not any(r == "Thủ tướng" for _, _, r in posts)  # he heads the office, not the government


def test_a_standing_body_in_lower_case_after_a_joining_word(run):
    x = run("Được sự thống nhất của Đảng uỷ xã và thường trực Hội đồng nhân dân xã, UBND xã Phong Xuân bán tài sản. "
            "Ông Lê Văn A, Phó Bí thư thường trực Tỉnh ủy Nghệ An dự.")
    council = "Hội đồng nhân dân xã Phong Xuân"
    assert (f"Thường trực {council}", council, None) in rels(x, "PART_OF")
    assert ("Lê Văn A", "Tỉnh ủy Nghệ An", "Phó Bí thư thường trực") in rels(x, "HOLDS_POSITION")  # a title's


def test_a_bare_head_is_the_body_of_that_head_the_report_names_most(run):
    x = run("Sáng 2/4/2024, Tỉnh ủy Nam Định tổ chức hội nghị. Bí thư Tỉnh ủy Nam Định Phạm Gia Túc phát biểu. "
            "Ông Túc từng là Phó Bí thư Tỉnh ủy Thái Bình. Ông đề nghị Tỉnh ủy tập trung lãnh đạo.")
    bodies = names(x, "Organization")
    assert {"Tỉnh ủy Nam Định", "Tỉnh ủy Thái Bình"} <= bodies and "Tỉnh ủy" not in bodies


def test_a_body_in_ones_titles_takes_the_place_a_later_title_names_at_its_level(run):
    x = run("Ngày 3/4/2024, Tỉnh ủy Nam Định điều động ông Trần Văn An, Ủy viên Ban Thường vụ Huyện ủy, Phó Chủ tịch "
            "UBND huyện Hải Hậu về huyện Giao Thủy. Ông Lê Văn Bình, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Nghĩa "
            "Hưng dự. Ông Trần Văn Cường, Phó Bí thư Tỉnh ủy, Chủ tịch UBND huyện Ý Yên cũng dự.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Văn An", "Ban Thường vụ Huyện ủy Hải Hậu", "Ủy viên") in posts
    assert ("Lê Văn Bình", "Huyện ủy Nghĩa Hưng", "Phó Bí thư") in posts
    assert not any(org.startswith("Tỉnh ủy") and org != "Tỉnh ủy Nam Định" for _, org, _ in posts)  # not "huyện Ý Yên"


def test_generic_bodies_are_of_the_province_a_report_names_far_more_than_any_other(run):
    x = run("Ngày 12/12/2024, Tỉnh ủy Nam Định công bố quyết định. Ông Trần Văn An, Phó Bí thư Tỉnh ủy Nam Định, "
            "Chủ tịch UBND tỉnh Nam Định trao quyết định cho ông Lê Văn Bình, Phó Chánh Văn phòng UBND tỉnh Nam Định, "
            "nguyên cán bộ UBND TP Hà Nội. Bà Phạm Thị Hoa, Phó Giám đốc Sở Ngoại vụ, làm Ủy viên Ủy ban Kiểm tra "
            "Tỉnh ủy.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phạm Thị Hoa", "Sở Ngoại vụ tỉnh Nam Định", "Phó Giám đốc") in posts
    assert ("Phạm Thị Hoa", "Ủy ban Kiểm tra Tỉnh ủy Nam Định", "Ủy viên") in posts


def test_a_bare_party_group_in_a_title_is_the_one_the_sentence_names(run):
    x = run("Ban Thường vụ Tỉnh ủy Nam Định chỉ định bà Phạm Thị Hoa, Phó Giám đốc Sở Ngoại vụ tỉnh Nam Định tham gia "
            "Đảng đoàn Hội Nông dân tỉnh Nam Định, giữ chức vụ Ủy viên Đảng đoàn.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phạm Thị Hoa", "Đảng đoàn Hội Nông dân tỉnh Nam Định", "Ủy viên") in posts
    assert not any(org.startswith("Đảng ủy") for _, org, _ in posts)


def test_an_abbreviation_written_in_parts_is_expanded(run):
    x = run("Ông Trần Văn An, Giám đốc Sở GD-ĐT tỉnh Long An và ông Lê Văn Bình, Giám đốc Sở TN-MT tỉnh Long An "
            "dự họp ngày 3/4/2024.")
    assert {"Sở Giáo dục và Đào tạo tỉnh Long An", "Sở Tài nguyên và Môi trường tỉnh Long An"} <= names(
        x, "Organization")


def test_a_party_committee_of_a_department_is_named_with_the_department(run):
    x = run("Ban Bí thư kết luận ông Ngô Văn Tùng - phó chủ tịch UBND tỉnh, nguyên bí thư Đảng ủy, nguyên giám đốc "
            "Sở Xây dựng Nam Định - có vi phạm. Tỉnh ủy Nam Định đã kiểm điểm ông Tùng.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Ngô Văn Tùng", "Đảng ủy Sở Xây dựng tỉnh Nam Định", "Bí thư") in posts
    assert ("Ngô Văn Tùng", "Sở Xây dựng tỉnh Nam Định", "Giám đốc") in posts


def test_a_university_council_is_part_of_its_university(run):
    x = run("Ngày 23/4/2018, ông Nguyễn Ngọc Vũ, giám đốc Đại học Huế, giữ chức chủ tịch Hội đồng đại học Đại học Huế.")
    assert ("Hội đồng đại học Đại học Huế", "Đại học Huế", None) in rels(x, "PART_OF")
    assert not any(n.startswith("Đại học Đại học") for n in names(x, "Organization"))


def test_the_governments_name_before_1992_and_vcci_are_known_bodies(run):
    x = run("Ông Võ Văn Kiệt từng giữ chức Phó Chủ tịch Hội đồng Bộ trưởng. Ông Vũ Tiến Lộc, nguyên Chủ tịch VCCI, "
            "phát biểu ngày 3/4/2024.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Võ Văn Kiệt", "Hội đồng Bộ trưởng", "Phó Chủ tịch") in posts
    assert ("Vũ Tiến Lộc", "Phòng Thương mại và Công nghiệp Việt Nam", "Chủ tịch") in posts


def test_a_bare_body_named_as_often_as_another_is_the_one_named_last_before_it(run):
    x = run("Ngày 5/2/2026, Công an xã Hải Lý mời 27 học sinh đến trụ sở. Công an xã Hải Lý đã tuyên truyền. "
            "Trước đó, Công an xã Giao Hà cũng mời 23 học sinh. Công an xã Giao Hà nhắc nhở phụ huynh. "
            "Công an xã đã yêu cầu các em lao động công ích.")
    bodies = names(x, "Organization")
    assert {"Công an xã Hải Lý", "Công an xã Giao Hà"} <= bodies and "Công an xã" not in bodies


def test_another_provinces_department_written_with_its_province_keeps_it(run):
    x = run("Ngày 6/7/2016, UBND tỉnh Hậu Giang họp. Sở Nội vụ tỉnh Hậu Giang đề nghị Sở Tư pháp Hà Nội xác minh hồ "
            "sơ. Giám đốc Sở Nội vụ Trần Văn Huyến cho biết, tỉnh Hậu Giang đã điều chỉnh.")
    bodies = names(x, "Organization")
    assert not any(n.startswith("Sở Tư pháp Hà Nội ") for n in bodies)  # not "… Hà Nội tỉnh Hậu Giang"
    assert "Sở Nội vụ tỉnh Hậu Giang" in bodies


def test_a_name_ends_where_a_caption_runs_into_the_next_sentence(run):
    x = run("Lực lượng tuần tra trên đường. Ảnh: Cục CSGT Đáng chú ý, cũng theo Cục CSGT, từ mùng 1 Tết lực lượng "
            "kiểm tra nồng độ cồn. Ảnh: Viện Hàn lâm Khoa học xã hội Việt Nam Ngoài ra, hội thảo còn bàn về đất đai. "
            "Ảnh: Trần Thị Mai Tuy nhiên, đơn vị đã làm.")
    assert {"Cục Cảnh sát giao thông", "Viện Hàn lâm Khoa học xã hội Việt Nam"} <= names(x, "Organization")
    assert not any("Đáng" in n or "Ngoài" in n for n in names(x, "Organization"))
    # the photographer's full name before the opener, not its first two words
    assert "Trần Thị Mai" in names(x, "Person") and "Trần Thị" not in names(x, "Person")


def test_a_police_department_named_in_a_credit_ends_at_its_known_name(run):
    x = run("Lực lượng truy bắt. Ảnh: Cục Cảnh sát Hình sự Hai người đã chọn phòng giao dịch. Phòng Cảnh sát điều tra "
            "tội phạm về ma túy Công an tỉnh Hà Nam bắt giữ.")
    orgs = names(x, "Organization")
    assert "Cục Cảnh sát hình sự" in orgs and not any("Hai người" in o for o in orgs)
    assert ("Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Hà Nam", "Công an tỉnh Hà Nam", None) in rels(
        x, "PART_OF")


def test_a_sub_body_of_a_known_owner_that_runs_past_a_known_name(run):
    x = run("Ông Nguyễn Long Hải từng giữ chức Bí thư Trung ương Đoàn, Chủ nhiệm Uỷ ban Kiểm tra Trung ương Đoàn nhiệm "
            "kỳ 2012 – 2017. Ông Trần Cẩm Tú, Chủ nhiệm Ủy ban Kiểm tra Trung ương phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Long Hải", "Ủy ban Kiểm tra Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Chủ nhiệm") in posts
    assert ("Trần Cẩm Tú", "Ủy ban Kiểm tra Trung ương", "Chủ nhiệm") in posts


def test_a_national_body_named_by_its_remit_after_ve(run):
    x = run("Ông Hải từng là Phó chủ nhiệm Uỷ ban Quốc gia về thanh niên Việt Nam. Hội đồng Quốc gia về phát triển "
            "bền vững đã họp. Đoàn công tác của Văn phòng Trung ương về tỉnh công tác.")
    orgs = names(x, "Organization")
    assert {"Ủy ban Quốc gia về thanh niên Việt Nam", "Hội đồng Quốc gia về phát triển bền vững"} <= orgs
    assert "Văn phòng Trung ương" in orgs  # "về" the verb: came to the province


def test_a_council_named_by_a_town_or_ward_level_alone_is_the_one_the_report_names(run):
    x = run("Ông Đặng Hữu Lên, Bí thư Thị ủy Điện Bàn cho biết, ông Trần Minh Hoàng, Bí thư Đảng ủy phường Điện Dương "
            "bị tố đánh bạc. Thị ủy đã đưa ông Hoàng ra khỏi danh sách bầu cử đại biểu HĐND thị xã và đại biểu HĐND "
            "phường.")
    assert {"Hội đồng nhân dân thị xã Điện Bàn", "Hội đồng nhân dân phường Điện Dương"} <= names(x, "Organization")
    assert "Hội đồng nhân dân" not in names(x, "Organization")


def test_a_project_board_named_by_a_long_remit_that_ends_at_its_place(run):
    x = run("Các ông Nguyễn Văn Thạo (giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình giao thông, nông "
            "nghiệp tỉnh Bắc Giang) bị bắt.")
    board = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông, nông nghiệp tỉnh Bắc Giang"
    assert ("Nguyễn Văn Thạo", board, "Giám đốc") in rels(x, "HOLDS_POSITION")


def test_a_units_name_ends_in_lower_case_words_before_its_parent_in_brackets(run):
    x = run("Đại diện Cục Bảo vệ thực vật (Bộ Nông nghiệp và Môi trường) cũng cho biết tình trạng ách tắc. Theo Cục "
            "Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công (Bộ Công Thương), việc này chậm.")
    parts = rels(x, "PART_OF")
    assert ("Cục Bảo vệ thực vật", "Bộ Nông nghiệp và Môi trường", None) in parts
    assert ("Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công", "Bộ Công Thương", None) in parts


def test_an_abbreviation_written_in_parts_is_one_word_of_a_name(run):
    x = run("Sở VH-TT-DL Thanh Hóa khẳng định thông tin. Sở GD-ĐT Hà Nội thông báo.")
    orgs = names(x, "Organization")
    assert {"Sở Văn hóa, Thể thao và Du lịch Thanh Hóa", "Sở Giáo dục và Đào tạo Hà Nội"} <= orgs
    assert not any(o.startswith("Sở VH ") or o == "Sở VH" for o in orgs)


def test_a_banks_transaction_office_is_no_ministrys_department(run):
    x = run("Bộ Công an đã thành lập Ban chỉ đạo chuyên án. Hai đối tượng xông vào Phòng Giao dịch Trà Bá - "
            "Vietcombank Chi nhánh Gia Lai. Phòng Tổ chức cán bộ cho biết.")
    parts = rels(x, "PART_OF")
    assert not any(o.startswith("Phòng Giao dịch") for o, _, _ in parts)
    assert ("Phòng Tổ chức cán bộ", "Bộ Công an", None) in parts


def test_a_news_agency_and_a_known_acronym_after_va(run):
    x = run("Chủ tịch nước cho rằng Hãng thông tấn Nga ITAR- TASS và TTXVN cần tích cực hợp tác. Trường Phổ thông Dân "
            "tộc nội trú THCS và THPT huyện Mèo Vạc khai giảng.")
    orgs = names(x, "Organization")
    assert "Hãng thông tấn Nga ITAR - TASS" in orgs and not any(o.endswith("TTXVN") for o in orgs)
    assert any(o.startswith("Trường Phổ thông Dân tộc nội trú Trung học cơ sở và") for o in orgs)


def test_a_city_whose_name_holds_its_level_names_its_party_committee_one_way(run):
    # "Thành ủy TP.HCM" written out is "Thành ủy Thành phố Hồ Chí Minh"; the committee written bare or
    # with a later title's place is that same body, not a second "Thành ủy Hồ Chí Minh"
    x = run("Phó bí thư Thành ủy, Chủ tịch HĐND TP HCM Nguyễn Thị Lan phát biểu. Ủy ban Kiểm tra Thành ủy TP. HCM "
            "họp. Sau đó, Ủy ban Kiểm tra Thành ủy yêu cầu kiểm điểm. Thành ủy TP.HCM chỉ đạo.")
    orgs = {name_key(n) for n in names(x, "Organization")}
    assert name_key("Thành ủy Thành phố Hồ Chí Minh") in orgs
    assert name_key("Thành ủy Hồ Chí Minh") not in orgs
    assert name_key("Ủy ban Kiểm tra Thành ủy Hồ Chí Minh") not in orgs
    y = run("Bí thư Thành ủy, Chủ tịch UBND TP Hà Nội Nguyễn Văn An dự.")
    assert "Thành ủy Hà Nội" in names(y, "Organization")


def test_the_assemblys_social_affairs_committee_written_without_ve(run):
    x = run("Phó chủ nhiệm Ủy ban các vấn đề xã hội Bùi Văn Lợi thông tin.")
    assert ("Bùi Văn Lợi", "Ủy ban về các vấn đề xã hội của Quốc hội", "Phó chủ nhiệm") in rels(x, "HOLDS_POSITION")


def test_the_home_countrys_name_after_a_known_body_starts_no_persons_name(run):
    x = run("Phó Phát ngôn viên Bộ Ngoại giao Việt Nam Đoàn Khắc Việt cho biết.")
    assert names(x, "Person") == {"Đoàn Khắc Việt"}
    assert ("Đoàn Khắc Việt", "Bộ Ngoại giao", "Phó Phát ngôn viên") in rels(x, "HOLDS_POSITION")
    assert "Bộ Ngoại giao Mỹ" in names(run("Bộ Ngoại giao Mỹ ra thông cáo."), "Organization")


def test_a_states_mission_abroad_is_a_body_named_with_where_it_is(run):
    x = run("Đại sứ quán Việt Nam tại Ấn Độ đã liên hệ. Tổng Lãnh sự quán Việt Nam tại Thượng Hải hỗ trợ. "
            "Đại sứ Nguyễn Văn An thăm.")
    assert {"Đại sứ quán Việt Nam tại Ấn Độ", "Tổng Lãnh sự quán Việt Nam tại Thượng Hải"} <= names(x, "Organization")
    assert "Nguyễn Văn An" in names(x, "Person")  # "Đại sứ" is still a title


@pytest.mark.parametrize(("text", "body"), [
    ("Giám đốc Sở TN - MT tỉnh Thanh Hóa Đào Trọng Quy trả lời.", "Sở Tài nguyên và Môi trường tỉnh Thanh Hóa"),
    ("Bộ trưởng Bộ LĐ - TB và XH Đào Ngọc Dung nói.", "Bộ Lao động - Thương binh và Xã hội"),
    ("Bộ GD - ĐT công bố tiêu chí.", "Bộ Giáo dục và Đào tạo"),
])
def test_an_abbreviation_written_in_spaced_parts_is_expanded(run, text, body):
    assert body in names(run(text), "Organization")


def test_a_board_headed_ban_in_lower_case_before_its_name_is_a_body_but_not_the_end_of_uy_ban(run):
    x = run("Tháng 8/2017, ông Nguyễn Văn An được ban Tổ chức Thành ủy Đà Nẵng công bố quyết định điều động. "
            "Ông Trần Công Định, Chủ nhiệm Uỷ ban Kiểm tra Tỉnh ủy Quảng Trị, phát biểu.")
    assert {"Ban Tổ chức Thành ủy Đà Nẵng",
            "Ủy ban Kiểm tra Tỉnh ủy Quảng Trị"} <= names(x, "Organization")
    assert "Ban Kiểm tra" not in names(x, "Organization")


def test_a_known_communes_name_after_its_unit_word_is_the_place_though_it_reads_as_a_persons(run):
    x = run("Ông Trịnh Lâm Hòa - Chủ tịch UBND xã Sơn Thành Tây cho biết Công an xã Sơn Thành Tây đã chuyển hồ sơ. "
            "Chủ tịch UBND huyện Trần Nam cũng dự.")
    assert {"Ủy ban nhân dân xã Sơn Thành Tây", "Công an xã Sơn Thành Tây"} <= names(x, "Organization")
    assert "Sơn Thành Tây" not in names(x, "Person")
    assert ("Trịnh Lâm Hòa", "Ủy ban nhân dân xã Sơn Thành Tây", "Chủ tịch") in rels(x, "HOLDS_POSITION")
    assert "Trần Nam" in names(x, "Person")  # a district's unit word before a person's name no commune knows


def test_a_central_boards_remit_may_end_with_the_document_it_is_about(run):
    x = run("Trung ương giao Bộ Chính trị, Ban Chỉ đạo Trung ương về tổng kết Nghị quyết số 18 tiếp tục chỉ đạo.")
    assert "Ban Chỉ đạo Trung ương về tổng kết Nghị quyết số 18" in names(x, "Organization")


def test_a_known_name_of_several_words_is_read_in_lower_case_after_a_capitalized_head(run):
    x = run("Cơ quan cảnh sát điều tra Công an tỉnh Nghệ An đã khởi tố vụ án. Ban tổ chức lễ hội cho biết.")
    assert "Cơ quan Cảnh sát điều tra Công an tỉnh Nghệ An" in names(x, "Organization")
    assert not {n for n in names(x, "Organization") if n.startswith("Ban Tổ chức")}  # an event's organizers


def test_a_known_body_then_a_verb_then_another_body_are_two_bodies(run):
    x = run("Bộ Chính trị giao Ban Tổ chức Trung ương chủ trì thẩm định.")
    assert {"Bộ Chính trị", "Ban Tổ chức Trung ương"} <= names(x, "Organization")
    assert not any("giao" in n for n in names(x, "Organization"))


def test_numbered_military_units_of_every_echelon(run):
    x = run("Cử tri thuộc Hải đoàn 128 và Tiểu đoàn DK1, Đại đội 3 đã bỏ phiếu tại trụ sở Hải đoàn 129.")
    assert {"Hải đoàn 128", "Tiểu đoàn DK1", "Đại đội 3"} <= names(x, "Organization")


def test_the_2025_party_committees_and_renamed_assembly_committees_are_known_bodies(run):
    x = run("Ông Trần Cẩm Tú, Bí thư Đảng ủy các cơ quan Đảng Trung ương dự. Chủ nhiệm Ủy ban Công tác đại biểu "
            "Nguyễn Thanh Hải phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Trần Cẩm Tú", "Đảng ủy các cơ quan Đảng Trung ương", "Bí thư") in posts
    assert ("Nguyễn Thanh Hải", "Ủy ban Công tác đại biểu của Quốc hội", "Chủ nhiệm") in posts


def test_a_project_boards_remit_runs_over_cong_trinh_and_a_second_field_to_its_place(run):
    x = run("Ban Quản lý dự án đầu tư xây dựng công trình hạ tầng kỹ thuật và nông nghiệp thành phố Hà Nội báo cáo.")
    assert ("Ban Quản lý dự án đầu tư xây dựng công trình hạ tầng kỹ thuật và nông nghiệp thành phố Hà Nội"
            in names(x, "Organization"))


def test_a_courts_level_written_capitalized(run):
    assert "Tòa án nhân dân cấp cao tại Hà Nội" in names(run("TAND Cấp cao tại Hà Nội mở phiên tòa."), "Organization")
    assert "Tòa án nhân dân tối cao" in names(run("Tòa án nhân dân Tối cao xét xử."), "Organization")


def test_border_guards_publishers_and_army_echelons(run):
    x = run("Khu cách ly tại Đại đội 77, Lữ đoàn 950. Lực lượng Bộ đội Biên phòng tuần tra. Nhà xuất bản Chính "
            "trị quốc gia Sự thật phối hợp tổ chức hội thảo. Đại tá Trần Thanh Bình - Phó Chỉ huy trưởng Bộ đội biên "
            "phòng tỉnh Gia Lai cho biết.")
    assert {"Bộ đội Biên phòng", "Nhà xuất bản Chính trị quốc gia Sự thật"} <= names(x, "Organization")
    assert ("Đại đội 77", "Lữ đoàn 950") in {(a, b) for a, b, _ in rels(x, "PART_OF")}
    assert ("Trần Thanh Bình", "Bộ đội Biên phòng tỉnh Gia Lai", "Phó Chỉ huy trưởng") in rels(x, "HOLDS_POSITION")


def test_a_verb_after_a_bodys_name_ends_it(run):
    assert names(run("Ban cán sự đảng để Bộ và Tổng công ty Mobifone vi phạm quy định."), "Organization") >= {
        "Tổng công ty Mobifone"}
    assert "Nhà xuất bản Chính trị quốc gia Sự thật" in names(
        run("Nhà xuất bản Chính trị quốc gia Sự thật phát hành sách."), "Organization")


def test_the_party_organisations_of_the_army_and_of_the_police(run):
    x = run("Đảng bộ Quân đội đã đạt kết quả trong triển khai thực hiện Nghị quyết Đại hội XIII của Đảng. Ông A là ủy "
            "viên Ban Chấp hành Đảng bộ Công an Trung ương.")
    # (the executive committee of the police's Party organisation is its Party committee)
    assert {"Đảng bộ Quân đội", "Đảng ủy Công an Trung ương"} <= names(x, "Organization")
    assert ("Đảng bộ Quân đội", "Nghị quyết Đại hội XIII của Đảng", None) in rels(x, "IMPLEMENTS")


def test_a_known_body_ending_with_a_levels_word_is_no_reports_own_level(run):
    # "… nông thôn" ends with the word of a village level ("thôn"): the ministry still merges across reports
    x = run("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường phát biểu.")
    ministry = next(e for e in x.entities if e.name == "Bộ Nông nghiệp và Phát triển nông thôn")
    assert "scope" not in ministry.props
    assert next(e for e in run("Ủy ban nhân dân tỉnh họp.").entities if e.type == "Organization").props.get(
        "scope") == "report"


def test_the_regional_steering_committees_and_a_known_bodys_office(run):
    x = run("Ông Nguyễn Văn Út, Chánh văn phòng Ban chỉ đạo Tây Nam bộ bị kỷ luật. Văn phòng Ban chỉ đạo Tây Nam bộ "
            "đã họp.")
    assert {"Ban Chỉ đạo Tây Nam Bộ", "Văn phòng Ban Chỉ đạo Tây Nam Bộ"} <= names(x, "Organization")
    assert names(run("Văn phòng Đảng ủy Khối họp."), "Organization") != {"Văn phòng Đảng Cộng sản Việt Nam"}


def test_an_executive_council_of_a_body_is_part_of_it(run):
    x = run("Ông Nguyễn Văn An, Chủ tịch Hội đồng điều hành Trung tâm Tài chính quốc tế, phát biểu.")
    assert ("Nguyễn Văn An", "Hội đồng điều hành Trung tâm Tài chính quốc tế", "Chủ tịch") in rels(x, "HOLDS_POSITION")
    assert ("Hội đồng điều hành Trung tâm Tài chính quốc tế", "Trung tâm Tài chính quốc tế", None) in rels(x, "PART_OF")


def test_a_companys_name_stops_where_a_captions_next_sentence_begins(run):
    x = run("Bị can Nguyễn Thị Như Loan, cựu chủ tịch HĐQT Công ty Cổ phần Quốc Cường Gia Lai Theo Cáo trạng của "
            "VKSND tối cao, bị can đã vi phạm. Ông A làm việc tại Công ty TNHH Minh Phát Trong năm 2024, công ty lãi.")
    assert {"Công ty cổ phần Quốc Cường Gia Lai", "Công ty TNHH Minh Phát"} <= names(x, "Organization")
    assert names(x, "Person") == {"Nguyễn Thị Như Loan"}  # "Theo Cáo trạng" opens a sentence, names no one


def test_a_companys_name_does_not_run_over_a_dash_into_its_branch(run):
    x = run("Đối tượng cướp Ngân hàng TMCP Vietcombank - Phòng giao dịch Trà Bá (phường Hội Phú, tỉnh Gia Lai).")
    assert "Ngân hàng Thương mại cổ phần Vietcombank" in names(x, "Organization")  # (TMCP written out)
    assert not any(n.endswith("Phòng") for n in names(x, "Organization"))


def test_a_local_bodys_place_stops_where_a_captions_next_sentence_begins(run):
    x = run("Ảnh: Công an xã Gio Linh Sau hơn 2 tuần theo dõi, công an xác định đối tượng. "
            "Ảnh: UBND huyện Gia Lâm Theo kế hoạch, huyện sẽ tổ chức.")
    assert {"Công an xã Gio Linh", "Ủy ban nhân dân huyện Gia Lâm"} <= names(x, "Organization")


def test_a_name_after_an_address_house_number_is_a_street_not_a_body(run):
    x = run("Hai đối tượng cướp ngân hàng tại số 133 Trường Chinh, phường Hội Phú. Chi nhánh (số 21 Trường Chinh, "
            "phường Diên Hồng) đóng cửa. Tại đơn vị số 1 Đoàn đại biểu Quốc hội TP HCM, cử tri kiến nghị.")
    orgs = names(x, "Organization")
    assert not any(n.startswith("Trường Chinh") for n in orgs)
    assert "Đoàn đại biểu Quốc hội thành phố Hồ Chí Minh" in orgs  # a numbered unit, no address


def test_a_known_body_longer_than_the_name_after_a_head_is_its_owner(run):
    # "Thanh tra Bộ Công an": the run of the name stops at "Công an" (a head); the known "Bộ Công an" owns it
    x = run("Ông Nguyễn Văn An, Chánh Thanh tra Bộ Công an, phát biểu.")
    assert ("Thanh tra Bộ Công an", "Bộ Công an", None) in rels(x, "PART_OF")
    assert "Công an" not in names(x, "Organization")


@pytest.mark.parametrize("written", ["Ban Chỉ đạo", "Ban chỉ đạo"])
def test_a_board_named_by_what_it_does_then_a_capitalized_name(run, written):
    x = run(f"Ông Nguyễn Trọng Dũng, Phó Trưởng ban {written} Đổi mới và Phát triển doanh nghiệp, phát biểu. "
            "Ông Nguyễn Văn An, Trưởng Ban Chỉ đạo Bộ Quốc phòng về gìn giữ hòa bình, dự họp.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Nguyễn Trọng Dũng", "Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp", "Phó Trưởng ban") in posts
    assert ("Ban Chỉ đạo Bộ Quốc phòng", "Bộ Quốc phòng", None) in rels(x, "PART_OF")  # a body after it owns it


def test_the_executive_committee_of_a_bodys_party_organisation_is_its_party_committee(run):
    x = run("Ông Phạm Sỹ Quý, ủy viên Ban chấp hành Đảng bộ Sở TN - MT tỉnh Yên Bái, bị kỷ luật. Bùi Văn Thành, "
            "Ủy viên Ban chấp hành Đảng bộ Công an Trung ương, bị cách chức. Ông Trần Quốc Cường, nguyên cục trưởng "
            "Cục Chính trị - Hậu cần, Tổng cục V.")
    posts = {(a, b) for a, b, _ in rels(x, "HOLDS_POSITION")}
    assert {("Phạm Sỹ Quý", "Đảng ủy Sở Tài nguyên và Môi trường tỉnh Yên Bái"),
            ("Bùi Văn Thành", "Đảng ủy Công an Trung ương"), ("Trần Quốc Cường", "Cục Chính trị - Hậu cần")} <= posts
    assert not any(b.startswith("Đảng bộ") for _, b, _ in rels(x, "PART_OF"))


def test_party_building_is_a_field_of_work_not_the_party_acting(run):
    x = run("Ngành Tổ chức xây dựng Đảng đã làm tốt tham mưu cho Bộ Chính trị, Ban Bí thư. Đảng ta luôn coi trọng "
            "công tác cán bộ.")
    assert not {(a, b) for a, b, _ in rels(x, "REPORTS_TO") if a == "Đảng Cộng sản Việt Nam"}
    assert "Đảng Cộng sản Việt Nam" in names(x, "Organization")  # the Party as subject is still named


def test_a_body_of_each_place_a_distributive_list_names(run):
    x = run("Cục Hộ tịch đã có Công văn số 377 gửi Sở Tư pháp các tỉnh Hà Tĩnh, Quảng Trị và Quảng Nam. UBKT Trung "
            "ương yêu cầu Đảng ủy Cục Thi hành án dân sự các thành phố Hà Nội, Hải Phòng lãnh đạo khắc phục. UBND các "
            "tỉnh phải báo cáo.")
    orgs = names(x, "Organization")
    assert {"Sở Tư pháp tỉnh Hà Tĩnh", "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp tỉnh Quảng Nam",
            "Đảng ủy Cục Thi hành án dân sự thành phố Hà Nội",
            "Đảng ủy Cục Thi hành án dân sự thành phố Hải Phòng"} <= orgs
    assert {"Hà Tĩnh", "Quảng Trị", "Quảng Nam"} <= names(x, "Location")  # the places are the report's too
    assert "Ủy ban nhân dân tỉnh" not in orgs  # "UBND các tỉnh" with no list: generic, no body


def test_agencies_of_the_government_are_known_in_any_case(run):
    x = run("Ngày 5/3/2019, ứng viên nộp hồ sơ tại Văn phòng Hội đồng chức danh giáo sư nhà nước. GS Phạm Hoàng Hiệp, "
            "Viện Hàn lâm khoa học và công nghệ Việt Nam, và Đại học Quốc gia TP.HCM ký kết.")
    orgs = names(x, "Organization")
    assert {"Văn phòng Hội đồng Giáo sư nhà nước", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
            "Đại học Quốc gia Thành phố Hồ Chí Minh"} <= orgs
    assert ("Văn phòng Hội đồng Giáo sư nhà nước", "Hội đồng Giáo sư nhà nước", None) in rels(x, "PART_OF")


def test_the_party_as_a_modifier_is_no_body(run):
    x = run("Ngày 5/3/2019, ông gửi đơn điều chỉnh hồ sơ Đảng viên. Người không trúng vào cơ quan Đảng không phải "
            "người xấu. Quận ủy Nam Từ Liêm đình chỉ sinh hoạt Đảng đối với bà Thuận. Ông Trương Hồ Phong, trưởng Ban "
            "Tổ chức Đảng uỷ Khối các cơ quan tỉnh Tiền Giang, bị kỷ luật.")
    orgs = names(x, "Organization")
    assert "Đảng Cộng sản Việt Nam" not in orgs
    assert "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh Tiền Giang" in orgs  # "tổ chức" before a Party committee


def test_a_known_name_after_a_title_with_its_first_word_in_lower_case(run):
    x = run("Chiều 15/6/2016, ông Phạm Minh Chính, Ủy viên Bộ Chính trị, Bí thư trung ương Đảng, Trưởng ban Tổ chức "
            "Trung ương, xác nhận.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Phạm Minh Chính", "Ban Chấp hành Trung ương Đảng", "Bí thư") in posts
    assert ("Phạm Minh Chính", "Ban Tổ chức Trung ương", "Trưởng ban") in posts


def test_national_mass_organisations_and_their_branches(run):
    x = run("Ngày 5/3/2019, ông Nguyễn Thành Phong đảm nhiệm Chủ tịch Hội Sinh viên Việt Nam TP HCM. Hội nhà báo Việt "
            "Nam và Liên minh hợp tác xã Việt Nam họp.")
    orgs = names(x, "Organization")
    assert {"Hội Nhà báo Việt Nam", "Liên minh Hợp tác xã Việt Nam"} <= orgs
    assert ("Nguyễn Thành Phong", "Hội Sinh viên Việt Nam thành phố Hồ Chí Minh", "Chủ tịch") in rels(
        x, "HOLDS_POSITION")


def test_a_party_committees_board_written_in_lower_case(run):
    x = run("Ngày 5/3/2019, thành phố luân chuyển ông Nguyễn Thanh Quang, Trưởng ban tuyên giáo Thành uỷ Đà Nẵng về "
            "giữ chức Bí thư quận uỷ Thanh Khê. Ông Lê Văn Hùng, trưởng ban tổ chức Tỉnh ủy Nghệ An, phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert {("Nguyễn Thanh Quang", "Ban Tuyên giáo Thành ủy Đà Nẵng", "Trưởng ban"),
            ("Nguyễn Thanh Quang", "Quận ủy Thanh Khê", "Bí thư"),
            ("Lê Văn Hùng", "Ban Tổ chức Tỉnh ủy Nghệ An", "Trưởng ban")} <= posts


def test_the_office_a_chief_of_office_title_names_is_part_of_its_body(run):
    x = run("Ngày 5/3/2019, ông Lê Văn Thu từng là Chánh văn phòng UBND tỉnh Quảng Nam.")
    assert ("Văn phòng Ủy ban nhân dân tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh Quảng Nam", None) in rels(x, "PART_OF")


def test_the_standing_secretary_acting_stands_for_the_secretariat(run):
    x = run("Ngày 5/3/2020, Thường trực Ban Bí thư giao Ban Cán sự Đảng Chính phủ, Quân ủy Trung ương chỉ đạo. "
            "Ông Võ Văn Thưởng, Thường trực Ban Bí thư, phát biểu.")
    assert not [o for o in names(x, "Organization") if o.startswith("Thường trực")]  # a post, not a body
    assert ("Quân ủy Trung ương", "Ban Bí thư Trung ương Đảng", None) in rels(x, "REPORTS_TO")
    assert ("Võ Văn Thưởng", "Ban Bí thư Trung ương Đảng", "Thường trực") in rels(x, "HOLDS_POSITION")


def test_a_companys_legal_form_and_its_trade_in_lower_case(run):
    x = run("Ngày 5/3/2019, UBND thành phố giao đất cho Công ty CP đầu tư Lavenue sai quy định. Công ty cổ phần xây "
            "dựng Hoàng Long trúng thầu. Công ty giày Hồng Bảo dừng sản xuất.")
    orgs = names(x, "Organization")
    # "CP" is the legal form (cổ phần), no Government
    assert {"Công ty cổ phần Đầu tư Lavenue", "Công ty cổ phần Xây dựng Hoàng Long"} <= orgs
    assert not [o for o in orgs if "Chính phủ" in o or o.endswith("dừng")]


def test_district_departments_named_with_a_dash_and_the_office_of_a_named_council(run):
    x = run("Ngày 5/3/2019, ông Nguyễn Hồng Lam, Trưởng Phòng Tài chính - Kế hoạch huyện Đức Cơ, bị kỷ luật. Giám mục "
            "Nguyễn Anh Tuấn, Văn phòng Hội đồng Giám mục Việt Nam, dự.")
    assert ("Nguyễn Hồng Lam", "Phòng Tài chính - Kế hoạch huyện Đức Cơ", "Trưởng Phòng") in rels(x, "HOLDS_POSITION")
    assert ("Văn phòng Hội đồng Giám mục Việt Nam", "Hội đồng Giám mục Việt Nam", None) in rels(x, "PART_OF")


def test_a_lower_case_head_after_a_verb_of_tasking_or_working_with(run):
    x = run("Ngày 27/4/2021, Sở Giáo dục và Đào tạo Hà Nội chủ trì phối hợp sở Y tế chỉ đạo kiểm tra. Thủ tướng Chính "
            "phủ giao bộ Công an chỉ đạo điều tra.")
    orgs = names(x, "Organization")
    assert {"Sở Y tế thành phố Hà Nội", "Bộ Công an"} <= orgs and "Công an" not in orgs


def test_a_standing_committee_written_without_ban_before_its_party_committee(run):
    x = run("Ngày 5/3/2019, ông Nguyễn Văn Thống cho biết Thường vụ Tỉnh uỷ Sóc Trăng đã thống nhất không kỷ luật.")
    assert ("Ban Thường vụ Tỉnh ủy Sóc Trăng", "Tỉnh ủy Sóc Trăng", None) in rels(x, "PART_OF")


def test_a_banks_legal_form_written_short_is_spelled_out(run):
    x = run("Ngày 9/5/2018, ông Nghiêm Xuân Thành, Bí thư Đảng ủy Ngân hàng TMCP Ngoại thương Việt Nam, trao quà.")
    assert ("Nghiêm Xuân Thành", "Đảng ủy Ngân hàng Thương mại cổ phần Ngoại thương Việt Nam", "Bí thư") in rels(
        x, "HOLDS_POSITION")


def test_a_ministry_written_short_ends_before_the_verb_after_it(run):
    x = run("Năm 2017, Bộ Văn hoá liệt kê các hiện tượng phản cảm. Bộ Văn hóa đồng ý với đề xuất.")
    orgs = names(x, "Organization")
    assert not [o for o in orgs if "liệt kê" in o or "đồng ý" in o]
    assert orgs & {"Bộ Văn hóa", "Bộ Văn hóa, Thể thao và Du lịch"}


def test_police_departments_named_in_lower_case_after_their_head(run):
    x = run("Khi xác minh tại Phòng quản lý xuất nhập cảnh Công an tỉnh Nghệ An, 40 người không có tên. Phòng kỹ "
            "thuật hình sự Công an tỉnh Nghệ An đã giám định.")
    part_of = rels(x, "PART_OF")
    assert ("Phòng Quản lý xuất nhập cảnh Công an tỉnh Nghệ An", "Công an tỉnh Nghệ An", None) in part_of
    assert ("Phòng Kỹ thuật hình sự Công an tỉnh Nghệ An", "Công an tỉnh Nghệ An", None) in part_of


def test_a_standing_body_of_a_committee_written_in_lower_case(run):
    x = run("Trước đó, Uỷ ban kiểm tra huyện uỷ Hậu Lộc phát hiện ông Lê Văn Luật kê khai không trung thực.")
    assert ("Ủy ban Kiểm tra Huyện ủy Hậu Lộc", "Huyện ủy Hậu Lộc", None) in rels(x, "PART_OF")
    y = run("Ban Bí thư đề nghị các ban thường vụ tỉnh ủy, thành ủy lãnh đạo thực hiện.")
    assert not {o for o in names(y, "Organization") if o.startswith("Ban Thường vụ")}
