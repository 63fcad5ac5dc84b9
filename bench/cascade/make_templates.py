#!/usr/bin/python3
"""Builds the other tools' commune plan templates from kehoach's own `templates/xa` (the same document,
styles, headers, sections and wording; assembled with its shared parts and blocks by scripts/pack-template,
as kehoach does), translating its tags into each tool's syntax:

  make_templates.py [OUTDIR]      # default: bench/cascade/templates/
    ke-hoach-docxtpl.docx         Jinja for python3-docxtpl: {{ poor.end_rate }}, {%p if has_poor %} ...
                                  {%p endif %}, {%p for item in goals or [] %}, {%tr for row in appendix.rows %}
    ke-hoach-docxtemplater.docx   docxtemplater: {poor.end_rate}, {#has_poor} ... {/has_poor}, {^goals} ...
                                  (the same Mustache-like blocks as kehoach; dotted names need the small
                                  parser in node/batch.js)
    co-quan.json                  data/offices/co-quan.yaml, the office names by level and date that
                                  kehoach gives the template ({{offices.poverty.name}}, "Lưu: VT, KT."), as
                                  JSON for plan_data.py and node/batch.js (which has no YAML reader)

Every block of templates/xa stays a block: conditions and loops are evaluated by the tools for every
commune, as kehoach does; nothing is resolved in advance. The tags of templates/xa each sit in one
<w:t>, block tags alone in their paragraph, except the appendix rows loop, which opens in the first
cell of its table row and closes in the last (docxtpl needs it as {%tr %} rows of their own: they are
added around that row). Zip entries get a fixed time, so that rebuilding gives the same bytes."""
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "..", "..", "scripts", "pack-template")
OFFICES = os.path.join(HERE, "..", "..", "data", "offices", "co-quan.yaml")

# Lists of templates/xa and the keys of their items (a tag inside a loop names the item's key if it has
# it, else the enclosing scope's, as in Mustache); every other block is a condition.
LISTS = {"legal_bases": {"text"}, "goals": {"text"}, "reporting": {"text"}, "recipients": {"text"},
         "tasks": {"text"}, "agencies": {"number", "name", "tasks"},
         "appendix.rows": {"order", "name", "households", "poor", "near_poor"}, "appendix.notes": {"text"}}
SECTION_ITEM = {"text"}  # sections.NAME: false, or a list of {text}
LOOP_VARIABLE = {"appendix.rows": "row", "agencies": "agency", "tasks": "task"}

TAG = re.compile(r"\{\{([#^/]?)\s*([\w.]+)\s*\}\}")
TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)


def list_keys(name):
    base = name.split(".")[-1] if name.startswith("sections.") else name
    if name.startswith("sections."):
        return SECTION_ITEM
    return LISTS.get(name) or LISTS.get(base)


def spans(pattern, xml):
    return [(m.start(), m.end()) for m in pattern.finditer(xml)]


def enclosing(position, ranges):
    for start, end in ranges:
        if start <= position < end:
            return start, end
    return None


def paragraph_text(xml):
    return "".join(m.group(2) for m in TEXT.finditer(xml))


def tags(xml):
    """(start, end, kind, name) of every tag, checked to sit inside one <w:t>."""
    found = []
    for m in TEXT.finditer(xml):
        offset = m.start(2)
        for t in TAG.finditer(m.group(2)):
            found.append((offset + t.start(), offset + t.end(), t.group(1), t.group(2)))
    everywhere = len(re.findall(r"\{\{", xml))
    if everywhere != len(found):
        sys.exit(f"make_templates.py: {everywhere - len(found)} tag(s) split across runs; cannot translate")
    return found


