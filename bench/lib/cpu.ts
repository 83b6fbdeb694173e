// CPU time spent by the server process (and, on PostgreSQL, by the database's backends serving
// it) during a measurement, read from /proc. On a shared, noisy machine requests/s moves with
// whatever else runs; requests per CPU-second of the server barely does, so it is recorded
// alongside as a steadier view of the same comparison. Linux only; elsewhere it reads nothing.
import { readFileSync } from 'node:fs';
import pg from 'pg';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux Kewo runs on.
const ticksPerSecond = 100;

function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime + stime
  } catch {
    return undefined;
  }
}

export type CpuReading = { server: number; database: Map<number, number> };
export type CpuUsage = { serverSeconds: number; databaseSeconds: number | null };

export class CpuMeter {
  private readonly serverPid: number;
  private readonly client: pg.Client | undefined;
  private readonly databaseName: string | undefined;

  private constructor(serverPid: number, client?: pg.Client, databaseName?: string) {
    this.serverPid = serverPid;
    this.client = client;
    this.databaseName = databaseName;
  }

  // With a database URL, the backends connected to that database are counted too (PostgreSQL
  // runs on this machine in the benchmark set-up; a remote one simply reads as zero).
  static async open(serverPid: number, databaseUrl?: string): Promise<CpuMeter> {
    if (!databaseUrl) return new CpuMeter(serverPid);
    const url = new URL(databaseUrl);
    const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ''));
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString(), application_name: 'kewo-bench-meter' });
    await client.connect();
    return new CpuMeter(serverPid, client, databaseName);
  }

  available(): boolean {
    return cpuSecondsOf(this.serverPid) !== undefined;
  }

  async read(): Promise<CpuReading> {
    const database = new Map<number, number>();
    if (this.client) {
      const { rows } = await this.client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'kewo-bench-meter'",
        [this.databaseName],
      );
      for (const { pid } of rows) {
        const seconds = cpuSecondsOf(pid);
        if (seconds !== undefined) database.set(pid, seconds);
      }
    }
    return { server: cpuSecondsOf(this.serverPid) ?? Number.NaN, database };
  }

  static usage(before: CpuReading, after: CpuReading, withDatabase: boolean): CpuUsage {
    let databaseSeconds = 0;
    // A backend that appeared during the measurement counts from zero; one that left is lost.
    for (const [pid, seconds] of after.database) databaseSeconds += seconds - (before.database.get(pid) ?? 0);
    return {
      serverSeconds: Math.round((after.server - before.server) * 100) / 100,
      databaseSeconds: withDatabase ? Math.round(databaseSeconds * 100) / 100 : null,
    };
  }

  async close(): Promise<void> {
    await this.client?.end().catch(() => {});
  }
}
