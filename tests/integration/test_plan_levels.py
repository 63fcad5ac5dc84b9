"""Plans that read right for whoever issues them, as the officer would read them: a ward speaks of its tổ dân
phố (or khu phố), a commune of its thôn, a district of its xã and thị trấn, in the Word plan, its table and
the Excel appendix, from a plain statistics table as from the province batch; the template follows the
issuer when the plan file names none, and an issuer no template fits is asked for one; a mass
organisation's plan speaks of its territory; a fixed "all" is said in the text; projects are never bare
headings; offices carry the names in force on the document's date."""
import csv
import os
import re
import subprocess
import sys
import xml.dom.minidom
import zipfile

import openpyxl

from harness import EXAMPLES, FolderTest, kehoach, run

THANH_TRI = os.path.join(EXAMPLES, "thanh-tri-2023", "ke-hoach.yaml")
HOC_MON = os.path.join(EXAMPLES, "hoc-mon-2022", "ke-hoach.yaml")
HA_TINH = os.path.join(EXAMPLES, "ha-tinh-2026", "phan-bo.yaml")


def document_text(docx):
    """The visible text of the Word document, one line per paragraph (table cells are paragraphs)."""
    with zipfile.ZipFile(docx) as z:
        dom = xml.dom.minidom.parseString(z.read("word/document.xml"))
    lines = []
    for p in dom.getElementsByTagName("w:p"):
        lines.append("".join(t.firstChild.data if t.firstChild else "" for t in p.getElementsByTagName("w:t")))
    return "\n".join(lines)


def pdf_text(pdf):
    return re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                              check=True).stdout)


def unit_header(xlsx):
    """The appendix's unit column header, as Excel shows it (row 5, column B)."""
    return openpyxl.load_workbook(xlsx).active["B5"].value


def speaks_of_thon(text):
    """Whether the text calls a unit a thôn ("nông thôn", the countryside, is not one)."""
    return re.search(r"(?<!nông )\bthôn\b", text, re.IGNORECASE) is not None


PLAN = """year: {year}
issuer:
  parent: {parent}
  body: {body}
  unit: {unit}
statistics: so-lieu.csv
targets:
  poor: {{ reduce: {reduce} }}
{extra}"""


