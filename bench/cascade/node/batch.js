// Every commune's plan (docxtemplater + pizzip) and appendix (ExcelJS): the content `kehoach batch`
// writes, with the figures taken ready-made from expected.json.
//
//   node batch.js --data DIR --out OUTDIR [--jobs N] [--mode processes|threads] [--excel stream|book] [--untuned]
//                 [--template FILE]
//
// DIR is a generate.py folder (expected.json); OUTDIR gets one folder per commune, named as kehoach names
// them, each with ke-hoach.docx and phu-luc.xlsx. --jobs N: N workers, each writing every N-th commune;
// 1 = this process only. The workers are child processes (default; the main process parses expected.json
// and sends each its share) or, with --mode threads, worker_threads in this process. On the 2-core
// machine of README.md two processes wrote 1,3 times as fast as two threads (57 against 76 ms a commune). The template is ../templates/ke-hoach-docxtemplater.docx
// (../make_templates.py builds it from templates/xa). The data given to the template is that of
// ../plan_data.py and ../unit_levels.py, written the same way (2.047; 6,25; the level words the names
// carry; the office names of ../templates/co-quan.json in force on the plan's date).
//
// Used as their users would for many documents: the template's zip is opened and inflated once, and each
// commune gets a new Docxtemplater over a copy of it (--untuned: a new PizZip of the file's bytes, as before);
// the appendix goes through ExcelJS's streaming WorkbookWriter (--excel book: the Workbook kept whole, zipped
// by JSZip). The plan is deflated at level 1 (kehoach's level for Word files), the appendix at level 6
// (libxlsxwriter's, which kehoach uses).
"use strict";
const fs = require("fs");
const path = require("path");
const { fork } = require("child_process");
const { Worker, isMainThread, workerData, parentPort } = require("worker_threads");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const ExcelJS = require("exceljs");

const TEMPLATE = path.join(__dirname, "..", "templates", "ke-hoach-docxtemplater.docx");
const OFFICES = path.join(__dirname, "..", "templates", "co-quan.json");
const SECTIONS = ["general_goal", "specific_goal", "analysis", "leadership", "communication", "policy", "resources", "closing"];
const BLANK = "\u2007".repeat(3); // a draft's blank: three figure spaces
const SEPARATOR = "\u2002"; // an en space between a blank and the words beside it
const INDICATORS = ["poor", "near_poor"];
const GROUP_WORDS = { poor: "hộ nghèo", near_poor: "hộ cận nghèo" };
const ISSUING_BODY = "Ủy ban nhân dân";
const SYMBOL = "KH-UBND";

function args() {
  const a = process.argv.slice(2);
  const get = (name, fallback) => (a.includes(name) ? a[a.indexOf(name) + 1] : fallback);
  const parsed = { data: get("--data"), out: get("--out"), jobs: Number(get("--jobs", "1")), template: get("--template", TEMPLATE),
    mode: get("--mode", "processes"), options: { excel: get("--excel", "stream"), untuned: a.includes("--untuned") } };
  if (!parsed.data || !parsed.out || !["processes", "threads"].includes(parsed.mode) || !["stream", "book"].includes(parsed.options.excel)) {
    console.error("node batch.js --data DIR --out OUTDIR [--jobs N] [--mode processes|threads] [--excel stream|book] [--untuned] [--template FILE]");
    process.exit(2);
  }
  return parsed;
}

