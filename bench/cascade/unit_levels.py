"""The level words of units, as kehoach reads them from names and column headers
(src/model/unit_level.cpp): "Tổ dân phố 3" is a tổ dân phố, "Phường Cam Bình" under a column "Xã" a
phường; a sentence says "tổ dân phố 3", its heads are "Tổ trưởng tổ dân phố". node/batch.js has the same
in JavaScript."""
import unicodedata

PROVINCE, DISTRICT, COMMUNE, VILLAGE = "province", "district", "commune", "village"


class Level:
    __slots__ = ("word", "lower", "tier", "head")

    def __init__(self, word, lower, tier, head):
        self.word, self.lower, self.tier, self.head = word, lower, tier, head


# In the order documents list them ("xã, phường, thị trấn"; "thôn, tổ dân phố").
LEVELS = [Level(*row) for row in (
    ("Tỉnh", "tỉnh", PROVINCE, "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Huyện", "huyện", DISTRICT, "Chủ tịch Ủy ban nhân dân huyện"),
    ("Quận", "quận", DISTRICT, "Chủ tịch Ủy ban nhân dân quận"),
    ("Thị xã", "thị xã", DISTRICT, "Chủ tịch Ủy ban nhân dân thị xã"),
    ("Thành phố", "thành phố", DISTRICT, "Chủ tịch Ủy ban nhân dân thành phố"),
    ("Xã", "xã", COMMUNE, "Chủ tịch Ủy ban nhân dân xã"),
    ("Phường", "phường", COMMUNE, "Chủ tịch Ủy ban nhân dân phường"),
    ("Thị trấn", "thị trấn", COMMUNE, "Chủ tịch Ủy ban nhân dân thị trấn"),
    ("Đặc khu", "đặc khu", COMMUNE, "Chủ tịch Ủy ban nhân dân đặc khu"),
    ("Thôn", "thôn", VILLAGE, "Trưởng thôn"),
    ("Tổ dân phố", "tổ dân phố", VILLAGE, "Tổ trưởng tổ dân phố"),
    ("Khu phố", "khu phố", VILLAGE, "Trưởng khu phố"),
    ("Ấp", "ấp", VILLAGE, "Trưởng ấp"),
    ("Bản", "bản", VILLAGE, "Trưởng bản"),
    ("Làng", "làng", VILLAGE, "Trưởng làng"),
    ("Buôn", "buôn", VILLAGE, "Trưởng buôn"),
    ("Khóm", "khóm", VILLAGE, "Trưởng khóm"),
    ("Xóm", "xóm", VILLAGE, "Trưởng xóm"),
    ("Khối", "khối", VILLAGE, "Trưởng khối"),
    ("Sóc", "sóc", VILLAGE, "Trưởng sóc"),
    ("Plei", "plei", VILLAGE, "Trưởng plei"),
    ("Tổ", "tổ", VILLAGE, "Tổ trưởng"),
)]
BY_WORD = {level.word: level for level in LEVELS}
# Longest first (by UTF-8 length, as kehoach sorts them), so that "tổ dân phố" is not read as "tổ".
LONGEST_FIRST = sorted(LEVELS, key=lambda level: -len(level.lower.encode()))
# Written short: (key, level word, needs its dot).
ABBREVIATIONS = (("tt", "Thị trấn", False), ("tx", "Thị xã", False), ("tp", "Thành phố", False),
                 ("tdp", "Tổ dân phố", False), ("kp", "Khu phố", False), ("p", "Phường", True), ("q", "Quận", True))
ENGLISH = (("province", "Tỉnh"), ("district", "Huyện"), ("commune", "Xã"), ("ward", "Phường"), ("village", "Thôn"),
           ("hamlet", "Thôn"))


def clean(text):
    """NFC, other spaces as plain ones, trimmed and collapsed."""
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(" " if c.isspace() else c for c in text).split())


def name_key(text):
    return unicodedata.normalize("NFC", clean(text).casefold())


