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
