// Every commune's plan (docxtemplater) and appendix (ExcelJS): the content kehoach batch writes.
//   node batch.js --figures FIGURES.json --template ke-hoach-docxtemplater.docx --out DIR [--jobs N]
// The figures come from communes.json, written by ../communes_json.py from `kehoach batch --json`.
"use strict";
const fs = require("fs");
const path = require("path");
const { fork } = require("child_process");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const ExcelJS = require("exceljs");

function args() {
  const a = process.argv.slice(2);
  const get = (name, fallback) => (a.includes(name) ? a[a.indexOf(name) + 1] : fallback);
  return { communes: get("--communes"), template: get("--template"), out: get("--out"), jobs: Number(get("--jobs", "1")) };
}

async function appendix(record, file) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Phụ lục", { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const font = { name: "Times New Roman", size: 12 };
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  sheet.mergeCells(1, 1, 1, 15); sheet.getCell(1, 1).value = "Phụ lục";
  sheet.mergeCells(2, 1, 2, 15); sheet.getCell(2, 1).value = `CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${record.year} CỦA CÁC THÔN`;
  sheet.mergeCells(3, 1, 3, 15); sheet.getCell(3, 1).value = `(Kèm theo Kế hoạch số       /KH-UBND của Ủy ban nhân dân ${record.unit})`;
  sheet.mergeCells(5, 1, 6, 1); sheet.getCell(5, 1).value = "TT";
  sheet.mergeCells(5, 2, 6, 2); sheet.getCell(5, 2).value = "Thôn";
  sheet.mergeCells(5, 3, 6, 3); sheet.getCell(5, 3).value = "Tổng số hộ";
  for (const [group, first] of [["Hộ nghèo", 4], ["Hộ cận nghèo", 10]]) {
    sheet.mergeCells(5, first, 5, first + 5); sheet.getCell(5, first).value = group;
    ["Đầu năm", "Tỷ lệ %", "Giảm", "Tỷ lệ %", "Cuối năm", "Tỷ lệ %"].forEach((label, i) => { sheet.getCell(6, first + i).value = label; });
  }
  let row = 7;
  for (const v of record.villages) {
    const r = sheet.getRow(row);
    r.getCell(1).value = Number(v.order);
    r.getCell(2).value = v.name;
    r.getCell(3).value = v.raw_households;
    for (const [key, first] of [["raw_poor", 4], ["raw_near", 10]]) {
      const f = v[key];
      const col = (c) => sheet.getColumn(c).letter;
      r.getCell(first).value = f.start;
      r.getCell(first + 2).value = f.reduction;
      r.getCell(first + 4).value = { formula: `${col(first)}${row}-${col(first + 2)}${row}`, result: f.end };
      for (const [offset, value] of [[0, f.start], [2, f.reduction], [4, f.end]])
        r.getCell(first + offset + 1).value = { formula: `ROUND(${col(first + offset)}${row}/$C${row}*100,2)`, result: Math.round(value * 10000 / v.raw_households) / 100 };
    }
    for (let c = 1; c <= 15; c++) { r.getCell(c).font = font; r.getCell(c).border = border; }
    row++;
  }
  sheet.mergeCells(row, 1, row, 2); sheet.getCell(row, 1).value = "Tổng cộng";
  for (let c = 3; c <= 15; c++) {
    const letter = sheet.getColumn(c).letter;
    sheet.getCell(row, c).value = [5, 7, 9, 11, 13, 15].includes(c)
      ? { formula: `ROUND(${sheet.getColumn(c - 1).letter}${row}/$C${row}*100,2)` }
      : { formula: `SUM(${letter}7:${letter}${row - 1})` };
  }
  await book.xlsx.writeFile(file);
}

async function work(records, start, template, out) {
  const content = fs.readFileSync(template, "binary");
  let written = 0;
  for (let i = 0; i < records.length; i++) {
    const folder = path.join(out, String(start + i).padStart(5, "0"));
    fs.mkdirSync(folder, { recursive: true });
    const doc = new Docxtemplater(new PizZip(content), { paragraphLoop: true, linebreaks: true });
    doc.render(records[i]);
    fs.writeFileSync(path.join(folder, "ke-hoach.docx"), doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
    await appendix(records[i], path.join(folder, "phu-luc.xlsx"));
    written += 2;
  }
  return written;
}

async function main() {
  if (process.env.KEHOACH_BENCH_WORKER) {
    process.on("message", async ({ records, start, template, out }) => {
      process.send(await work(records, start, template, out));
      process.exit(0);
    });
    return;
  }
  const { communes, template, out, jobs } = args();
  const records = JSON.parse(fs.readFileSync(communes, "utf8"));
  if (jobs <= 1) {
    console.log(`docxtemplater: ${await work(records, 0, template, out)} documents for ${records.length} communes`);
    return;
  }
  const size = Math.ceil(records.length / jobs);
  const parts = [];
  for (let j = 0; j < jobs; j++) {
    const child = fork(__filename, [], { env: { ...process.env, KEHOACH_BENCH_WORKER: "1" } });
    parts.push(new Promise((resolve) => child.on("message", resolve)));
    child.send({ records: records.slice(j * size, (j + 1) * size), start: j * size, template, out });
  }
  const written = (await Promise.all(parts)).reduce((a, b) => a + b, 0);
  console.log(`docxtemplater: ${written} documents for ${records.length} communes`);
}

main();
