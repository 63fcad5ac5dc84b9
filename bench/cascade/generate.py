#!/usr/bin/python3
"""Synthetic units for bench/cascade: one province (97 communes and wards) or the whole country
(34 provinces, about 3.300 communes and wards), 20-60 villages or residential groups each, household
counts and poverty rates spread as in real tables, plus the cascade file and the reference split.

  generate.py --provinces 1 -o DIR [--seed 1]       # --provinces 34: the whole country

writes
  DIR/don-vi.csv      Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo: one row per village / residential group
  DIR/phan-bo.yaml    the cascade file: top targets (poor: end_rate, near_poor: reduce), a few fixed
                      figures at several levels, plans at the Xã level with the xa template
  DIR/expected.json   the split of every unit at every level, by cascade.py (exact integers)
The same seed (and Python version) gives the same bytes."""
import argparse
import os
import random
import sys
import time

from cascade import INDICATORS, CascadeError, cascade, write_expected

# The 34 provinces and cities since July 2025; region decides village words and poverty levels.
PROVINCES = [
    ("Tỉnh Hà Tĩnh", "central"), ("Tỉnh Nghệ An", "central"), ("Tỉnh Thanh Hóa", "central"),
    ("Tỉnh Quảng Trị", "central"), ("Thành phố Huế", "city"), ("Thành phố Đà Nẵng", "city"),
    ("Tỉnh Quảng Ngãi", "central"), ("Tỉnh Gia Lai", "highlands"), ("Tỉnh Đắk Lắk", "highlands"),
    ("Tỉnh Khánh Hòa", "central"), ("Tỉnh Lâm Đồng", "highlands"), ("Tỉnh Đồng Nai", "south"),
    ("Thành phố Hồ Chí Minh", "city"), ("Tỉnh Tây Ninh", "south"), ("Tỉnh Đồng Tháp", "south"),
    ("Tỉnh Vĩnh Long", "south"), ("Tỉnh An Giang", "south"), ("Thành phố Cần Thơ", "city"),
    ("Tỉnh Cà Mau", "south"), ("Thành phố Hà Nội", "city"), ("Thành phố Hải Phòng", "city"),
    ("Tỉnh Quảng Ninh", "delta"), ("Tỉnh Bắc Ninh", "delta"), ("Tỉnh Hưng Yên", "delta"),
    ("Tỉnh Ninh Bình", "delta"), ("Tỉnh Phú Thọ", "mountain"), ("Tỉnh Tuyên Quang", "mountain"),
    ("Tỉnh Lào Cai", "mountain"), ("Tỉnh Thái Nguyên", "mountain"), ("Tỉnh Lạng Sơn", "mountain"),
    ("Tỉnh Cao Bằng", "mountain"), ("Tỉnh Điện Biên", "mountain"), ("Tỉnh Lai Châu", "mountain"),
    ("Tỉnh Sơn La", "mountain"),
]
# Typical village poverty rate (median) and share of wards, by region.
REGION = {"city": (0.011, 0.45), "delta": (0.016, 0.15), "south": (0.02, 0.12), "central": (0.03, 0.12),
          "highlands": (0.042, 0.10), "mountain": (0.06, 0.08)}
VILLAGE_WORDS = {"city": ["Thôn"], "delta": ["Thôn"], "south": ["Ấp"], "central": ["Thôn"],
                 "highlands": ["Thôn", "Thôn", "Buôn", "Làng"], "mountain": ["Thôn", "Bản", "Bản"]}
SYLLABLES = ("An Bình Phú Tân Sơn Hà Đông Tây Nam Bắc Trung Mỹ Lộc Phước Thạnh Hưng Long Thủy Kim Ngọc Quang "
             "Vĩnh Đức Hồng Lĩnh Cẩm Xuân Thượng Hạ Yên Định Hải Thành Lâm Châu Khánh Nghĩa Tiến Hòa Thịnh "
             "Hiệp Lợi Thuận Cát Quý Minh Trường Gia Đồng Lạc Hợp Thái Việt Liên Tường Hoàng Văn Nhơn "
             "Cường Thắng Sa Kỳ Hương Khê Thạch Cam Diễn Quỳnh Mường Pá Nà Chiềng").split()
COMMUNES_PER_PROVINCE = 97
NATIONAL_COMMUNES = 3321


