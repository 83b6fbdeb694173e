import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { tenants } from '../../platform/identity/identity.schema.ts';
import { serviceItems } from '../visits/index.ts';
import type { WaveTarget } from './surveys.schema.ts';

// The annual report's own reads: the tenant's name, the year's waves (not drafts: a wave counts in
// the year it closes: next year's needs questionnaire, opened in December, is next year's), and the service-menu items' names (the visits module's table).

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function tenantNameOf(db: Executor, tenantId: number): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`SELECT name FROM ${tenants} WHERE id = ${tenantId}`));
  return row?.name ?? '';
}

export type YearWaveRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  opensOn: string;
  closesOn: string;
  target: WaveTarget;
  population: number | null;
  sent: number;
};

export async function wavesOfYear(db: Executor, tenantId: number, year: number): Promise<YearWaveRow[]> {
  const rows = rowsOf<{
    id: string;
    title: string;
    kind: string;
    status: string;
    opens_on: string | Date;
    closes_on: string | Date;
    target: WaveTarget;
    population: number | null;
    sent: number;
  }>(
    await db.execute(sql`
      SELECT w.id, w.title, q.kind, w.status, w.opens_on::text AS opens_on, w.closes_on::text AS closes_on,
             w.target, w.population, w.sent
      FROM survey_waves w JOIN survey_questionnaires q ON q.id = w.questionnaire_id
      WHERE w.tenant_id = ${tenantId} AND w.status <> 'draft'
        AND w.closes_on >= ${`${year}-01-01`}::date AND w.closes_on < ${`${year + 1}-01-01`}::date
      ORDER BY w.opens_on, w.closes_on, w.title`),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    opensOn: String(row.opens_on),
    closesOn: String(row.closes_on),
    target: row.target,
    population: row.population === null ? null : Number(row.population),
    sent: Number(row.sent),
  }));
}

export async function serviceItemNames(db: Executor, tenantId: number): Promise<Map<number, string>> {
  const rows = rowsOf<{ id: number; name: string }>(
    await db.execute(sql`SELECT id, name FROM ${serviceItems} WHERE tenant_id = ${tenantId}`),
  );
  return new Map(rows.map((row) => [Number(row.id), row.name]));
}
