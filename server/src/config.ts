import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };

// Every setting Kewo reads from the environment, declared once: name, meaning, default.
// The README's configuration table mirrors this list; config.test.ts keeps the two in step.
export const configVariables = {
  DATABASE_URL: {
    description:
      'PostgreSQL connection URL. When unset, Kewo uses embedded PostgreSQL (PGlite) files in KEWO_DATA_DIR.',
    schema: z.string().url().optional(),
  },
  KEWO_LISTEN_URL: {
    description:
      'PostgreSQL URL for the connection that listens for session changes (sessions are kept in memory while it listens). Set it to a direct connection when DATABASE_URL goes through a transaction-mode pooler, or to off to ask the database on every request. Defaults to DATABASE_URL.',
    schema: z.union([z.literal('off'), z.string().url()]).optional(),
  },
  KEWO_DATA_DIR: {
    description: 'Directory of the embedded database (PGlite). Ignored when DATABASE_URL is set.',
    schema: z.string().min(1).default('./data/kewo'),
  },
  HOST: {
    description: 'Address the HTTP server listens on. Use 0.0.0.0 to accept connections from other machines.',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  PORT: {
    description: 'HTTP port of the staff console, the retailer portal and the API.',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  KEWO_SESSION_IDLE_MINUTES: {
    description: 'A session ends after this many minutes without a request.',
    schema: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(8 * 60),
  },
  KEWO_SESSION_MAX_HOURS: {
    description: 'A session ends this many hours after sign-in, however active.',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(7 * 24),
  },
  KEWO_COOKIE_SECURE: {
    description: 'Mark the session cookie Secure (set to true behind HTTPS).',
    schema: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
  },
  KEWO_TRUST_PROXY: {
    description: 'Trust X-Forwarded-For from a reverse proxy (true, or a comma-separated list of proxy addresses).',
    schema: z.string().default('false'),
  },
  KEWO_OPERATOR_TENANT: {
    description:
      'Code of the city company whose city-wide administrators operate the deployment: they list and add city companies in the console (系统管理 › 市公司). Unset: only `kewo tenant create` adds one. The demo sets it to its own city.',
    schema: z.string().min(1).optional(),
  },
  LOG_LEVEL: {
    description: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
} as const;

type Variables = typeof configVariables;
export type Config = { [Name in keyof Variables]: z.output<Variables[Name]['schema']> };

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const shape = Object.fromEntries(
    Object.entries(configVariables).map(([name, variable]) => [name, variable.schema]),
  ) as { [Name in keyof Variables]: Variables[Name]['schema'] };
  // An empty variable (DATABASE_URL=) means unset, as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = z.object(shape).safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...(parsed.data as Config), ...stripUndefined(overrides) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export const version: string = packageJson.version;
