// The PostgreSQL side of a benchmark: a throw-away database, dropped and recreated for each run
// so the server seeds a fresh demo city into it.
import pg from 'pg';

export const defaultBenchDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/kewo_bench';

// Only databases named like this are ever dropped: a mistyped URL must not cost anyone their data.
const benchDatabaseName = /^kewo_bench[a-z0-9_]*$/;

function split(url: string): { name: string; adminUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!benchDatabaseName.test(name)) {
    throw new Error(`refusing to drop database "${name}": benchmark databases must be named kewo_bench…`);
  }
  parsed.pathname = '/postgres';
  return { name, adminUrl: parsed.toString() };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function withAdmin<T>(url: string, work: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { name, adminUrl } = split(url);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end().catch(() => {});
  }
}

// Undefined when reachable, otherwise why not.
export async function whyUnreachable(url: string): Promise<string | undefined> {
  try {
    await withAdmin(url, async (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.constructor.name : String(error);
  }
}

export async function serverVersion(url: string): Promise<string> {
  return withAdmin(url, async (client) => {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  });
}

export async function recreateDatabase(url: string): Promise<void> {
  await withAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
