"""Golden files: what `scripts/demo` generates from data/examples, kept in tests/golden/ as canonical XML
part by part, so that a change in any output (a template, a writer, a figure) shows as a readable diff.

tests/golden/<case>/<file>/<part>  one part of a .docx/.xlsx, canonical XML (see canonical_xml)
tests/golden/<case>/<file>.entries the zip's entries in order: name, size, compression, date, SHA-256 of
                                   the bytes, so that bytes the canonical form does not show (spacing
                                   between elements, attribute order) are compared too
tests/golden/<case>/<file>         a text output (index.csv, index.html) as it is

Used by test_golden.py (compare) and scripts/accept-golden (overwrite after a person has looked)."""
import difflib
import glob
import hashlib
import os
import shutil
import unicodedata
import zipfile
from xml.parsers import expat

from harness import ROOT, kehoach

GOLDEN = os.path.join(ROOT, "tests", "golden")
KEPT_IN_GOLDEN = {"README.md"}  # files of tests/golden/ that are not a case
ZIPPED = (".docx", ".xlsx")
TEXT = (".csv", ".html")
# The batch's record of what it wrote (fingerprints of the inputs): a cache for the next run, not a document.
NOT_COMPARED = {".kehoach-batch"}

# Periods of the demo's reports, by the movement file's name (bien-dong-quy-2 only adds to quý I).
REPORT_PERIODS = {"quy-1": "q1", "6-thang": "6m", "ca-nam": "year"}
LISTS_EXAMPLE = "an-hoa-thinh-2022"

# ---------------------------------------------------------------------------------------------------------
# The cases: the commands of scripts/demo, each writing into a folder of its own.


class Case:
    """One command of scripts/demo. In `args`, {data} is the data folder and {out} the case's folder."""

    def __init__(self, name, *args):
        self.name = name
        self.args = list(args)

    def command(self, data, out):
        return [a.replace("{data}", data).replace("{out}", out) for a in self.args]


def cases(root=ROOT):
    """The demo's commands, found the way scripts/demo finds them, so that a new example is a new case."""
    examples = os.path.join(root, "data", "examples")
    found = []
    for plan in sorted(glob.glob(os.path.join(examples, "*", "ke-hoach.yaml"))):
        name = os.path.basename(os.path.dirname(plan))
        found.append(Case(name, "plan", f"{{data}}/examples/{name}/ke-hoach.yaml", "-o", f"{{out}}/{name}.docx"))
    for movements in sorted(glob.glob(os.path.join(examples, "*", "bien-dong-*.csv"))):
        name = os.path.basename(os.path.dirname(movements))
        stem = os.path.splitext(os.path.basename(movements))[0].removeprefix("bien-dong-")
        if stem not in REPORT_PERIODS:
            continue
        period = REPORT_PERIODS[stem]
        found.append(Case(f"{name}-bao-cao-{period}", "report", f"{{data}}/examples/{name}/ke-hoach.yaml",
                          "--period", period, "--movements", f"{{data}}/examples/{name}/{os.path.basename(movements)}",
                          "-o", f"{{out}}/{name}-bao-cao-{period}.docx"))
    lists = f"{{data}}/examples/{LISTS_EXAMPLE}"
    found += [
        Case(f"{LISTS_EXAMPLE}-ho-gia-dinh", "households", f"{lists}/ho-gia-dinh-cuoi-2022.csv",
             "--start", f"{lists}/ho-gia-dinh-cuoi-2021.csv", "--earlier", f"{lists}/ho-gia-dinh-cuoi-2020.csv",
             "--year", "2022", "-o", f"{{out}}/{LISTS_EXAMPLE}-ho-gia-dinh.xlsx"),
        Case(f"{LISTS_EXAMPLE}-tu-danh-sach-ho", "plan", f"{lists}/ke-hoach-tu-danh-sach-ho.yaml",
             "-o", f"{{out}}/{LISTS_EXAMPLE}-tu-danh-sach-ho.docx"),
        Case(f"{LISTS_EXAMPLE}-tu-danh-sach-ho-bao-cao-year", "report", f"{lists}/ke-hoach-tu-danh-sach-ho.yaml",
             "--period", "year", "--records-end", f"{lists}/ho-gia-dinh-cuoi-2022.csv",
             "--records-earlier", f"{lists}/ho-gia-dinh-cuoi-2020.csv",
             "-o", f"{{out}}/{LISTS_EXAMPLE}-tu-danh-sach-ho-bao-cao-year.docx"),
    ]
    for cascade in sorted(glob.glob(os.path.join(examples, "*", "phan-bo.yaml"))):
        name = os.path.basename(os.path.dirname(cascade))
        found.append(Case(name, "batch", f"{{data}}/examples/{name}/phan-bo.yaml", "-o", "{out}"))
    return found


