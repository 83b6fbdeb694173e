import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.ts';
import type { ErrorEntries } from '../errors/error-catalogue.ts';
import type { Job } from '../jobs/job-runner.ts';

// A module's routes: a Fastify plugin registered under /api/v1 with the app's context.
export type ModuleRoutes = FastifyPluginAsyncZod<{ context: AppContext }>;

// What the app needs from a module, exported by the module's index.ts and gathered by
// server/src/modules.ts: the one list from which the HTTP app, the background jobs and the error
// catalogue are assembled. A module's tables are found by drizzle-kit from their *.schema.ts files.
export type KewoModule = {
  name: string;
  routes: readonly ModuleRoutes[];
  // Work the module does on its own, on a cadence (platform/jobs).
  jobs?: readonly Job[];
  // The error codes only this module answers with (<module>.errors.ts), registered by modules.ts.
  errors?: ErrorEntries;
};
