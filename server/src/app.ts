import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.ts';
import { backgroundJobs } from './background-jobs.ts';
import { version } from './config.ts';
import { modules } from './modules.ts';
import { type RegisteredRoute, registerAccessControl } from './platform/access/access-hooks.ts';
import { publicAccess } from './platform/access/access-rule.ts';
import { permissionRoutes } from './platform/access/permissions.routes.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { createAuthenticator } from './platform/auth/auth.service.ts';
import { registerProblemHandler } from './platform/errors/problem-handler.ts';
import { answerClientError, answerFrameworkError } from './platform/errors/transport-errors.ts';
import { createConsolePageResolver } from './platform/http/console-first-screen.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { problemComponent, withProblemResponses } from './platform/http/openapi-problems.ts';
import { ReadableRequestLog, type RequestLogFormat, readableLogStream } from './platform/http/request-log.ts';
import { registerWebApp, webBuildDir } from './platform/http/web-app.ts';
import { jobRoutes } from './platform/jobs/jobs.routes.ts';
import { notificationRoutes } from './platform/notifications/notifications.routes.ts';

export type BuildAppOptions = {
  logger?: boolean;
  // The built web app; tests of the API alone leave it out.
  serveWebApp?: boolean;
  // Where the log goes instead of stdout (tests that read what is logged).
  logStream?: { write: (line: string) => void };
  // json (serve, the default): Fastify's records; readable: one line per request (the demo).
  requestLog?: RequestLogFormat;
};

export type KewoApp = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

// Builds the whole HTTP application in a fixed order: platform, then the modules (modules.ts). Never listens:
// main.ts does that, tests call app.inject().
export async function buildApp(context: AppContext, options: BuildAppOptions = {}): Promise<KewoApp> {
  const readable = options.requestLog === 'readable';
  const logStream = readable ? readableLogStream(options.logStream ?? process.stdout) : options.logStream;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: context.config.LOG_LEVEL, ...(logStream ? { stream: logStream } : {}) },
    ...(readable ? { logController: new ReadableRequestLog() } : {}),
    bodyLimit: 1_048_576,
    trustProxy: parseTrustProxy(context.config.KEWO_TRUST_PROXY),
    genReqId: () => randomUUID(),
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // Refused before a route is found (too long, not HTTP): problem+json too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // JSON only: a cross-site form can send text/plain without a preflight, never application/json.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerProblemHandler(app);
  // Cookies are parsed in an onRequest hook of their own, which must run before the access check's.
  await app.register(fastifyCookie);
  const authenticator = createAuthenticator(context);
  await authenticator.start();
  const registeredRoutes = registerAccessControl(app, authenticator);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '客我 Kewo API',
        version,
        description:
          'Retail customer service for a tobacco wholesaler. Errors are RFC 9457 problem+json in zh-CN or en (Accept-Language). Sign in with POST /api/v1/auth/login; the session is an httpOnly cookie.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kewo_session' } },
        schemas: { Problem: problemComponent },
      },
      security: [{ session: [] }],
    },
    // Every operation lists its problem+json answers too (openapi-problems.ts), not only success.
    transform: withProblemResponses(jsonSchemaTransform),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: apiDocsContentSecurityPolicy });
  app.get('/api/openapi.json', { config: { access: publicAccess }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { context });
      await api.register(authRoutes, { context });
      await api.register(permissionRoutes, { routes: registeredRoutes });
      await api.register(auditRoutes, { context });
      await api.register(jobRoutes, { context, jobs: backgroundJobs });
      await api.register(notificationRoutes, { context });
      for (const module of modules) {
        for (const routes of module.routes) await api.register(routes, { context });
      }
    },
    { prefix: '/api/v1' },
  );

  await registerWebApp(app, options.serveWebApp !== false, webBuildDir, {
    consolePage: createConsolePageResolver(authenticator, context.now),
  });
  return Object.assign(app as unknown as FastifyInstance, { registeredRoutes });
}

// Swagger UI loads its scripts from its own files and sets inline styles; it fetches the document
// and tries requests on this origin only, and is never framed.
const apiDocsContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value.split(',').map((entry) => entry.trim());
}
