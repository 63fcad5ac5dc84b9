"""The figures the other tools render, taken from `kehoach batch --json` (so they get the split for free):
one record per commune, with its villages, every number already written the Vietnamese way."""
import json


def count(n):
    return f"{n:,}".replace(",", ".")


def rate(part, whole):
    hundredths = (part * 10000 * 2 + whole) // (whole * 2) if whole else 0  # half up, exact
    return f"{hundredths // 100},{hundredths % 100:02d}"


def figures(unit, households):
    out = {"households": count(households)}
    for key, short in (("poor", "poor"), ("near_poor", "near")):
        f = unit[key]
        out.update({f"{short}_start": count(f["start"]), f"{short}_start_rate": rate(f["start"], households),
                    f"{short}_reduction": count(f["reduction"]), f"{short}_reduction_rate": rate(f["reduction"], households),
                    f"{short}_end": count(f["end"]), f"{short}_end_rate": rate(f["end"], households),
                    f"raw_{short}": f})
    return out


def communes(path, year=2026):
    """[{name, parent, villages: [...], figures...}] for the units one level above the lowest."""
    with open(path, encoding="utf-8") as f:
        units = json.load(f)["units"]
    depth = max(len(u["path"]) for u in units)
    by_path = {tuple(u["path"]): u for u in units}
    result = {}
    for u in units:
        if len(u["path"]) != depth:
            continue
        key = tuple(u["path"][:-1])
        if key not in result:
            commune = by_path[key]
            parent = key[-2] if len(key) > 1 else "tỉnh"
            record = {"name": key[-1], "unit": key[-1][0].lower() + key[-1][1:], "unit_upper": key[-1].upper(),
                      "parent": parent, "parent_upper": "UBND " + parent.upper(),
                      "place": key[-1].split(" ", 1)[1] if " " in key[-1] else key[-1],
                      "year": str(year), "previous_year": str(year - 1), "villages": []}
            record.update(figures(commune, commune["households"]))
            result[key] = record
        village = figures(u, u["households"])
        village.update({"order": str(len(result[key]["villages"]) + 1), "name": u["path"][-1], "raw_households": u["households"]})
        result[key]["villages"].append(village)
    for record in result.values():
        record["units_count"] = str(len(record["villages"]))
    return list(result.values())
