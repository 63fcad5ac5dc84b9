"""`kehoach plan` as an officer uses it: the Word plan, its Excel appendix and its PDF, checked the way
a reader would (LibreOffice converts it, the text holds the header, headings, figures and villages)
and the way Nghị định 30 asks (A4, margins, fonts, page numbers, a landscape appendix page); user
templates, split tags and every refusal."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.dom.minidom
import zipfile

import openpyxl

from harness import BLANK, EN, EXAMPLES, ROOT, kehoach, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AN_HOA_THINH = os.path.join(EXAMPLES, "an-hoa-thinh-2022", "ke-hoach.yaml")
THANH_TRI = os.path.join(EXAMPLES, "thanh-tri-2023", "ke-hoach.yaml")
HONG_NGU = os.path.join(EXAMPLES, "hong-ngu-2022", "ke-hoach.yaml")
HOC_MON = os.path.join(EXAMPLES, "hoc-mon-2022", "ke-hoach.yaml")
TMP = tempfile.TemporaryDirectory(prefix="kehoach-plan-")
_cache = {}


def generated(plan, pdf=False):
    """Writes the plan's documents once per test run; returns the .docx path."""
    key = (plan, pdf)
    if key not in _cache:
        folder = os.path.join(TMP.name, "%d" % len(_cache))
        os.makedirs(folder)
        out = os.path.join(folder, "ke-hoach.docx")
        result = kehoach("plan", plan, "-o", out, *(["--pdf"] if pdf else []), cwd=TMP.name)
        if result.returncode != 0:
            raise AssertionError("kehoach plan failed: " + result.stderr)
        _cache[key] = out
    return _cache[key]


def part(docx, name):
    with zipfile.ZipFile(docx) as z:
        return z.read(name).decode("utf-8")


def document_text(docx):
    """The visible text of word/document.xml, one line per paragraph."""
    dom = xml.dom.minidom.parseString(part(docx, "word/document.xml"))
    lines = []
    for p in dom.getElementsByTagName("w:p"):
        lines.append("".join(t.firstChild.data if t.firstChild else "" for t in p.getElementsByTagName("w:t")))
    return "\n".join(lines)


