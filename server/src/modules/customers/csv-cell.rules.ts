// One CSV cell, written and read back. Every CSV the server writes (exports, templates) goes
// through csvCell, and the import reads cells through csvCellValue, so that a file exported and
// imported back changes nothing.

export type CsvValue = string | number | null | undefined;

// A spreadsheet program opening a CSV reads a cell that starts with = + - @ (or a tab or carriage
// return before one) as a formula: a store name like =cmd|' /C calc'!A0 would run a command on the
// reader's computer. Such text is written with a leading apostrophe, which the program takes as
// "this is text" and does not show (OWASP's advice for CSV injection). Text that already starts
// with apostrophes before such a character gets one more, so that reading it back is exact.
const formulaStart = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

// The value an imported cell stands for: the apostrophe the export put before a formula-like text
// is removed again.
export function csvCellValue(text: string): string {
  return text.startsWith("'") && formulaStart.test(text) ? text.slice(1) : text;
}

// RFC 4180 quoting. Numbers are the server's own values and are written as they are. Long digit
// strings (licence numbers, phones) get a leading tab so Excel keeps them as text instead of
// showing 3.50602E+11 and losing digits on save; the import trims it. Any other text that would
// start a formula is neutralised.
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? String(value) : /^0?\d{10,}$/.test(value) ? `\t${value}` : neutraliseFormula(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
