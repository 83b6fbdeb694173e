// PostgreSQL array literals, for bulk statements that pass each column as one array parameter
// (`unnest($1::text[], $2::integer[], …)`): a text parameter both drivers pass alike, which
// PostgreSQL reads several times faster than the same rows as a JSON recordset.

export type ArrayElement = string | number | boolean | null | undefined;

const needsEscape = /[\\"]/;

// {"a","b\"c",NULL,"1.5"}. Every element but NULL is quoted, so commas, braces, spaces,
// backslashes and the word NULL inside values survive; the SQL casts it to the column's type.
export function arrayLiteral(values: ArrayLike<ArrayElement>): string {
  let literal = '{';
  for (let index = 0; index < values.length; index += 1) {
    if (index > 0) literal += ',';
    const value = values[index];
    if (value === null || value === undefined) literal += 'NULL';
    else if (typeof value === 'string')
      literal += `"${needsEscape.test(value) ? value.replace(/[\\"]/g, '\\$&') : value}"`;
    else literal += `"${String(value)}"`;
  }
  return `${literal}}`;
}