def pdf_text(pdf, first=None, last=None):
    pages = [] if first is None else ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(["pdftotext", "-layout", *pages, pdf, "-"], capture_output=True, text=True, check=True).stdout


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True, check=True).stdout
    return [tuple(round(float(x)) for x in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def appendix_json(plan):
    return json.loads(kehoach("appendix", plan, "--json", cwd=TMP.name).stdout)


class AnHoaThinhPlan(unittest.TestCase):
    """The commune template filled from the An Hòa Thịnh example (a draft)."""

    @classmethod
    def setUpClass(cls):
        cls.docx = generated(AN_HOA_THINH, pdf=True)
        cls.pdf = cls.docx[:-5] + ".pdf"
        cls.text = pdf_text(cls.pdf)
        cls.flat = re.sub(r"\s+", " ", cls.text)

    def test_three_files_are_written_side_by_side(self):
        for path in (self.docx, self.docx[:-5] + "-phu-luc.xlsx", self.pdf):
            self.assertTrue(os.path.getsize(path) > 1000, path)

    def test_header_title_and_legal_bases(self):
        for expected in ["UBND HUYỆN HƯƠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ AN HÒA THỊNH",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                         "Triển khai thực hiện Chương trình mục tiêu quốc gia",
                         "Căn cứ Nghị quyết số 17/NQ-HĐND ngày 27/12/2021",
                         "năm 2022 của Ủy ban nhân dân huyện Hương Sơn"]:
            self.assertIn(expected, self.flat)

    def test_a_draft_leaves_number_and_day_blank(self):
        text = document_text(self.docx)
        self.assertIn("Số: " + BLANK + "/KH-UBND", text)
        self.assertIn("An Hòa Thịnh, ngày" + EN + BLANK + EN + "tháng" + EN + BLANK + EN + "năm 2022", text)

    def test_legal_bases_end_with_semicolons_and_the_last_with_a_period(self):
        text = document_text(self.docx)
        self.assertIn("cho các xã, thị trấn;", text)
        self.assertIn("trên địa bàn huyện Hương Sơn năm 2022.", text)

    def test_headings_in_order(self):
        positions = [self.flat.find(h) for h in ["I. MỤC TIÊU, CHỈ TIÊU", "II. PHÂN TÍCH HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM 2021",
                                                  "III. NHIỆM VỤ VÀ GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận:"]]
        self.assertNotIn(-1, positions, positions)
        self.assertEqual(positions, sorted(positions))

    def test_figures_in_the_text_are_those_of_the_appendix(self):
        figures = appendix_json(AN_HOA_THINH)["total"]
        text = document_text(self.docx)
        poor, near = figures["poor"], figures["near_poor"]
        self.assertEqual((poor["start"], poor["end"], near["end"]), (128, 101, 120))
        self.assertIn("còn 101 hộ", re.sub(r"\s+", " ", text))
        self.assertIn("4,93%", text)
        self.assertIn("5,86%", text)
        self.assertIn("Có 128 hộ nghèo, chiếm tỷ lệ 6,25%", text)
        self.assertIn("2.047", text)

    def test_appendix_table_has_every_village_and_the_total(self):
        book = openpyxl.load_workbook(self.docx[:-5] + "-phu-luc.xlsx", data_only=True)
        sheet = book.active
        villages = [sheet.cell(row=r, column=2).value for r in range(7, 26)]
        text = document_text(self.docx)
        for village in villages:
            self.assertIn(village, text)
        appendix = text[text.index("(Kèm theo Kế hoạch số"):]
        self.assertIn("Sâm Cồn\n166\n10\n6,02\n2\n1,20\n8\n4,82\n12\n7,23\n5\n3,01\n7\n4,22", appendix)
        self.assertIn("Tổng cộng\n2.047\n128\n6,25\n27\n1,32\n101\n4,93\n171\n8,35\n51\n2,49\n120\n5,86", appendix)

    def test_recipients_and_signature(self):
        text = document_text(self.docx)
        for line in ["- Đảng ủy; HĐND; UBND xã;", "- Thôn trưởng 19 thôn;", "- Lưu: VT, LĐTBXH.",
                     "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]:
            self.assertIn(line, text)

    def test_pages_are_a4_portrait_then_a_landscape_appendix(self):
        sizes = page_sizes(self.pdf)
        self.assertGreaterEqual(len(sizes), 3)
        self.assertTrue(all(size == (595, 842) for size in sizes[:-1]), sizes)
        self.assertEqual(sizes[-1], (842, 595))
        self.assertIn("(Kèm theo Kế hoạch số", pdf_text(self.pdf, len(sizes)))

    def test_page_numbers_start_on_page_two(self):
        self.assertNotRegex(pdf_text(self.pdf, 1).strip().splitlines()[0], r"^\s*1\s*$")
        self.assertRegex(pdf_text(self.pdf, 2).strip().splitlines()[0], r"^\s*2\s*$")

    def test_fonts_are_times_new_roman_or_its_metric_twin(self):
        fonts = subprocess.run(["pdffonts", self.pdf], capture_output=True, text=True, check=True).stdout
        names = set(re.findall(r"\+(\S+)", fonts))
        self.assertTrue(names, fonts)
        self.assertTrue(all(n.startswith(("TimesNewRoman", "LiberationSerif")) for n in names), names)


class LayoutChecks:
    """Section 2 of domain.md, read from the document's XML; one subclass per shipped template."""
    PLAN = None

    @classmethod
    def setUpClass(cls):
        cls.docx = generated(cls.PLAN)
        cls.dom = xml.dom.minidom.parseString(part(cls.docx, "word/document.xml"))
        cls.sections = cls.dom.getElementsByTagName("w:sectPr")

    def attributes(self, element):
        return {k: v for k, v in element.attributes.items()}

    def test_the_body_is_a4_portrait_with_the_decree_margins(self):
        first = self.sections[0]
        size = self.attributes(first.getElementsByTagName("w:pgSz")[0])
        self.assertEqual((size["w:w"], size["w:h"]), ("11906", "16838"))
        margins = self.attributes(first.getElementsByTagName("w:pgMar")[0])
        mm = {k: round(int(margins["w:" + k]) / 56.7) for k in ("top", "bottom", "left", "right")}
        self.assertTrue(20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25, mm)
        self.assertTrue(30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20, mm)

    def test_page_one_has_no_number_and_the_others_do(self):
        first = self.sections[0]
        self.assertEqual(len(first.getElementsByTagName("w:titlePg")), 1)
        headers = {h.getAttribute("w:type"): h.getAttribute("r:id") for h in first.getElementsByTagName("w:headerReference")}
        rels = part(self.docx, "word/_rels/document.xml.rels")
        target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % headers["default"], rels) or \
            re.search(r'Target="([^"]+)"[^>]*Id="%s"' % headers["default"], rels)
        self.assertIn("PAGE", part(self.docx, "word/" + target.group(1)))

    def test_the_appendix_section_is_landscape_and_numbers_its_own_pages(self):
        last = self.sections[-1]
        size = self.attributes(last.getElementsByTagName("w:pgSz")[0])
        self.assertEqual((size["w:w"], size["w:h"], size.get("w:orient")), ("16838", "11906", "landscape"))
        self.assertEqual(last.getElementsByTagName("w:pgNumType")[0].getAttribute("w:start"), "1")

    def test_the_font_is_times_new_roman_and_the_body_13_to_14_points(self):
        styles = xml.dom.minidom.parseString(part(self.docx, "word/styles.xml"))
        fonts = styles.getElementsByTagName("w:docDefaults")[0].getElementsByTagName("w:rFonts")[0]
        self.assertEqual(fonts.getAttribute("w:ascii"), "Times New Roman")
        self.assertEqual(fonts.getAttribute("w:hAnsi"), "Times New Roman")
        default_size = styles.getElementsByTagName("w:docDefaults")[0].getElementsByTagName("w:sz")[0].getAttribute("w:val")
        for style in styles.getElementsByTagName("w:style"):
            if style.getAttribute("w:styleId") == "Body":
                own = style.getElementsByTagName("w:sz")
                size = own[0].getAttribute("w:val") if own else default_size  # half-points
                self.assertIn(size, ("26", "27", "28"))
                self.assertEqual(style.getElementsByTagName("w:jc")[0].getAttribute("w:val"), "both")
                break
        else:
            self.fail("no Body style")

    def test_every_unit_of_the_statistics_is_in_the_appendix_table(self):
        table = appendix_json(self.PLAN)
        text = document_text(self.docx)
        appendix = text[text.index("(Kèm theo Kế hoạch số"):]
        for unit in table["units"]:
            self.assertIn("\n%s\n" % unit["name"], appendix)
        households = "{:,}".format(table["total"]["households"]).replace(",", ".")
        self.assertIn("Tổng cộng\n" + households + "\n", appendix)

    def test_no_tag_is_left_in_any_part(self):
        with zipfile.ZipFile(self.docx) as z:
            for name in z.namelist():
                if name.startswith("word/") and name.endswith(".xml"):
                    self.assertNotIn("{{", z.read(name).decode("utf-8"), name)


class CommuneLayout(LayoutChecks, unittest.TestCase):
    PLAN = AN_HOA_THINH


class DistrictLayout(LayoutChecks, unittest.TestCase):
    PLAN = HONG_NGU

    def test_the_district_plan_walks_through_the_seven_projects(self):
        text = document_text(self.docx)
        for n in range(1, 8):
            self.assertIn("%d. Dự án %d: " % (n, n), text)
        self.assertIn("a) Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp.", text)
        self.assertIn("(không thực hiện do huyện Hồng Ngự không có xã đặc biệt khó khăn", text)
        self.assertIn("Hồng Ngự, ngày" + EN + BLANK + EN + "tháng 01 năm 2022", text)


class UnionLayout(LayoutChecks, unittest.TestCase):
    PLAN = HOC_MON

    def test_the_union_plan_signs_for_its_standing_committee(self):
        text = document_text(self.docx)
        self.assertIn("Số: 12/KH-HPN", text)
        self.assertIn("TM. BAN THƯỜNG VỤ", text)
        self.assertIn("Nguyễn Thùy Linh", text)


class NumberedPlan(unittest.TestCase):
    def test_the_appendix_line_cites_the_plans_own_number_and_date(self):
        text = document_text(generated(THANH_TRI))
        self.assertIn("Số: 90/KH-UBND", text)
        self.assertIn("Thanh Trì, ngày 23 tháng 02 năm 2023", text)
        self.assertIn("(Kèm theo Kế hoạch số 90/KH-UBND ngày 23 tháng 02 năm 2023 của Ủy ban nhân dân huyện Thanh Trì)", text)
        self.assertNotIn("Kế hoạch số 30", text)

    def test_a_near_poor_plan_shows_the_near_poor_table_only(self):
        text = document_text(generated(THANH_TRI))
        self.assertIn("Hộ cận nghèo đầu năm 2023", text)
        self.assertNotIn("Hộ nghèo đầu năm 2023", text)
        self.assertIn("Tứ Hiệp\n7.300\n3\n0,04\n3\n0,04\n0\n0,00", text)


class DocumentProperties(unittest.TestCase):
    def test_created_and_modified_are_the_plans_date_or_its_year_for_a_draft(self):
        for plan, when in ((AN_HOA_THINH, "2022-01-01T08:00:00Z"), (THANH_TRI, "2023-02-23T08:00:00Z")):
            with self.subTest(plan):
                out = os.path.join(TMP.name, "properties", os.path.basename(os.path.dirname(plan)) + ".docx")
                os.makedirs(os.path.dirname(out), exist_ok=True)
                result = kehoach("plan", plan, "-o", out, cwd=TMP.name)
                self.assertEqual(result.returncode, 0, result.stderr)
                core = xml.dom.minidom.parseString(part(out, "docProps/core.xml"))
                for name in ("dcterms:created", "dcterms:modified"):
                    self.assertEqual(core.getElementsByTagName(name)[0].firstChild.data, when)


class Determinism(unittest.TestCase):
    def test_the_same_plan_gives_byte_identical_documents(self):
        outputs = []
        for name in ("a.docx", "b.docx"):
            out = os.path.join(TMP.name, "same", name)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            self.assertEqual(kehoach("plan", AN_HOA_THINH, "-o", out, cwd=TMP.name).returncode, 0)
            outputs.append(open(out, "rb").read())
        self.assertEqual(outputs[0], outputs[1])


def whole_template(name):
    """A shipped template as one whole unpacked folder, made once by scripts/pack-template."""
    folder = os.path.join(TMP.name, "whole", name)
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "pack-template"), name, folder], check=True,
                       capture_output=True)
    return folder


