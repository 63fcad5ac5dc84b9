#!/usr/bin/python3
"""Do two `households --json` outputs give the same figures?

    /usr/bin/python3 bench/households/compare.py EXPECTED.json ACTUAL.json [--show 20] [--quiet]
    /usr/bin/python3 bench/households/compare.py --check FILE.json

Units are matched by path (the list of names from the top level down); order and keys other than
the figures below are ignored. Rates are compared as exact decimals (5.7 == 5.70; a double printed
in full, 0.07000000000000001, counts as 0.07). Exit status 0
when everything agrees, 1 when something differs, 2 when a file cannot be read.

--check looks at one file alone: every parent's figures are the sum of its children's, the
classes add up (poor = with labour + without labour, ...), rates follow from the counts, and
units come in pre-order (each parent before its children).
"""
import argparse
import json
import sys
from decimal import Decimal, ROUND_HALF_UP

COUNTS = ["households", "members", "poor", "near_poor", "middle_income", "poor_members", "near_poor_members",
          "poor_with_labour", "poor_without_labour", "poor_social_protection", "poor_ethnic_minority", "poor_merit"]
RATES = {"poor_rate": "poor", "near_poor_rate": "near_poor"}
DEPRIVATION_KINDS = ["poor", "near_poor"]
MISSING = object()


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, parse_float=Decimal)
    except (OSError, ValueError) as error:
        print("cannot read %s: %s" % (path, error), file=sys.stderr)
        sys.exit(2)


def units_by_path(document, name, problems):
    units = {}
    for unit in document.get("units", []):
        path = tuple(unit.get("path", ()))
        if path in units:
            problems.append("%s: unit %s appears twice" % (name, show_path(path)))
        units[path] = unit
    return units


def show_path(path):
    return "[" + " / ".join(path) + "]" if path else "[total]"


def figures(unit):
    """(key, value) for every figure compared; MISSING where the unit lacks it."""
    out = []
    for key in ["name", "level"] + COUNTS:
        out.append((key, unit.get(key, MISSING)))
    for key in RATES:
        out.append((key, as_rate(unit.get(key, MISSING))))
    deprivations = unit.get("deprivations", {})
    for kind in DEPRIVATION_KINDS:
        values = deprivations.get(kind, MISSING) if isinstance(deprivations, dict) else MISSING
        if isinstance(values, list):
            for i in range(max(12, len(values))):
                out.append(("deprivations.%s[%d]" % (kind, i), values[i] if i < len(values) else MISSING))
        else:
            out.append(("deprivations." + kind, values))
    return out


def as_rate(value):
    """A rate as an exact decimal of hundredths. A binary double printed in full (0.07 written as
    0.07000000000000001) is taken for the 2-decimal number it stands for; anything further than
    1e-9 from a 2-decimal number is kept as written, and so differs."""
    if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
        return value
    value = Decimal(value)
    hundredths = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return hundredths if abs(value - hundredths) < Decimal("1e-9") else value


def describe(value):
    return "(missing)" if value is MISSING else json.dumps(value, ensure_ascii=False, default=str)


def compare(expected, actual, names):
    problems = []
    e_std, a_std = expected.get("standard", {}), actual.get("standard", {})
    for key in ("first_year", "last_year"):
        if e_std.get(key, MISSING) != a_std.get(key, MISSING):
            problems.append("standard.%s: %s vs %s" % (key, describe(e_std.get(key, MISSING)),
                                                       describe(a_std.get(key, MISSING))))
    e_rec, a_rec = expected.get("records", {}), actual.get("records", {})
    for key in ("read", "skipped_rows"):
        if e_rec.get(key, MISSING) != a_rec.get(key, MISSING):
            problems.append("records.%s: %s vs %s" % (key, describe(e_rec.get(key, MISSING)),
                                                      describe(a_rec.get(key, MISSING))))
    if expected.get("levels", MISSING) != actual.get("levels", MISSING):
        problems.append("levels: %s vs %s" % (describe(expected.get("levels", MISSING)),
                                              describe(actual.get("levels", MISSING))))

    e_units = units_by_path(expected, names[0], problems)
    a_units = units_by_path(actual, names[1], problems)
    for path in e_units:
        if path not in a_units:
            problems.append("%s: only in %s" % (show_path(path), names[0]))
    for path in a_units:
        if path not in e_units:
            problems.append("%s: only in %s" % (show_path(path), names[1]))
    differing_units = 0
    for path, e_unit in e_units.items():
        a_unit = a_units.get(path)
        if a_unit is None:
            continue
        differs = False
        for (key, e_value), (_, a_value) in zip(figures(e_unit), figures(a_unit)):
            if e_value != a_value or (e_value is MISSING) != (a_value is MISSING):
                problems.append("%s %s: %s vs %s" % (show_path(path), key, describe(e_value), describe(a_value)))
                differs = True
        differing_units += differs
    return problems, len(e_units), len(a_units), differing_units


