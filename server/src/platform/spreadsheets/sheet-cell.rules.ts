// One spreadsheet cell, read and written. Every CSV the server writes (exports, templates) goes
// through csvCell, and an import reads CSV cells through csvCellValue and every cell's text through
// cellText, so that a file exported and imported back changes nothing.

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

// The text of a cell as exceljs or csv-parse hand it over: strings, numbers, dates, rich text,
// formulas (their result), hyperlinks (their text).
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if (cell.error) return String(cell.error);
  }
  return String(value).trim();
}

// A cell copied as it was read (the error workbook's rows): numbers stay numbers, empty is nothing.
export function plainCell(value: unknown): string | number | null {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  return text === '' ? null : text;
}
