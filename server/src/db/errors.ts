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
