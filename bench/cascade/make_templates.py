#!/usr/bin/python3
"""Writes the commune plan template the other tools fill, in their own tag syntax: the same document as
templates/xa renders (administrative heading, title, about forty paragraphs of plan text with the commune's
figures, the table of its villages, closing and signature), built with python-docx.

  make_templates.py OUTDIR   ->   OUTDIR/ke-hoach-docxtpl.docx (Jinja, for python3-docxtpl)
                                  OUTDIR/ke-hoach-docxtemplater.docx ({tags}, for docxtemplater)"""
import os
import sys

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (portrait A4 as the plan)
from docx.shared import Mm, Pt

PARAGRAPHS = [
    "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year}",
    "Căn cứ Nghị quyết số 24/2021/QH15 ngày 28/7/2021 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia giảm nghèo bền vững;",
    "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững;",
    "Căn cứ Kế hoạch giảm nghèo năm {year} của {parent};",
    "Ủy ban nhân dân {unit} xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year} như sau:",
    "I. MỤC TIÊU, CHỈ TIÊU",
    "1. Mục tiêu",
    "a) Mục tiêu tổng quát",
    "Thực hiện mục tiêu giảm nghèo bền vững, hạn chế tái nghèo; cải thiện đời sống, tăng thu nhập của người dân; tạo điều kiện cho người nghèo, hộ nghèo tiếp cận thuận lợi các dịch vụ xã hội cơ bản về y tế, giáo dục, nhà ở, nước sạch sinh hoạt và vệ sinh, tiếp cận nguồn thông tin có chất lượng, việc làm.",
    "b) Mục tiêu cụ thể",
    "Phấn đấu giảm tỷ lệ hộ nghèo năm {year} tối thiểu còn {poor_end_rate}%; giảm tỷ lệ hộ cận nghèo tối thiểu còn {near_end_rate}%.",
    "2. Chỉ tiêu",
    "- Chỉ tiêu hộ nghèo cuối năm {year} của {unit} còn {poor_end} hộ, chiếm tỷ lệ {poor_end_rate}% (giảm {poor_reduction} hộ, tương ứng {poor_reduction_rate}%).",
    "- Chỉ tiêu hộ cận nghèo cuối năm {year} của {unit} còn {near_end} hộ, chiếm tỷ lệ {near_end_rate}% (giảm {near_reduction} hộ, tương ứng {near_reduction_rate}%).",
    "- 100% hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu vay vốn được vay vốn tín dụng ưu đãi từ Ngân hàng Chính sách xã hội.",
    "- Bảo đảm 100% người thuộc hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế.",
    "- Chỉ tiêu cụ thể của {units_count} thôn chi tiết tại bảng dưới đây và Phụ lục kèm theo Kế hoạch này.",
    "II. PHÂN TÍCH HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM {previous_year}",
    "Qua kết quả điều tra, rà soát hộ nghèo, hộ cận nghèo cuối năm {previous_year}, trên địa bàn {unit} có {households} hộ gia đình, trong đó có {poor_start} hộ nghèo, chiếm tỷ lệ {poor_start_rate}%, và {near_start} hộ cận nghèo, chiếm tỷ lệ {near_start_rate}%.",
    "III. NHIỆM VỤ VÀ GIẢI PHÁP",
    "1. Công tác lãnh đạo, điều hành",
    "- Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền, sự phối hợp của Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đối với công tác giảm nghèo.",
    "- Phát huy hiệu quả lãnh đạo, chỉ đạo của Ban Chỉ đạo giảm nghèo cấp xã; xây dựng quy chế phối hợp với Ban Vận động “Vì người nghèo” cùng cấp.",
    "2. Thực hiện các chính sách giảm nghèo",
    "- Thực hiện đầy đủ, kịp thời các chính sách hỗ trợ về y tế, giáo dục, nhà ở, tín dụng ưu đãi, trợ giúp pháp lý cho hộ nghèo, hộ cận nghèo.",
    "- Thực hiện cơ chế hỗ trợ tạo sinh kế cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo thông qua các dự án đã được phê duyệt.",
    "3. Huy động nguồn lực",
    "- Lồng ghép các nguồn vốn của Chương trình với các chương trình, dự án khác trên địa bàn; huy động nguồn lực xã hội hóa.",
    "4. Thông tin, tuyên truyền",
    "- Tăng cường công tác thông tin, tuyên truyền về chính sách giảm nghèo; nhân rộng các mô hình, cách làm hay.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Công chức Văn hóa - Xã hội: tham mưu tổ chức thực hiện Kế hoạch; theo dõi, tổng hợp kết quả, báo cáo định kỳ.",
    "2. Công chức Tài chính - Kế toán: tham mưu bố trí kinh phí thực hiện Kế hoạch.",
    "3. Ủy ban Mặt trận Tổ quốc và các đoàn thể: tuyên truyền, vận động hội viên tham gia; giám sát việc thực hiện.",
    "4. Trưởng các thôn, tổ dân phố: rà soát, theo dõi hộ nghèo, hộ cận nghèo; tổ chức thực hiện chỉ tiêu được giao.",
    "Báo cáo kết quả thực hiện 6 tháng trước ngày 10/6 và cả năm trước ngày 10/11 về Ủy ban nhân dân {parent}.",
    "Trên đây là Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {year} của {unit}.",
]
COLUMNS = ["order", "name", "households", "poor_start", "poor_start_rate", "poor_reduction", "poor_end", "poor_end_rate",
           "near_start", "near_start_rate", "near_reduction", "near_end", "near_end_rate"]
