#!/usr/bin/python3
"""Checks that the tools wrote the same documents: for every commune folder of the first OUTDIR (or a
sample), each other OUTDIR has the same folder, its ke-hoach.docx the same paragraph texts and its
phu-luc.xlsx the same cells (formulas and numbers, as openpyxl reads them), the same cached values, the
same merged ranges and page setup (A4 landscape, one page wide, Times New Roman). With --pdf, the sampled
documents of every OUTDIR are also converted by LibreOffice (soffice --headless --convert-to pdf), which
must succeed.

  check_outputs.py KEHOACH_OUT DOCXTPL_OUT NODE_OUT [--sample N] [--pdf]

Known difference, reported but not counted: kehoach keeps the emptied closing-block paragraph that ends
a table cell (the recipients cell), the other tools drop it; the text is the same."""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def paragraphs(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return [("".join(TEXT.findall(p))).replace("&amp;", "&") for p in PARAGRAPH.findall(xml)]


def workbook(path):
    formulas = openpyxl.load_workbook(path).active
    values = openpyxl.load_workbook(path, data_only=True).active
    setup = formulas.page_setup
    fonts = {c.font.name for r in formulas.iter_rows() for c in r if c.value is not None}
    return {
        "cells": [[c.value for c in r] for r in formulas.iter_rows()],
        "values": [[c.value for c in r] for r in values.iter_rows()],
        "merged": sorted(str(m) for m in formulas.merged_cells.ranges),
        "setup": (setup.orientation, str(setup.paperSize), formulas.sheet_properties.pageSetUpPr.fitToPage,
                  setup.fitToWidth in (None, 1, "1"), str(setup.fitToHeight), formulas.print_title_rows),
        "fonts": sorted(fonts),
        "sheet": formulas.title,
    }


def folders(out):
    found = []
    for folder, _, files in os.walk(out):
        if "ke-hoach.docx" in files:
            found.append(os.path.relpath(folder, out))
    return sorted(found)


def convert(path, where):
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", where, path],
                            capture_output=True, text=True, timeout=180)
    pdf = os.path.join(where, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    return result.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdirs", nargs="+")
    parser.add_argument("--sample", type=int, default=0, help="check N communes (default: all)")
    parser.add_argument("--pdf", action="store_true", help="also convert the sampled documents with LibreOffice")
    args = parser.parse_args()
    reference, others = args.outdirs[0], args.outdirs[1:]
    names = folders(reference)
    if args.sample:
        names = sorted(random.Random(1).sample(names, min(args.sample, len(names))))
    problems, known = [], 0
    for other in others:
        missing = set(folders(reference)) ^ set(folders(other))
        if missing:
            problems.append(f"{other}: {len(missing)} commune folder(s) differ from {reference}, e.g. {sorted(missing)[0]}")
    for name in names:
        a = paragraphs(os.path.join(reference, name, "ke-hoach.docx"))
        wa = workbook(os.path.join(reference, name, "phu-luc.xlsx"))
        for other in others:
            where = f"{other}/{name}"
            if not os.path.exists(os.path.join(other, name, "ke-hoach.docx")):
                continue
            b = paragraphs(os.path.join(other, name, "ke-hoach.docx"))
            if a != b:
                if [p for p in a if p] == [p for p in b if p]:
                    known += 1
                else:
                    first = next(i for i, (x, y) in enumerate(zip(a + [""] * len(b), b + [""] * len(a))) if x != y)
                    problems.append(f"{where}/ke-hoach.docx paragraph {first}: {b[first] if first < len(b) else None!r}, "
                                    f"kehoach: {a[first] if first < len(a) else None!r}")
            wb = workbook(os.path.join(other, name, "phu-luc.xlsx"))
            for key in wa:
                if wa[key] != wb[key]:
                    detail = ""
                    if key in ("cells", "values"):
                        row = next((i for i, (x, y) in enumerate(zip(wa[key], wb[key])) if x != y), min(len(wa[key]), len(wb[key])))
                        detail = f" (row {row + 1}: {wb[key][row] if row < len(wb[key]) else None} vs "
                        detail += f"{wa[key][row] if row < len(wa[key]) else None})"
                    else:
                        detail = f" ({wb[key]} vs {wa[key]})"
                    problems.append(f"{where}/phu-luc.xlsx: {key} differ{detail}")
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            for out in args.outdirs:
                for name in names:
                    for file in ("ke-hoach.docx", "phu-luc.xlsx"):
                        if not convert(os.path.join(out, name, file), tmp):
                            problems.append(f"{out}/{name}/{file}: LibreOffice could not convert it to PDF")
    for line in problems[:12]:
        print(line)
    if len(problems) > 12:
        print(f"... and {len(problems) - 12} more")
    checked = len(names) * len(others)
    pdfs = f", {len(names) * len(args.outdirs) * 2} documents converted to PDF" if args.pdf else ""
    if problems:
        print(f"DIFFER: {len(problems)} problem(s), {checked} commune(s) compared{pdfs}")
        sys.exit(1)
    print(f"same: {len(names)} commune(s) x {len(others)} tool(s): docx text, xlsx cells, formulas, cached values, "
          f"merges, page setup{pdfs}" + (f" ({known} docx with only kehoach's empty paragraph at the end of the "
                                        f"recipients cell)" if known else ""))


if __name__ == "__main__":
    main()
