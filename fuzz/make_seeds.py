#!/usr/bin/python3
"""Writes the seed inputs of every fuzz target (fuzz/seeds/TARGET/) and their dictionaries (fuzz/dicts/)
from the examples (data/examples), the shipped standards and templates, and the cases the tests write by
hand (quoted line breaks, encodings, two-level headers, merged cells, split tags). The outputs are
committed: the fuzzers start from them and ctest replays them (fuzz/CMakeLists.txt). Run it again after
the examples or templates change:  /usr/bin/python3 fuzz/make_seeds.py
Seeds are kept small (a household list is cut to its first rows): libFuzzer mutates small inputs faster,
and its longest input is the longest seed."""
import codecs
import glob
import io
import os
import re
import shutil
import subprocess
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(ROOT, "fuzz")
EXAMPLES = os.path.join(ROOT, "data", "examples")
HOUSEHOLD_ROWS = 25


def read(path):
    with open(path, "rb") as f:
        return f.read()


def first_lines(data, count):
    return b"".join(data.splitlines(keepends=True)[:count])


class Seeds:
    def __init__(self, target):
        self.folder = os.path.join(FUZZ, "seeds", target)
        shutil.rmtree(self.folder, ignore_errors=True)
        os.makedirs(self.folder)

    def add(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(self.folder, name), "wb") as f:
            f.write(data)


def example(path):
    return read(os.path.join(EXAMPLES, path))


def csv_rows(data):
    import csv
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


# --- Tables -----------------------------------------------------------------------------------------

STATISTICS = example("an-hoa-thinh-2022/thon.csv")
HOUSEHOLDS = first_lines(example("an-hoa-thinh-2022/ho-gia-dinh-cuoi-2021.csv"), HOUSEHOLD_ROWS)
MOVEMENTS = example("an-hoa-thinh-2022/bien-dong-6-thang.csv")
UNITS = example("ha-tinh-2026/don-vi.csv")


def table_variants(data):
    """The same table as offices send it: UTF-8 with a BOM, UTF-16LE, Windows-1258, ';' and CRLF."""
    text = data.decode("utf-8")
    semicolons = "\r\n".join(line.replace(",", ";") for line in text.splitlines()) + "\r\n"
    return {
        "bom.csv": codecs.BOM_UTF8 + data,
        "utf16le.csv": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "cp1258.csv": subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP1258"], input=data, capture_output=True,
                                     check=True).stdout,
        "semicolon-crlf.csv": semicolons.encode("utf-8"),
    }


def csv_seeds():
    seeds = Seeds("csv")
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*", "*.csv"))):
        name = os.path.relpath(path, EXAMPLES).replace("/", "-")
        data = read(path)
        seeds.add(name, first_lines(data, HOUSEHOLD_ROWS) if "ho-gia-dinh" in name else data)
    for name, data in table_variants(STATISTICS).items():
        seeds.add("thon-" + name, data)
    seeds.add("quoted.csv", 'UBND XÃ AN HÒA THỊNH\n\nTT,"Thôn\n(tổ dân phố)",Tổng số hộ,Hộ nghèo,"Hộ ""cận"" nghèo"\n'
                            '1,"Sâm Cồn, Trùa",166,10,12\n2,Nậy,"1.205",7,7\n,Tổng cộng,1371,17,19\n')


def household_seeds():
    seeds = Seeds("households")
    seeds.add("ho-gia-dinh.csv", HOUSEHOLDS)
    seeds.add("ho-gia-dinh-bo-dong-sai.csv", HOUSEHOLDS + b"X\n")  # odd size: read with skip_bad_rows
    rows = csv_rows(HOUSEHOLDS)
    # Two unit levels more and a household code repeated: the deeper trees and the duplicate check.
    deeper = [["Tỉnh", "Huyện"] + rows[0]] + [["Hà Tĩnh", "Hương Sơn"] + r for r in rows[1:]]
    seeds.add("ho-gia-dinh-5-cap.csv", "\n".join(",".join(r) for r in deeper) + "\n")
    seeds.add("ho-gia-dinh-trung-ma.csv", HOUSEHOLDS + b"\n".join(HOUSEHOLDS.splitlines()[1:3]) + b"\n")
    seeds.add("ho-gia-dinh.xlsx", xlsx_of(csv_rows(HOUSEHOLDS)))