// --- figures written the Vietnamese way, exact integers (as plan_data.py) ---
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const hundredths = (part, whole) => (whole > 0 ? Math.floor((part * 20000 + whole) / (2 * whole)) : 0);
const rate = (part, whole) => {
  const h = hundredths(part, whole);
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, "0")}`;
};
const upper = (s) => s.toUpperCase();
const draftDate = (y) => `ngày${SEPARATOR}${BLANK}${SEPARATOR}tháng${SEPARATOR}${BLANK}${SEPARATOR}năm ${y}`;
const draftNumber = () => `${BLANK}/${SYMBOL}`;

// --- the level words of units (as ../unit_levels.py, from kehoach's src/model/unit_level.cpp) ---
const LEVELS = [
  ["Tỉnh", "tỉnh", "province", "Chủ tịch Ủy ban nhân dân tỉnh"], ["Huyện", "huyện", "district", "Chủ tịch Ủy ban nhân dân huyện"],
  ["Quận", "quận", "district", "Chủ tịch Ủy ban nhân dân quận"], ["Thị xã", "thị xã", "district", "Chủ tịch Ủy ban nhân dân thị xã"],
  ["Thành phố", "thành phố", "district", "Chủ tịch Ủy ban nhân dân thành phố"], ["Xã", "xã", "commune", "Chủ tịch Ủy ban nhân dân xã"],
  ["Phường", "phường", "commune", "Chủ tịch Ủy ban nhân dân phường"], ["Thị trấn", "thị trấn", "commune", "Chủ tịch Ủy ban nhân dân thị trấn"],
  ["Đặc khu", "đặc khu", "commune", "Chủ tịch Ủy ban nhân dân đặc khu"], ["Thôn", "thôn", "village", "Trưởng thôn"],
  ["Tổ dân phố", "tổ dân phố", "village", "Tổ trưởng tổ dân phố"], ["Khu phố", "khu phố", "village", "Trưởng khu phố"],
  ["Ấp", "ấp", "village", "Trưởng ấp"], ["Bản", "bản", "village", "Trưởng bản"], ["Làng", "làng", "village", "Trưởng làng"],
  ["Buôn", "buôn", "village", "Trưởng buôn"], ["Khóm", "khóm", "village", "Trưởng khóm"], ["Xóm", "xóm", "village", "Trưởng xóm"],
  ["Khối", "khối", "village", "Trưởng khối"], ["Sóc", "sóc", "village", "Trưởng sóc"], ["Plei", "plei", "village", "Trưởng plei"],
  ["Tổ", "tổ", "village", "Tổ trưởng"],
].map(([word, lower, tier, head]) => ({ word, lower, tier, head }));
const BY_WORD = new Map(LEVELS.map((l) => [l.word, l]));
const LONGEST_FIRST = [...LEVELS].sort((a, b) => Buffer.byteLength(b.lower) - Buffer.byteLength(a.lower));
const ABBREVIATIONS = [["tt", "Thị trấn", false], ["tx", "Thị xã", false], ["tp", "Thành phố", false], ["tdp", "Tổ dân phố", false],
  ["kp", "Khu phố", false], ["p", "Phường", true], ["q", "Quận", true]];
const ENGLISH = [["province", "Tỉnh"], ["district", "Huyện"], ["commune", "Xã"], ["ward", "Phường"], ["village", "Thôn"], ["hamlet", "Thôn"]];

const clean = (text) => text.normalize("NFC").split(/\s+/u).filter(Boolean).join(" ");
const nameKey = (text) => clean(text).toLowerCase().normalize("NFC");
const fold = (text) => nameKey(text).replace(/đ/g, "d").normalize("NFD").replace(/\p{Mn}/gu, "")
  .replace(/[\x00-\x7f]/g, (c) => (/[a-z0-9]/i.test(c) ? c : " ")).split(" ").filter(Boolean).join(" ");

// As kehoach: a centrally-run city ("Thành phố Huế") stands at the level of a province.
const tierFits = (level, tier) => !tier || level.tier === tier || (tier === "province" && level.word === "Thành phố");

function leadingWord(key, tier) {
  for (const level of LONGEST_FIRST) {
    const n = level.lower.length;
    if (tierFits(level, tier) && key.length > n + 1 && key.startsWith(level.lower) && key[n] === " ") return [level, n + 1];
  }
  for (const [short, word, needsDot] of ABBREVIATIONS) {
    const level = BY_WORD.get(word);
    const n = short.length;
    if (!tierFits(level, tier) || key.length <= n + 1 || !key.startsWith(short)) continue;
    if (key[n] === ".") return [level, key[n + 1] === " " ? n + 2 : n + 1];
    if (!needsDot && key[n] === " ") return [level, n + 1];
  }
  return [null, 0];
}

function split(name, tier) {
  const cleaned = clean(name);
  const [level, length] = leadingWord(nameKey(cleaned), tier);
  return !level || length >= cleaned.length ? [null, cleaned] : [level, clean(cleaned.slice(length))];
}

function headerLevels(header) {
  const words = [...LONGEST_FIRST.map((l) => [fold(l.word), l]), ...ENGLISH.map(([e, w]) => [e, BY_WORD.get(w)])];
  const folded = fold(header);
  const found = [];
  let at = 0;
  const starts = (w) => folded.startsWith(w, at) && (at + w.length === folded.length || folded[at + w.length] === " ");
  while (at < folded.length) {
    const match = words.find(([w]) => starts(w));
    let length;
    if (!match) {
      const other = ["ten", "va", "don vi"].find(starts);
      if (!other) return [];
      length = other.length;
    } else {
      length = match[0].length;
      if (!found.includes(match[1])) found.push(match[1]);
    }
    at += length + 1;
  }
  return found;
}
const levelNamed = (word) => {
  const levels = headerLevels(word);
  return levels.length === 1 ? levels[0] : null;
};
function levelOf(name, fallback) {
  const [level] = split(name, fallback ? fallback.tier : null);
  if (level && fallback && level.word === "Tổ" && fallback.word === "Tổ dân phố") return [fallback, true];
  return level ? [level, true] : [fallback, false];
}
function inSentence(name, level) {
  const [own, place] = split(name, level ? level.tier : null);
  if (own) return `${own.lower} ${place}`;
  return level ? `${level.lower} ${place}` : place;
}
function fullName(name, level) {
  const [own, place] = split(name, level ? level.tier : null);
  return own || !level ? clean(name) : `${level.word} ${place}`;
}
const inTableOrder = (levels) => LEVELS.filter((l) => levels.includes(l));
const levelsPhrase = (levels, capitalised) => inTableOrder(levels).map((l, i) => (capitalised && i === 0 ? l.word : l.lower)).join(", ");
const headsPhrase = (levels) => inTableOrder(levels).map((l) => l.head).join(", ");
function areaOf(unit) {
  const name = clean(unit);
  const key = nameKey(name);
  for (let at = 0; ; ) {
    const [level, length] = leadingWord(key.slice(at), null);
    const social = level && level.word === "Xã" && `${name.slice(at + length)} `.startsWith("hội ");
    if (level && level.tier !== "village" && !social) return name.slice(at);
    at = key.indexOf(" ", at) + 1;
    if (at === 0) return name;
  }
}

// The office names in force on `date` for an issuer of `level` (as plan_data.offices_in_force).
function officesInForce(book, level, date) {
  const specific = {}, general = {}, other = {};
  for (const [role, names] of Object.entries(book))
    for (const office of names) {
      if (office.from > date) continue;
      const chosen = level && office.levels.includes(level) ? specific : office.levels.length === 0 ? general : other;
      if (!chosen[role] || chosen[role].from <= office.from) chosen[role] = office;
    }
  for (const bucket of [general, other]) for (const [role, office] of Object.entries(bucket)) if (!specific[role]) specific[role] = office;
  return Object.fromEntries(Object.entries(specific).map(([role, o]) => [role, { name: o.name, mention: o.mention || o.name, abbreviation: o.abbreviation }]));
}

function folderName(name) {
  const ascii = name.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/\p{Mn}/gu, "");
  const words = ascii.replace(/[^a-z0-9]+/g, " ").trim().split(/\s+/).filter(Boolean);
  return words.join("-") || "don-vi";
}

function figures(unit, households) {
  const out = {};
  for (const k of INDICATORS) {
    const f = unit[k];
    out[k] = { start: count(f.start), start_rate: rate(f.start, households), reduction: count(f.reduction),
      reduction_rate: rate(f.reduction, households), end: count(f.end), end_rate: rate(f.end, households) };
  }
  return out;
}
const row = (unit, order) => ({ order, name: unit.name, households: count(unit.households), ...figures(unit, unit.households) });

function villageLevels(villages, column) {
  const fallback = headerLevels(column)[0] || null;
  let named = false;
  const levels = villages.map((v) => {
    const [level, own] = levelOf(v.name, fallback);
    named = named || own;
    return level;
  });
  return [levels, named && !levels.includes(null) ? levelsPhrase(levels, true) : column];
}

function cleared(villages, levels, k) {
  const names = [];
  villages.forEach((v, i) => {
    if (v[k].fixed && v[k].start > 0 && v[k].end === 0) names.push(inSentence(v.name, levels[i]));
  });
  return names.map((n, i) => (i === 0 ? "" : i + 1 === names.length ? " và " : ", ") + n).join("");
}

function planContext(c, offices) {
  const { commune, villages, parent, year } = c;
  const ownLevel = levelOf(commune.name, levelNamed(c.level))[0];
  const unit = inSentence(commune.name, ownLevel);
  const place = split(fullName(commune.name, ownLevel))[1];
  const issuer = `${ISSUING_BODY} ${unit}`;
  const area = areaOf(unit);
  const issuerLevel = split(area)[0];
  const office = officesInForce(offices, issuerLevel ? issuerLevel.word : "", `${year}-01-01`);
  const drafting = office.poverty ? office.poverty.abbreviation : "";
  const [levels, columnLabel] = villageLevels(villages, c.column);
  const known = levels.includes(null) ? [] : levels;
  const unitsPhrase = known.length ? levelsPhrase(known, false) : levelsPhrase(headerLevels(columnLabel), false) || nameKey(columnLabel);
  const heads = known.length ? known : headerLevels(columnLabel);
  const y = String(year);
  const total = row(commune, "");
  total.name = "Tổng cộng";
  const appendix = {
    label: "Phụ lục", title: `CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${y}`,
    attachment: `(Kèm theo Kế hoạch số${SEPARATOR}${draftNumber()} ${draftDate(y)} của ${issuer})`,
    unit_label: columnLabel, both: true, poor_only: false, near_poor_only: false,
    rows: villages.map((v, i) => row(v, String(i + 1))), total, notes: [],
  };
  for (const k of INDICATORS) {
    const word = GROUP_WORDS[k];
    const capital = word[0].toUpperCase() + word.slice(1);
    appendix[`${k}_start_label`] = `${capital} đầu năm ${y}`;
    appendix[`${k}_reduction_label`] = `Giảm ${word} trong năm ${y}`;
    appendix[`${k}_end_label`] = `${capital} cuối năm ${y}`;
  }
  const context = {
    header: { parent: parent ? upper("UBND " + parent) : "", has_parent: Boolean(parent), body: upper(ISSUING_BODY),
      unit: upper(unit), number: `Số: ${draftNumber()}`, place_date: `${place}, ${draftDate(y)}` },
    title: "KẾ HOẠCH",
    summary: `Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm ${y}`,
    legal_bases: [],
    preamble: `${issuer} xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm ${y} như sau:`,
    year: y, previous_year: String(year - 1), unit_name: unit, area, issuer,
    issuer_level: issuerLevel ? issuerLevel.lower : "địa phương",
    households: count(commune.households), units_count: String(villages.length), unit_label: unitsPhrase,
    unit_heads: heads.length ? headsPhrase(heads) : `Trưởng các ${unitsPhrase}`, offices: office,
    goals: [], agencies: [], projects: [], reporting: [], recipients: [{ text: drafting ? `Lưu: VT, ${drafting}.` : "Lưu: VT." }],
    signature: { authority: "TM. " + upper(ISSUING_BODY), deputy: "", has_deputy: false, title: "CHỦ TỊCH", name: "" },
    sections: Object.fromEntries(SECTIONS.map((s) => [s, false])),
    appendix, has_poor: true, has_near_poor: true, has_records: false, records: {},
  };
  for (const [k, v] of Object.entries(figures(commune, commune.households))) {
    const names = cleared(villages, levels, k);
    context[k] = { ...v, target_rate: v.end_rate, cleared: names, has_cleared: names !== "" };
  }
  return context;
}

// The communes of expected.json, in order, with their villages and parent (as plan_data.communes).
function communes(dataDir) {
  const expected = JSON.parse(fs.readFileSync(path.join(dataDir, "expected.json"), "utf8"));
  const { levels } = expected;
  const level = expected.plans.level;
  const column = levels[levels.indexOf(level) + 1];
  const byPath = new Map();
  const children = new Map();
  for (const u of expected.units) {
    const key = u.path.join("\u001f");
    byPath.set(key, u);
    if (u.path.length) {
      const parentKey = u.path.slice(0, -1).join("\u001f");
      if (!children.has(parentKey)) children.set(parentKey, []);
      children.get(parentKey).push(u);
    }
  }
  const result = [];
  const taken = new Set();
  for (const [key, u] of byPath) {
    if (u.level !== level) continue;
    const parent = byPath.get(u.path.slice(0, -1).join("\u001f"));
    const parts = u.path.map(folderName);
    let folder = parts.join("/");
    for (let n = 2; taken.has(folder); n++) folder = [...parts.slice(0, -1), `${parts[parts.length - 1]}-${n}`].join("/");
    taken.add(folder);
    const parentName = parent && parent.level ? fullName(parent.name, levelOf(parent.name, levelNamed(parent.level))[0]) : "";
    result.push({ folder, commune: u, villages: children.get(key) || [], parent: parentName, level, column, year: expected.year });
  }
  return result;
}

// Dotted names ({poor.end_rate}) resolved in the current scope; undefined lets docxtemplater look in the
// enclosing scopes, as Mustache (and kehoach) do.
function parser(tag) {
  const parts = tag === "." ? [] : tag.split(".");
  return { get: (scope) => parts.reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), scope) };
}

const thin = { style: "thin" };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const font = (extra) => ({ name: "Times New Roman", size: 12, ...extra });
const CENTER = { horizontal: "center", vertical: "middle" };

// The appendix is zipped at zlib's default level 6, as libxlsxwriter (kehoach's) zips it; the plan at level 1, as
// kehoach zips Word files.
const XLSX_LEVEL = 6;
const DOCX_LEVEL = 1;

// phu-luc.xlsx as kehoach lays it out (see docxtpl_batch.py). `streaming`: through ExcelJS's streaming
// WorkbookWriter (rows written as the sheet is committed, zipped by archiver with Node's zlib) rather than
// the Workbook kept whole and zipped by JSZip in JavaScript.
async function appendix(file, context, c, streaming) {
  const { villages, commune } = c;
  const a = context.appendix;
  const book = streaming
    ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, zip: { zlib: { level: XLSX_LEVEL } } })
    : new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Phụ lục", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.8, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: "5:6" },
    views: [{ state: "frozen", xSplit: 2, ySplit: 6 }],
  });
  const col = (n) => sheet.getColumn(n).letter;
  const put = (r, ci, value, style) => {
    const cell = sheet.getCell(r, ci);
    if (value !== undefined) cell.value = value; // a merged range's other cells: style only (a value would go to its first cell)
    Object.assign(cell, style);
    return cell;
  };
  const titleStyle = (extra, size) => ({ font: font({ size, ...extra }), alignment: { ...CENTER, wrapText: true } });
  const header = { font: font({ bold: true, size: 11 }), alignment: { ...CENTER, wrapText: true }, border: BORDER };
  const boxed = { font: font(), alignment: CENTER, border: BORDER };
  const name = { font: font(), alignment: { horizontal: "left", vertical: "middle", indent: 1 }, border: BORDER };
  const num = { ...boxed, numFmt: "#,##0" };
  const pct = { ...boxed, numFmt: "0.00" };
  const bold = { font: font({ bold: true }), alignment: CENTER, border: BORDER };
  const boldNum = { ...bold, numFmt: "#,##0" };
  const boldPct = { ...bold, numFmt: "0.00" };

  sheet.mergeCells(1, 1, 1, 15); put(1, 1, a.label, titleStyle({ bold: true }, 14));
  sheet.mergeCells(2, 1, 2, 15); put(2, 1, a.title, titleStyle({ bold: true }, 13));
  sheet.mergeCells(3, 1, 3, 15); put(3, 1, a.attachment, titleStyle({ italic: true }, 13));
  sheet.getRow(3).height = 36;
  sheet.getRow(5).height = 48;
  sheet.getRow(6).height = 30;
  ["TT", a.unit_label, "Tổng số hộ"].forEach((text, i) => {
    sheet.mergeCells(5, i + 1, 6, i + 1);
    put(5, i + 1, text, header);
    put(6, i + 1, undefined, header);
  });
  let column = 4;
  for (const k of INDICATORS)
    for (const part of ["start", "reduction", "end"]) {
      sheet.mergeCells(5, column, 5, column + 1);
      put(5, column, a[`${k}_${part}_label`], header);
      put(5, column + 1, undefined, header);
      put(6, column, "Số hộ", header);
      put(6, column + 1, "Tỷ lệ (%)", header);
      column += 2;
    }
  const first = 7;
  villages.forEach((v, i) => {
    const r = first + i;
    const h = v.households;
    put(r, 1, i + 1, boxed);
    put(r, 2, v.name, name);
    put(r, 3, h, num);
    for (const [group, k] of [[4, "poor"], [10, "near_poor"]]) {
      const f = v[k];
      put(r, group, f.start, num);
      put(r, group + 2, f.reduction, num);
      put(r, group + 4, { formula: `${col(group)}${r}-${col(group + 2)}${r}`, result: f.end }, num);
      for (const [offset, part] of [[0, "start"], [2, "reduction"], [4, "end"]])
        put(r, group + offset + 1, { formula: `ROUND(${col(group + offset)}${r}/$C${r}*100,2)`, result: hundredths(f[part], h) / 100 }, pct);
    }
  });
  const r = first + villages.length;
  sheet.mergeCells(r, 1, r, 2);
  put(r, 1, "Tổng cộng", bold);
  put(r, 2, undefined, bold);
  const totals = [commune.households];
  for (const k of INDICATORS) for (const part of ["start", "reduction", "end"]) totals.push(commune[k][part]);
  [3, 4, 6, 8, 10, 12, 14].forEach((c, k) => {
    const letter = col(c);
    put(r, c, { formula: `SUM(${letter}${first}:${letter}${r - 1})`, result: totals[k] }, boldNum);
    if (c > 3) put(r, c + 1, { formula: `ROUND(${letter}${r}/$C${r}*100,2)`, result: hundredths(totals[k], commune.households) / 100 }, boldPct);
  });
  a.notes.forEach((note, k) => put(r + 2 + k, 2, note.text, { font: font({ italic: true, size: 11 }) })); // under the table (none here)
  sheet.getColumn(1).width = 5.71;
  sheet.getColumn(2).width = Math.max(20, Math.min(40, Math.max(0, ...villages.map((v) => v.name.length)) + 4));
  sheet.getColumn(3).width = 10.71;
  for (let c = 4; c <= 15; c++) sheet.getColumn(c).width = 10.29;
  if (streaming) {
    sheet.commit();
    await book.commit();
  } else {
    await book.xlsx.writeFile(file, { zip: { compression: "DEFLATE", compressionOptions: { level: XLSX_LEVEL } } });
  }
}

// `template`: the template's zip opened once, its parts inflated; docxtemplater's documentation has a new
// Docxtemplater for each document (an instance renders once), here over a copy of that zip, so that no
// document reads and inflates the template file again. `untuned`: a new PizZip of the file's bytes each time.
async function write(c, template, out, offices, options) {
  const folder = path.join(out, c.folder);
  fs.mkdirSync(folder, { recursive: true });
  const context = planContext(c, offices);
  const zip = options.untuned ? new PizZip(template.bytes) : template.zip.clone();
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, parser });
  doc.render(context);
  fs.writeFileSync(path.join(folder, "ke-hoach.docx"),
    doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: DOCX_LEVEL } }));
  await appendix(path.join(folder, "phu-luc.xlsx"), context, c, options.excel === "stream");
  return 2;
}

async function work(list, templateFile, out, options) {
  const bytes = fs.readFileSync(templateFile);
  const template = { bytes, zip: new PizZip(bytes).clone() };  // clone(): every part inflated, once
  const offices = JSON.parse(fs.readFileSync(OFFICES, "utf8"));
  let written = 0;
  for (const c of list) written += await write(c, template, out, offices, options);
  return written;
}

function runWorker(mode, share, template, out, options) {
  return new Promise((resolve, reject) => {
    if (mode === "threads") {
      const worker = new Worker(__filename, { workerData: { list: share, template, out, options } });
      worker.on("message", resolve);
      worker.on("error", reject);
      return;
    }
    const child = fork(__filename, ["--child"], { serialization: "advanced" });
    child.on("message", (written) => { resolve(written); child.disconnect(); });
    child.on("error", reject);
    child.on("exit", (code) => { if (code) reject(new Error(`worker process exited with ${code}`)); });
    child.send({ list: share, template, out, options });
  });
}

async function main() {
  if (!isMainThread) {
    const { list, template, out, options } = workerData;
    parentPort.postMessage(await work(list, template, out, options));
    return;
  }
  if (process.argv.includes("--child")) {
    process.once("message", async ({ list, template, out, options }) => process.send(await work(list, template, out, options)));
    return;
  }
  const began = process.hrtime.bigint();
  const { data, out, jobs, template, mode, options } = args();
  const list = communes(data);
  let written;
  if (jobs <= 1) {
    written = await work(list, template, out, options);
  } else {
    // worker k of N writes communes k, k + N, k + 2N, ... (its share is copied to it once)
    const shares = Array.from({ length: jobs }, (_, k) => list.filter((_, i) => i % jobs === k));
    written = (await Promise.all(shares.map((share) => runWorker(mode, share, template, out, options)))).reduce((s, x) => s + x, 0);
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  console.log(`docxtemplater + ExcelJS: ${written} documents for ${list.length} communes, ${jobs} job(s) (${jobs > 1 ? mode : "main thread"}), ${seconds.toFixed(2)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
