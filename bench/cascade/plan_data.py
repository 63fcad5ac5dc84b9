"""What the other tools put into each commune's plan and appendix: the communes of expected.json (the
reference split, so they get the figures for free), and for each the data templates/xa is filled with,
written as kehoach writes it (src/write/plan_template_data.cpp): counts as 2.047, rates as 6,25, the
administrative heading, the appendix labels and rows. node/batch.js has the same in JavaScript."""
import json
import unicodedata

LEVEL_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Tỉnh", "Huyện", "Quận", "Xã")
SECTIONS = ("general_goal", "specific_goal", "analysis", "leadership", "communication", "policy", "resources", "closing")
BLANK_NUMBER = " " * 6      # draft: "Số:       /KH-UBND" (a space, then these)
BLANK_DAY = " " * 7         # draft: "ngày        tháng        năm 2026"
INDICATORS = ("poor", "near_poor")
GROUP_WORDS = {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo"}


def count(n):
    return f"{n:,}".replace(",", ".")


def hundredths(part, whole):
    """part / whole * 100 rounded half up to 2 decimals, in hundredths (exact integers)."""
    return (part * 20000 + whole) // (2 * whole) if whole > 0 else 0


def rate(part, whole):
    h = hundredths(part, whole)
    return f"{h // 100},{h % 100:02d}"


def place_of(name):
    """'Xã An Hòa Thịnh' -> 'An Hòa Thịnh'."""
    for word in LEVEL_WORDS:
        if name.lower().startswith(word.lower() + " ") and len(name) > len(word) + 1:
            return name[len(word) + 1:]
    return name


def in_sentence(name):
    """'Xã An Hòa Thịnh' -> 'xã An Hòa Thịnh'."""
    place = place_of(name)
    if place == name:
        return name
    return name[0].lower() + name[1:]


def folder_name(name):
    """As kehoach names a unit's folder: 'Xã An Hòa Thịnh' -> 'xa-an-hoa-thinh'."""
    text = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = "".join(c if c.isascii() and c.isalnum() else " " for c in text)
    return "-".join(text.split()) or "don-vi"


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


def plan_context(commune, villages, parent_name, year, unit_column):
    """The data of templates/xa for one commune, as `kehoach batch` fills it."""
    name = commune["name"]
    unit, place = in_sentence(name), place_of(name)
    issuer = "Ủy ban nhân dân " + unit
    y = str(year)
    total = row(commune, "")
    total["name"] = "Tổng cộng"
    appendix = {
        "label": "Phụ lục",
        "title": f"CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {y}",
        "attachment": f"(Kèm theo Kế hoạch số {BLANK_NUMBER}/KH-UBND ngày {BLANK_DAY}tháng {BLANK_DAY}năm {y} "
                      f"của {issuer})",
        "unit_label": unit_column, "both": True, "poor_only": False, "near_poor_only": False,
        "rows": [row(v, str(i + 1)) for i, v in enumerate(villages)], "total": total,
    }
    for indicator in INDICATORS:
        word = GROUP_WORDS[indicator]
        appendix[indicator + "_start_label"] = f"{word.capitalize()} đầu năm {y}"
        appendix[indicator + "_reduction_label"] = f"Giảm {word} trong năm {y}"
        appendix[indicator + "_end_label"] = f"{word.capitalize()} cuối năm {y}"
    context = {
        "header": {"parent": ("UBND " + parent_name).upper() if parent_name else "", "has_parent": bool(parent_name),
                   "body": "ỦY BAN NHÂN DÂN", "unit": unit.upper(), "number": f"Số: {BLANK_NUMBER}/KH-UBND",
                   "place_date": f"{place}, ngày {BLANK_DAY}tháng {BLANK_DAY}năm {y}"},
        "title": "KẾ HOẠCH",
        "summary": f"Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {y}",
        "legal_bases": [],
        "preamble": f"{issuer} xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững "
                    f"năm {y} như sau:",
        "year": y, "previous_year": str(year - 1), "unit_name": unit, "issuer": issuer,
        "households": count(commune["households"]), "units_count": str(len(villages)),
        "unit_label": unit_column.lower(),
        "goals": [], "agencies": [], "projects": [], "reporting": [],
        "recipients": [{"text": "Lưu: VT, LĐTBXH."}],
        "signature": {"authority": "TM. ỦY BAN NHÂN DÂN", "deputy": "", "has_deputy": False, "title": "CHỦ TỊCH", "name": ""},
        "sections": {name: False for name in SECTIONS},
        "appendix": appendix,
        "has_poor": True, "has_near_poor": True, "has_records": False, "records": {},
    }
    for indicator, values in figures(commune, commune["households"]).items():
        values["target_rate"] = values["end_rate"]
        context[indicator] = values
    return context


def communes(data_dir):
    """[(folder, commune unit, [village units], parent name, year, unit column)] of expected.json, in order."""
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
        result.append((folder, u, children.get(path, []), parent["name"] if parent and parent["level"] else "",
                       expected["year"], below))
    return result
