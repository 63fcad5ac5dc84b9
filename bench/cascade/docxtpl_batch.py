#!/usr/bin/python3
"""Every commune's plan (python3-docxtpl) and appendix (python3-xlsxwriter), the content kehoach batch writes.

  docxtpl_batch.py --figures FIGURES.json --template ke-hoach-docxtpl.docx --out DIR [--jobs N]"""
import argparse
import multiprocessing
import os

import xlsxwriter
from docxtpl import DocxTemplate

from communes import communes

TEMPLATE = None


def appendix(record, path):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Phụ lục")
    base = {"font_name": "Times New Roman", "font_size": 12}
    title = book.add_format({**base, "bold": True, "align": "center", "font_size": 13})
    header = book.add_format({**base, "bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True})
    text = book.add_format({**base, "border": 1})
    number = book.add_format({**base, "border": 1, "align": "center", "num_format": "#,##0"})
    percent = book.add_format({**base, "border": 1, "align": "center", "num_format": "0.00"})
    sheet.merge_range(0, 0, 0, 14, "Phụ lục", title)
    sheet.merge_range(1, 0, 1, 14, f"CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {record['year']} CỦA CÁC THÔN", title)
    sheet.merge_range(2, 0, 2, 14, f"(Kèm theo Kế hoạch số       /KH-UBND của Ủy ban nhân dân {record['unit']})", title)
    sheet.merge_range(4, 0, 5, 0, "TT", header)
    sheet.merge_range(4, 1, 5, 1, "Thôn", header)
    sheet.merge_range(4, 2, 5, 2, "Tổng số hộ", header)
    for group, first in (("Hộ nghèo", 3), ("Hộ cận nghèo", 9)):
        sheet.merge_range(4, first, 4, first + 5, group, header)
        for i, label in enumerate(["Đầu năm", "Tỷ lệ %", "Giảm", "Tỷ lệ %", "Cuối năm", "Tỷ lệ %"]):
            sheet.write(5, first + i, label, header)
    row = 6
    for v in record["villages"]:
        sheet.write_number(row, 0, int(v["order"]), number)
        sheet.write_string(row, 1, v["name"], text)
        sheet.write_number(row, 2, v["raw_households"], number)
        for key, first in (("raw_poor", 3), ("raw_near", 9)):
            f = v[key]
            for i, (value, cached) in enumerate(((f["start"], None), (f["reduction"], None), (None, f["end"]))):
                column = first + 2 * i
                cell = xlsxwriter.utility.xl_rowcol_to_cell(row, column)
                if value is not None:
                    sheet.write_number(row, column, value, number)
                else:
                    start = xlsxwriter.utility.xl_rowcol_to_cell(row, first)
                    reduction = xlsxwriter.utility.xl_rowcol_to_cell(row, first + 2)
                    sheet.write_formula(row, column, f"={start}-{reduction}", number, cached)
                sheet.write_formula(row, column + 1, f"=ROUND({cell}/$C{row + 1}*100,2)", percent,
                                    round((value if value is not None else cached) * 100 / v["raw_households"], 2))
        row += 1
    sheet.merge_range(row, 0, row, 1, "Tổng cộng", header)
    for column in range(2, 15):
        letter = xlsxwriter.utility.xl_col_to_name(column)
        if column in (4, 6, 8, 10, 12, 14):
            sheet.write_formula(row, column, f"=ROUND({xlsxwriter.utility.xl_col_to_name(column - 1)}{row + 1}/$C{row + 1}*100,2)", percent)
        else:
            sheet.write_formula(row, column, f"=SUM({letter}7:{letter}{row})", number)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    book.close()


def write(args):
    index, record, out = args
    folder = os.path.join(out, f"{index:05d}")
    os.makedirs(folder, exist_ok=True)
    document = DocxTemplate(TEMPLATE)
    document.render(record)
    document.save(os.path.join(folder, "ke-hoach.docx"))
    appendix(record, os.path.join(folder, "phu-luc.xlsx"))
    return 2


def init(template):
    global TEMPLATE
    TEMPLATE = template


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    records = communes(args.figures)
    work = [(i, r, args.out) for i, r in enumerate(records)]
    if args.jobs == 1:
        init(args.template)
        written = sum(map(write, work))
    else:
        with multiprocessing.Pool(args.jobs, initializer=init, initargs=(args.template,)) as pool:
            written = sum(pool.imap_unordered(write, work, chunksize=4))
    print(f"docxtpl: {written} documents for {len(records)} communes")


if __name__ == "__main__":
    main()