def fold(text):
    """'Tổ dân phố' -> 'to dan pho'."""
    text = unicodedata.normalize("NFD", name_key(text).replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join("".join(c if not c.isascii() or c.isalnum() else " " for c in text).split())


def _tier_fits(level, tier):
    """As kehoach: a centrally-run city ("Thành phố Huế") stands at the level of a province."""
    return tier is None or level.tier == tier or (tier == PROVINCE and level.word == "Thành phố")


def _leading_word(key, tier):
    """(level, characters it takes with its space) at the start of a name key."""
    for level in LONGEST_FIRST:
        n = len(level.lower)
        if _tier_fits(level, tier) and len(key) > n + 1 and key.startswith(level.lower) and key[n] == " ":
            return level, n + 1
    for short, word, needs_dot in ABBREVIATIONS:
        level, n = BY_WORD[word], len(short)
        if not _tier_fits(level, tier) or len(key) <= n + 1 or not key.startswith(short):
            continue
        if key[n] == ".":
            return level, n + 2 if key[n + 1] == " " else n + 1
        if not needs_dot and key[n] == " ":
            return level, n + 1
    return None, 0


def split(name, tier=None):
    """'Tổ dân phố 1' -> (Tổ dân phố, '1'); (None, name) when it starts with no level word (of `tier`)."""
    cleaned = clean(name)
    level, length = _leading_word(name_key(cleaned), tier)
    if level is None or length >= len(cleaned):
        return None, cleaned
    return level, clean(cleaned[length:])


def header_levels(header):
    """'Thôn' -> [Thôn]; 'Xã, thị trấn' -> [Xã, Thị trấn]; 'Đơn vị' -> []."""
    words = [(fold(level.word), level) for level in LONGEST_FIRST] + [(e, BY_WORD[w]) for e, w in ENGLISH]
    folded, at, found = fold(header), 0, []

    def starts(word):
        return folded.startswith(word, at) and (at + len(word) == len(folded) or folded[at + len(word)] == " ")
    while at < len(folded):
        match = next(((w, level) for w, level in words if starts(w)), None)
        if match is None:
            other = next((w for w in ("ten", "va", "don vi") if starts(w)), None)
            if other is None:
                return []
            length = len(other)
        else:
            length = len(match[0])
            if match[1] not in found:
                found.append(match[1])
        at += length + 1
    return found


def level_named(word):
    levels = header_levels(word)
    return levels[0] if len(levels) == 1 else None


def level_of(name, fallback):
    """(the unit's level, whether its name says it): its name's word of the fallback's tier, else the fallback."""
    level, _ = split(name, fallback.tier if fallback else None)
    if level is not None and fallback is not None and level.word == "Tổ" and fallback.word == "Tổ dân phố":
        return fallback, True
    return (level, True) if level is not None else (fallback, False)


def in_sentence(name, level):
    """'Khu phố Nghĩa Phú' -> 'khu phố Nghĩa Phú'; 'An Hòa' of level Xã -> 'xã An Hòa'."""
    own, place = split(name, level.tier if level else None)
    if own is not None:
        return own.lower + " " + place
    return level.lower + " " + place if level else place


def full_name(name, level):
    """'An Hòa' of level Xã -> 'Xã An Hòa'; a name with its level word as it is."""
    own, place = split(name, level.tier if level else None)
    return clean(name) if own is not None or level is None else level.word + " " + place


def in_table_order(levels):
    return [level for level in LEVELS if level in levels]


def levels_phrase(levels, capitalised):
    """'thôn, tổ dân phố' (or 'Thôn, tổ dân phố' for a column header)."""
    ordered = in_table_order(levels)
    return ", ".join((level.word if capitalised and i == 0 else level.lower) for i, level in enumerate(ordered))


def heads_phrase(levels):
    return ", ".join(level.head for level in in_table_order(levels))


def area_of(unit):
    """The territory an issuer's name stands for, from its first administrative level word on."""
    name = clean(unit)
    key = name_key(name)
    at = 0
    while True:
        level, length = _leading_word(key[at:], None)
        social = level is not None and level.word == "Xã" and (name[at + length:] + " ").startswith("hội ")
        if level is not None and level.tier != VILLAGE and not social:
            return name[at:]
        at = key.find(" ", at) + 1
        if at == 0:
            return name