def movement_seeds():
    seeds = Seeds("movements")
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*", "bien-dong-*.csv"))):
        seeds.add(os.path.basename(path), read(path))
    # One header row, each label after its group, as the README allows.
    rows = csv_rows(MOVEMENTS)
    groups, labels = rows[0], rows[1]
    group = ""
    flat = []
    for g, label in zip(groups, labels):
        group = g or group
        flat.append(f"{group} - {label}" if label else g)
    seeds.add("mot-dong-tieu-de.csv", "\n".join(",".join(r) for r in [flat] + rows[2:]) + "\n")
    # End counts only: one less than at the start in every village.
    ends = ["Thôn,Hộ nghèo - Cuối kỳ,Hộ cận nghèo - Cuối kỳ"]
    ends += [f"{r[1]},{max(int(r[3]) - 1, 0)},{max(int(r[4]) - 1, 0)}" for r in csv_rows(STATISTICS)[1:]]
    seeds.add("cuoi-ky.csv", "\n".join(ends) + "\n")


# --- XLSX ---------------------------------------------------------------------------------------------

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="xl/workbook.xml"/></Relationships>')
# The shared strings of fuzz/xlsx_sheet_fuzzer.cpp's fixed package, by index.
SHARED = ["STT", "Thôn", "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo", "Số khẩu", " Sâm Cồn ", "Đông Hà", "Tổng cộng",
          "Tái nghèo", "Phát sinh mới", "Cuối kỳ"]


def column(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_xml(ref, value, shared=None):
    if value == "":
        return ""
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if shared is not None and value in shared:
        return f'<c r="{ref}" t="s"><v>{shared.index(value)}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def sheet_xml(rows, shared=None, extra="", merges=()):
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{column(c)}{r}", v, shared) for c, v in enumerate(row))
        body.append(f'<row r="{r}">{cells}</row>')
    merged = ""
    if merges:
        merged = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(body)}{extra}</sheetData>{merged}</worksheet>')


