// What a downloaded document holds, read as the project's other tests read them: an .xlsx through
// Debian's python3-openpyxl (its cached values, as a viewer that does not recalculate shows them), a
// .docx as the text of its paragraphs.
import { execFileSync } from 'node:child_process';

const python = '/usr/bin/python3';

function runPython(script, path) {
  return execFileSync(python, ['-c', script, path], { encoding: 'utf8' });
}

// Every number of the workbook's first sheet, row by row: [[row, column, value], …].
export function sheetNumbers(path) {
  const script = `
import json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1], data_only=True).worksheets[0]
print(json.dumps([[c.row, c.column, c.value] for row in sheet.iter_rows() for c in row
                  if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]))
`;
  return JSON.parse(runPython(script, path));
}

// The document's text, one line per paragraph (table cells are paragraphs too).
export function documentText(path) {
  const script = `
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
xml = xml.replace('</w:p>', '\\n')
print(re.sub(r'<[^>]+>', '', xml))
`;
  return runPython(script, path);
}

// Every cell of the workbook's first sheet that holds something, numbers and text alike (the cached values):
// { "A1": value, … }.
export function sheetCells(path) {
  return workbookCells(path)[0].cells;
}

// Every sheet of the workbook, in order: [{ name, cells: { "A1": value, … } }] with every cell that holds
// something (number, text or true/false, as a viewer that does not recalculate shows them), to compare two
// workbooks cell for cell.
export function workbookCells(path) {
  const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], data_only=True)
print(json.dumps([{"name": sheet.title,
                   "cells": {c.coordinate: c.value for row in sheet.iter_rows() for c in row
                             if c.value is not None and c.value != ""}}
                  for sheet in book.worksheets], ensure_ascii=False, default=str))
`;
  return JSON.parse(runPython(script, path));
}
