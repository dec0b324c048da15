"""Places read by kg.extract.places: named sites after a site word."""

from tests.extract.conftest import names, rels


def test_a_site_word_and_its_name_are_one_place_named_with_the_word(run):
    x = run("Trong ngày 30/1, tại cửa khẩu quốc tế Kim Thành (Lào Cai) có 300 xe. Hàng ùn ứ tại Cảng Cát Lái.")
    places = names(x, "Location")
    assert {"Cửa khẩu quốc tế Kim Thành", "Lào Cai", "Cảng Cát Lái"} <= places
    assert "Kim Thành" not in names(x, "Person")  # the site's name is no person


def test_after_a_plural_the_site_word_names_each_site_of_the_list(run):
    x = run("Nông sản khó thông quan qua các cửa khẩu như Xa Mát, Katum, Phước Tân... Tỉnh Tây Ninh báo cáo.")
    assert {"Cửa khẩu Xa Mát", "Cửa khẩu Katum", "Cửa khẩu Phước Tân", "Tây Ninh"} <= names(x, "Location")
    assert not names(x, "Person")


def test_a_region_named_after_a_river_and_a_country_are_no_site(run):
    x = run("Vùng đồng bằng sông Cửu Long và hệ thống sông Việt Nam. Ông đi dọc sông Hồng.")
    places = names(x, "Location")
    assert "Sông Hồng" in places
    assert "Sông Cửu Long" not in places and "Sông Việt Nam" not in places


def test_a_foreign_capital_is_a_place(run):
    x = run("Ngày 24/2, tại Mátxcơva, đồng chí Lê Hoài Trung gặp Chủ tịch Đảng Cộng sản Liên bang Nga G. Zyuganov.")
    assert "Mátxcơva" in names(x, "Location")
    y = run("Đại sứ quán Việt Nam ở Viêng Chăn tổ chức lễ viếng. Bí thư Tỉnh ủy Quảng Đông Hồ Xuân Hoa dự.")
    assert {"Viêng Chăn", "Quảng Đông"} <= names(y, "Location") | {o.removeprefix("Tỉnh ủy ") for o in names(
        y, "Organization")}
    assert names(y, "Person") == {"Hồ Xuân Hoa"}  # a Chinese province's name is no part of a person's


def test_an_ocean_is_no_province_inside_it(run):
    x = run("Tàu ra Thái Bình Dương. Tàu ra Ấn Độ Dương.")  # (in "Hiệp định xuyên Thái Bình Dương": no place)
    places = names(x, "Location")
    assert {"Thái Bình Dương", "Ấn Độ Dương"} <= places and not {"Bình Dương", "Ấn Độ"} & places


def test_an_abbreviated_unit_glued_to_its_name_is_the_unit(run):
    x = run("Chủ tịch UBND TP.Bắc Ninh Nguyễn Văn Dũng làm việc với UBND Q.Hoàng Mai và thăm H.Gia Lâm. "
            "Bài: Q.Huy")
    assert names(x, "Person") == {"Nguyễn Văn Dũng", "Q.Huy"}  # a byline's initial stays a name
    assert {"Ủy ban nhân dân thành phố Bắc Ninh", "Ủy ban nhân dân quận Hoàng Mai"} <= names(x, "Organization")
    assert "Gia Lâm" in names(x, "Location")


def test_a_units_name_may_end_with_its_number(run):
    x = run("Bà Lê Thị Hạnh, nguyên bí thư Đảng ủy phường Phước Hòa 2, thị xã Ninh Hòa, vừa bị HĐND phường Phước Hòa 2 "
            "bãi nhiệm ngày 3/9/2017. Xã Phú Lộc 2 lần đạt danh hiệu.")
    assert {"Đảng ủy phường Phước Hòa 2", "Hội đồng nhân dân phường Phước Hòa 2"} <= names(x, "Organization")
    assert not any(n.endswith(" 2") and "Phú Lộc" in n for n in names(x, "Location") | names(x, "Organization"))