def zip_package(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=(2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return out.getvalue()


def xlsx_of(rows, merges=(), sheet_name="Danh sách"):
    """A small workbook with shared strings, the way Excel writes one."""
    strings = []
    for row in rows:
        for value in row:
            if value and not re.fullmatch(r"-?\d+(\.\d+)?", value) and value not in strings:
                strings.append(value)
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="/xl/sharedStrings.xml"/></Relationships>')
    return zip_package([("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                        ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                        ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet_xml(rows, strings, merges=merges))])


def xlsx_seeds():
    seeds = Seeds("xlsx")
    seeds.add("thon.xlsx", xlsx_of(csv_rows(STATISTICS)))
    seeds.add("xa-thi-tran.xlsx", xlsx_of(csv_rows(example("hong-ngu-2022/xa-thi-tran.csv"))))
    seeds.add("bien-dong-gop-o.xlsx", xlsx_of(csv_rows(MOVEMENTS), merges=("C1:I1", "J1:P1", "A1:A2", "B1:B2")))
    seeds.add("ho-gia-dinh.xlsx", xlsx_of(csv_rows(first_lines(HOUSEHOLDS, 8))))
    seeds.add("don-vi.xlsx", xlsx_of(csv_rows(UNITS)[:8], sheet_name="Đơn vị"))


def xlsx_sheet_seeds():
    seeds = Seeds("xlsx_sheet")
    rows = csv_rows(STATISTICS)
    seeds.add("thon.xml", sheet_xml(rows, SHARED))
    seeds.add("bien-dong-gop-o.xml", sheet_xml(csv_rows(MOVEMENTS)[:6], SHARED, merges=("C1:I1", "J1:P1", "A1:B2")))
    # Numbers under each style of the fixed package, formulas with cached values, booleans, errors, text
    # results, a row and cells without references, rich inline text.
    seeds.add("kieu-o.xml", sheet_xml([], extra=(
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c>'
        '<c r="D1" t="s"><v>4</v></c><c r="E1" t="s"><v>5</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" s="3"><v>1205</v></c><c r="C3" s="1"><v>10.5</v></c>'
        '<c r="D3" s="2"><v>12</v></c><c r="E3" s="4"><v>0.0625</v></c><c s="5"><v>0.5</v></c><c s="6"><v>44562</v></c>'
        '<c s="7"><v>1234.56</v></c></row>'
        '<row><c t="inlineStr"><is><r><t>Đông</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Hà</t></r></is></c>'
        '<c><f>SUM(B1:B3)</f><v>1E+3</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c>'
        '<c t="str"><f>A1&amp;B1</f><v>Thôn</v></c><c r="XFD5"><v>-1.5E-7</v></c></row>'
        '<row r="7"><c r="A7" t="s"><v>8</v></c><c r="C7"><v>4.5E+15</v></c></row>')))


# --- YAML ---------------------------------------------------------------------------------------------

def plan_seeds():
    seeds = Seeds("plan")
    # The fuzz target copies the examples beside the plan, each table also under its folder's name
    # ("thanh-tri-2023-xa-thi-tran.csv"): the seeds name them so, as two examples have an xa-thi-tran.csv.
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*", "ke-hoach*.yaml"))):
        folder = os.path.basename(os.path.dirname(path))
        text = re.sub(rb"^statistics: ", b"statistics: " + folder.encode() + b"-", read(path), flags=re.M)
        seeds.add(folder + "-" + os.path.basename(path), text)
    seeds.add("nho-nhat.yaml", "year: 2022\nissuer: { body: Ủy ban nhân dân, unit: xã An Hòa Thịnh, parent: UBND HUYỆN "
                               "HƯƠNG SƠN }\nstatistics: thon.csv\ntargets:\n  poor: { reduce: 7 }\n  near_poor: "
                               "{ end_rate: \"5,86%\", fixed: { Trùa: 1 } }\n")


def cascade_seeds():
    seeds = Seeds("cascade")
    data = example("ha-tinh-2026/phan-bo.yaml")
    seeds.add("phan-bo.yaml", data)
    seeds.add("phan-bo-danh-sach-ho.yaml",
              "year: 2022\nrecords: { file: ho-gia-dinh-cuoi-2021.csv }\n"
              "targets:\n  poor: { reduce: 15 }\n  near_poor: { end_rate: \"5,00%\" }\n"
              "fixed:\n  \"Sâm Cồn\": { poor: all }\nplans: { level: Xã, date: 2022-01-15 }\n")
    seeds.add("phan-bo-gon.yaml", "year: 2026\nunits: { file: don-vi.csv }\ntargets: { poor: { reduce: 10 } }\n")


def standard_seeds():
    seeds = Seeds("standard")
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "standards", "**", "*.yaml"), recursive=True)):
        seeds.add(os.path.basename(path), read(path))


# --- The template engine ---------------------------------------------------------------------------

def template_seeds():
    seeds = Seeds("docx_template")
    for path in sorted(glob.glob(os.path.join(ROOT, "templates", "*", "word", "document.xml"))):
        seeds.add(path.split(os.sep)[-3] + ".xml", read(path))
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats'
            '.org/wordprocessingml/2006/main"><w:body>')
    tail = "<w:sectPr/></w:body></w:document>"
    p = lambda text: f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
    seeds.add("the-cat.xml", head + "<w:p><w:r><w:t>{{hea</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr>"
              "<w:b/></w:rPr><w:t>der.unit}}</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"a\"/><w:r><w:t>{{households}}"
              "</w:t></w:r></w:p>" + tail)
    seeds.add("vong-lap.xml", head + p("{{#legal_bases}}") + p("{{text}}") + p("{{/legal_bases}}") +
              p("{{^legal_bases}}không có{{/legal_bases}}") + tail)
    seeds.add("bang.xml", head + "<w:tbl><w:tr><w:tc>" + p("{{#appendix.rows}}{{name}}") + "</w:tc><w:tc>" +
              p("{{poor.start}}{{/appendix.rows}}") + "</w:tc></w:tr></w:tbl>" + tail)
    seeds.add("khoi.xml", head + "\n<?include khoi/dau-van-ban.xml?>\n" + p("{{summary}}") + tail)


# --- Dictionaries ------------------------------------------------------------------------------------

def write_dict(name, words):
    lines = []
    for word in sorted(set(w for w in words if w)):
        escaped = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "".join(f"\\x{b:02X}" for b in c.encode())
                          for c in word)
        lines.append(f'"{escaped}"')
    os.makedirs(os.path.join(FUZZ, "dicts"), exist_ok=True)
    with open(os.path.join(FUZZ, "dicts", name + ".dict"), "w") as f:
        f.write(f"# libFuzzer dictionary for fuzz-{name}: written by fuzz/make_seeds.py\n" + "\n".join(lines) + "\n")


