// What of an error may go to the log. A failed statement carries the values it was given — a
// store's name, a phone number, what someone searched for — in its parameters, in its message
// ("params: …"), and in the database's own detail ("Key (licence_no)=(…) already exists"): those
// are the caller's text, and the log holds no request bodies. The statement itself, the SQLSTATE,
// the constraint and the stack stay, so the failure can still be found.

type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  [member: string]: unknown;
};

// Members of a database error that name things, never values.
const databaseMembers = ['severity', 'constraint', 'table', 'column', 'dataType', 'schema', 'routine'] as const;
const maxCauses = 5;

export function loggableError(error: unknown, depth = 0): LoggedError | unknown {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return error;
  const source = error as Error & Record<string, unknown>;
  const originalMessage = typeof source.message === 'string' ? source.message : String(source.message ?? '');
  let message = originalMessage;
  if (Array.isArray(source.params) && typeof source.query === 'string') {
    // drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>".
    message = `Failed query: ${source.query}\nparams: [${source.params.length} redacted]`;
  }
  const code = typeof source.code === 'string' ? source.code : undefined;
  const isDatabaseError = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  // Data exceptions (class 22) quote the value that did not fit: "invalid input syntax … : "abc"".
  if (isDatabaseError && code.startsWith('22')) message = message.replace(/"[^"]*"/g, '"…"');
  const logged: LoggedError = {
    type: source.name ?? source.constructor?.name ?? 'Error',
    message,
  };
  if (typeof source.stack === 'string') {
    logged.stack = originalMessage ? source.stack.replace(originalMessage, () => message) : source.stack;
  }
  if (code) logged.code = code;
  if (typeof source.statusCode === 'number') logged.statusCode = source.statusCode;
  if (isDatabaseError) {
    for (const member of databaseMembers) {
      if (typeof source[member] === 'string') logged[member] = source[member];
    }
  }
  if (source.cause !== undefined && depth < maxCauses) logged.cause = loggableError(source.cause, depth + 1);
  return logged;
}
