#!/usr/bin/python3
"""Reference split of a cascade file, written from the rules alone (no code shared with kehoach), to
cross-check `kehoach batch --json`.

  cascade.py phan-bo.yaml [-o expected.json]

Rules (README "Dành cho sở, tỉnh"):
- The top unit is the file's only top-level unit (a one-province file: the province), or the whole
  file when it has several (a national file: the country, whose children are the provinces). Fixed
  paths start below the top: "Xã A / Thôn B", or "Tỉnh P / Xã A" in a national file.
- Top target in households: `reduce: N`, or `end_rate: "X,XX%"` -> end = the largest count whose rate
  (count / households * 100, rounded half up to 2 decimals) does not exceed X,XX; reduction = start - end,
  or 0 when the rate is already met (end > start; kehoach does the same).
- At every level the parent's reduction is split among its children: a child with a fixed figure gets
  it (`all` = its whole start count); the rest is split in proportion to the other children's start
  counts by largest remainder (floor of the exact share, then +1 to the largest remainders; ties: larger
  start first, then input order), never more than a child's start (a share above it is capped and the
  excess re-split among the others the same way; with shares proportional to start this cannot happen,
  but the rule is applied anyway).
Integers only: shares are floor/remainder of start * rest / pool, remainders compared as numerators
over the common denominator `pool`; no floats anywhere."""
import argparse
import csv
import json
import os
import sys
import unicodedata

INDICATORS = ("poor", "near_poor")
NUMBER_COLUMNS = ("Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo")


class CascadeError(Exception):
    pass


class Unit:
    __slots__ = ("name", "level", "children", "index", "households", "start", "reduction", "fixed")

    def __init__(self, name, level):
        self.name = name
        self.level = level          # the level's column name ("Xã"); "" for a national file's country
        self.children = []
        self.index = {}             # child name -> child
        self.households = 0
        self.start = {"poor": 0, "near_poor": 0}
        self.reduction = {}
        self.fixed = {}             # indicator -> int or "all"

    def child(self, name, level):
        found = self.index.get(name)
        if found is None:
            found = self.index[name] = Unit(name, level)
            self.children.append(found)
        return found


def nfc(text):
    return unicodedata.normalize("NFC", text.strip())


def rate_hundredths(count, total):
    """count / total * 100 rounded half up to 2 decimals, in hundredths of a percent (128/2047 -> 625)."""
    if total <= 0:
        return 0
    return (count * 20000 + total) // (2 * total)


def parse_rate(text):
    """'4,93%' -> 493 (hundredths); at most 2 decimals."""
    s = str(text).strip().rstrip("%").strip().replace(",", ".")
    whole, _, frac = s.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()) or len(frac) > 2:
        raise CascadeError(f"end_rate {text!r}: not a rate like \"4,93%\"")
    return int(whole) * 100 + int((frac + "00")[:2])


def end_for_rate(total, target):
    """The largest count in [0, total] whose rounded rate does not exceed `target` hundredths."""
    if target < 0:
        raise CascadeError("negative rate")
    lo, hi = 0, total  # rate_hundredths(lo) <= target always holds for lo = 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if rate_hundredths(mid, total) <= target:
            lo = mid
        else:
            hi = mid - 1
    return lo


def allocate(starts, target, fixed, where="", indicator=""):
    """Split `target` among units with these start counts; fixed: {index: int | "all"}."""
    total = sum(starts)
    if target < 0 or target > total:
        raise CascadeError(f"{where}: {indicator} reduction {target} outside 0..{total}")
    result = [0] * len(starts)
    rest = target
    for i, figure in fixed.items():
        value = starts[i] if figure == "all" else figure
        if value < 0 or value > starts[i]:
            raise CascadeError(f"{where}: fixed {indicator} {value} for child {i} outside 0..{starts[i]}")
        result[i] = value
        rest -= value
    if rest < 0:
        raise CascadeError(f"{where}: fixed {indicator} figures exceed the reduction {target}")
    sharing = [i for i in range(len(starts)) if i not in fixed]
    while True:
        pool = sum(starts[i] for i in sharing)
        if rest > pool:
            raise CascadeError(f"{where}: {rest} {indicator} left for units that have {pool}")
        if pool == 0:
            return result
        shares, remainders, given = {}, {}, 0
        for i in sharing:
            shares[i], remainders[i] = divmod(starts[i] * rest, pool)
            given += shares[i]
        for i in sorted(sharing, key=lambda i: (-remainders[i], -starts[i], i))[:rest - given]:
            shares[i] += 1
        over = [i for i in sharing if shares[i] > starts[i]]
        if not over:
            for i in sharing:
                result[i] = shares[i]
            return result
        for i in over:  # cap, then re-split the excess among the others
            result[i] = starts[i]
            rest -= starts[i]
        sharing = [i for i in sharing if i not in over]