def name(rng, taken, lengths=(2, 2, 2, 3)):
    while True:
        candidate = " ".join(rng.sample(SYLLABLES, rng.choice(lengths)))
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def households(rng, ward):
    """Most villages 50-600 households (lognormal around 170, wards larger), a few outliers."""
    r = rng.random()
    if r < 0.02:
        return rng.randint(12, 49)
    if r < 0.04:
        return rng.randint(601, 1500)
    return min(600, max(50, int(rng.lognormvariate(5.35 if ward else 5.1, 0.45))))


def village_rate(rng, median):
    """0-20%, lognormal around the commune's median; about 4% of villages have none."""
    if rng.random() < 0.04:
        return 0.0
    return min(0.20, rng.lognormvariate(0, 0.5) * median)


def village_names(rng, count, ward, words):
    """Unique within the commune: numbered ("Thôn 3", "Tổ dân phố 12") or named ("Bản Nà Sa")."""
    if ward:
        word = rng.choice(["Tổ dân phố", "Tổ dân phố", "Khu phố"])
        if rng.random() < 0.7:
            return [f"{word} {i + 1}" for i in range(count)]
        taken = set()
        return [f"{word} {name(rng, taken)}" for _ in range(count)]
    if rng.random() < 0.3:
        word = rng.choice(words)
        return [f"{word} {i + 1}" for i in range(count)]
    taken = set()
    return [f"{rng.choice(words)} {name(rng, taken)}" for _ in range(count)]


def commune_counts(seed):
    """Communes and wards per province: the first 97, the 34 together 3.321 (as in 2025)."""
    rng = random.Random(f"{seed}/communes")
    counts = [COMMUNES_PER_PROVINCE] + [rng.randint(78, 117) for _ in PROVINCES[1:]]
    while sum(counts) != NATIONAL_COMMUNES:
        i = rng.randrange(1, len(counts))
        step = 1 if sum(counts) < NATIONAL_COMMUNES else -1
        if 70 <= counts[i] + step <= 125:
            counts[i] += step
    return counts


