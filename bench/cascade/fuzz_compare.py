#!/usr/bin/python3
"""Random small cascades full of ties (equal household and start counts) and fixed figures, split by
kehoach and by the reference (cascade.py): every figure must agree, and a cascade one refuses (a fixed
figure above a unit's start or its parent's reduction, ...) the other must refuse too.

  fuzz_compare.py [--kehoach build-release/kehoach] [--cases 1500] [--seed 0]"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from cascade import CascadeError, cascade, units

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def case(rng):
    rows = []
    for c in range(rng.randint(1, 5)):
        for v in range(rng.randint(1, 6)):
            h = rng.choice([10, 20, 20, 50, 100])
            p = min(h, rng.choice([0, 1, 2, 2, 4, 5, 10]))
            n = min(h - p, rng.choice([0, 1, 3, 3, 6]))
            rows.append((["Tỉnh A", f"Xã {c}", f"Thôn {v}"], h, p, n))
    poor, near, households = (sum(r[i] for r in rows) for i in (2, 3, 1))
    rate = rng.randint(0, near * 10000 // households + 50)
    targets = {"poor": {"reduce": rng.randint(0, poor)}, "near_poor": {"end_rate": f"{rate // 100},{rate % 100:02d}%"}}
    fixed = {}
    for _ in range(rng.randint(0, 3)):
        names = rng.choice(rows)[0]
        path = names[1] if rng.random() < 0.5 else f"{names[1]} / {names[2]}"
        fixed.setdefault(path, {})[rng.choice(["poor", "near_poor"])] = rng.choice(["all", 0, 1, 2])
    return rows, targets, fixed


def write(folder, rows, targets, fixed):
    with open(os.path.join(folder, "don-vi.csv"), "w", encoding="utf-8") as f:
        f.write("Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n")
        for names, h, p, n in rows:
            f.write(",".join(names) + f",{h},{p},{n}\n")
    with open(os.path.join(folder, "phan-bo.yaml"), "w", encoding="utf-8") as f:
        f.write("year: 2026\nunits: don-vi.csv\ntargets:\n")
        f.write(f"  poor: {{ reduce: {targets['poor']['reduce']} }}\n")
        f.write(f"  near_poor: {{ end_rate: \"{targets['near_poor']['end_rate']}\" }}\n")
        if fixed:
            f.write("fixed:\n")
            for path, figures in fixed.items():
                f.write(f"  \"{path}\": {{ {', '.join(f'{k}: {v}' for k, v in figures.items())} }}\n")
        f.write("plans: { level: Xã, template: xa }\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kehoach", default=os.path.join(ROOT, "build-release", "kehoach"))
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    agree = refused = 0
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.seed, args.seed + args.cases):
            rows, targets, fixed = case(random.Random(n))
            write(folder, rows, targets, fixed)
            try:
                mine = {path: unit.reduction for path, unit in units(cascade(rows, ["Tỉnh", "Xã", "Thôn"], targets, fixed))}
            except CascadeError:
                mine = None
            run = subprocess.run([args.kehoach, "batch", os.path.join(folder, "phan-bo.yaml"), "--json"],
                                 capture_output=True, text=True)
            if mine is None or run.returncode != 0:
                if (mine is None) == (run.returncode != 0):
                    refused += 1
                else:
                    problems.append(f"case {n}: " + ("only the reference refuses" if mine is None else
                                                     f"only kehoach refuses: {run.stderr.strip()[:200]}"))
                continue
            theirs = {tuple(u["path"]): u for u in json.loads(run.stdout)["units"]}
            if all(theirs[p][k]["reduction"] == r for p, red in mine.items() for k, r in red.items()):
                agree += 1
            else:
                problems.append(f"case {n}: figures differ")
    for line in problems[:20]:
        print(line)
    print(f"{agree} cascades agree, {refused} refused by both, {len(problems)} disagree")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
