"""kg.extract.short_names: a body cut short in the same report is the body named in full."""

from tests.extract.conftest import names


def test_a_body_cut_short_is_the_one_the_report_names_in_full(run):
    x = run("Sở Giáo dục và Đào tạo tỉnh Bình Định vừa có văn bản. Theo Sở Giáo dục tỉnh Bình Định, kỳ thi diễn "
            "ra an toàn. Bộ Tài nguyên và Môi trường đã trả lời Bộ Tài nguyên.")
    orgs = names(x, "Organization")
    assert "Sở Giáo dục tỉnh Bình Định" not in orgs and "Sở Giáo dục và Đào tạo tỉnh Bình Định" in orgs
    assert "Bộ Tài nguyên" not in orgs


def test_two_bodies_made_one_are_not_a_short_form(run):
    x = run("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bình Định được thành lập trên cơ sở hợp "
            "nhất Văn phòng Đoàn đại biểu Quốc hội tỉnh Bình Định và Văn phòng HĐND tỉnh.")
    assert "Văn phòng Đoàn đại biểu Quốc hội tỉnh Bình Định" in names(x, "Organization")
