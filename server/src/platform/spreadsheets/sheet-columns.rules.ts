// The columns of a spreadsheet that an import reads and its template and export write, in one
// table per sheet. The import finds columns by header, in any order, and ignores headers it does
// not know, so an export (with its read-only columns) imports as it is.

export type SheetColumn<Key extends string = string> = {
  key: Key;
  header: string;
  // The column must be in the file and every row must fill it.
  required: boolean;
  // The template's 填写说明 (filling-in instructions).
  hint: string;
};

export type SheetHeader<Key extends string> = {
  // Column index (0-based) of each known column found.
  indexOf: Partial<Record<Key, number>>;
  // Required columns the file lacks, by header.
  missing: string[];
  // Headers the file has twice.
  duplicated: string[];
};

// A header as the template writes it: without the mark a reader may add to a required column.
export function withoutRequiredMark(raw: string): string {
  return raw.trim().replace(/[*＊]$/, '');
}

// Finds the columns by their headers, both read through `normalise` (by default: trimmed, without a
// trailing *). When two columns share a header, the first is the one found.
export function mapSheetHeader<Key extends string>(
  columns: readonly Pick<SheetColumn<Key>, 'key' | 'header' | 'required'>[],
  headers: readonly string[],
  normalise: (raw: string) => string = withoutRequiredMark,
): SheetHeader<Key> {
  const byHeader = new Map<string, Pick<SheetColumn<Key>, 'key'>>();
  for (const column of columns) {
    const header = normalise(column.header);
    if (!byHeader.has(header)) byHeader.set(header, column);
  }
  const indexOf: Partial<Record<Key, number>> = {};
  const duplicated: string[] = [];
  const seen = new Set<string>();
  headers.forEach((raw, index) => {
    const header = normalise(raw);
    if (header === '') return;
    if (seen.has(header)) {
      duplicated.push(withoutRequiredMark(raw));
      return;
    }
    seen.add(header);
    const column = byHeader.get(header);
    if (column) indexOf[column.key] = index;
  });
  const missing = columns
    .filter((column) => column.required && indexOf[column.key] === undefined)
    .map((column) => column.header);
  return { indexOf, missing, duplicated };
}

export type SheetNotes = { title: string; lines: readonly (readonly string[])[] };

// The template's 填写说明 sheet: each column, whether it must be filled and how, then what the
// import does with the file.
export function templateNotes(
  columns: readonly Pick<SheetColumn, 'header' | 'required' | 'hint'>[],
  about: readonly (readonly string[])[],
): SheetNotes {
  return {
    title: '填写说明',
    lines: [
      ['列名', '是否必填', '说明'],
      ...columns.map((column) => [column.header, column.required ? '必填' : '选填', column.hint]),
      [],
      ...about,
    ],
  };
}
