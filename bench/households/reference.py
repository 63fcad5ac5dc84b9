#!/usr/bin/python3
"""Reference figures for a household review file, in plain Python (csv module, standard library).

    /usr/bin/python3 bench/households/reference.py FILE.csv [--year 2024] [--skip-bad-rows] --json

Computes what `kehoach households FILE --year 2024 --json` computes, independently of the C++
code, so the two can be compared unit by unit (compare.py) and timed against each other (run).

Standard: the national multidimensional poverty standard 2022-2025 (Nghị định 07/2021/NĐ-CP),
extended to 2026; per person per month, rural line 1.500.000 (middle 2.250.000), urban line
2.000.000 (middle 3.000.000).
  poor          income <= line and deprived in >= 3 of the 12 indicators
  near-poor     income <= line and deprived in < 3
  middle income line < income <= middle
Every household is counted in its lowest unit; each unit above is the sum of its children.
Units are matched by name (NFC, trimmed, spaces collapsed, case-folded); the first spelling is kept.
Rates are count / households * 100 rounded half up to 2 decimals, in integer arithmetic.
"""
import argparse
import csv
import json
import operator
import sys
import unicodedata

STANDARD = {
    "name": "Chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP)",
    "first_year": 2022,
    "last_year": 2026,
}
POOR_DEPRIVATIONS = 3
RURAL, URBAN = 0, 1
LINES = {RURAL: (1_500_000, 2_250_000), URBAN: (2_000_000, 3_000_000)}  # (poor line, middle line)
HEADER_SEARCH_ROWS = 30
MOST_MEMBERS = 99

# -- text ----------------------------------------------------------------------------------------


