import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../db/test-database.ts';
import { classificationRuns, customerClassHistory } from '../modules/classification/classification.schema.ts';
import { systemActor } from '../platform/access/actor.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { approveClassification } from './approve-classification.workflow.ts';

type Count = { n: number };

// 审批生效 (POST /classification/runs/:id/approve): classification records the approval, customers
// writes the stores' classes, in one transaction — all of it or none.
describe.each(testDatabaseKinds)('approving a classification run on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let ruleSetId: number;

  const count = async (query: ReturnType<typeof sql>) =>
    Number(((await t.database.db.execute(query)) as unknown as { rows: Count[] }).rows[0].n);
  // Stores of the run whose class is not the one the run gives them (special stores keep theirs).
  const storesNotGivenTheirClass = (runId: number) =>
    count(sql`SELECT count(*)::int AS n FROM class_proposals p
      JOIN customers c ON c.tenant_id = p.tenant_id AND c.id = p.customer_id
      WHERE p.run_id = ${runId} AND c.class_code IS DISTINCT FROM 'special'
        AND c.class_code IS DISTINCT FROM coalesce(p.override_class, p.proposed_class)`);
  const historyOfRun = (runId: number) =>
    count(sql`SELECT count(*)::int AS n FROM ${customerClassHistory} WHERE run_id = ${runId}`);

  // Every store but the special ones unclassified, then a run of the demo's rule set: approving it
  // changes the class of every store it proposes one for.
  async function unclassifiedRun(): Promise<number> {
    await t.database.db.execute(
      sql`UPDATE customers SET class_code = NULL, demo_type = NULL WHERE class_code IS DISTINCT FROM 'special'`,
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classification/runs',
      headers: { cookie: marketing },
      payload: { ruleSetId },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 200 });
    marketing = await t.signIn('marketing');
    const ruleSets = await t.app.inject({ url: '/api/v1/classification/rule-sets', headers: { cookie: marketing } });
    ruleSetId = ruleSets.json().items[0].id;
  }, 300_000);
  afterAll(async () => t?.close());

  it('gives every store of the run its class and records the history, the status and the audit', async () => {
    const runId = await unclassifiedRun();
    expect(await storesNotGivenTheirClass(runId)).toBeGreaterThan(100);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/classification/runs/${runId}/approve`,
      headers: { cookie: marketing },
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    const approved = response.json();
    expect(approved).toMatchObject({ id: runId, status: 'applied', pending: false });
    expect(approved.changed).toBeGreaterThan(100);
    expect(await storesNotGivenTheirClass(runId)).toBe(0);
    expect(await historyOfRun(runId)).toBe(approved.changed);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'classification_run'), eq(auditLog.entityId, String(runId))));
    expect(audited.map((entry) => entry.action)).toContain('approve');
  });

  it('once a run is in effect, its diff shows what it changed: against the classes before it, not its own', async () => {
    type Move = { from: string | null; to: string; count: number };
    type Branch = { branchId: number; changed: number; applied: boolean; moves: Move[] };
    const get = (url: string) => t.app.inject({ url, headers: { cookie: marketing } }).then((r) => r.json());
    const changedOf = (diff: Branch[]) => diff.reduce((sum, branch) => sum + branch.changed, 0);
    const runId = await unclassifiedRun();
    const before = await get(`/api/v1/classification/runs/${runId}`);
    expect(before.diff.every((branch: Branch) => !branch.applied)).toBe(true);
    // One store is given, by hand and before the approval, the very class the run proposes for it:
    // the approval does not change it.
    const proposals = await get(`/api/v1/classification/runs/${runId}/proposals?limit=200`);
    const store = proposals.items.find(
      (item: { currentClass: string | null; proposedClass: string }) =>
        item.currentClass === null && item.proposedClass !== 'demonstration',
    );
    const byHand = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/classification/customers/${store.customerId}/class`,
      headers: { cookie: marketing },
      payload: { class: store.proposedClass, reason: '实地核实' },
    });
    expect(byHand.statusCode).toBe(200);
    const approved = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/classification/runs/${runId}/approve`,
        headers: { cookie: marketing },
        payload: {},
      })
    ).json();
    expect(approved.changed).toBe(changedOf(before.diff) - 1);

    const after = await get(`/api/v1/classification/runs/${runId}`);
    expect(after.diff.every((branch: Branch) => branch.applied)).toBe(true);
    // 变化户数 is what the approval changed, not the stores whose class differs from the run's own
    // (none now), nor the snapshot taken when the run was computed.
    expect(changedOf(after.diff)).toBe(approved.changed);
    expect(await historyOfRun(runId)).toBe(approved.changed);
    const moves = after.diff.flatMap((branch: Branch) => branch.moves);
    expect(moves.some((move: Move) => move.from === null && move.to !== null)).toBe(true);
    // The store set by hand kept its class: it is no move of the run's.
    const changedStores = await get(`/api/v1/classification/runs/${runId}/proposals?changed=true&limit=200`);
    expect(changedStores.total).toBe(approved.changed);
    expect(changedStores.items.map((item: { customerId: number }) => item.customerId)).not.toContain(store.customerId);
    const kept = (
      await get(`/api/v1/classification/runs/${runId}/proposals?from=${store.proposedClass}&limit=200`)
    ).items.find((item: { customerId: number }) => item.customerId === store.customerId);
    expect(kept).toMatchObject({ currentClass: store.proposedClass, proposedClass: store.proposedClass });

    // A later run taking effect leaves this run's account of what it changed as it was.
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classification/runs',
      headers: { cookie: marketing },
      payload: { ruleSetId },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/classification/runs/${next.json().id}/approve`,
      headers: { cookie: marketing },
      payload: {},
    });
    expect((await get(`/api/v1/classification/runs/${runId}`)).diff).toEqual(after.diff);
  });

  it("undoes the approval when customers' step fails: no class, no history, the run still to approve", async () => {
    const runId = await unclassifiedRun();
    const unclassified = await storesNotGivenTheirClass(runId);
    // customers' step is the one that updates customers.class_code: make it fail, and only it.
    await t.database.db.execute(sql`
      CREATE FUNCTION refuse_class_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'class changes refused'; END $$`);
    await t.database.db.execute(sql`
      CREATE TRIGGER refuse_class_change BEFORE UPDATE OF class_code ON customers
      FOR EACH ROW EXECUTE FUNCTION refuse_class_change()`);
    try {
      const failure = await approveClassification(t.context, systemActor(t.city.tenantId), runId, undefined).then(
        () => undefined,
        (error: Error) => error,
      );
      // The database's refusal, to customers' UPDATE (the driver wraps it in the failed query).
      expect(failure?.message).toMatch(/UPDATE customers/);
      expect(String((failure?.cause as Error | undefined)?.message)).toMatch(/class changes refused/);
    } finally {
      await t.database.db.execute(sql`DROP TRIGGER refuse_class_change ON customers`);
      await t.database.db.execute(sql`DROP FUNCTION refuse_class_change()`);
    }
    const [run] = await t.database.db.select().from(classificationRuns).where(eq(classificationRuns.id, runId));
    expect(run).toMatchObject({ status: 'proposed', appliedBranchIds: [], appliedAt: null });
    expect(await historyOfRun(runId)).toBe(0);
    expect(await storesNotGivenTheirClass(runId)).toBe(unclassified);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'classification_run'), eq(auditLog.entityId, String(runId))));
    expect(audited.map((entry) => entry.action)).not.toContain('approve');

    // Nothing else was wrong: without the failure the same approval goes through.
    const approved = await approveClassification(t.context, systemActor(t.city.tenantId), runId, undefined);
    expect(approved).toMatchObject({ status: 'applied', changed: unclassified });
    expect(await storesNotGivenTheirClass(runId)).toBe(0);
  });
});