def test_an_abbreviated_unit_with_a_space_before_its_name(run):
    x = run("Chủ tịch UBND Q. Bình Thạnh Nguyễn Văn Dũng làm việc tại P. Tân Định 1, Q. Gò Vấp. Ảnh: Q. Huy")
    assert "Ủy ban nhân dân quận Bình Thạnh" in names(x, "Organization")
    assert {"Tân Định 1", "Gò Vấp"} <= names(x, "Location")
    assert names(x, "Person") == {"Nguyễn Văn Dũng"}


def test_a_district_named_bare_after_tai_with_its_province_after_it(run):
    x = run("Sáng 2/2/2026, lễ khai mạc diễn ra ở Đông Anh (Hà Nội). Đoàn đến thăm tại Gia Lâm, Hà Nội. "
            "Ông Lê Văn Nam ở Hà Đông cũng dự.")
    assert {"Đông Anh", "Gia Lâm"} <= names(x, "Location")


def test_a_province_of_before_the_1990s_splits_is_a_place(run):
    x = run("Ông Đào Ngọc Dung từng là Bí thư Tỉnh đoàn Nam Hà, Trưởng Ban Dân vận Tỉnh ủy Nam Hà. Ông Lê Tính, "
            "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Sông Bé, phát biểu.")
    posts = rels(x, "HOLDS_POSITION")
    assert ("Đào Ngọc Dung", "Tỉnh đoàn Nam Hà", "Bí thư") in posts
    assert ("Lê Tính", "Bộ Chỉ huy Quân sự tỉnh Sông Bé", "Chỉ huy trưởng") in posts
    assert "Nam Hà" not in names(x, "Person")


def test_a_list_of_wards_goes_on_over_one_word_and_two_part_names(run):
    x = run("Hội nghị được truyền trực tiếp đến các điểm cầu thuộc Đơn vị bầu cử số 1 TP Hà Nội, gồm các phường: Cửa "
            "Nam, Kim Liên, Láng, Văn Miếu – Quốc Tử Giám, Giảng Võ, Ngọc Hà.")
    assert {"Láng", "Văn Miếu - Quốc Tử Giám", "Giảng Võ", "Ngọc Hà"} <= names(x, "Location")
    assert "Văn Miếu" not in names(x, "Person")
    # one word that is no unit's name does not go on a list
    y = run("Đoàn đã đến các xã: Hoằng Đạt, Hoằng Đạo, Xyz và nhiều nơi khác.")
    assert "Xyz" not in names(y, "Location")


def test_a_city_written_with_tp_is_a_place_wherever_it_stands(run):
    x = run("Người dân TP Buôn Ma Thuột bức xúc. Giàn hoa ở hoa viên (TP Buôn Ma Thuột) bị cưa.")
    assert "Buôn Ma Thuột" in names(x, "Location")


def test_countries_listed_after_nhu_and_a_city_written_with_an_abbreviations_dot_are_places(run):
    x = run("Dịch bùng phát tại các quốc gia trong khu vực như Campuchia, Lào, Thái Lan, Ấn Độ. Ông Trần Văn An "
            "sinh năm 1964 tại huyện Bình Chánh, TP. HCM, công tác lâu năm ở TP. Hồ Chí Minh.")
    places = names(x, "Location")
    assert {"Campuchia", "Lào", "Thái Lan", "Ấn Độ", "Bình Chánh", "Thành phố Hồ Chí Minh"} <= places


def test_landmarks_of_the_capital_are_places_not_people_and_the_mausoleum_command_is_one_body(run):
    x = run("Đội tiêu binh danh dự, Bộ Tư lệnh Bảo vệ Lăng Chủ tịch Hồ Chí Minh thực hiện nghi lễ tại Quảng trường Ba "
            "Đình. Quanh Hồ Gươm, cờ rủ được treo.")
    assert {"Quảng trường Ba Đình", "Hồ Hoàn Kiếm"} <= names(x, "Location")
    assert not names(x, "Person")
    assert "Bộ Tư lệnh Bảo vệ Lăng Chủ tịch Hồ Chí Minh" in names(x, "Organization")


