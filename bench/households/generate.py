#!/usr/bin/python3
"""Synthetic household review file (rà soát hộ nghèo) for benchmarking `kehoach households`.

    /usr/bin/python3 bench/households/generate.py --records 1000000 -o /tmp/ho.csv [--seed 1] [--provinces 1]

Writes UTF-8 CSV, ',' separated, a header row, one row per household. The same arguments always
give the same bytes. Streamed: one commune (a few thousand rows) is held at a time, never the file.

Shape of the data (invented, but shaped like a province's export):
  * a province of 1M households has ~100 communes/wards; each has 20-60 villages / residential
    groups of mostly 50-600 households;
  * rows come commune by commune, villages mostly in order but interleaved in small blocks;
  * per village, 0-20% (typically ~5%) of households have income at or below the poverty line
    (rural 1.500.000, urban 2.000.000 đồng per person per month), some exactly on it; a further
    share is between the line and the middle-income line (2.250.000 / 3.000.000);
  * low-income households are deprived in more of the 12 indicators, so both poor
    (>= 3 deprivations) and near-poor (< 3) households occur.
Standard library only.
"""
import argparse
import bisect
import random
import sys
import unicodedata

HEADER = [
    "Mã hộ", "Tỉnh", "Xã", "Thôn", "Khu vực", "Số khẩu", "Thu nhập bình quân",
    # the 12 deprivation indicators, in the order of Nghị định 07/2021/NĐ-CP
    "Việc làm", "Người phụ thuộc trong hộ", "Dinh dưỡng", "Bảo hiểm y tế",
    "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em", "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông", "Phương tiện phục vụ tiếp cận thông tin",
    # groups
    "Có người có khả năng lao động", "Bảo trợ xã hội", "Dân tộc thiểu số", "Người có công",
]

PROVINCES = [
    "Tỉnh Hà Tĩnh", "Tỉnh Nghệ An", "Tỉnh Quảng Trị", "Tỉnh Lào Cai", "Tỉnh Đắk Lắk", "Tỉnh Gia Lai",
    "Tỉnh Sơn La", "Tỉnh Điện Biên", "Tỉnh Cà Mau", "Tỉnh Đồng Tháp", "Thành phố Cần Thơ",
    "Tỉnh Thanh Hóa", "Tỉnh Tuyên Quang", "Tỉnh Lâm Đồng", "Tỉnh Quảng Ngãi", "Tỉnh Khánh Hòa",
    "Tỉnh An Giang", "Tỉnh Vĩnh Long", "Tỉnh Thái Nguyên", "Tỉnh Phú Thọ", "Tỉnh Cao Bằng",
    "Tỉnh Lạng Sơn", "Tỉnh Lai Châu", "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Tỉnh Ninh Bình",
    "Tỉnh Quảng Ninh", "Tỉnh Tây Ninh", "Tỉnh Đồng Nai", "Thành phố Huế", "Thành phố Đà Nẵng",
    "Thành phố Hải Phòng", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh",
]

# Syllables of place names; communes and villages are made of two (sometimes three) of them.
SYLLABLES = (
    "An Bình Hòa Thịnh Phú Tân Long Hưng Đông Tây Nam Bắc Trung Thượng Hạ Quang Minh Đức Thạnh Lộc "
    "Phước Thành Hồng Sơn Thủy Lâm Xuân Hải Vĩnh Gia Yên Cẩm Kỳ Cát Mỹ Lợi Thuận Nghĩa Hiệp Tiến Quảng "
    "Châu Khánh Lạc Thái Hương Trà Điền Đồng Lương Phong Hà Kim Ngọc Thạch Tường Vân Hoàng Cường Diễn "
    "Sâm Cồn Trùa Mai Liên Hiền Quý Trường Thọ Hậu Khê Mộc Tùng Dương Nhân Hội Lĩnh Vinh Văn"
).split()

# Indicator weights: how often each of the 12 is among a deprived household's deprivations.
INDICATOR_WEIGHTS = [14, 12, 8, 3, 13, 5, 10, 6, 7, 12, 4, 6]

