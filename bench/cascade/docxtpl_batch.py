#!/usr/bin/python3
"""Every commune's plan (python3-docxtpl, Jinja) and appendix (python3-xlsxwriter): the content
`kehoach batch` writes, with the figures taken ready-made from expected.json.

  docxtpl_batch.py --data DIR --out OUTDIR [--jobs N] [--template FILE]

DIR is a generate.py folder (expected.json); OUTDIR gets one folder per commune, named as kehoach names
them (xa-an-hoa-thinh/, or tinh-ha-tinh/xa-an-hoa-thinh/ for the whole country), each with ke-hoach.docx
and phu-luc.xlsx. --jobs N: N worker processes (multiprocessing, fork); 1 = this process only.
The template is templates/ke-hoach-docxtpl.docx (make_templates.py builds it from templates/xa).

Used as docxtpl's users would for many documents: one DocxTemplate whose parts are patched and compiled
to Jinja templates once (CompiledTemplate), then rendered for each commune; docxtpl itself redoes that
work in every render(). --untuned renders a fresh DocxTemplate per commune, as this script did before.
The plan is zipped at deflate level 1 (kehoach's level for Word files; python-docx has no option for it,
its zip writer is given the level), the appendix at zlib's default level 6 (xlsxwriter's, and
libxlsxwriter's, which kehoach uses)."""
import argparse
import functools
import io
import multiprocessing
import os
import re
import time
import zipfile

import xlsxwriter
from docx.opc import phys_pkg
from docxtpl import DocxTemplate
from jinja2 import Environment
from xlsxwriter.utility import xl_col_to_name

from plan_data import communes, hundredths, load_offices, plan_context

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "templates", "ke-hoach-docxtpl.docx")
COLUMNS = 15  # A..O: TT, name, households, then start/reduction/end with their rates for both groups

# filled in before the worker processes fork, so they inherit them instead of receiving them
WORK = {"communes": [], "template": b"", "out": "", "offices": {}, "compiled": None, "untuned": False}

# python-docx writes its zip with zipfile's default level (6); kehoach writes Word files at level 1
phys_pkg.ZipFile = functools.partial(zipfile.ZipFile, compresslevel=1)


class CompiledTemplate(DocxTemplate):
    """docxtpl's DocxTemplate, each part (body, headers, footers, properties) patched and compiled to a
    Jinja template on the first render and reused by the next: render() is docxtpl's own, with
    build_xml, build_headers_footers_xml and render_properties taking the compiled template instead of
    serialising, patching and compiling the part again. Same output as a fresh DocxTemplate."""

    def __init__(self, template_bytes):
        super().__init__(io.BytesIO(template_bytes))
        self.env = Environment(autoescape=True)
        self.compiled = {}  # part name (or property) -> (Jinja template, encoding)

    def compiled_part(self, key, xml_of):
        if key not in self.compiled:
            xml = xml_of()
            patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", self.patch_xml(xml))
            self.compiled[key] = (self.env.from_string(patched), self.get_headers_footers_encoding(xml))
        return self.compiled[key]

    def render_compiled(self, part, template, context):
        # the end of docxtpl's render_xml_part, after its Jinja render
        self.current_rendering_part = part
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", template.render(context))
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.resolve_listing(xml)

    def build_xml(self, context, jinja_env=None):
        template, _ = self.compiled_part(str(self.docx._part.partname), self.get_xml)
        return self.render_compiled(self.docx._part, template, context)

    def build_headers_footers_xml(self, context, uri, jinja_env=None):
        for rel_key, part in self.get_headers_footers(uri):
            template, encoding = self.compiled_part(str(part.partname), lambda: self.get_part_xml(part))
            yield rel_key, self.render_compiled(part, template, context).encode(encoding)

    def render_properties(self, context, jinja_env=None):
        properties = self.docx.core_properties
        for name in ("author", "comments", "identifier", "language", "subject", "title"):
            key = ("property", name, getattr(properties, name))
            if key not in self.compiled:
                self.compiled[key] = (self.env.from_string(key[2]), None)
            setattr(properties, name, self.compiled[key][0].render(context))


class Formats:
    def __init__(self, book):
        font = {"font_name": "Times New Roman", "valign": "vcenter"}
        boxed = {**font, "border": 1, "font_size": 12, "align": "center"}
        self.label = book.add_format({**font, "bold": True, "font_size": 14, "align": "center"})
        self.title = book.add_format({**font, "bold": True, "font_size": 13, "align": "center", "text_wrap": True})
        self.attachment = book.add_format({**font, "italic": True, "font_size": 13, "align": "center", "text_wrap": True})
        self.header = book.add_format({**boxed, "bold": True, "font_size": 11, "text_wrap": True})
        self.order = book.add_format(boxed)
        self.name = book.add_format({**boxed, "align": "left", "indent": 1})
        self.count = book.add_format({**boxed, "num_format": "#,##0"})
        self.rate = book.add_format({**boxed, "num_format": "0.00"})
        self.total = book.add_format({**boxed, "bold": True})
        self.total_count = book.add_format({**boxed, "bold": True, "num_format": "#,##0"})
        self.total_rate = book.add_format({**boxed, "bold": True, "num_format": "0.00"})
        self.note = book.add_format({**font, "italic": True, "font_size": 11})


