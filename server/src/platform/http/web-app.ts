import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem, sendProblem } from '../errors/problem-handler.ts';
import type { ConsolePageResolver } from './console-first-screen.ts';

export const webBuildDir = fileURLToPath(new URL('../../../../dist/web', import.meta.url));

// The built pages set their own scripts; antd injects styles at run time, hence 'unsafe-inline' for styles.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Serves the staff console at / and the retailer portal at /portal from one build, on the API's port.
// Unknown /api paths answer problem+json; other paths get the page that routes them client-side.
// consolePage: what a console page's visitor gets before the app runs (console-first-screen.ts):
// sent to sign in, or the home with its greeting; without it, every console path gets the page.
export async function registerWebApp(
  app: FastifyInstance,
  enabled: boolean,
  buildDir = webBuildDir,
  options: { consolePage?: ConsolePageResolver } = {},
): Promise<void> {
  const hasBuild = enabled && existsSync(join(buildDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: buildDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each script and style sheet (web/vite.config.ts).
      preCompressed: true,
      setHeaders: (response, path) => {
        if (path.includes(`${join(buildDir, 'assets')}`)) {
          response.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  const pages = hasBuild
    ? {
        console: readFileSync(join(buildDir, 'index.html'), 'utf8'),
        portal: existsSync(join(buildDir, 'portal.html'))
          ? readFileSync(join(buildDir, 'portal.html'), 'utf8')
          : readFileSync(join(buildDir, 'index.html'), 'utf8'),
        // The console's sign-in page: plain HTML and one small script, not the console's bundle
        // (web/login.html).
        login: existsSync(join(buildDir, 'login.html'))
          ? readFileSync(join(buildDir, 'login.html'), 'utf8')
          : readFileSync(join(buildDir, 'index.html'), 'utf8'),
      }
    : undefined;

  // Each page compressed once, at start (brotli at its best, as the build does the scripts): a
  // page is the first request of every visit, on a phone's slow network too.
  const compressed = new Map(
    Object.values(pages ?? {}).map((html) => [
      html,
      {
        br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(html, { level: 9 }),
      },
    ]),
  );
  const sendPage = (request: FastifyRequest, reply: FastifyReply, html: string) => {
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', contentSecurityPolicy)
      .header('vary', 'accept-encoding');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    const body = encoding ? compressed.get(html)?.[encoding] : undefined;
    if (!encoding || !body) return reply.send(html);
    return reply.header('content-encoding', encoding).send(body);
  };

  const sendPersonalPage = (request: FastifyRequest, reply: FastifyReply, html: string) => {
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('content-security-policy', contentSecurityPolicy)
      .header('vary', 'accept-encoding, cookie');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepted)) {
      const body = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      return reply.header('content-encoding', 'br').send(body);
    }
    if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
    return reply.send(html);
  };

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    // The address exists, the method does not: 405 naming the methods it has. (A route of this very
    // method that finds nothing — a static file gone since the server started — is a 404.)
    const allowed = allowedMethodsOf(app, path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return sendProblem(reply, buildProblem('METHOD_NOT_ALLOWED', request.locale), { allow: allowed.join(', ') });
    }
    if (path.startsWith('/api/') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(reply, buildProblem('ROUTE_NOT_FOUND', request.locale, { method: request.method, url: path }));
    }
    if (!pages) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('客我 Kewo: the web app is not built yet. Run `npm run build`, then restart.\n');
    }
    // A missing script or image is a 404, not the page: an old cached page must not run HTML as code.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    }
    const isPortal = path === '/portal' || path.startsWith('/portal/');
    if (isPortal) return sendPage(request, reply, pages.portal);
    const answer = await options.consolePage?.(request);
    if (answer && 'redirect' in answer) return reply.header('cache-control', 'no-store').redirect(answer.redirect, 302);
    if (path === '/login') return sendPage(request, reply, pages.login);
    if (answer && 'firstScreen' in answer) {
      // This visitor's page: compressed now (it is small), never kept by a shared cache.
      const html = pages.console.replace('<div id="root">', `${answer.firstScreen}<div id="root">`);
      return sendPersonalPage(request, reply, html);
    }
    return sendPage(request, reply, pages.console);
  });
}

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function allowedMethodsOf(app: FastifyInstance, path: string): string[] {
  return methods.filter((method) => app.findRoute({ method, url: path }) !== null);
}
