import { resolve } from 'node:path';
import { buildApp, type KewoApp } from './app.ts';
import type { AppContext } from './app-context.ts';
import { backgroundJobs } from './background-jobs.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { loggableError } from './platform/errors/loggable-error.ts';
import type { RequestLogFormat } from './platform/http/request-log.ts';
import { startJobs } from './platform/jobs/job-runner.ts';
import { loggingOutboundGateway, type OutboundGateway } from './platform/notifications/outbound-gateway.ts';
import { type Clock, systemClock } from './platform/time/clock.ts';

export type RunningServer = { app: KewoApp; database: DatabaseHandle; url: string; stop: () => Promise<void> };

// Opens the database named by the configuration: PostgreSQL when DATABASE_URL is set,
// otherwise the embedded PGlite files in the data directory. Migrations run every time.
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  const database = config.DATABASE_URL
    ? await openDatabase({ url: config.DATABASE_URL, listenUrl: config.KEWO_LISTEN_URL })
    : await openDatabase({ dataDir: resolve(config.KEWO_DATA_DIR) });
  await database.migrate();
  return database;
}

// Without a provider's gateway, outbound messages are logged instead of sent.
export function createContext(
  config: Config,
  database: DatabaseHandle,
  now: Clock = systemClock,
  outbound: OutboundGateway = loggingOutboundGateway({ silent: config.LOG_LEVEL === 'silent' }),
): AppContext {
  return { db: database.db, dbKind: database.kind, config, now, listen: database.listen, outbound };
}

export async function startServer(
  config: Config,
  database: DatabaseHandle,
  now: Clock = systemClock,
  options: { requestLog?: RequestLogFormat } = {},
): Promise<RunningServer> {
  const context = createContext(config, database, now);
  const app = await buildApp(context, { requestLog: options.requestLog });
  // The background jobs (the SLA sweep, the classification upkeep, the pruning): each when due, once
  // per deployment however many processes run (platform/jobs).
  const stopJobs = startJobs(context, backgroundJobs, (error) =>
    app.log.warn({ err: loggableError(error) }, 'background job failed'),
  );
  app.addHook('onClose', async () => {
    await stopJobs();
    await database.close();
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  let stopping: Promise<void> | undefined;
  // In-flight requests finish, idle connections close, then the database closes cleanly.
  const stop = () => {
    stopping ??= app.close();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { app, database, url: address.replace('127.0.0.1', 'localhost'), stop };
}