def appendix(path, context, villages, commune):
    """phu-luc.xlsx as kehoach lays it out: counts as numbers, ends and rates as formulas with their
    values cached, a SUM total row, A4 landscape one page wide, header rows repeated on every page."""
    book = xlsxwriter.Workbook(path, {"in_memory": True})
    sheet = book.add_worksheet("Phụ lục")
    f = Formats(book)
    a = context["appendix"]
    last = COLUMNS - 1
    sheet.merge_range(0, 0, 0, last, a["label"], f.label)
    sheet.merge_range(1, 0, 1, last, a["title"], f.title)
    sheet.merge_range(2, 0, 2, last, a["attachment"], f.attachment)
    sheet.set_row(2, 36)
    sheet.set_row(4, 48)
    sheet.set_row(5, 30)
    for column, text in enumerate(("TT", a["unit_label"], "Tổng số hộ")):
        sheet.merge_range(4, column, 5, column, text, f.header)
    column = 3
    for indicator in ("poor", "near_poor"):
        for part in ("start", "reduction", "end"):
            sheet.merge_range(4, column, 4, column + 1, a[f"{indicator}_{part}_label"], f.header)
            sheet.write_string(5, column, "Số hộ", f.header)
            sheet.write_string(5, column + 1, "Tỷ lệ (%)", f.header)
            column += 2
    first = 6
    for i, v in enumerate(villages):
        r = first + i
        excel_row = r + 1
        h = v["households"]
        sheet.write_number(r, 0, i + 1, f.order)
        sheet.write_string(r, 1, v["name"], f.name)
        sheet.write_number(r, 2, h, f.count)
        for group, indicator in ((3, "poor"), (9, "near_poor")):
            figures = v[indicator]
            start, reduction, end = (xl_col_to_name(group + k) for k in (0, 2, 4))
            sheet.write_number(r, group, figures["start"], f.count)
            sheet.write_number(r, group + 2, figures["reduction"], f.count)
            sheet.write_formula(r, group + 4, f"={start}{excel_row}-{reduction}{excel_row}", f.count, figures["end"])
            for offset, part in ((0, "start"), (2, "reduction"), (4, "end")):
                cell = xl_col_to_name(group + offset)
                sheet.write_formula(r, group + offset + 1, f"=ROUND({cell}{excel_row}/$C{excel_row}*100,2)", f.rate,
                                    hundredths(figures[part], h) / 100)
    r = first + len(villages)
    excel_row = r + 1
    sheet.merge_range(r, 0, r, 1, "Tổng cộng", f.total)
    totals = [commune["households"]]
    for indicator in ("poor", "near_poor"):
        for part in ("start", "reduction", "end"):
            totals.append(commune[indicator][part])
    for k, column in enumerate([2] + list(range(3, COLUMNS, 2))):
        letter = xl_col_to_name(column)
        sheet.write_formula(r, column, f"=SUM({letter}{first + 1}:{letter}{r})", f.total_count, totals[k])
        if column > 2:
            sheet.write_formula(r, column + 1, f"=ROUND({letter}{excel_row}/$C{excel_row}*100,2)", f.total_rate,
                                hundredths(totals[k], commune["households"]) / 100)
    for k, note in enumerate(a["notes"]):  # under the table, as kehoach writes them (none in the benchmark's data)
        sheet.write_string(r + 2 + k, 1, note["text"], f.note)
    sheet.set_column(0, 0, 5.71)
    sheet.set_column(1, 1, max(20, min(40, max((len(v["name"]) for v in villages), default=0) + 4)))
    sheet.set_column(2, 2, 10.71)
    sheet.set_column(3, last, 10.29)
    sheet.freeze_panes(first, 2)
    sheet.repeat_rows(4, 5)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.6, right=0.4, top=0.8, bottom=0.6)
    book.close()


def write(index):
    c = WORK["communes"][index]
    target = os.path.join(WORK["out"], c["folder"])
    os.makedirs(target, exist_ok=True)
    context = plan_context(c, WORK["offices"])
    if WORK["untuned"]:
        document = DocxTemplate(io.BytesIO(WORK["template"]))
        document.render(context, autoescape=True)
    else:
        document = WORK["compiled"]
        document.render(context, jinja_env=document.env)
    document.save(os.path.join(target, "ke-hoach.docx"))
    appendix(os.path.join(target, "phu-luc.xlsx"), context, c["villages"], c["commune"])
    return 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with expected.json (generate.py)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--template", default=TEMPLATE)
    parser.add_argument("--untuned", action="store_true", help="a fresh DocxTemplate per commune (docxtpl compiles "
                        "the template again in each)")
    args = parser.parse_args()
    began = time.perf_counter()
    WORK["communes"] = communes(args.data)
    WORK["offices"] = load_offices()
    with open(args.template, "rb") as f:
        WORK["template"] = f.read()
    WORK["untuned"] = args.untuned
    WORK["compiled"] = CompiledTemplate(WORK["template"])
    WORK["out"] = args.out
    indices = range(len(WORK["communes"]))
    if args.jobs <= 1:
        written = sum(map(write, indices))
    else:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            written = sum(pool.imap_unordered(write, indices, chunksize=4))
    print(f"docxtpl + xlsxwriter: {written} documents for {len(WORK['communes'])} communes, {args.jobs} job(s), "
          f"{time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main()