# Number of deprivations (0, 1, 2, ...) by income band.
DEPRIVATIONS_LOW = [10, 15, 20, 18, 14, 10, 7, 4, 2]      # at or below the line: 45% < 3
DEPRIVATIONS_MIDDLE = [30, 30, 20, 10, 6, 3, 1]
DEPRIVATIONS_OTHER = [72, 21, 5, 2]

MEMBER_WEIGHTS = [6, 16, 22, 24, 16, 8, 4, 2, 1]              # 1..9 members

RURAL_LINE, RURAL_MIDDLE = 1_500_000, 2_250_000
URBAN_LINE, URBAN_MIDDLE = 2_000_000, 3_000_000
LOWEST_INCOME = 800_000


def nfc(text):
    return unicodedata.normalize("NFC", text)


def cumulative(weights):
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return [c / total for c in out]


CUM_LOW = cumulative(DEPRIVATIONS_LOW)
CUM_MIDDLE = cumulative(DEPRIVATIONS_MIDDLE)
CUM_OTHER = cumulative(DEPRIVATIONS_OTHER)
CUM_MEMBERS = cumulative(MEMBER_WEIGHTS)
CUM_INDICATORS = cumulative(INDICATOR_WEIGHTS)


def split_total(rng, total, parts, spread):
    """`total` as `parts` positive integers with random (log-normal) weights."""
    parts = max(1, min(parts, total))
    weights = [rng.lognormvariate(0.0, spread) for _ in range(parts)]
    scale = (total - parts) / sum(weights)  # every part at least 1
    sizes = [1 + int(w * scale) for w in weights]
    short = total - sum(sizes)
    order = sorted(range(parts), key=lambda i: -(weights[i] * scale - int(weights[i] * scale)))
    for i in range(short):
        sizes[order[i % parts]] += 1
    return sizes


class Names:
    """Place names unique within their parent."""

    def __init__(self, rng):
        self.rng = rng

    def name(self, taken):
        rng = self.rng
        for attempt in range(1000):
            n = 3 if attempt > 50 or rng.random() < 0.08 else 2
            words = rng.sample(SYLLABLES, n)
            name = nfc(" ".join(words))
            if name not in taken:
                taken.add(name)
                return name
        raise RuntimeError("ran out of names")