def build_tree(rows, levels):
    """rows: (names along the levels, households, poor, near_poor). Returns (root, top)."""
    root = Unit("", "")
    for names, households, poor, near in rows:
        node = root
        for depth, name in enumerate(names):
            node = node.child(name, levels[depth])
            node.households += households
            node.start["poor"] += poor
            node.start["near_poor"] += near
        root.households += households
        root.start["poor"] += poor
        root.start["near_poor"] += near
    if len(root.children) == 1:
        return root, root.children[0]
    root.name = "Cả nước"
    return root, root


def attach_fixed(top, fixed):
    """fixed: {"A / B": {"poor": 3, "near_poor": "all"}} with paths below the top unit."""
    for path, figures in fixed.items():
        node = top
        for name in (nfc(part) for part in path.split(" / ")):
            node = node.index.get(name)
            if node is None:
                raise CascadeError(f"fixed: no unit {path!r} below {top.name!r}")
        for indicator, figure in figures.items():
            if indicator not in INDICATORS:
                raise CascadeError(f"fixed {path!r}: unknown indicator {indicator!r}")
            node.fixed[indicator] = figure if figure == "all" else int(figure)


def top_reductions(top, targets):
    reductions = {}
    for indicator in INDICATORS:
        target = targets.get(indicator)
        if target is None:
            continue
        start = top.start[indicator]
        if "reduce" in target:
            reductions[indicator] = int(target["reduce"])
        else:
            end = end_for_rate(top.households, parse_rate(target["end_rate"]))
            reductions[indicator] = max(0, start - end)  # a rate already met asks for no reduction
    return reductions


def split(top, reductions):
    """Every unit's reduction, top down (iterative: no recursion limit)."""
    top.reduction = dict(reductions)
    stack = [(top, top.name)]
    while stack:
        node, where = stack.pop()
        if not node.children:
            continue
        for indicator, target in node.reduction.items():
            starts = [c.start[indicator] for c in node.children]
            fixed = {i: c.fixed[indicator] for i, c in enumerate(node.children) if indicator in c.fixed}
            for child, share in zip(node.children, allocate(starts, target, fixed, where, indicator)):
                child.reduction[indicator] = share
        for child in node.children:
            stack.append((child, f"{where} / {child.name}"))


def cascade(rows, levels, targets, fixed):
    root, top = build_tree(rows, levels)
    attach_fixed(top, fixed)
    split(top, top_reductions(top, targets))
    return top


def units(top):
    """(path below the top, unit) for every unit, top first, then parents before their children in
    input order (the order of `kehoach batch --json`)."""
    stack = [((), top)]
    while stack:
        path, node = stack.pop()
        yield path, node
        for child in reversed(node.children):
            stack.append((path + (child.name,), child))


def write_expected(top, year, levels, plan_level, path):
    """expected.json: the year, the levels, the plan level, then every unit, one per line."""
    with open(path, "w", encoding="utf-8") as out:
        head = {"year": year, "root": top.name, "levels": levels, "plans": {"level": plan_level}}
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "units": [\n')
        first = True
        for unit_path, node in units(top):
            record = {"path": list(unit_path), "name": node.name, "level": node.level, "households": node.households}
            for indicator in INDICATORS:
                if indicator in node.reduction:
                    start, reduction = node.start[indicator], node.reduction[indicator]
                    record[indicator] = {"start": start, "reduction": reduction, "end": start - reduction}
                    if indicator in node.fixed:  # set in the cascade file, not split: a fixed "all" is said in the text
                        record[indicator]["fixed"] = True
            out.write(("" if first else ",\n") + "  " + json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            first = False
        out.write("\n]}\n")


def read_units(path):
    """A units CSV: level columns, then Tổng số hộ, Hộ nghèo, Hộ cận nghèo."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [nfc(h) for h in next(reader)]
        numbers = [header.index(c) for c in NUMBER_COLUMNS]
        levels = header[:min(numbers)]
        rows = []
        for record in reader:
            if not record or not any(record):
                continue
            values = [int(record[i].replace(".", "")) for i in numbers]
            rows.append(([nfc(record[i]) for i in range(len(levels))], *values))
    return levels, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cascade_file")
    parser.add_argument("-o", "--output", help="default: stdout")
    args = parser.parse_args()
    import yaml  # python3-yaml; generate.py does not need it
    with open(args.cascade_file, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    levels, rows = read_units(os.path.join(os.path.dirname(args.cascade_file), spec["units"]))
    plans = spec.get("plans") or {}
    top = cascade(rows, levels, spec["targets"], spec.get("fixed") or {})
    write_expected(top, int(spec["year"]), levels, plans.get("level", levels[-2] if len(levels) > 1 else levels[0]),
                   args.output or "/dev/stdout")


if __name__ == "__main__":
    try:
        main()
    except CascadeError as e:
        sys.exit(f"cascade.py: {e}")