def test_a_venue_word_alone_names_no_place(run):
    x = run("Sáng 20/10, tại Hội trường, Quốc hội khai mạc kỳ họp thứ 7. Chiều 21/10, các đại biểu họp tại Hội trường "
            "Diên Hồng, Nhà Quốc hội.")
    places = names(x, "Location")
    assert "Hội trường" not in places
    assert "Hội trường Diên Hồng" in places


def test_a_special_zone_is_a_unit_of_the_commune_tier(run):
    # "đặc khu" (special zones, from 1 July 2025) name places and local bodies as "xã" does
    x = run("Ủy ban bầu cử đặc khu Trường Sa đã có mặt tại các đảo. Công tác giới thiệu người ứng cử đại biểu HĐND "
            "đặc khu được thực hiện đúng quy trình. Bí thư Đảng ủy đặc khu Trường Sa Trần Văn An dự.")
    assert {"Ủy ban bầu cử đặc khu Trường Sa", "Hội đồng nhân dân đặc khu Trường Sa",
            "Đảng ủy đặc khu Trường Sa"} <= names(x, "Organization")
    assert ("Trần Văn An", "Đảng ủy đặc khu Trường Sa", "Bí thư") in rels(x, "HOLDS_POSITION")
    y = run("Chủ tịch UBND đặc khu Phú Quốc Trần Minh Khoa phát biểu.")
    assert ("Trần Minh Khoa", "Ủy ban nhân dân đặc khu Phú Quốc", "Chủ tịch") in rels(y, "HOLDS_POSITION")


def test_a_capitalized_unit_word_names_a_place_when_a_known_units_name_follows(run):
    x = run("Công tác bầu cử tại Đặc khu Trường Sa và tại Huyện Nam Đàn được thực hiện tốt.")
    assert {"Trường Sa", "Nam Đàn"} <= names(x, "Location")
    assert "Trường Sa" not in names(x, "Organization")
    # elsewhere a capitalized unit word is another word ("Huyện Đoàn": the district's Youth Union)
    y = run("Đó là vấn đề Xã Hội của cả nước.")
    assert not names(y, "Location")


