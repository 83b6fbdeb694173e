import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, type Locale, pickLocale } from './error-catalogue.ts';
import { buildProblem, sendProblem } from './problem-handler.ts';

// Requests refused before they reach a route — by Node's HTTP parser or by the router — answer
// problem+json like every other failure, not the framework's own JSON or HTML.

// The router's refusals: a URL it cannot decode (400), a path segment longer than a route's
// parameter may be (414).
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(request.headers['accept-language']);
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
  return sendProblem(reply, buildProblem(code, locale));
}

// A request line longer than this is told its address is too long (414), not its headers (431):
// Node counts both against one limit (16 KiB by default).
const maxRequestLineBytes = 8 * 1024;

// What Node's parser refuses: headers over its limit (431, or 414 when the address alone is too
// long), a request not sent in time (408), bytes that are not HTTP (400). No request exists yet,
// so the answer is written to the socket, which is then closed.
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const received = Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined;
  const code = clientErrorCodeOf(error.code, received);
  const problem = buildProblem(code, localeOf(received));
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(error);
}

export function clientErrorCodeOf(errorCode: string | undefined, received: Buffer | undefined): ErrorCode {
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (errorCode !== 'HPE_HEADER_OVERFLOW') return 'MALFORMED_REQUEST';
  const lineEnd = received ? received.indexOf('\r\n') : -1;
  const requestLineBytes = lineEnd === -1 ? (received?.length ?? 0) : lineEnd;
  return requestLineBytes > maxRequestLineBytes ? 'URI_TOO_LONG' : 'HEADERS_TOO_LARGE';
}

// The caller's language, when the part of the request that arrived names it.
function localeOf(received: Buffer | undefined): Locale {
  const header = received?.toString('latin1').match(/\r\naccept-language:[ \t]*([^\r\n]{0,200})/i)?.[1];
  return pickLocale(header);
}