def rate(count, total):
    if total == 0:
        return Decimal(0)
    return (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check(document):
    """Problems within one output; an empty list when it is consistent."""
    problems = []
    units = units_by_path(document, "file", problems)
    seen = set()
    for unit in document.get("units", []):
        path = tuple(unit.get("path", ()))
        if len(path) > 1 and path[:-1] not in seen:
            problems.append("%s comes before its parent (not pre-order)" % show_path(path))
        seen.add(path)
    children = {}
    for path in units:
        if path:
            children.setdefault(path[:-1], []).append(path)
    tops = children.get((), [])
    if len(tops) > 1 and () not in units:
        problems.append("several top units but no total (path [])")
    for path, unit in units.items():
        try:
            if unit["poor_with_labour"] + unit["poor_without_labour"] != unit["poor"]:
                problems.append("%s: poor_with_labour + poor_without_labour != poor" % show_path(path))
            if unit["poor"] + unit["near_poor"] + unit["middle_income"] > unit["households"]:
                problems.append("%s: more poor, near-poor and middle-income than households" % show_path(path))
            for key, count in RATES.items():
                if as_rate(unit[key]) != rate(unit[count], unit["households"]):
                    problems.append("%s: %s %s, %s/%s gives %s" % (show_path(path), key, unit[key], unit[count],
                                                                 unit["households"], rate(unit[count], unit["households"])))
            for kind in DEPRIVATION_KINDS:
                values = unit["deprivations"][kind]
                if len(values) != 12 or any(v < 0 or v > unit[kind] for v in values):
                    problems.append("%s: deprivations.%s out of range" % (show_path(path), kind))
            below = children.get(path, [])
            if path == () or below:
                if path == () and not below:
                    continue
                for key in COUNTS:
                    total = sum(units[c][key] for c in below)
                    if total != unit[key]:
                        problems.append("%s: %s %s but its units add up to %s" % (show_path(path), key, unit[key], total))
                for kind in DEPRIVATION_KINDS:
                    total = [sum(units[c]["deprivations"][kind][i] for c in below) for i in range(12)]
                    if total != unit["deprivations"][kind]:
                        problems.append("%s: deprivations.%s do not add up" % (show_path(path), kind))
        except (KeyError, TypeError, IndexError) as error:
            problems.append("%s: malformed unit (%s)" % (show_path(path), error))
    if tops:
        total = sum(units[t]["households"] for t in tops)
        if document.get("records", {}).get("read") not in (None, total):
            problems.append("records.read %s but the units hold %s households" % (document["records"]["read"], total))
    return problems, len(units)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--check", action="store_true", help="check one file's internal consistency")
    parser.add_argument("--show", type=int, default=20, help="differences to list (default 20)")
    parser.add_argument("--quiet", action="store_true", help="print only 'yes' or 'no'")
    args = parser.parse_args()

    if args.check:
        if len(args.files) != 1:
            parser.error("--check takes one file")
        problems, count = check(load(args.files[0]))
        summary = "%s: %d units, consistent" % (args.files[0], count) if not problems else \
            "%s: %d problems in %d units" % (args.files[0], len(problems), count)
    else:
        if len(args.files) != 2:
            parser.error("give EXPECTED.json and ACTUAL.json")
        problems, e_count, a_count, differing = compare(load(args.files[0]), load(args.files[1]), args.files)
        summary = "agree: %d units, every figure the same" % e_count if not problems else \
            "DIFFER: %d differences; %d units in %s, %d in %s, %d matched units differ" % (
                len(problems), e_count, args.files[0], a_count, args.files[1], differing)
    if args.quiet:
        print("no" if problems else "yes")
    else:
        for line in problems[:args.show]:
            print("  " + line)
        if len(problems) > args.show:
            print("  ... and %d more" % (len(problems) - args.show))
        print(summary)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
