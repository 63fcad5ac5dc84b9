#!/usr/bin/python3
"""Compares `kehoach batch PHAN_BO.yaml --json` with the reference split (expected.json from generate.py
or cascade.py): every unit, matched by its path below the top unit, must have the same households and
the same start, reduction and end for the poor and the near-poor.

  compare.py expected.json kehoach.json      # exit 0 when every figure agrees, 1 otherwise"""
import json
import sys

FIELDS = ("start", "reduction", "end")


def load(path):
    with open(path, encoding="utf-8") as f:
        return {tuple(u["path"]): u for u in json.load(f)["units"]}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    expected, actual = load(sys.argv[1]), load(sys.argv[2])
    problems = []
    missing = [p for p in expected if p not in actual]
    extra = [p for p in actual if p not in expected]
    figures = 0
    for path, e in expected.items():
        a = actual.get(path)
        if a is None:
            continue
        where = " / ".join(path) or "(top)"
        if a.get("households") != e["households"]:
            problems.append(f"{where}: households {a.get('households')}, expected {e['households']}")
        figures += 1
        for indicator in ("poor", "near_poor"):
            for field in FIELDS:
                want = e.get(indicator, {}).get(field)
                got = a.get(indicator, {}).get(field)
                figures += 1
                if want != got:
                    problems.append(f"{where}: {indicator}.{field} {got}, expected {want}")
    for path in missing[:10]:
        problems.append(f"missing from kehoach: {' / '.join(path)}")
    for path in extra[:10]:
        problems.append(f"not in expected: {' / '.join(path)}")
    if missing or extra:
        problems.append(f"{len(missing)} unit(s) missing, {len(extra)} extra")
    if problems:
        for line in problems[:30]:
            print(line)
        print(f"DISAGREE: {len(problems)} problem(s) over {len(expected)} units")
        sys.exit(1)
    print(f"agree: {len(expected)} units, {figures} figures")


if __name__ == "__main__":
    main()