def user_template(name, change):
    """The shipped commune template zipped as a user's .docx, with `change` applied to its text."""
    source = whole_template("xa")
    path = os.path.join(TMP.name, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for folder, _, files in os.walk(source):
            for file in sorted(files):
                full = os.path.join(folder, file)
                arcname = os.path.relpath(full, source)
                data = open(full, "rb").read()
                if arcname == "word/document.xml":
                    data = change(data.decode("utf-8")).encode("utf-8")
                z.writestr(arcname, data)
    return path


def plan_with_template(template_path, extra=""):
    text = open(AN_HOA_THINH, encoding="utf-8").read().replace("template: xa", "template: " + template_path)
    text = text.replace("statistics: thon.csv", "statistics: " + os.path.join(EXAMPLES, "an-hoa-thinh-2022", "thon.csv"))
    path = os.path.join(TMP.name, "plan-%d.yaml" % len(os.listdir(TMP.name)))
    open(path, "w", encoding="utf-8").write(text + extra)
    return path


class UserTemplates(unittest.TestCase):
    def run_plan(self, plan):
        out = os.path.join(TMP.name, "user-out", os.path.basename(plan) + ".docx")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        return kehoach("plan", plan, "-o", out, cwd=TMP.name), out

    def test_a_tag_word_split_across_runs_still_works_and_keeps_its_formatting(self):
        split = ('{{ti</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="9" w:name="x"/>'
                 '<w:r w:rsidR="00AB12"><w:rPr><w:i/></w:rPr><w:t>tle}}')
        template = user_template("split.docx", lambda xml: xml.replace("{{title}}", split, 1))
        result, out = self.run_plan(plan_with_template(template))
        self.assertEqual(result.returncode, 0, result.stderr)
        text = document_text(out)
        self.assertIn("KẾ HOẠCH", text)
        self.assertNotIn("{{", text)
        self.assertIn('<w:bookmarkStart w:id="9" w:name="x"/>', part(out, "word/document.xml"))

    def test_an_officers_own_wording_in_the_template_is_kept(self):
        template = user_template("wording.docx", lambda xml: xml.replace("KẾ HOẠCH</w:t>", "KẾ HOẠCH</w:t>", 1).replace(
            "{{preamble}}", "{{preamble}} Ghi chú riêng của xã.", 1))
        result, out = self.run_plan(plan_with_template(template))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("trên địa bàn như sau: Ghi chú riêng của xã.", document_text(out))

    def test_an_unknown_tag_is_refused_with_its_name_and_place(self):
        template = user_template("unknown.docx", lambda xml: xml.replace("{{preamble}}", "{{preambel}}", 1))
        result, out = self.run_plan(plan_with_template(template))
        self.assertEqual(result.returncode, 2)
        self.assertRegex(result.stderr, r'unknown\.docx: word/document\.xml, đoạn \d+ \("\{\{preambel\}\}.*"\): '
                                        r"thẻ \{\{preambel\}\} không có trong dữ liệu\.")
        self.assertFalse(os.path.exists(out))

    def test_an_unclosed_section_is_refused(self):
        template = user_template("unclosed.docx", lambda xml: xml.replace("{{/legal_bases}}", "", 1))
        result, out = self.run_plan(plan_with_template(template))
        self.assertEqual(result.returncode, 2)
        self.assertIn("thẻ {{#legal_bases}} không có thẻ đóng {{/legal_bases}}", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_a_file_that_is_not_a_docx_is_refused(self):
        path = os.path.join(TMP.name, "not.docx")
        open(path, "w").write("không phải Word")
        result, out = self.run_plan(plan_with_template(path))
        self.assertEqual(result.returncode, 2)
        self.assertIn("not.docx: không phải tệp Word .docx", result.stderr)

    def test_a_section_the_template_does_not_have_is_refused_with_the_ones_it_has(self):
        plan = plan_with_template("xa", "sections:\n  budjet: Kinh phí từ ngân sách xã.\n")
        result, out = self.run_plan(plan)
        self.assertEqual(result.returncode, 2)
        self.assertIn('mẫu xa không có phần "budjet" để thay; các phần thay được: analysis, closing, communication, '
                      'general_goal, leadership, policy, resources, specific_goal.', result.stderr)

    def test_a_replaced_section_prints_the_plans_paragraphs(self):
        plan = plan_with_template("xa", "sections:\n  closing: |\n    Đoạn kết thứ nhất.\n\n    Đoạn kết thứ hai./.\n")
        result, out = self.run_plan(plan)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Đoạn kết thứ nhất.\nĐoạn kết thứ hai./.", document_text(out))

    def test_an_unknown_template_name_lists_the_shipped_ones(self):
        result, out = self.run_plan(plan_with_template("phuong"))
        self.assertEqual(result.returncode, 2)
        self.assertIn('không có mẫu "phuong". Các mẫu có sẵn: bao-cao, hoi-phu-nu, huyen, xa', result.stderr)


class Pdf(unittest.TestCase):
    def test_without_libreoffice_the_plan_is_written_and_the_user_told_how_to_install_it(self):
        bin_dir = os.path.join(TMP.name, "bin-without-soffice")
        os.makedirs(bin_dir, exist_ok=True)
        out = os.path.join(TMP.name, "nopdf", "ke-hoach.docx")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        result = kehoach("plan", AN_HOA_THINH, "-o", out, "--pdf", cwd=TMP.name, env={"PATH": bin_dir})
        self.assertEqual(result.returncode, 3)
        self.assertIn("sudo apt-get install libreoffice-writer-nogui fonts-liberation2", result.stderr)
        self.assertTrue(os.path.exists(out))
        self.assertFalse(os.path.exists(out[:-5] + ".pdf"))


class ShippedExamples(unittest.TestCase):
    """Every example becomes a plan LibreOffice converts without error, with the template its file names or,
    without one (Thanh Trì), the one written for its issuer."""


def add_example_tests():
    for plan in sorted(glob.glob(os.path.join(EXAMPLES, "*", "ke-hoach.yaml"))):
        name = os.path.basename(os.path.dirname(plan))

        def test(self, plan=plan):
            docx = generated(plan, pdf=True)
            text = re.sub(r"\s+", " ", pdf_text(docx[:-5] + ".pdf"))
            self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
            self.assertIn("KẾ HOẠCH", text)
            self.assertIn("Tổng cộng", text)
            self.assertNotIn("{{", document_text(docx))
        setattr(ShippedExamples, "test_" + name.replace("-", "_"), test)


if __name__ == "__main__":
    add_example_tests()
    try:
        status = run(AnHoaThinhPlan, CommuneLayout, DistrictLayout, UnionLayout, NumberedPlan, DocumentProperties,
                     Determinism, UserTemplates, Pdf, ShippedExamples)
    finally:
        TMP.cleanup()
    sys.exit(status)