def test_a_ward_keeps_its_written_name_where_it_is_also_a_citys_other_name(run):
    # "phường Sài Gòn" is a ward of Ho Chi Minh City from 1 July 2025, not the city
    x = run("Ông Nguyễn Văn An, Chủ tịch UBND phường Sài Gòn, TP.HCM cho biết.")
    assert ("Nguyễn Văn An", "Ủy ban nhân dân phường Sài Gòn", "Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_a_title_then_its_bodys_address_then_the_holder(run):
    x = run("Chủ tịch UBND phường Hạc Thành, tỉnh Thanh Hóa Nguyễn Văn Em phát biểu.")
    assert ("Nguyễn Văn Em", "Ủy ban nhân dân phường Hạc Thành", "Chủ tịch") in rels(x, "HOLDS_POSITION")


def test_a_unit_followed_by_its_own_province_is_a_place_not_a_person(run):
    # "Vũ Quang" and "La Gi" open with surnames; the province after them is theirs (La Gi's since the 2025
    # merger too), so they are places; a person with an honorific stays a person
    x = run("Ông về thăm Vũ Quang, tỉnh Hà Tĩnh. Hai tàu cá bị chìm tại khu vực biển La Gi, tỉnh Lâm Đồng. "
            "Ông Lê Văn Thành, tỉnh Hải Phòng phát biểu.")
    assert {"Vũ Quang", "La Gi"} <= names(x, "Location")
    assert names(x, "Person") == {"Lê Văn Thành"}


def test_a_country_that_ends_a_two_word_name_is_no_country(run):
    # "Thoại Mỹ" (an artist), "Chương Mỹ" (a district): "Mỹ" there is no United States
    x = run("Nghệ sĩ Hữu Quốc, Thoại Mỹ, Điền Trung thể hiện. Phía Tây Nam (Xuân Mai - Chương Mỹ) là đô thị vệ tinh. "
            "Đoàn đã thăm Lào và Hàn Quốc.")
    assert "Hoa Kỳ" not in names(x, "Location")
    assert {"Lào", "Hàn Quốc"} <= names(x, "Location")


def test_a_city_named_like_its_province_after_o_is_the_city(run):
    x = run("Bà Đào mở tiệc tại một nhà hàng ở TP. Sóc Trăng với 80 mâm cỗ.")
    assert names(x, "Location") == {"Thành phố Sóc Trăng"}


def test_a_state_bodys_province_written_alone_is_the_province_with_its_level(run):
    x = run("Sáng 5/3/2024, UBND tỉnh Lâm Đồng họp. UBND Lâm Đồng cho biết Sở Y tế Hà Nội, Công an Bến Tre, "
            "Tỉnh đoàn Bến Tre và Trường Cao đẳng Y tế Nam Định đã phối hợp.")
    orgs = names(x, "Organization")
    # one body however its province is written; "thành phố" for a centrally run city
    assert {"Ủy ban nhân dân tỉnh Lâm Đồng", "Sở Y tế thành phố Hà Nội", "Công an tỉnh Bến Tre"} <= orgs
    assert "Ủy ban nhân dân Lâm Đồng" not in orgs
    # a head that says its level, a school's own name: as written
    assert {"Tỉnh đoàn Bến Tre", "Trường Cao đẳng Y tế Nam Định"} <= orgs


def test_a_named_body_with_its_province_is_not_cut_to_its_short_name(run):
    x = run("Chiều 26/12/2024, Sở Văn hóa, Thể thao và Du lịch Bắc Kạn tổ chức Hội nghị tổng kết. Năm 2024, Sở Văn "
            "hóa, Thể thao và Du lịch đã tham mưu. Dịp này, Sở Văn hóa, Thể thao và Du lịch tỉnh đã khen thưởng.")
    assert [o for o in names(x, "Organization") if o.startswith("Sở")] == [
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Kạn"]


def test_a_place_whose_name_opens_with_a_head_word_is_a_place(run):
    x = run("Ngày 29/4/2021, Việt Nam khẳng định chủ quyền đối với hai quần đảo Trường Sa và Hoàng Sa. Việt Nam "
            "phản đối Đài Loan tập trận. Lập trường về vấn đề Biển Đông là rõ ràng.")
    assert {"Trường Sa", "Hoàng Sa", "Đài Loan", "Biển Đông"} <= names(x, "Location")
    assert not {"Trường Sa", "Đài Loan"} & names(x, "Organization")  # no school, no station
    assert not names(run("Ngày 5/3/2019, mối quan hệ giữa Hội An và Nhật Bản."), "Organization")  # no association
    assert "Hoàng Sa" not in names(x, "Person")


def test_states_joined_by_dashes_and_units_named_by_a_number(run):
    x = run("Ngày 8/12/2019, ba nước Việt Nam - Lào - Campuchia hợp tác. UBND phường Phạm Ngũ Lão (Quận 1, TP.HCM) "
            "đến từng hộ. Khu đất ở quận 7, TP. HCM được giao.")
    assert {"Việt Nam", "Lào", "Campuchia", "Quận 1", "Quận 7"} <= names(x, "Location")


def test_an_aircraft_carrier_is_no_airport(run):
    x = run("Ngày 29/4/2021, tàu sân bay Sơn Đông xuất hiện.")
    assert not {n for n in names(x, "Location") if "Sơn Đông" in n}


def test_a_place_inside_a_name_or_a_dashed_region_is_no_place_of_its_own(run):
    x = run("Ngày 5/11/2024, Việt Nam phê chuẩn Hiệp định đối tác xuyên Thái Bình Dương (TPP) và hợp tác với khu vực "
            "châu Á - Thái Bình Dương. Đại biểu họp tại hội trường Diên Hồng - Nhà Quốc hội. Tỉnh Bình Dương phát "
            "triển.")
    places = names(x, "Location")
    assert not {"Thái Bình Dương"} & places  # (nor its "Bình Dương")
    assert {"Nhà Quốc hội", "Bình Dương"} <= places  # a venue after a venue's dash, the province itself


def test_a_region_named_whole_with_a_dash(run):
    x = run("Ngày 24/6/2019, TP.HCM là trung tâm của khu vực Châu Á - Thái Bình Dương.")
    assert "Châu Á - Thái Bình Dương" in names(x, "Location") and "Thái Bình Dương" not in names(x, "Location")
