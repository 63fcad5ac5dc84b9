#!/usr/bin/python3
"""Synthetic units at national scale for bench/cascade: 34 provinces, about 3.300 communes and wards,
20-60 villages or residential groups each, household counts and poverty rates spread as in real tables
(most villages 50-600 households, poverty rates 0-20%, most 1-8%).

  generate.py --provinces 34 -o DIR [--seed 1]

writes DIR/don-vi.csv (Tỉnh, Xã, Thôn, Tổng số hộ, Hộ nghèo, Hộ cận nghèo: one row per village) and
DIR/phan-bo.yaml (the cascade file: the top unit's targets, a few fixed figures, plans at the Xã level).
The same seed gives the same bytes."""
import argparse
import os
import random

PROVINCES = ["Tỉnh Hà Tĩnh", "Tỉnh Nghệ An", "Tỉnh Thanh Hóa", "Tỉnh Quảng Trị", "Thành phố Huế", "Thành phố Đà Nẵng",
             "Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Đắk Lắk", "Tỉnh Khánh Hòa", "Tỉnh Lâm Đồng", "Tỉnh Đồng Nai",
             "Thành phố Hồ Chí Minh", "Tỉnh Tây Ninh", "Tỉnh Đồng Tháp", "Tỉnh Vĩnh Long", "Tỉnh An Giang",
             "Thành phố Cần Thơ", "Tỉnh Cà Mau", "Thành phố Hà Nội", "Thành phố Hải Phòng", "Tỉnh Quảng Ninh",
             "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Tỉnh Ninh Bình", "Tỉnh Phú Thọ", "Tỉnh Tuyên Quang", "Tỉnh Lào Cai",
             "Tỉnh Thái Nguyên", "Tỉnh Lạng Sơn", "Tỉnh Cao Bằng", "Tỉnh Điện Biên", "Tỉnh Lai Châu", "Tỉnh Sơn La"]
SYLLABLES = ["An", "Hòa", "Thịnh", "Bình", "Phú", "Tân", "Sơn", "Hà", "Đông", "Tây", "Nam", "Bắc", "Trung", "Mỹ",
             "Lộc", "Phước", "Thạnh", "Hưng", "Long", "Thủy", "Kim", "Ngọc", "Quang", "Vĩnh", "Đức", "Hồng", "Lĩnh",
             "Cẩm", "Xuân", "Thượng", "Hạ", "Yên", "Định", "Hải", "Thành", "Lâm", "Châu", "Khánh", "Nghĩa", "Tiến"]
VILLAGE_WORDS = ["Thôn", "Thôn", "Thôn", "Bản", "Ấp", "Tổ dân phố"]


def name(rng, taken):
    while True:
        candidate = " ".join(rng.sample(SYLLABLES, rng.choice((2, 2, 3))))
        if candidate not in taken:
            taken.add(candidate)
            return candidate


def village_households(rng):
    if rng.random() < 0.03:
        return rng.randint(20, 49)
    if rng.random() < 0.03:
        return rng.randint(601, 1200)
    return int(min(600, max(50, rng.lognormvariate(5.3, 0.5))))


def rate(rng):
    return min(0.20, max(0.0, rng.lognormvariate(-3.2, 0.7))) if rng.random() > 0.05 else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=1)
    parser.add_argument("--communes", type=int, default=97, help="communes and wards per province")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.output, exist_ok=True)
    poor = near = households = 0
    fixed = []
    with open(os.path.join(args.output, "don-vi.csv"), "w", encoding="utf-8", newline="") as out:
        out.write("Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n")
        for province in PROVINCES[:args.provinces]:
            communes = set()
            for c in range(args.communes):
                ward = rng.random() < 0.15
                commune = ("Phường " if ward else "Xã ") + name(rng, communes)
                villages = set()
                for v in range(rng.randint(20, 60)):
                    word = "Tổ dân phố" if ward else rng.choice(VILLAGE_WORDS[:-1])
                    village = f"{word} {v + 1}" if word == "Tổ dân phố" or rng.random() < 0.4 else f"{word} {name(rng, villages)}"
                    h = village_households(rng)
                    p = min(h, round(h * rate(rng) * (0.5 if ward else 1)))
                    n = min(h - p, round(h * rate(rng) * (0.6 if ward else 1)))
                    out.write(f"{province},{commune},{village},{h},{p},{n}\n")
                    households, poor, near = households + h, poor + p, near + n
                if c in (3, 17) and not ward:
                    fixed.append((commune if args.provinces == 1 else f"{province} / {commune}", 1))
    end_rate = (poor * 0.8) / households * 100
    with open(os.path.join(args.output, "phan-bo.yaml"), "w", encoding="utf-8") as out:
        out.write(f"# Synthetic: {args.provinces} province(s), {households} households, {poor} poor, {near} near-poor.\n")
        out.write("year: 2026\nunits: don-vi.csv\ntargets:\n")
        out.write(f"  poor: {{ end_rate: \"{end_rate:.2f}%\" }}\n".replace(".", ",", 1))
        out.write(f"  near_poor: {{ reduce: {int(near * 0.15)} }}\n")
        if fixed:
            out.write("fixed:\n")
            for path, count in fixed:
                out.write(f"  \"{path}\": {{ poor: {count} }}\n")
        out.write("plans: { level: Xã, template: xa }\n")
    print(f"{args.output}: {args.provinces} province(s), {households} households, {poor} poor, {near} near-poor")


if __name__ == "__main__":
    main()
