import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundJobs } from '../../background-jobs.ts';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { everyMinutes } from './cadence.rules.ts';
import { type Job, runJobIfDue } from './job-runner.ts';
import { jobRuns } from './jobs.schema.ts';

describe.each(testDatabaseKinds)('background jobs on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const runsOf = (name: string) => t.database.db.select().from(jobRuns).where(eq(jobRuns.job, name));

  it('runs a job when due, keeps what it did, and waits for its cadence before the next run', async () => {
    let calls = 0;
    const job: Job = {
      name: `test.counting-${kind}`,
      description: 'counts',
      cadence: everyMinutes(10),
      run: async () => ({ processed: ++calls }),
    };
    expect(await runJobIfDue(t.context, job)).toBe(true);
    expect(await runJobIfDue(t.context, job)).toBe(false);
    t.clock.advanceMinutes(9);
    expect(await runJobIfDue(t.context, job)).toBe(false);
    t.clock.advanceMinutes(1);
    expect(await runJobIfDue(t.context, job)).toBe(true);
    expect(calls).toBe(2);
    const runs = await runsOf(job.name);
    expect(runs).toHaveLength(2);
    expect(runs.every((run) => run.ok === true && run.finishedAt !== null && (run.durationMs ?? -1) >= 0)).toBe(true);
    expect(runs.map((run) => run.outcome).sort((a, b) => (a?.processed ?? 0) - (b?.processed ?? 0))).toEqual([
      { processed: 1 },
      { processed: 2 },
    ]);
  });

  it('keeps a failed run with its error, and says so', async () => {
    const job: Job = {
      name: `test.failing-${kind}`,
      description: 'fails',
      cadence: everyMinutes(1),
      run: async () => {
        throw new Error('the gateway did not answer');
      },
    };
    await expect(runJobIfDue(t.context, job)).rejects.toThrow(/the gateway did not answer/);
    const [run] = await runsOf(job.name);
    expect(run).toMatchObject({ ok: false, error: 'the gateway did not answer' });
  });

  it.runIf(kind === 'postgres')(
    'runs a job once when several processes find it due at the same moment (PostgreSQL: the advisory lock)',
    async () => {
      let calls = 0;
      const job: Job = {
        name: 'test.once',
        description: 'once',
        cadence: everyMinutes(60),
        run: async () => {
          calls += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
        },
      };
      const ran = await Promise.all(Array.from({ length: 4 }, () => runJobIfDue(t.context, job)));
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(calls).toBe(1);
      expect(await runsOf(job.name)).toHaveLength(1);
    },
  );

  it('lists the jobs and their last runs to administrators only', async () => {
    const sweep = backgroundJobs.find((job) => job.name === 'tickets.sla-sweep');
    if (!sweep) throw new Error('the SLA sweep is not among the background jobs');
    await runJobIfDue(t.context, sweep);
    const admin = await t.signIn('admin');
    const response = await t.app.inject({ url: '/api/v1/jobs', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: { name: string; cadence: unknown; runs: { ok: boolean }[] }[] };
    expect(items.map((item) => item.name)).toEqual(backgroundJobs.map((job) => job.name));
    const listed = items.find((item) => item.name === 'tickets.sla-sweep');
    expect(listed).toMatchObject({ name: 'tickets.sla-sweep', cadence: { kind: 'minutes', every: 1 } });
    expect(listed?.runs[0]).toMatchObject({ ok: true });
    const manager = await t.signIn('manager01');
    expect((await t.app.inject({ url: '/api/v1/jobs', headers: { cookie: manager } })).statusCode).toBe(403);
  });
});
