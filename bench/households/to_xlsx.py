#!/usr/bin/python3
"""A household CSV of generate.py as the .xlsx a spreadsheet program saves, streamed (constant memory
but the shared strings).

  to_xlsx.py FILE.csv -o FILE.xlsx [--inline]

Written as Excel and LibreOffice write a sheet: every row and cell with its r="" reference, only the cells
that hold something, texts in the shared strings table (t="s"; with --inline: t="inlineStr", as
libxlsxwriter's constant-memory mode and ExcelJS's streaming writer write them), counts and incomes as
numbers (the income with the "#,##0" style 1), deflated at zlib's default level. The same bytes for the
same CSV."""
import argparse
import csv
import zipfile
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NUMBER_COLUMNS = {"Số khẩu": 0, "Thu nhập bình quân": 1}  # column header -> style


def letters(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def entry(name):
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--inline", action="store_true", help="inline strings instead of the shared strings table")
    args = parser.parse_args()
    strings, order = {}, []
    with open(args.csv, newline="", encoding="utf-8") as source, \
            zipfile.ZipFile(args.output, "w", compression=zipfile.ZIP_DEFLATED) as book:
        rows = csv.reader(source)
        header = next(rows)
        styles = [NUMBER_COLUMNS.get(name) for name in header]
        columns = [letters(i) for i in range(len(header))]

        def text_cell(ref, text):
            if args.inline:
                return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
            index = strings.get(text)
            if index is None:
                index = strings[text] = len(order)
                order.append(text)
            return f'<c r="{ref}" t="s"><v>{index}</v></c>'

        with book.open(entry("xl/worksheets/sheet1.xml"), "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" '
                        f'xmlns:r="{REL}"><dimension ref="A1"/><sheetData>'.encode())
            sheet.write(('<row r="1">' + "".join(text_cell(f"{columns[i]}1", c) for i, c in enumerate(header) if c)
                         + "</row>").encode())
            pieces = []
            for number, cells in enumerate(rows, start=2):
                out = [f'<row r="{number}">']
                for i, c in enumerate(cells):
                    if not c:
                        continue
                    ref = f"{columns[i]}{number}"
                    style = styles[i]
                    if style is None:
                        out.append(text_cell(ref, c))
                    elif style:
                        out.append(f'<c r="{ref}" s="{style}"><v>{c}</v></c>')
                    else:
                        out.append(f'<c r="{ref}"><v>{c}</v></c>')
                out.append("</row>")
                pieces.append("".join(out))
                if len(pieces) == 4096:
                    sheet.write("".join(pieces).encode())
                    pieces = []
            sheet.write(("".join(pieces) + "</sheetData></worksheet>").encode())
        if not args.inline:
            with book.open(entry("xl/sharedStrings.xml"), "w", force_zip64=True) as shared:
                shared.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" '
                             f'count="{len(order)}" uniqueCount="{len(order)}">'.encode())
                for k in range(0, len(order), 4096):
                    shared.write("".join(f"<si><t>{escape(t)}</t></si>" for t in order[k:k + 4096]).encode())
                shared.write(b"</sst>")
        book.writestr(entry("xl/styles.xml"),
                      f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{NS}">'
                      '<numFmts count="0"/><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
                      '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="3" xfId="0" applyNumberFormat="1"/>'
                      '</cellXfs></styleSheet>')
        book.writestr(entry("xl/workbook.xml"),
                      f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" '
                      f'xmlns:r="{REL}"><sheets><sheet name="Danh sách hộ" sheetId="1" r:id="rId1"/></sheets></workbook>')
        shared_rel = "" if args.inline else (
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/>')
        book.writestr(entry("xl/_rels/workbook.xml.rels"),
                      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                      'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                      'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/styles" Target="styles.xml"/>{shared_rel}</Relationships>')
        shared_type = "" if args.inline else (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/>')
        book.writestr(entry("[Content_Types].xml"),
                      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
                      'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
                      'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                      'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
                      'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                      'worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.'
                      f'openxmlformats-officedocument.spreadsheetml.styles+xml"/>{shared_type}</Types>')
        book.writestr(entry("_rels/.rels"),
                      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                      'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                      'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                      '</Relationships>')


if __name__ == "__main__":
    main()