class Generator:
    def __init__(self, seed, out, crlf):
        self.rng = random.Random(seed)
        self.names = Names(self.rng)
        self.out = out
        self.eol = "\r\n" if crlf else "\n"
        self.next_code = 1

    def write_row(self, fields):
        for f in fields:
            if "," in f or '"' in f or "\n" in f:
                raise ValueError("field needs quoting: " + f)
        self.out.write(",".join(fields) + self.eol)

    # -- structure ---------------------------------------------------------------------------

    def province(self, name, households):
        rng = self.rng
        communes = round(households / 10_000)
        if communes < 3:
            communes = min(3, max(1, households // 1_000))
        commune_names = set()
        for size in split_total(rng, households, communes, 0.35):
            ward = rng.random() < 0.18
            commune = ("Phường " if ward else "Xã ") + self.names.name(commune_names)
            self.commune(name, commune, ward, size)

    def commune(self, province, commune, ward, households):
        rng = self.rng
        # 20-60 villages of ~250 households on average (fewer in a small commune)
        villages = min(60, max(20, round(households / rng.uniform(180, 320))))
        villages = max(1, min(villages, households // 40))
        sizes = split_total(rng, households, villages, 0.55)
        taken = set()
        numbered = ward or rng.random() < 0.25
        rows_by_village = []
        for i, size in enumerate(sizes):
            if ward:
                village = ("Tổ dân phố " if numbered else "Khu phố ") + str(i + 1)
                urban = True
            elif rng.random() < 0.03:
                village = "Khu phố " + self.names.name(taken)   # a commune's small town centre
                urban = True
            else:
                village = "Thôn " + (str(i + 1) if numbered else self.names.name(taken))
                urban = False
            rows_by_village.append(self.village_rows(province, commune, village, urban, size))
        # Exports are ordered by commune but interleave villages a bit: cut each village into
        # blocks and order the blocks by village number plus a little jitter.
        blocks = []
        for v, rows in enumerate(rows_by_village):
            start = 0
            while start < len(rows):
                length = rng.randint(5, 60)
                blocks.append((v + rng.uniform(-1.6, 1.6), rng.random(), rows[start:start + length]))
                start += length
        blocks.sort(key=lambda b: (b[0], b[1]))
        for _, _, rows in blocks:
            for row in rows:
                self.write_row(row)

    # -- households ----------------------------------------------------------------------------

    def village_rows(self, province, commune, village, urban, households):
        rng = self.rng
        random_ = rng.random
        area = "Thành thị" if urban else "Nông thôn"
        line, middle = (URBAN_LINE, URBAN_MIDDLE) if urban else (RURAL_LINE, RURAL_MIDDLE)
        top = 8_000_000 if urban else 6_000_000
        ethnic_village = not urban and random_() < 0.15
        # share at or below the line: mostly near 5%, 0-20%; ethnic-minority villages poorer
        low_share = min(0.20, rng.gammavariate(2.0, 0.05 if ethnic_village else 0.027))
        middle_share = min(0.25, low_share * 1.2 + rng.uniform(0.01, 0.06))
        ethnic_share = 0.85 if ethnic_village else 0.01
        rows = []
        for _ in range(households):
            code = "HGA-%08d" % self.next_code
            self.next_code += 1
            members = bisect.bisect_left(CUM_MEMBERS, random_()) + 1
            u = random_()
            if u < low_share:
                band = 0
                r = random_()
                if r < 0.08:
                    income = line                                    # exactly on the line
                elif r < 0.12:
                    income = line - rng.randint(1, 999)
                else:
                    income = rng.randint(LOWEST_INCOME // 1000, line // 1000) * 1000
                cum = CUM_LOW
            elif u < low_share + middle_share:
                band = 1
                r = random_()
                if r < 0.05:
                    income = line + 1                                # just above the line
                elif r < 0.10:
                    income = middle                                  # exactly the middle line
                else:
                    income = rng.randint(line // 1000 + 1, middle // 1000) * 1000
                cum = CUM_MIDDLE
            else:
                band = 2
                r = random_()
                if r < 0.02:
                    income = middle + 1
                else:
                    income = min(top, middle + int(rng.expovariate(1 / 900_000)) // 1000 * 1000 + 1000)
                cum = CUM_OTHER
            k = bisect.bisect_left(cum, random_())
            flags = [""] * 12
            while k:
                i = bisect.bisect_left(CUM_INDICATORS, random_())
                if not flags[i]:
                    flags[i] = "x"
                    k -= 1
            if band == 0:
                labour = random_() < 0.72
                social = random_() < 0.16
                merit = random_() < 0.02
            elif band == 1:
                labour = random_() < 0.88
                social = random_() < 0.07
                merit = random_() < 0.025
            else:
                labour = random_() < 0.96
                social = random_() < 0.02
                merit = random_() < 0.03
            ethnic = random_() < ethnic_share
            rows.append([code, province, commune, village, area, str(members), str(income)] + flags +
                        ["x" if labour else "", "x" if social else "", "x" if ethnic else "", "x" if merit else ""])
        return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, required=True, help="number of households (rows)")
    parser.add_argument("-o", "--output", required=True, help="CSV file to write ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--provinces", type=int, default=1, help="split the records over this many provinces")
    parser.add_argument("--crlf", action="store_true", help="end lines with CRLF, as Excel does")
    parser.add_argument("--bom", action="store_true", help="start with a UTF-8 byte order mark, as Excel does")
    args = parser.parse_args()
    if args.records < 1:
        parser.error("--records must be at least 1")
    if not 1 <= args.provinces <= len(PROVINCES):
        parser.error("--provinces must be between 1 and %d" % len(PROVINCES))
    if args.provinces > args.records:
        parser.error("--provinces must not exceed --records")

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="", buffering=1 << 20)
    try:
        gen = Generator(args.seed, out, args.crlf)
        if args.bom:
            out.write("\ufeff")
        gen.write_row([nfc(h) for h in HEADER])
        provinces = [nfc(p) for p in gen.rng.sample(PROVINCES, args.provinces)]
        sizes = split_total(gen.rng, args.records, args.provinces, 0.25)
        for name, size in zip(provinces, sizes):
            gen.province(name, size)
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