class IssuerPlans(FolderTest):
    """Plans written from a plain statistics table, for issuers of every kind."""

    def plan(self, table, unit, year=2026, body="Ủy ban nhân dân", parent="UBND TỈNH HÀ TĨNH", reduce=2, extra="",
             pdf=False):
        """Writes the table and the plan file, runs `kehoach plan`; returns (result, docx path)."""
        self.write("so-lieu.csv", table)
        plan = self.write("ke-hoach.yaml", PLAN.format(year=year, parent=parent, body=body, unit=unit, reduce=reduce,
                                                       extra=extra))
        out = self.path("ke-hoach.docx")
        result = kehoach("plan", plan, "-o", out, *(["--pdf"] if pdf else []))
        return result, out

    def written(self, *args, **kwargs):
        result, out = self.plan(*args, **kwargs)
        self.assertEqual(result.returncode, 0, result.stderr)
        return out

    def test_a_ward_whose_column_is_to_dan_pho_speaks_of_to_dan_pho_in_the_plan_and_both_tables(self):
        table = "TT,Tổ dân phố,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n" + "".join(
            "%d,%d,%d,%d,%d\n" % (i, i, 200 + i, 3 + i, 4) for i in range(1, 6))
        docx = self.written(table, "phường Trần Phú", pdf=True)
        text = document_text(docx)
        self.assertIn("b) Chỉ tiêu cụ thể cho từng tổ dân phố", text)
        self.assertIn("Chỉ tiêu cụ thể của 5 tổ dân phố chi tiết tại Phụ lục", text)
        self.assertIn("5. Tổ trưởng tổ dân phố:", text)
        self.assertIn("Các ban, ngành, đoàn thể và các tổ dân phố định kỳ", text)
        self.assertIn("Ban Chỉ đạo giảm nghèo phường;", text)
        self.assertFalse(speaks_of_thon(text))
        self.assertNotIn("cấp xã", text)
        self.assertIn("\nTổ dân phố\nTổng số hộ\n", text)  # the Word appendix table's column
        self.assertEqual(unit_header(docx[:-5] + "-phu-luc.xlsx"), "Tổ dân phố")
        # As printed: LibreOffice's PDF of the plan says the same.
        printed = pdf_text(docx[:-5] + ".pdf")
        self.assertIn("Chỉ tiêu cụ thể của 5 tổ dân phố", printed)
        self.assertFalse(speaks_of_thon(printed))
        # `kehoach appendix` alone gives the same column.
        appendix = self.path("phu-luc.xlsx")
        self.assertEqual(kehoach("appendix", self.path("ke-hoach.yaml"), "-o", appendix).returncode, 0)
        self.assertEqual(unit_header(appendix), "Tổ dân phố")

    def test_a_ward_of_khu_pho_speaks_of_khu_pho_and_their_heads(self):
        table = "TT,Khu phố,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Khu phố 1,300,5,6\n2,Khu phố 2,280,4,3\n3,Khu phố 3,150,2,2\n"
        text = document_text(self.written(table, "phường Linh Xuân", parent="UBND THÀNH PHỐ HỒ CHÍ MINH", year=2022))
        self.assertIn("Chỉ tiêu cụ thể của 3 khu phố", text)
        self.assertIn("5. Trưởng khu phố:", text)
        self.assertFalse(speaks_of_thon(text))
        self.assertEqual(unit_header(self.path("ke-hoach-phu-luc.xlsx")), "Khu phố")

    def test_names_that_say_to_dan_pho_win_over_a_column_written_thon(self):
        table = "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Tổ dân phố 1,300,5,6\n2,Tổ dân phố 2,280,4,3\n"
        text = document_text(self.written(table, "phường Bắc Hồng Lĩnh"))
        self.assertIn("Chỉ tiêu cụ thể của 2 tổ dân phố", text)
        self.assertFalse(speaks_of_thon(text))
        self.assertEqual(unit_header(self.path("ke-hoach-phu-luc.xlsx")), "Tổ dân phố")

    def test_a_commune_of_thon_and_to_dan_pho_names_both(self):
        table = ("TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Thôn Trung Hòa,339,13,23\n2,Tổ dân phố Hòa Bình,223,2,8\n"
                 "3,Thôn Bình Sơn,193,5,7\n")
        text = document_text(self.written(table, "xã Sơn Tây"))
        self.assertIn("Chỉ tiêu cụ thể của 3 thôn, tổ dân phố", text)
        self.assertIn("5. Trưởng thôn, Tổ trưởng tổ dân phố:", text)
        self.assertEqual(unit_header(self.path("ke-hoach-phu-luc.xlsx")), "Thôn, tổ dân phố")

    def test_an_urban_district_gets_the_district_template_speaking_of_its_wards(self):
        table = "TT,Phường,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Phường 1,3000,20,30\n2,Phường 3,2800,15,25\n"
        text = document_text(self.written(table, "quận Gò Vấp", parent="UBND THÀNH PHỐ HỒ CHÍ MINH", year=2023, reduce=10))
        self.assertIn("V. TỔ CHỨC THỰC HIỆN", text)  # the district template's sections
        self.assertIn("12. Ủy ban nhân dân các phường:", text)
        self.assertIn("Là cơ quan thường trực của Ban Chỉ đạo quận, tham mưu Ủy ban nhân dân quận", text)
        self.assertIn("10. Bảo hiểm xã hội quận:", text)
        self.assertIn("Chỉ tiêu cụ thể của 2 phường", text)
        self.assertNotIn("Công chức Lao động", text)
        self.assertNotIn("cấp xã", text)
        self.assertNotIn("xã, thị trấn", text)

    def test_a_wards_womens_union_has_its_appendix_column_in_to_dan_pho(self):
        table = "TT,Tổ dân phố,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,TDP 1,300,5,6\n2,TDP 2,280,4,3\n"
        docx = self.written(table, "Hội LHPN phường Trần Phú", body="Ban Thường vụ", parent="HỘI LHPN TỈNH HÀ TĨNH")
        text = document_text(docx)
        self.assertIn("V. CHẾ ĐỘ THÔNG TIN BÁO CÁO", text)  # the Women's Union template, chosen from the issuer
        self.assertIn("hộ nghèo trên địa bàn phường Trần Phú trong năm 2026", text)
        self.assertIn("\nTổ dân phố\nTổng số hộ\n", text)
        self.assertFalse(speaks_of_thon(text))
        self.assertEqual(unit_header(docx[:-5] + "-phu-luc.xlsx"), "Tổ dân phố")

    def test_a_town_of_communes_and_wards_names_both_in_its_district_plan(self):
        table = "TT,Xã,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Phường Bắc Hồng,3000,20,30\n2,Xã Thuận Lộc,2800,45,25\n"
        docx = self.written(table, "thị xã Hồng Lĩnh", year=2023, reduce=10)
        text = document_text(docx)
        self.assertIn("12. Ủy ban nhân dân các xã, phường:", text)
        self.assertIn("Ban Chỉ đạo thị xã, tham mưu Ủy ban nhân dân thị xã", text)
        self.assertEqual(unit_header(docx[:-5] + "-phu-luc.xlsx"), "Xã, phường")

    def test_an_organisation_without_a_template_is_asked_for_one_and_nothing_is_written(self):
        table = "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Thôn 1,300,5,6\n"
        result, out = self.plan(table, "Hội Nông dân xã Phú Hòa", body="Ban Thường vụ", parent="HỘI NÔNG DÂN HUYỆN PHÚ HÒA")
        self.assertEqual(result.returncode, 2)
        self.assertIn("ke-hoach.yaml:5: chưa chọn được mẫu văn bản cho \"Ban Thường vụ Hội Nông dân xã Phú Hòa\"",
                      result.stderr)
        for words_ in ("template: xa", "template: huyen", "template: hoi-phu-nu", ".docx"):
            self.assertIn(words_, result.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(out[:-5] + "-phu-luc.xlsx"))
        # The appendix needs no template.
        self.assertEqual(kehoach("appendix", self.path("ke-hoach.yaml"), "-o", self.path("p.xlsx")).returncode, 0)

    def test_an_organisation_that_chooses_a_template_speaks_of_its_territory(self):
        table = "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Thôn 1,300,5,6\n2,Thôn 2,200,4,3\n"
        text = document_text(self.written(table, "Hội Nông dân xã Phú Hòa", body="Ban Thường vụ",
                                          parent="HỘI NÔNG DÂN HUYỆN PHÚ HÒA", extra="template: hoi-phu-nu\n"))
        self.assertIn("hộ nghèo trên địa bàn xã Phú Hòa trong năm 2026", text)
        self.assertNotIn("trên địa bàn Hội", text)
        self.assertIn("- Lưu: VT.", text)  # not a people's committee's labour office

    def test_projects_under_a_template_without_them_are_refused_at_their_line(self):
        table = "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Thôn 1,300,5,6\n"
        result, out = self.plan(table, "xã Sơn Tây", extra="projects:\n  2: Hỗ trợ sinh kế cho hộ nghèo.\n")
        self.assertEqual(result.returncode, 2)
        self.assertIn("ke-hoach.yaml:9: mẫu xa không có phần Dự án, Tiểu dự án", result.stderr)
        self.assertIn("template: huyen", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_draft_district_plan_marks_the_projects_it_has_no_content_for(self):
        table = "TT,Xã,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Xã A,3000,90,30\n2,Thị trấn B,2800,60,25\n"
        projects = "projects:\n  2: Hỗ trợ sinh kế cho hộ nghèo.\n  5: { note: không thực hiện }\n"
        text = document_text(self.written(table, "huyện Hương Sơn", year=2024, reduce=10, extra=projects))
        self.assertIn("1. Dự án 1: Hỗ trợ đầu tư", text)
        self.assertIn("2. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo.\nHỗ trợ sinh kế cho hộ nghèo.", text)
        self.assertIn("5. Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo.\n(không thực hiện).",
                      text)
        # No heading stands bare: each is followed by its text, its note or the mark to fill it in.
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if re.match(r"\d+\. Dự án \d+:|[a-i]\) Tiểu dự án \d+:", line):
                self.assertRegex(lines[i + 1], r"^\(|^[^\d]", line)
                self.assertNotRegex(lines[i + 1], r"^\d+\. Dự án|^[a-i]\) Tiểu dự án|^III\.", line)
        self.assertIn("3. Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng.\n(bổ sung nội dung)", text)

    def test_an_issued_district_plan_prints_only_the_projects_it_has_content_for(self):
        table = "TT,Xã,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Xã A,3000,90,30\n2,Thị trấn B,2800,60,25\n"
        extra = ("document: { number: 12, date: 2024-02-01 }\nprojects:\n  4:\n    subprojects:\n"
                 "      3: Giới thiệu việc làm cho lao động nghèo.\n")
        text = document_text(self.written(table, "huyện Hương Sơn", year=2024, reduce=10, extra=extra))
        self.assertIn("1. Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững.\n"
                      "a) Tiểu dự án 3: Hỗ trợ việc làm bền vững.\nGiới thiệu việc làm cho lao động nghèo.", text)
        self.assertNotIn("Dự án 1:", text)
        self.assertNotIn("bổ sung nội dung", text)


class ExamplePlans(FolderTest):
    """The shipped examples, written as the demo writes them."""

    def test_thanh_tri_without_a_template_key_gets_the_district_template_and_says_who_has_none_left(self):
        out = self.path("thanh-tri.docx")
        result = kehoach("plan", THANH_TRI, "-o", out, "--pdf")
        self.assertEqual(result.returncode, 0, result.stderr)
        text = document_text(out)
        self.assertIn("riêng xã Tứ Hiệp và thị trấn Văn Điển phấn đấu không còn hộ cận nghèo", text)
        self.assertIn("Chỉ tiêu cụ thể của 16 xã, thị trấn", text)
        self.assertIn("1. Phòng Lao động - Thương binh và Xã hội:", text)
        self.assertIn("12. Ủy ban nhân dân các xã, thị trấn:", text)
        self.assertNotIn("Công chức Lao động", text)
        self.assertNotIn("cấp xã", text)
        self.assertNotIn("Dự án 1:", text)  # an issued plan without project content prints no bare heading
        printed = pdf_text(out[:-5] + ".pdf")
        self.assertIn("riêng xã Tứ Hiệp và thị trấn Văn Điển phấn đấu không còn hộ cận nghèo", printed)

    def test_the_union_plan_speaks_of_the_district_not_of_the_union(self):
        out = self.path("hoc-mon.docx")
        self.assertEqual(kehoach("plan", HOC_MON, "-o", out).returncode, 0)
        text = document_text(out)
        self.assertIn("giảm 440 hộ nghèo trên địa bàn huyện Hóc Môn trong năm 2022", text)
        self.assertNotIn("trên địa bàn Hội", text)


class ProvinceBatch(FolderTest):
    """The province example's batch: its ward, its communes, its index, with the names of 2026."""

    @classmethod
    def setUpClass(cls):
        import tempfile
        cls.folder_ = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.folder_.name, "ha-tinh")
        result = kehoach("batch", HA_TINH, "-o", cls.out)
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        cls.folder_.cleanup()

    def file(self, *parts):
        return os.path.join(self.out, *parts)

    def test_the_ward_plan_and_appendix_speak_of_to_dan_pho(self):
        docx = self.file("phuong-bac-hong-linh", "ke-hoach.docx")
        text = document_text(docx)
        self.assertIn("Chỉ tiêu cụ thể của 5 tổ dân phố", text)
        self.assertIn("5. Tổ trưởng tổ dân phố:", text)
        self.assertIn("ỦY BAN NHÂN DÂN\nPHƯỜNG BẮC HỒNG LĨNH", text)
        self.assertFalse(speaks_of_thon(text))
        self.assertEqual(unit_header(self.file("phuong-bac-hong-linh", "phu-luc.xlsx")), "Tổ dân phố")

    def test_the_province_appendix_and_the_index_say_phuong_for_the_ward_and_xa_for_communes(self):
        self.assertEqual(unit_header(self.file("phu-luc.xlsx")), "Xã, phường")
        with open(self.file("index.csv"), encoding="utf-8-sig", newline="") as f:
            levels = {row["Đơn vị"]: row["Cấp"] for row in csv.DictReader(f)}
        self.assertEqual(levels["Phường Bắc Hồng Lĩnh"], "Phường")
        self.assertEqual(levels["Xã An Hòa Thịnh"], "Xã")
        self.assertEqual(levels["Tỉnh Hà Tĩnh"], "Tỉnh")

    def test_the_2026_drafts_name_the_offices_of_two_level_local_government(self):
        commune = document_text(self.file("xa-an-hoa-thinh", "ke-hoach.docx"))
        self.assertIn("1. Phòng Kinh tế:", commune)
        self.assertIn("(qua Phòng Kinh tế)", commune)
        self.assertIn("- Lưu: VT, KT.", commune)
        ward = document_text(self.file("phuong-bac-hong-linh", "ke-hoach.docx"))
        self.assertIn("1. Phòng Kinh tế, Hạ tầng và Đô thị:", ward)
        for text in (commune, ward):
            self.assertNotIn("Lao động - Thương binh", text)
            self.assertNotIn("LĐTBXH", text)

    def test_a_village_given_all_is_said_to_have_none_left(self):
        commune = document_text(self.file("xa-an-hoa-thinh", "ke-hoach.docx"))
        self.assertIn("riêng thôn Tân Thịnh phấn đấu không còn hộ nghèo", commune)


if __name__ == "__main__":
    sys.exit(run(IssuerPlans, ExamplePlans, ProvinceBatch))