def generate(seed, provinces):
    """[(province, commune, village, households, poor, near_poor)] and the province list."""
    counts = commune_counts(seed)
    rows = []
    chosen = PROVINCES[:provinces]
    for p, (province, region) in enumerate(chosen):
        median, ward_share = REGION[region]
        communes = counts[p]
        rng = random.Random(f"{seed}/{province}")  # a province's units do not depend on the others
        taken = set()
        province_factor = rng.uniform(0.8, 1.25)
        for _ in range(communes):
            ward = rng.random() < ward_share
            commune = ("Phường " if ward else "Xã ") + name(rng, taken)
            commune_median = median * province_factor * rng.lognormvariate(0, 0.35) * (0.5 if ward else 1.0)
            near_median = commune_median * rng.uniform(0.8, 1.3)
            for village in village_names(rng, rng.randint(20, 60), ward, VILLAGE_WORDS[region]):
                h = households(rng, ward)
                poor = min(h // 5, int(h * village_rate(rng, commune_median) + 0.5))  # at most 20%
                near = min(h // 5, h - poor, int(h * village_rate(rng, near_median) + 0.5))
                rows.append((province, commune, village, h, poor, near))
    return rows, [p for p, _ in chosen]


def choose_fixed(rng, rows, national):
    """A few fixed figures at every level below the top: 2 communes (3 in a national file) poor: 3,
    2 communes near_poor: 2, 2 villages near_poor: all, 1 village poor: all, and in a national file
    2 provinces poor: a fifth of their poor."""
    communes, villages, provinces = {}, [], {}
    for province, commune, village, h, poor, near in rows:
        c = communes.setdefault((province, commune), [0, 0, 0])
        c[0] += h
        c[1] += poor
        c[2] += near
        provinces[province] = provinces.get(province, 0) + poor
        villages.append((province, commune, village, poor, near))
    prefix = (lambda province: province + " / ") if national else (lambda province: "")
    fixed = {}

    def add(path, indicator, figure):
        fixed.setdefault(path, {})[indicator] = figure

    big = [k for k in communes if communes[k][1] >= 20 and communes[k][2] >= 20]
    for province, commune in rng.sample(big, min(len(big), 3 if national else 2)):
        add(prefix(province) + commune, "poor", 3)
    for province, commune in rng.sample(big, min(len(big), 2)):
        add(prefix(province) + commune, "near_poor", 2)
    # a village whose near-poor all leave, one whose poor all leave: small counts in communes with many
    candidates = [v for v in villages if 1 <= v[4] <= 2 and communes[v[:2]][2] >= 40]
    for province, commune, village, _, _ in rng.sample(candidates, min(len(candidates), 2)):
        add(f"{prefix(province)}{commune} / {village}", "near_poor", "all")
    candidates = [v for v in villages if v[3] == 1 and communes[v[:2]][1] >= 40]
    for province, commune, village, _, _ in rng.sample(candidates, min(len(candidates), 1)):
        add(f"{prefix(province)}{commune} / {village}", "poor", "all")
    if national:
        for province in rng.sample(sorted(provinces), 2):
            add(province, "poor", provinces[province] // 5)
    return fixed


def write_units(rows, path):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n")
        out.writelines(f"{p},{c},{v},{h},{poor},{near}\n" for p, c, v, h, poor, near in rows)


def write_cascade_file(path, year, end_rate, near_reduce, fixed, summary):
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# {summary}\n")
        out.write(f"year: {year}\nunits: don-vi.csv\ntargets:\n")
        out.write(f"  poor: {{ end_rate: \"{end_rate // 100},{end_rate % 100:02d}%\" }}\n")
        out.write(f"  near_poor: {{ reduce: {near_reduce} }}\n")
        if fixed:
            out.write("fixed:\n")
            for unit, figures in fixed.items():
                inner = ", ".join(f"{k}: {v}" for k, v in figures.items())
                out.write(f"  \"{unit}\": {{ {inner} }}\n")
        out.write("plans:\n  level: Xã\n  template: xa\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=1, help="1 to 34 (34: the whole country)")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=2026)
    args = parser.parse_args()
    if not 1 <= args.provinces <= len(PROVINCES):
        sys.exit(f"--provinces: 1 to {len(PROVINCES)}")
    began = time.perf_counter()
    rows, _ = generate(args.seed, args.provinces)
    national = args.provinces > 1
    households = sum(r[3] for r in rows)
    poor = sum(r[4] for r in rows)
    near = sum(r[5] for r in rows)
    # about 20% fewer poor: the rate of 80% of today's poor, rounded half up; about 15% of the near-poor
    end_rate = (16000 * poor + households) // (2 * households)  # 0.8 * poor / households * 100, half up
    near_reduce = near * 15 // 100
    targets = {"poor": {"end_rate": f"{end_rate // 100},{end_rate % 100:02d}%"}, "near_poor": {"reduce": near_reduce}}
    levels = ["Tỉnh", "Xã", "Thôn"]
    units = [([p, c, v], h, po, ne) for p, c, v, h, po, ne in rows]
    fixed_rng = random.Random(f"{args.seed}/fixed/{args.provinces}")
    for attempt in range(20):  # fixed figures some unit cannot meet (rare): draw others
        fixed = choose_fixed(fixed_rng, rows, national)
        try:
            top = cascade(units, levels, targets, fixed)
            break
        except CascadeError as e:
            print(f"generate.py: fixed figures drawn again ({e})", file=sys.stderr)
    else:
        sys.exit("generate.py: no feasible fixed figures")

    os.makedirs(args.output, exist_ok=True)
    write_units(rows, os.path.join(args.output, "don-vi.csv"))
    communes = len({(r[0], r[1]) for r in rows})
    summary = (f"Synthetic (generate.py --provinces {args.provinces} --seed {args.seed}): {communes} communes and wards, "
               f"{len(rows)} villages, {households} households, {poor} poor, {near} near-poor.")
    write_cascade_file(os.path.join(args.output, "phan-bo.yaml"), args.year, end_rate, near_reduce, fixed, summary)
    write_expected(top, args.year, levels, "Xã", os.path.join(args.output, "expected.json"))
    reductions = ", ".join(f"{k} -{top.reduction[k]}" for k in INDICATORS)
    print(f"{args.output}: {args.provinces} province(s), {communes} communes and wards, {len(rows)} villages, "
          f"{households} households, {poor} poor, {near} near-poor; top {reductions}; "
          f"{len(fixed)} fixed unit(s); {time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main()