def fold(text):
    """Header comparison form: lower case, no diacritics, đ -> d, punctuation -> space."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def clean_text(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(text):
    return clean_text(text).casefold()


# -- header --------------------------------------------------------------------------------------

LEVELS = {
    "tinh", "thanh pho", "tinh thanh pho", "tinh thanh", "huyen", "quan", "thi xa", "quan huyen", "huyen thi xa",
    "xa", "phuong", "thi tran", "dac khu", "xa phuong", "xa phuong thi tran", "xa phuong dac khu", "thon", "ap",
    "ban", "buon", "lang", "xom", "khom", "khoi", "khu", "khu pho", "to", "to dan pho", "thon to",
    "thon to dan pho", "thon ban", "thon xom", "ap khu pho", "don vi", "province", "district", "commune", "ward",
    "village", "unit", "level",
}
DEPRIVATIONS = [
    ("viec lam",),
    ("nguoi phu thuoc trong ho", "nguoi phu thuoc"),
    ("dinh duong",),
    ("bao hiem y te", "bhyt"),
    ("trinh do giao duc cua nguoi lon", "giao duc nguoi lon"),
    ("tinh trang di hoc cua tre em", "tre em di hoc"),
    ("chat luong nha o",),
    ("dien tich nha o binh quan dau nguoi", "dien tich nha o"),
    ("nguon nuoc sinh hoat", "nuoc sinh hoat"),
    ("nha tieu hop ve sinh", "nha tieu"),
    ("su dung dich vu vien thong", "dich vu vien thong"),
    ("phuong tien phuc vu tiep can thong tin", "tiep can thong tin"),
]
CODE = {"ma ho", "ma ho gia dinh", "ma so ho", "ma", "code", "household code", "household"}
AREA = {"khu vuc", "nong thon thanh thi", "area"}
MEMBERS = {"so khau", "khau", "nhan khau", "so nhan khau", "so thanh vien", "members"}
LABOUR = {"co nguoi co kha nang lao dong", "co kha nang lao dong", "co lao dong", "able to work"}
SOCIAL = {"bao tro xa hoi", "btxh", "ho bao tro xa hoi", "social protection"}
ETHNIC = {"dan toc thieu so", "dtts", "ho dan toc thieu so", "ethnic minority"}
MERIT = {"nguoi co cong", "co cong", "ho co cong", "co cong voi cach mang", "merit"}
ORIGIN = {"tach tu ho", "chuyen den", "tach ho chuyen den", "ma ho cu", "nguon goc", "origin"}


class Layout:
    def __init__(self, names):
        self.names = names
        self.code = self.area = self.members = self.income = -1
        self.levels = []
        self.deprivations = [-1] * 12
        self.labour = self.social = self.ethnic = self.merit = -1
        self.scored = False
        recognised = 0
        for i, name in enumerate(names):
            if self.place(i, fold(name)):
                recognised += 1
        self.ok = self.code >= 0 and recognised >= 4

    def place(self, i, f):
        def take(attr):
            if getattr(self, attr) < 0:
                setattr(self, attr, i)
            return True

        if f in CODE:
            return take("code")
        g = f[4:] if f.startswith("ten ") else f
        if g in LEVELS:
            self.levels.append(i)
            return True
        if f in AREA:
            return take("area")
        if f in MEMBERS:
            return take("members")
        if f.startswith("diem thu nhap") or f in ("diem", "score", "income score"):
            self.scored = True
            return take("income")
        if f.startswith("thu nhap") or f == "income":
            return take("income")
        for n, aliases in enumerate(DEPRIVATIONS):
            if f in aliases or f in ("chi so %d" % (n + 1), "cs%d" % (n + 1), "cs %d" % (n + 1), "d%d" % (n + 1)):
                self.deprivations[n] = i
                return True
        for attr, names in (("labour", LABOUR), ("social", SOCIAL), ("ethnic", ETHNIC), ("merit", MERIT)):
            if f in names:
                return take(attr)
        if f in ORIGIN:
            return True
        return False

    def missing(self):
        out = []
        if not self.levels:
            out.append("Thôn")
        if self.area < 0:
            out.append("Khu vực")
        if self.members < 0:
            out.append("Số khẩu")
        if self.income < 0:
            out.append("Thu nhập bình quân")
        out += ["indicator %d" % (n + 1) for n, c in enumerate(self.deprivations) if c < 0]
        return out


# -- values --------------------------------------------------------------------------------------


def parse_count(text):
    """'1500000', '1.500.000', '1,500,000', '1 500 000' -> int; None when not a whole number >= 0."""
    s = text.strip()
    if not s:
        return None
    negative = s[0] == "-"
    if s[0] in "+-":
        s = s[1:].strip()
    seps = {c for c in s if c in ". ,"}
    if len(seps) > 1:
        return None
    if seps:
        groups = s.split(seps.pop())
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        s = "".join(groups)
    if not (s.isascii() and s.isdigit()) or len(s) > 15:
        return None
    value = int(s)
    return None if negative and value else value


MARKERS = {"": False, "0": False, "-": False, "x": True, "X": True, "1": True}
PLAIN_MARKERS = frozenset(MARKERS)
FOLDED_MARKERS = {"x": True, "co": True, "true": True, "yes": True, "thieu": True, "thieu hut": True,
                  "khong": False, "false": False, "no": False, "k": False}


def marker(text):
    value = MARKERS.get(text)
    if value is None:
        value = FOLDED_MARKERS.get(fold(text))
    return value


AREAS = {"nong thon": RURAL, "nt": RURAL, "rural": RURAL, "nong": RURAL,
         "thanh thi": URBAN, "tt": URBAN, "urban": URBAN, "do thi": URBAN}


# -- units ---------------------------------------------------------------------------------------

# A tally is a list of ints: these fields, then poor deprivations [12], then near-poor [12].
FIELDS = ["households", "members", "poor", "near_poor", "middle_income", "poor_members", "near_poor_members",
          "poor_with_labour", "poor_without_labour", "poor_social_protection", "poor_ethnic_minority", "poor_merit"]
(HOUSEHOLDS, MEMBERS_, POOR, NEAR_POOR, MIDDLE, POOR_MEMBERS, NEAR_POOR_MEMBERS, POOR_LABOUR, POOR_NO_LABOUR,
 POOR_SOCIAL, POOR_ETHNIC, POOR_MERIT) = range(len(FIELDS))
POOR_DEPRIVED = len(FIELDS)
NEAR_POOR_DEPRIVED = POOR_DEPRIVED + 12
TALLY_SIZE = NEAR_POOR_DEPRIVED + 12


class Node:
    __slots__ = ("name", "level", "parent", "children", "by_key", "tally")

    def __init__(self, name, level, parent):
        self.name, self.level, self.parent = name, level, parent
        self.children = []
        self.by_key = {}
        self.tally = [0] * TALLY_SIZE


def getter(columns):
    """row -> tuple of the cells in `columns`, at C speed."""
    if not columns:
        return lambda row: ()
    if len(columns) == 1:
        column = columns[0]
        return lambda row: (row[column],)
    return operator.itemgetter(*columns)


class BadRow(Exception):
    pass


def rate(count, total):
    """count / total * 100, rounded half up to 2 decimals, as a string ('5.69'); '0.00' for no total."""
    if total == 0:
        return "0.00"
    hundredths = (count * 10000 * 2 + total) // (2 * total)
    return "%d.%02d" % divmod(hundredths, 100)


def compute(path, skip_bad_rows):
    root = Node("Tổng cộng", -1, None)
    leaf_by_written = {}
    area_cache = {}
    codes = set()
    layout = None
    before_header = 0
    read = bad_rows = 0
    problems = []
    duplicates = 0

    with open(path, encoding="utf-8-sig", newline="") as f:
        sample = f.readline()
        f.seek(0)
        if sample.startswith("\ufeff"):
            sample = sample[1:]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        for row_number, row in enumerate(csv.reader(f, delimiter=delimiter), start=1):
            if not "".join(row).strip():
                continue
            if layout is None:
                candidate = Layout([clean_text(c) for c in row])
                if candidate.ok:
                    layout = candidate
                    missing = layout.missing()
                    if missing:
                        sys.exit("%s: header lacks %s" % (path, ", ".join(missing)))
                    if layout.scored:
                        sys.exit("%s: income scores are not supported by the reference" % path)
                    L = layout
                    code_col, area_col, members_col, income_col = L.code, L.area, L.members, L.income
                    level_cols = L.levels
                    dep_cols = L.deprivations
                    group_cols = [L.labour, L.social, L.ethnic, L.merit]
                    width = 1 + max([code_col, area_col, members_col, income_col] + level_cols + dep_cols + group_cols)
                    units_of = getter(level_cols)
                    deprivations_of = getter(dep_cols)
                    groups_of = getter([c for c in group_cols if c >= 0])
                    continue
                before_header += 1
                if before_header >= HEADER_SEARCH_ROWS:
                    sys.exit("%s: no header in the first %d rows" % (path, HEADER_SEARCH_ROWS))
                continue
            try:
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                code = row[code_col]
                if not code:
                    raise BadRow("no household code")
                units = units_of(row)
                if not all(units):
                    raise BadRow("no unit name")
                text = row[area_col]
                area = area_cache.get(text)
                if area is None:
                    area = area_cache[text] = AREAS.get(fold(text))
                    if area is None:
                        raise BadRow("bad area")
                text = row[members_col]
                members = int(text) if text.isdigit() and len(text) < 3 and text.isascii() else parse_count(text)
                if members is None or not 1 <= members <= MOST_MEMBERS:
                    raise BadRow("bad members")
                text = row[income_col]
                income = int(text) if text.isdigit() and len(text) <= 15 and text.isascii() else parse_count(text)
                if income is None:
                    raise BadRow("bad income")
                deprived = deprivations_of(row)
                if not PLAIN_MARKERS.issuperset(deprived):
                    deprived = tuple(marker(cell) for cell in deprived)
                    if None in deprived:
                        raise BadRow("bad deprivation marker")
                    deprived = tuple("x" if d else "" for d in deprived)
                groups = groups_of(row)
                if not PLAIN_MARKERS.issuperset(groups) and None in map(marker, groups):
                    raise BadRow("bad group marker")
            except BadRow as problem:
                bad_rows += 1
                if len(problems) < 20:
                    problems.append("row %d: %s" % (row_number, problem))
                continue
            if code in codes:
                duplicates += 1
                if len(problems) < 20:
                    problems.append("row %d: duplicate household code" % row_number)
                continue
            codes.add(code)
            read += 1

            leaf = leaf_by_written.get(units)
            if leaf is None:
                node = root
                for level, name in enumerate(units):
                    key = name_key(name)
                    child = node.by_key.get(key)
                    if child is None:
                        child = Node(clean_text(name), level, node)
                        node.by_key[key] = child
                        node.children.append(child)
                    node = child
                leaf = leaf_by_written[units] = node.tally

            leaf[HOUSEHOLDS] += 1
            leaf[MEMBERS_] += members
            line, middle = LINES[area]
            if income <= line:
                deprived = [MARKERS[d] for d in deprived]
                groups = [c >= 0 and bool(marker(row[c])) for c in group_cols]
                if deprived.count(True) >= POOR_DEPRIVATIONS:
                    leaf[POOR] += 1
                    leaf[POOR_MEMBERS] += members
                    leaf[POOR_LABOUR if groups[0] else POOR_NO_LABOUR] += 1
                    leaf[POOR_SOCIAL] += groups[1]
                    leaf[POOR_ETHNIC] += groups[2]
                    leaf[POOR_MERIT] += groups[3]
                    base = POOR_DEPRIVED
                else:
                    leaf[NEAR_POOR] += 1
                    leaf[NEAR_POOR_MEMBERS] += members
                    base = NEAR_POOR_DEPRIVED
                for i, d in enumerate(deprived):
                    if d:
                        leaf[base + i] += 1
            elif income <= middle:
                leaf[MIDDLE] += 1

    if layout is None:
        sys.exit("%s: no header row" % path)
    if duplicates or (bad_rows and not skip_bad_rows):
        sys.exit("%s: %d bad rows, %d duplicate codes:\n  %s" % (path, bad_rows, duplicates, "\n  ".join(problems)))
    if read == 0:
        sys.exit("%s: no households" % path)

    def roll_up(node):
        for child in node.children:
            roll_up(child)
            t = node.tally
            for i, v in enumerate(child.tally):
                t[i] += v

    roll_up(root)
    levels = [layout.names[c] for c in layout.levels]
    return root, levels, read, bad_rows


def unit_json(path, name, level, t):
    unit = {"path": path, "name": name, "level": level}
    for i, field in enumerate(FIELDS):
        unit[field] = t[i]
        if field == "poor":
            unit["poor_rate"] = RawNumber(rate(t[POOR], t[HOUSEHOLDS]))
        elif field == "near_poor":
            unit["near_poor_rate"] = RawNumber(rate(t[NEAR_POOR], t[HOUSEHOLDS]))
    unit["deprivations"] = {"poor": t[POOR_DEPRIVED:NEAR_POOR_DEPRIVED], "near_poor": t[NEAR_POOR_DEPRIVED:]}
    return unit


class RawNumber(str):
    """A number written as given ('5.69'), so no float ever stands between the figure and the JSON."""


def dump(value, out):
    if isinstance(value, RawNumber):
        out.append(str(value))
    elif isinstance(value, dict):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            if i:
                out.append(", ")
            out.append(json.dumps(k, ensure_ascii=False) + ": ")
            dump(v, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(", ")
            dump(v, out)
        out.append("]")
    else:
        out.append(json.dumps(value, ensure_ascii=False))


def units_preorder(root, levels):
    units = []
    if len(root.children) > 1:
        units.append(unit_json([], root.name, "Tổng cộng", root.tally))

    def visit(node, path):
        path = path + [node.name]
        units.append(unit_json(path, node.name, levels[node.level], node.tally))
        for child in node.children:
            visit(child, path)

    for top in root.children:
        visit(top, [])
    return units


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", help="household review file (CSV, UTF-8)")
    parser.add_argument("--year", type=int, default=2024, help="year of the review (2022-2026)")
    parser.add_argument("--skip-bad-rows", action="store_true")
    parser.add_argument("--json", action="store_true", help="JSON to standard output (the default)")
    args = parser.parse_args()
    if not STANDARD["first_year"] <= args.year <= STANDARD["last_year"]:
        sys.exit("only the 2022-2026 standard is built in")

    root, levels, read, skipped = compute(args.file, args.skip_bad_rows)
    document = {
        "standard": STANDARD,
        "records": {"read": read, "skipped_rows": skipped},
        "levels": levels,
        "units": units_preorder(root, levels),
    }
    out = ["{"]
    for i, (key, value) in enumerate(document.items()):
        out.append(",\n " if i else "")
        out.append(json.dumps(key) + ": ")
        if key == "units":
            out.append("[\n  ")
            for j, unit in enumerate(value):
                if j:
                    out.append(",\n  ")
                dump(unit, out)
            out.append("\n ]")
        else:
            dump(value, out)
    out.append("\n}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
