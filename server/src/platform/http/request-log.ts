import { LogController } from 'fastify';

// How requests are logged. `json` (serve): Fastify's two JSON records per request, for a log
// collector. `readable` (the demo): someone is reading the terminal, so a request is one line —
// "GET /api/v1/customers 200 12 ms" — at debug level, raised to warn when it was slow and to error
// when it failed. At the default level (info) the terminal stays quiet unless something went wrong;
// LOG_LEVEL=debug shows every request.
export const requestLogFormats = ['json', 'readable'] as const;
export type RequestLogFormat = (typeof requestLogFormats)[number];

// A request this slow is worth a line even when it succeeded (the console's pages aim at 500 ms).
export const slowRequestMs = 1_000;

// One line, no query string: what someone searched for is their text, and the log holds none.
export function requestLine(method: string, url: string, statusCode: number, elapsedMs: number): string {
  const path = url.split('?')[0];
  return `${method} ${path} ${statusCode} ${Math.round(elapsedMs)} ms`;
}

export type RequestLogLevel = 'debug' | 'warn' | 'error';

export function requestLogLevel(statusCode: number, elapsedMs: number, failed: boolean): RequestLogLevel {
  if (failed || statusCode >= 500) return 'error';
  if (elapsedMs >= slowRequestMs) return 'warn';
  return 'debug';
}

// Replaces Fastify's "incoming request" + "request completed" pair with one line when done.
export class ReadableRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(...[error, request, reply]: Parameters<LogController['requestCompleted']>): void {
    const line = requestLine(request.method, request.url, reply.statusCode, reply.elapsedTime);
    reply.log[requestLogLevel(reply.statusCode, reply.elapsedTime, Boolean(error))](line);
  }
}

const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

// pino writes one JSON record per call; the readable form prints its time, level and message on
// one line (an error's stack, when there is one, on the lines after).
export function readableRecord(record: string): string {
  let parsed: { level?: number; time?: number; msg?: string; err?: { message?: string; stack?: string } };
  try {
    parsed = JSON.parse(record);
  } catch {
    return record.endsWith('\n') ? record : `${record}\n`;
  }
  const time = new Date(parsed.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = levelNames[parsed.level ?? 30] ?? String(parsed.level);
  const message = parsed.msg ?? '';
  const error = parsed.err;
  const detail = error?.message && !message.includes(error.message) ? ` — ${error.message}` : '';
  const stack = error?.stack && (parsed.level ?? 30) >= 50 ? `\n${error.stack}` : '';
  return `${time} ${level.padEnd(5)} ${message}${detail}${stack}\n`;
}

export function readableLogStream(out: { write: (text: string) => void }): { write: (record: string) => void } {
  return { write: (record) => out.write(readableRecord(record)) };
}
