#!/usr/bin/python3
"""Synthetic data for bench/web: one province of 100 communes and wards, 20-60 villages or residential
groups each, households and poverty spread as bench/cascade spreads them (its generator's functions).

  generate.py -o DIR [--communes 100] [--seed 1]

writes
  DIR/don-vi.csv          Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo: the units table the administrator
                          uploads on /quan-tri/don-vi (one row per village)
  DIR/thon/NNN.csv        each commune's village table (Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo), NNN its
                          row in communes.json
  DIR/communes.json       [{"name": "Xã …", "file": "thon/001.csv", "poor": N, "near_poor": N}, …]
The same seed gives the same bytes."""
import argparse
import csv
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cascade"))
from generate import REGION, VILLAGE_WORDS, households, name, village_names, village_rate  # noqa: E402

PROVINCE = "Tỉnh Hà Tĩnh"
REGION_NAME = "central"


def communes(seed, count):
    """[(commune, [(village, households, poor, near_poor)])]"""
    rng = random.Random(f"{seed}/web")
    median, ward_share = REGION[REGION_NAME]
    taken = set()
    made = []
    for _ in range(count):
        ward = rng.random() < ward_share
        commune = ("Phường " if ward else "Xã ") + name(rng, taken)
        commune_median = median * rng.lognormvariate(0, 0.35) * (0.5 if ward else 1.0)
        near_median = commune_median * rng.uniform(0.8, 1.3)
        villages = []
        for village in village_names(rng, rng.randint(20, 60), ward, VILLAGE_WORDS[REGION_NAME]):
            h = households(rng, ward)
            poor = min(h // 5, int(h * village_rate(rng, commune_median) + 0.5))
            near = min(h // 5, h - poor, int(h * village_rate(rng, near_median) + 0.5))
            villages.append((village, h, poor, near))
        made.append((commune, villages))
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--out", required=True)
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "thon"), exist_ok=True)
    made = communes(args.seed, args.communes)
    listed = []
    with open(os.path.join(args.out, "don-vi.csv"), "w", encoding="utf-8", newline="") as f:
        units = csv.writer(f, lineterminator="\n")
        units.writerow(["Tỉnh", "Xã", "Thôn", "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo"])
        for i, (commune, villages) in enumerate(made):
            file = f"thon/{i + 1:03d}.csv"
            with open(os.path.join(args.out, file), "w", encoding="utf-8", newline="") as t:
                table = csv.writer(t, lineterminator="\n")
                table.writerow(["Thôn", "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo"])
                for village, h, poor, near in villages:
                    units.writerow([PROVINCE, commune, village, h, poor, near])
                    table.writerow([village, h, poor, near])
            listed.append({"name": commune, "file": file, "villages": len(villages),
                           "poor": sum(v[2] for v in villages), "near_poor": sum(v[3] for v in villages)})
    with open(os.path.join(args.out, "communes.json"), "w", encoding="utf-8") as f:
        json.dump({"province": PROVINCE, "communes": listed}, f, ensure_ascii=False, indent=1)
    print(f"{len(made)} communes and wards, {sum(c['villages'] for c in listed)} villages in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