def convert(xml, syntax):
    paragraphs, rows = spans(PARAGRAPH, xml), spans(ROW, xml)
    edits = []            # (start, end, replacement)
    stack = []            # open blocks: (name, kind, loop variable, item keys, tag start, statement)

    def resolve(name):
        """The Jinja expression for a Mustache name: the innermost loop item that has its first part."""
        first = name.split(".")[0]
        for block in reversed(stack):
            if block[3] is not None and first in block[3]:
                return f"{block[2]}.{name}"
        return name

    for start, end, kind, name in tags(xml):
        if syntax == "docxtemplater":
            edits.append((start, end, "{" + kind + name + "}"))
            continue
        paragraph = enclosing(start, paragraphs)
        alone = paragraph_text(xml[paragraph[0]:paragraph[1]]).strip() == xml[start:end]
        if kind == "":
            edits.append((start, end, "{{ " + resolve(name) + " }}"))
            continue
        if kind in "#^":
            keys = list_keys(name) if kind == "#" else None
            expression = resolve(name)
            if keys is not None:
                variable = LOOP_VARIABLE.get(name, "item")
                if any(block[2] == variable for block in stack):  # nested loops need their own names
                    variable += str(len(stack))
                statement = f"for {variable} in {expression} or []"
            else:
                variable = None
                statement = ("if " if kind == "#" else "if not ") + expression
            stack.append((name, kind, variable, keys, start, statement))
            if alone:
                edits.append((start, end, "{%p " + statement + " %}"))
            continue
        # closing tag
        open_name, open_kind, variable, keys, open_start, statement = stack.pop()
        if open_name != name:
            sys.exit(f"make_templates.py: {{{{/{name}}}}} closes {{{{{open_kind}{open_name}}}}}")
        closing = "endfor" if keys is not None else "endif"
        if alone:
            edits.append((start, end, "{%p " + closing + " %}"))
            continue
        open_paragraph = enclosing(open_start, paragraphs)
        if open_paragraph == paragraph:  # inline block: both tags in one paragraph
            edits.append((open_start, open_start + len("{{" + open_kind + open_name + "}}"), "{% " + statement + " %}"))
            edits.append((start, end, "{% " + closing + " %}"))
            continue
        row = enclosing(start, rows)
        if row is None or enclosing(open_start, rows) != row:
            sys.exit(f"make_templates.py: block {name} neither alone in paragraphs, inline, nor in one table row")
        # a row loop: the tags leave their cells; rows of their own before and after carry {%tr %}
        edits.append((open_start, open_start + len("{{" + open_kind + open_name + "}}"), ""))
        edits.append((start, end, ""))
        edits.append((row[0], row[0], tr_row("{%tr " + statement + " %}")))
        edits.append((row[1], row[1], tr_row("{%tr " + closing + " %}")))
    if stack:
        sys.exit(f"make_templates.py: {stack[-1][0]} not closed")
    # the tag-level edits of a row loop must apply inside the row, before the rows added at its edges
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        xml = xml[:start] + text + xml[end:]
    return xml


def tr_row(text):
    return f"<w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>"


def write(out_path, source, replaced):
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        for folder, _, files in sorted(os.walk(source)):
            for name in sorted(files):
                path = os.path.join(folder, name)
                arcname = os.path.relpath(path, source).replace(os.sep, "/")
                info = zipfile.ZipInfo(arcname, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                if arcname in replaced:
                    z.writestr(info, replaced[arcname].encode("utf-8"))
                else:
                    with open(path, "rb") as f:
                        z.writestr(info, f.read())


def offices_json(out_path):
    """{role: [{levels, from, name, mention, abbreviation}]}: what kehoach reads of each name."""
    import yaml  # python3-yaml, as run installs it
    from unit_levels import level_named
    with open(OFFICES, encoding="utf-8") as f:
        book = yaml.safe_load(f)
    result = {}
    for role, names in book.items():
        result[role] = [{"levels": [level_named(word).word for word in n.get("levels") or []], "from": str(n["from"]), "name": n["name"],
                         "mention": n.get("mention") or "", "abbreviation": n.get("abbreviation") or ""}
                        for n in names]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "templates")
    os.makedirs(out, exist_ok=True)
    # templates/xa as one whole unpacked folder: its own document over the shared parts, blocks included
    whole = tempfile.TemporaryDirectory(prefix="make-templates-")
    source = os.path.join(whole.name, "xa")
    subprocess.run([sys.executable, PACK, "xa", source], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(source, "word", "document.xml"), encoding="utf-8") as f:
        document = f.read()
    for name in os.listdir(os.path.join(source, "word")):
        if name != "document.xml" and name.endswith(".xml"):
            with open(os.path.join(source, "word", name), encoding="utf-8") as f:
                if "{{" in f.read():
                    sys.exit(f"make_templates.py: tags in word/{name} are not translated")
    for syntax, file in (("docxtpl", "ke-hoach-docxtpl.docx"), ("docxtemplater", "ke-hoach-docxtemplater.docx")):
        write(os.path.join(out, file), source, {"word/document.xml": convert(document, syntax)})
        print(os.path.join(out, file))
    offices_json(os.path.join(out, "co-quan.json"))
    print(os.path.join(out, "co-quan.json"))


if __name__ == "__main__":
    main()
