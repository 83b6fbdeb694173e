// What a failed statement says about why it failed, the same on both drivers. Drizzle wraps the
// driver's error (node-postgres' or PGlite's, both carrying PostgreSQL's SQLSTATE and the
// constraint's name) in its own as `cause`.

type DriverError = { code?: unknown; constraint?: unknown; cause?: unknown };

// The unique constraint a statement would have broken (SQLSTATE 23505), if that is why it failed.
export function duplicateKeyOf(error: unknown): string | undefined {
  for (let current = error as DriverError | undefined, depth = 0; current && depth < 3; depth += 1) {
    if (current.code === '23505') return typeof current.constraint === 'string' ? current.constraint : '';
    current = current.cause as DriverError | undefined;
  }
  return undefined;
}

// The SQLSTATEs of a value that cannot be stored or compared (class 22, data exception), which
// only the request can have brought: the schemas should have refused it; this keeps a value
// they let through from answering 500.
const inputValueStates = new Set([
  '22P05', // untranslatable character: \u0000 in jsonb
  '22021', // character not in repertoire: NUL in text
  '22003', // numeric value out of range: above an integer column
  '22008', // datetime field overflow: a day or month that does not exist
  '22007', // invalid datetime format
  '22001', // string data right truncation: longer than a varchar column
]);

// The SQLSTATE of such a value, if that is why a statement failed.
export function refusedValueStateOf(error: unknown): string | undefined {
  for (let current = error as DriverError | undefined, depth = 0; current && depth < 3; depth += 1) {
    if (typeof current.code === 'string' && inputValueStates.has(current.code)) return current.code;
    current = current.cause as DriverError | undefined;
  }
  return undefined;
}