def generate(folder, program=None, data="data", cwd=ROOT):
    """Runs every case into folder/<case>/ (without SOURCE_DATE_EPOCH, as a user runs it); `data` is the
    data folder as the commands name it, from `cwd`. Raises AssertionError naming a command that fails."""
    for case in cases():
        out = os.path.join(folder, case.name)
        os.makedirs(out)
        command = case.command(data, out)
        result = kehoach(*command, cwd=cwd, program=program)
        if result.returncode != 0:
            raise AssertionError(f"kehoach {' '.join(command)} (in {cwd}) exited {result.returncode}:\n"
                                 f"{result.stdout}{result.stderr}")


# ---------------------------------------------------------------------------------------------------------
# Canonical XML: one element a line, indented, attributes in a fixed order, text exactly as it is.


def visible(ch):
    """Characters a reader could not see or tell apart in a diff are written as character references:
    tabs and line breaks, figure and en spaces, no-break spaces, combining marks, format characters."""
    if ch == " ":
        return ch
    if ch in "\t\n\r" or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Co", "Cs"):
        return f"&#x{ord(ch):04X};"
    return ch


def escape_text(text):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(visible(ch) for ch in text)


def escape_attribute(value):
    return escape_text(value).replace('"', "&quot;")


def attribute_order(item):
    """Namespace declarations first, then the attributes, each group by name."""
    name = item[0]
    return (0 if name == "xmlns" or name.startswith("xmlns:") else 1, name)


class _Element:
    def __init__(self, name, attributes):
        self.name = name
        self.attributes = sorted(attributes, key=attribute_order)
        self.children = []  # _Element, or ("text"|"comment"|"pi", str)


