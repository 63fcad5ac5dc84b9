"""What the other tools put into each commune's plan and appendix: the communes of expected.json (the
reference split, so they get the figures for free), and for each the data templates/xa is filled with,
written as kehoach writes it (src/write/plan_template_data.cpp, document_data.cpp, vietnamese_format.cpp):
counts as 2.047, rates as 6,25, the administrative heading, the draft's blanks, the level words the
villages' names carry (thôn, tổ dân phố, khu phố…), the offices in force (templates/co-quan.json,
translated from data/offices/co-quan.yaml by make_templates.py), the villages cleared by a fixed "all",
the appendix labels and rows. node/batch.js has the same in JavaScript."""
import json
import os
import unicodedata

from unit_levels import area_of, full_name, header_levels, heads_phrase, in_sentence, level_named, \
    level_of, levels_phrase, name_key, split

HERE = os.path.dirname(os.path.abspath(__file__))
OFFICES = os.path.join(HERE, "templates", "co-quan.json")
SECTIONS = ("general_goal", "specific_goal", "analysis", "leadership", "communication", "policy", "resources", "closing")
BLANK = "\u2007" * 3        # a draft's blank: three figure spaces (kDraftBlank)
SEPARATOR = "\u2002"        # an en space between a blank and the words beside it (kBlankSeparator)
INDICATORS = ("poor", "near_poor")
GROUP_WORDS = {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo"}
ISSUING_BODY = "Ủy ban nhân dân"
SYMBOL = "KH-UBND"


def count(n):
    return f"{n:,}".replace(",", ".")


def hundredths(part, whole):
    """part / whole * 100 rounded half up to 2 decimals, in hundredths (exact integers)."""
    return (part * 20000 + whole) // (2 * whole) if whole > 0 else 0


def rate(part, whole):
    h = hundredths(part, whole)
    return f"{h // 100},{h % 100:02d}"


def draft_date(year):
    """'ngày … tháng … năm 2026' with a blank for the day and the month (document_date)."""
    blank = SEPARATOR + BLANK + SEPARATOR
    return f"ngày{blank}tháng{blank}năm {year}"


def draft_number():
    return f"{BLANK}/{SYMBOL}"


def folder_name(name):
    """As kehoach names a unit's folder: 'Xã An Hòa Thịnh' -> 'xa-an-hoa-thinh'."""
    text = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = "".join(c if c.isascii() and c.isalnum() else " " for c in text)
    return "-".join(text.split()) or "don-vi"


def load_offices(path=OFFICES):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def offices_in_force(book, level, date):
    """{role: {name, mention, abbreviation}} on `date` (YYYY-MM-DD) for an issuer of `level` ('Xã'): its
    level's latest name, else the latest for any level, else another level's (model/office_names.cpp)."""
    specific, general, other = {}, {}, {}
    for role, names in book.items():
        for office in names:
            if office["from"] > date:
                continue
            chosen = specific if level and level in office["levels"] else general if not office["levels"] else other
            if role not in chosen or chosen[role]["from"] <= office["from"]:
                chosen[role] = office
    for bucket in (general, other):
        for role, office in bucket.items():
            specific.setdefault(role, office)
    return {role: {"name": o["name"], "mention": o["mention"] or o["name"], "abbreviation": o["abbreviation"]}
            for role, o in specific.items()}


def figures(unit, households):
    out = {}
    for indicator in INDICATORS:
        f = unit[indicator]
        out[indicator] = {"start": count(f["start"]), "start_rate": rate(f["start"], households),
                          "reduction": count(f["reduction"]), "reduction_rate": rate(f["reduction"], households),
                          "end": count(f["end"]), "end_rate": rate(f["end"], households)}
    return out


def row(unit, order):
    record = {"order": order, "name": unit["name"], "households": count(unit["households"])}
    record.update(figures(unit, unit["households"]))
    return record


def village_levels(villages, column):
    """Each village's level (its name's word, else the column's, else none) and the column header the
    appendix gives them (compute/appendix.cpp: the levels the names carry, else the column as written)."""
    fallback = next(iter(header_levels(column)), None)
    levels, named = [], False
    for v in villages:
        level, own = level_of(v["name"], fallback)
        levels.append(level)
        named = named or own
    label = levels_phrase(levels, True) if named and None not in levels else column
    return levels, label


def cleared(villages, levels, indicator):
    """'thôn A, thôn B và khu phố C': the villages a fixed figure leaves without any."""
    names = [in_sentence(v["name"], level) for v, level in zip(villages, levels)
             if v[indicator].get("fixed") and v[indicator]["start"] > 0 and v[indicator]["end"] == 0]
    return "".join(("" if i == 0 else " và " if i + 1 == len(names) else ", ") + n for i, n in enumerate(names))


def plan_context(c, offices):
    """The data of templates/xa for one commune (an item of communes()), as `kehoach batch` fills it."""
    commune, villages, year = c["commune"], c["villages"], c["year"]
    own_level = level_of(commune["name"], level_named(c["level"]))[0]
    unit = in_sentence(commune["name"], own_level)
    place = split(full_name(commune["name"], own_level))[1]
    issuer = f"{ISSUING_BODY} {unit}"
    area = area_of(unit)
    issuer_level = split(area)[0]
    office = offices_in_force(offices, issuer_level.word if issuer_level else "", f"{year}-01-01")
    drafting = office.get("poverty", {}).get("abbreviation", "")
    levels, column_label = village_levels(villages, c["column"])
    known = [level for level in levels if level is not None] if None not in levels else []
    units_phrase = levels_phrase(known, False) if known else (
        levels_phrase(header_levels(column_label), False) or name_key(column_label))
    heads = known or header_levels(column_label)
    y = str(year)
    total = row(commune, "")
    total["name"] = "Tổng cộng"
    appendix = {
        "label": "Phụ lục",
        "title": f"CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {y}",
        "attachment": f"(Kèm theo Kế hoạch số{SEPARATOR}{draft_number()} {draft_date(y)} của {issuer})",
        "unit_label": column_label, "both": True, "poor_only": False, "near_poor_only": False,
        "rows": [row(v, str(i + 1)) for i, v in enumerate(villages)], "total": total, "notes": [],
    }
    for indicator in INDICATORS:
        word = GROUP_WORDS[indicator]
        appendix[indicator + "_start_label"] = f"{word.capitalize()} đầu năm {y}"
        appendix[indicator + "_reduction_label"] = f"Giảm {word} trong năm {y}"
        appendix[indicator + "_end_label"] = f"{word.capitalize()} cuối năm {y}"
    parent = c["parent"]
    context = {
        "header": {"parent": ("UBND " + parent).upper() if parent else "", "has_parent": bool(parent),
                   "body": ISSUING_BODY.upper(), "unit": unit.upper(), "number": f"Số: {draft_number()}",
                   "place_date": f"{place}, {draft_date(y)}"},
        "title": "KẾ HOẠCH",
        "summary": f"Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {y}",
        "legal_bases": [],
        "preamble": f"{issuer} xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững "
                    f"năm {y} như sau:",
        "year": y, "previous_year": str(year - 1), "unit_name": unit, "area": area, "issuer": issuer,
        "issuer_level": issuer_level.lower if issuer_level else "địa phương",
        "households": count(commune["households"]), "units_count": str(len(villages)),
        "unit_label": units_phrase,
        "unit_heads": heads_phrase(heads) if heads else "Trưởng các " + units_phrase,
        "offices": office,
        "goals": [], "agencies": [], "projects": [], "reporting": [],
        "recipients": [{"text": f"Lưu: VT, {drafting}." if drafting else "Lưu: VT."}],
        "signature": {"authority": "TM. " + ISSUING_BODY.upper(), "deputy": "", "has_deputy": False,
                      "title": "CHỦ TỊCH", "name": ""},
        "sections": {name: False for name in SECTIONS},
        "appendix": appendix,
        "has_poor": True, "has_near_poor": True, "has_records": False, "records": {},
    }
    for indicator, values in figures(commune, commune["households"]).items():
        values["target_rate"] = values["end_rate"]
        values["cleared"] = cleared(villages, levels, indicator)
        values["has_cleared"] = bool(values["cleared"])
        context[indicator] = values
    return context


def communes(data_dir):
    """The communes of expected.json, in order: {folder, commune, villages, parent (its full name, or ''),
    level (the commune column), column (the village column), year}."""
    with open(f"{data_dir}/expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    levels, level = expected["levels"], expected["plans"]["level"]
    below = levels[levels.index(level) + 1]
    by_path = {}
    children = {}
    for u in expected["units"]:
        path = tuple(u["path"])
        by_path[path] = u
        if path:
            children.setdefault(path[:-1], []).append(u)
    result, taken = [], set()
    for path, u in by_path.items():
        if u["level"] != level:
            continue
        parent = by_path.get(path[:-1])
        parts = [folder_name(p) for p in path]
        folder = "/".join(parts)
        n = 2
        while folder in taken:
            folder = "/".join(parts[:-1] + [f"{parts[-1]}-{n}"])
            n += 1
        taken.add(folder)
        parent_name = ""
        if parent and parent["level"]:
            parent_level = level_of(parent["name"], level_named(parent["level"]))[0]
            parent_name = full_name(parent["name"], parent_level)
        result.append({"folder": folder, "commune": u, "villages": children.get(path, []), "parent": parent_name,
                       "level": level, "column": below, "year": expected["year"]})
    return result