def table_words():
    words = set()
    for data in (STATISTICS, HOUSEHOLDS[:2000], MOVEMENTS, UNITS, example("hong-ngu-2022/xa-thi-tran.csv")):
        for row in csv_rows(data)[:2]:
            words.update(row)
    words.update(["Tổng cộng", "Cộng", "x", "X", "Thành thị", "Nông thôn", "Có", "Không", "2.047", "6,25%", "1.205,5",
                  "-1", "0", ",", ";", "\t", "\"", "\"\"", "\r\n", "\r", "\n", "\ufeff", "Hiện nay", "Cuối kỳ", "Tỉnh",
                  "Huyện", "Phường", "Tổ dân phố", "Ấp", "Khu phố", "Bản", "Làng", "poor - re_poor", "near_poor"])
    return words


def yaml_words(paths):
    words = {"---", "...", "? ", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!int ", "!!map", "|", ">",
             "\"", "'", "#", "~", "null", "true", "false", "all", "2022-01-15", "4,93%", "1e9", "0x10", ".inf"}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                key = re.match(r"\s*-?\s*([A-Za-z_][A-Za-z_0-9]*):", line)
                if key:
                    words.add(key.group(1) + ":")
    return words


def dictionaries():
    table = table_words()
    for name in ("csv", "households", "movements"):
        write_dict(name, table)
    xml = {"<row>", "</row>", "<c>", "</c>", "<v>", "</v>", "<f>", "<is>", "<t>", "</t>", "<si>", "r=\"", "t=\"s\"",
           "t=\"inlineStr\"", "t=\"b\"", "t=\"e\"", "t=\"str\"", "s=\"", "<mergeCell ref=\"", "<mergeCells>", "A1:B2",
           "XFD1048576", "<sheetData>", "</sheetData>", "&amp;", "&#x1F;", "<![CDATA[", "xml:space=\"preserve\"",
           "<worksheet>", "<dimension ref=\"A1:E14\"/>", "E+", "1E308"}
    write_dict("xlsx_sheet", xml | table)
    write_dict("xlsx", xml | {"PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                              "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "<sheet name=\"",
                              "r:id=\"rId1\"", "Target=\"", "../", "/xl/"})
    yaml_files = (glob.glob(os.path.join(EXAMPLES, "*", "*.yaml")) + [os.path.join(ROOT, "README.md")])
    write_dict("plan", yaml_words(yaml_files) | {"thon.csv", "xa-thi-tran.csv", "ho-gia-dinh-cuoi-2021.csv", "xa",
                                                  "huyen", "hoi-phu-nu", "Ủy ban nhân dân", "Hội Liên hiệp Phụ nữ"})
    write_dict("cascade", yaml_words(yaml_files) | {"don-vi.csv", "ho-gia-dinh-cuoi-2021.csv", " / ", "Xã", "Thôn",
                                                     "Tỉnh Hà Tĩnh", "Xã An Hòa Thịnh", "Thôn Sâm Cồn"})
    write_dict("standard", yaml_words(glob.glob(os.path.join(ROOT, "data", "standards", "**", "*.yaml"), recursive=True)))
    tags = set()
    for path in glob.glob(os.path.join(ROOT, "templates", "**", "*.xml"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for name in re.findall(r"\{\{[#^/]?\s*([A-Za-z_.0-9]+)\s*\}\}", text):
            tags.update({"{{" + name + "}}", "{{#" + name + "}}", "{{/" + name + "}}", "{{^" + name + "}}"})
        tags.update(re.findall(r"<w:[A-Za-z]+", text))
        tags.update(re.findall(r"<\?include [^?]*\?>", text))
    tags.update({"{{", "}}", "</w:t>", "</w:r>", "</w:p>", "<w:t xml:space=\"preserve\">", "</w:tc>", "</w:tr>",
                 "</w:tbl>", "\n<?include khoi/can-cu.xml?>\n", "<?include ../chung/word/styles.xml?>"})
    write_dict("docx_template", tags)


if __name__ == "__main__":
    csv_seeds()
    household_seeds()
    movement_seeds()
    xlsx_seeds()
    xlsx_sheet_seeds()
    plan_seeds()
    cascade_seeds()
    standard_seeds()
    template_seeds()
    dictionaries()