def parse(data):
    """The XML as a tree of _Element; names stay as written (prefix:local), namespaces are not resolved,
    so that the canonical form says what the file says."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = True
    top = _Element("", [])
    stack = [top]
    declaration = []

    def start(name, attributes):
        element = _Element(name, list(zip(attributes[::2], attributes[1::2])))
        stack[-1].children.append(element)
        stack.append(element)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: stack.pop()
    parser.CharacterDataHandler = lambda text: stack[-1].children.append(("text", text))
    parser.CommentHandler = lambda text: stack[-1].children.append(("comment", text))
    parser.ProcessingInstructionHandler = lambda target, text: stack[-1].children.append(("pi", f"{target} {text}"))
    parser.XmlDeclHandler = lambda version, encoding, standalone: declaration.append((version, encoding, standalone))
    parser.Parse(data, True)
    return declaration, top


def _write(node, depth, lines):
    indent = "  " * depth
    if isinstance(node, tuple):
        kind, text = node
        if kind == "text":
            lines.append(indent + escape_text(text))
        elif kind == "comment":
            lines.append(f"{indent}<!--{escape_text(text)}-->")
        else:
            lines.append(f"{indent}<?{text}?>")
        return
    tag = node.name + "".join(f' {name}="{escape_attribute(value)}"' for name, value in node.attributes)
    texts = [c for c in node.children if isinstance(c, tuple) and c[0] == "text"]
    if not node.children:
        lines.append(f"{indent}<{tag}/>")
    elif len(texts) == len(node.children):
        # Text only (w:t, t, vt:lpstr…): every character counts, spaces at either end included.
        lines.append(f"{indent}<{tag}>{escape_text(''.join(t[1] for t in texts))}</{node.name}>")
    else:
        lines.append(f"{indent}<{tag}>")
        for child in node.children:
            # Spacing between elements is layout of the file, not content (the .entries file keeps the bytes).
            if isinstance(child, tuple) and child[0] == "text" and not child[1].strip():
                continue
            _write(child, depth + 1, lines)
        lines.append(f"{indent}</{node.name}>")


def canonical_xml(data):
    """The XML in `data` (bytes) written one element a line with two spaces of indent per level, the
    namespace declarations and then the attributes sorted by name, the text of text-only elements kept
    exactly, invisible characters as references (&#x2007;), spacing between elements left out."""
    declaration, top = parse(data)
    lines = []
    for version, encoding, standalone in declaration:
        text = f'<?xml version="{version}"'
        if encoding:
            text += f' encoding="{encoding}"'
        if standalone != -1:
            text += f' standalone="{"yes" if standalone == 1 else "no"}"'
        lines.append(text + "?>")
    for child in top.children:
        if isinstance(child, tuple) and child[0] == "text" and not child[1].strip():
            continue
        _write(child, 0, lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def is_xml(name, data):
    return name.endswith((".xml", ".rels")) or data.lstrip().startswith(b"<?xml")


# ---------------------------------------------------------------------------------------------------------
# A folder of generated files as golden files: {relative path: bytes}.


def entry_line(info, data):
    date = "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*info.date_time)
    return f"{info.filename}\t{info.file_size}\t{info.compress_type}\t{date}\t{hashlib.sha256(data).hexdigest()}"


def golden_form(path, name):
    """The golden files of one generated file, {relative path: bytes}; `name` is its path in the case."""
    if name.endswith(ZIPPED):
        files = {}
        entries = []
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                data = archive.read(info)
                entries.append(entry_line(info, data))
                if info.is_dir():
                    continue
                files[f"{name}/{info.filename}"] = canonical_xml(data) if is_xml(info.filename, data) else data
        files[name + ".entries"] = ("\n".join(entries) + "\n").encode("utf-8")
        return files
    if name.endswith(TEXT):
        with open(path, "rb") as f:
            return {name: f.read()}
    raise AssertionError(f"{name}: golden.py does not know how to keep this kind of file; add its extension to "
                         f"ZIPPED, TEXT or NOT_COMPARED")


def walk_files(folder):
    """(path, path relative to `folder` with '/') of every file below `folder`."""
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            yield path, os.path.relpath(path, folder).replace(os.sep, "/")


def golden_files(folder):
    """Every case's files in a generated folder as golden files: {case/relative path: bytes}."""
    files = {}
    for path, relative in walk_files(folder):
        if os.path.basename(path) in NOT_COMPARED:
            continue
        case, inside = relative.split("/", 1)
        for part, data in golden_form(path, inside).items():
            files[f"{case}/{part}"] = data
    return files


def stored_files(folder=GOLDEN):
    """The golden files as stored: {case/relative path: bytes}."""
    files = {}
    for path, relative in walk_files(folder):
        if relative in KEPT_IN_GOLDEN:
            continue
        with open(path, "rb") as f:
            files[relative] = f.read()
    return files


# ---------------------------------------------------------------------------------------------------------
# Comparing.

DIFF_LINES = 12


def first_differences(name, before, after):
    """The first lines of a unified diff of two versions of a golden file."""
    try:
        old, new = before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return [f"  (binary: {len(before)} bytes before, {len(after)} now)"]
    diff = list(difflib.unified_diff(old, new, f"tests/golden/{name}", "new output", n=1, lineterm=""))
    shown = ["  " + line for line in diff[:DIFF_LINES]]
    if len(diff) > DIFF_LINES:
        shown.append(f"  … {len(diff) - DIFF_LINES} more lines of diff")
    return shown


def entries_differences(name, before, after, expected, actual):
    """What the .entries files say beyond the parts' canonical XML: a part whose bytes changed though its
    canonical XML did not, an entry's size, compression or date, the order of the entries."""
    file = name.removesuffix(".entries")
    old = [line.split("\t") for line in before.decode("utf-8").splitlines()]
    new = {fields[0]: fields for fields in (line.split("\t") for line in after.decode("utf-8").splitlines())}
    notes = []
    for fields in old:
        current = new.get(fields[0])
        if current is None or current == fields:
            continue
        part = f"{file}/{fields[0]}"
        same_xml = expected.get(part) == actual.get(part)
        if current[4] != fields[4] and same_xml:
            notes.append(f"  {fields[0]}: the bytes changed but not the canonical XML (spacing between "
                         f"elements or attribute order)")
        for index, what in ((2, "compression"), (3, "date")):
            if current[index] != fields[index]:
                notes.append(f"  {fields[0]}: {what} {fields[index]} → {current[index]}")
    common_old = [f[0] for f in old if f[0] in new]
    common_new = [n for n in new if n in {f[0] for f in old}]
    if common_old != common_new:
        notes.append("  the entries are in another order")
    return notes


def compare(expected, actual):
    """Differences between stored golden files and new ones, as lines for a person: missing and extra
    files, then each differing file with its first differing lines. Empty when they are the same."""
    report = []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing:
        report.append("Not generated any more (in tests/golden/, missing from the new output):")
        report += [f"  {name}" for name in missing]
    if extra:
        report.append("New (generated, not in tests/golden/):")
        report += [f"  {name}" for name in extra]
    for name in sorted(set(expected) & set(actual)):
        if expected[name] == actual[name]:
            continue
        if name.endswith(".entries"):
            notes = entries_differences(name, expected[name], actual[name], expected, actual)
            if notes:
                report.append(f"{name} (zip entries):")
                report += notes
            continue
        report.append(f"{name} differs:")
        report += first_differences(name, expected[name], actual[name])
    return report


def changed_names(expected, actual):
    """Golden files added, removed or changed, as (sign, name): + new, - gone, ~ changed."""
    names = [("-", n) for n in set(expected) - set(actual)] + [("+", n) for n in set(actual) - set(expected)]
    names += [("~", n) for n in set(expected) & set(actual) if expected[n] != actual[n]]
    return sorted(names, key=lambda item: (item[1], item[0]))


def store(files, folder=GOLDEN):
    """Replaces the cases under `folder` by `files` (README.md stays)."""
    if os.path.isdir(folder):
        for entry in os.listdir(folder):
            if entry in KEPT_IN_GOLDEN:
                continue
            path = os.path.join(folder, entry)
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
    for name, data in files.items():
        path = os.path.join(folder, *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