HEADINGS = ["TT", "Thôn", "Số hộ", "Hộ nghèo đầu năm", "Tỷ lệ %", "Giảm", "Cuối năm", "Tỷ lệ %", "Hộ cận nghèo đầu năm",
            "Tỷ lệ %", "Giảm", "Cuối năm", "Tỷ lệ %"]


def build(path, tag, row_open, row_close, wrap_loop_rows):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(30), Mm(20), Mm(20), Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    heading = document.add_table(rows=2, cols=2)
    heading.cell(0, 0).text = tag("parent_upper") + "\nỦY BAN NHÂN DÂN\n" + tag("unit_upper")
    heading.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    heading.cell(1, 0).text = "Số:       /KH-UBND"
    heading.cell(1, 1).text = tag("place") + ", ngày       tháng       năm " + tag("year")
    document.add_paragraph("KẾ HOẠCH")
    for text in PARAGRAPHS:
        document.add_paragraph(text.format(**{k: tag(k) for k in (
            "year", "previous_year", "parent", "unit", "poor_end_rate", "near_end_rate", "poor_end", "poor_reduction",
            "poor_reduction_rate", "near_end", "near_reduction", "near_reduction_rate", "units_count", "households",
            "poor_start", "poor_start_rate", "near_start", "near_start_rate")}))
        if text.startswith("- Chỉ tiêu cụ thể"):
            table = document.add_table(rows=1, cols=len(COLUMNS))
            table.style = "Table Grid"
            for i, title in enumerate(HEADINGS):
                table.cell(0, i).text = title
            if wrap_loop_rows:
                table.add_row().cells[0].text = row_open
            cells = table.add_row().cells
            for i, key in enumerate(COLUMNS):
                cells[i].text = tag("v." + key if wrap_loop_rows else key)
            if wrap_loop_rows:
                table.add_row().cells[0].text = row_close
            else:
                cells[0].text = row_open + cells[0].text
                cells[-1].text = cells[-1].text + row_close
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- UBND " + tag("parent") + ";\n- Đảng ủy, HĐND xã;\n- Lưu: VT."
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    document.save(path)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    build(os.path.join(out, "ke-hoach-docxtpl.docx"), lambda k: "{{ " + k + " }}",
          "{%tr for v in villages %}", "{%tr endfor %}", True)
    build(os.path.join(out, "ke-hoach-docxtemplater.docx"), lambda k: "{" + k + "}", "{#villages}", "{/villages}", False)


if __name__ == "__main__":
    main()
