import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { switchDueClassesAll } from '../../workflows/approve-classification.workflow.ts';
import { customers } from '../customers/customers.schema.ts';
import { storeWeekPurchaseCycles } from './classification.schema.ts';
import { summariseClosedWeeksAll } from './classification.service.ts';
import { defaultRuleSet } from './default-rule-set.ts';

type Proposal = {
  customerId: number;
  licenceNo: string;
  branchId: number;
  currentClass: string | null;
  proposedClass: string;
  override: { class: string; reason: string } | null;
  why: { score: number; threshold: { class: string; from: number; to: number }; indicators: unknown[] };
};

describe.each(testDatabaseKinds)('customer classification on %s', (kind) => {
  let t: TestApp;
  let marketing: string;
  let manager: string;
  let inspector: string;
  let ruleSetId: number;

  const inject = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });

  const editedRuleSet = (changes: Partial<typeof defaultRuleSet> = {}) => ({
    name: '测试规则',
    ...defaultRuleSet,
    ...changes,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 300 });
    marketing = await t.signIn('marketing');
    manager = await t.signIn('manager01');
    inspector = await t.signIn('inspector');
  });
  afterAll(async () => t?.close());

  describe('weekly summaries', () => {
    it('summarises each closed week of the period once, in the upkeep; runs read the same facts', async () => {
      const preview = () =>
        inject(marketing, 'POST', '/api/v1/classification/rule-sets/preview', editedRuleSet()).then((r) => r.json());
      const summarisedWeeks = async () =>
        (await t.database.db.select({ n: count() }).from(storeWeekPurchaseCycles))[0].n;
      const before = await preview();
      await t.database.db.execute(sql`DELETE FROM store_week_purchases`);
      await t.database.db.execute(sql`DELETE FROM store_week_purchase_cycles`);
      const summarised = await summariseClosedWeeksAll(t.context);
      // The demo city's 13 closed weeks before this one.
      expect(summarised).toBe(13);
      expect(await summarisedWeeks()).toBe(13);
      expect(await summariseClosedWeeksAll(t.context)).toBe(0);
      expect(await preview()).toEqual(before);
    });
  });

  describe('contract other tools rely on', () => {
    it('the demo city is classified: distribution in the caller’s scope', async () => {
      const response = await inject(marketing, 'GET', '/api/v1/classification/distribution');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.total).toBeGreaterThan(250);
      expect(body.classes.map((entry: { class: string }) => entry.class)).toEqual([
        'demonstration',
        'growth',
        'ordinary',
        'special',
      ]);
      expect(body.unclassified).toBe(0);
      const sum = body.classes.reduce((total: number, entry: { count: number }) => total + entry.count, 0);
      expect(sum).toBe(body.total);
      expect(body.demoTypes).toHaveLength(3);
      expect(body.branches.length).toBeGreaterThan(1);
      // A manager sees only their own stores.
      const own = (await inject(manager, 'GET', '/api/v1/classification/distribution')).json();
      expect(own.total).toBeLessThan(body.total);
    });

    it('GET /customers?class= filters by the current class; every item carries class and demoType', async () => {
      const response = await inject(marketing, 'GET', '/api/v1/customers?class=demonstration&limit=200');
      expect(response.statusCode).toBe(200);
      const { items } = response.json();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.class).toBe('demonstration');
      expect(items.some((item: { demoType: string | null }) => item.demoType !== null)).toBe(true);
      const growth = (await inject(marketing, 'GET', '/api/v1/customers?class=growth&limit=5')).json();
      expect(growth.items[0]).toMatchObject({ class: 'growth', demoType: null });
      expect((await inject(marketing, 'GET', '/api/v1/customers?class=vip')).statusCode).toBe(400);
    });
  });

  describe('rule sets', () => {
    it.each([
      [{ weights: [{ indicator: 'volume', weight: 60 }] }, '权重合计为 60，应为 100'],
      [
        {
          weights: [
            { indicator: 'volume', weight: 50 },
            { indicator: 'smiles', weight: 50 },
          ],
        },
        '未知指标“smiles”',
      ],
      [
        {
          thresholds: [
            { class: 'demonstration', from: 70, to: 100 },
            { class: 'growth', from: 40, to: 80 },
            { class: 'ordinary', from: 0, to: 40 },
          ],
        },
        '区间重叠',
      ],
      [
        {
          thresholds: [
            { class: 'demonstration', from: 85, to: 100 },
            { class: 'growth', from: 40, to: 80 },
            { class: 'ordinary', from: 0, to: 40 },
          ],
        },
        '缺口',
      ],
    ])('refuses %o naming the conflict', async (changes, words) => {
      const response = await inject(
        marketing,
        'POST',
        '/api/v1/classification/rule-sets',
        editedRuleSet(changes as never),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('CLASSIFICATION_RULE_SET_INVALID');
      expect(response.json().detail).toContain(words);
    });

    it('only the centre edits rule sets', async () => {
      const response = await inject(manager, 'POST', '/api/v1/classification/rule-sets', editedRuleSet());
      expect(response.statusCode).toBe(403);
    });

    it('previews the distribution of an edited threshold, then saves it as a new version', async () => {
      const stricter = editedRuleSet({
        thresholds: [
          { class: 'demonstration', from: 90, to: 100 },
          { class: 'growth', from: 40, to: 90 },
          { class: 'ordinary', from: 0, to: 40 },
        ],
      });
      const current = (await inject(marketing, 'GET', '/api/v1/classification/distribution')).json();
      const preview = await inject(marketing, 'POST', '/api/v1/classification/rule-sets/preview', stricter);
      expect(preview.statusCode).toBe(200);
      expect(preview.json().classes[0].count).toBeLessThan(current.classes[0].count);
      expect(preview.json().changed).toBeGreaterThan(0);
      const saved = await inject(marketing, 'POST', '/api/v1/classification/rule-sets', stricter);
      expect(saved.statusCode).toBe(201);
      expect(saved.json().version).toBe(2);
      ruleSetId = saved.json().id;
      const list = (await inject(manager, 'GET', '/api/v1/classification/rule-sets')).json();
      expect(list.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    });
  });

  describe('a run: propose, review, override, approve', () => {
    let runId: number;
    let ownStore: Proposal;
    let specialStore: number;

    it('sets a special class by hand only with a reason', async () => {
      const [store] = await t.database.db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.classCode, 'growth')))
        .limit(1);
      specialStore = store.id;
      const url = `/api/v1/classification/customers/${specialStore}/class`;
      const noReason = await inject(marketing, 'PUT', url, { class: 'special', reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().code).toBe('CLASSIFICATION_REASON_REQUIRED');
      expect((await inject(manager, 'PUT', url, { class: 'special', reason: '违规' })).statusCode).toBe(403);
      const set = await inject(marketing, 'PUT', url, { class: 'special', reason: '涉嫌违规经营' });
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ class: 'special', demoType: null });
    });

    it('proposes a class for every store with its explanation; special stays special', async () => {
      const response = await inject(marketing, 'POST', '/api/v1/classification/runs', { ruleSetId });
      expect(response.statusCode).toBe(201);
      runId = response.json().id;
      expect(response.json().status).toBe('proposed');
      const detail = (await inject(marketing, 'GET', `/api/v1/classification/runs/${runId}`)).json();
      expect(detail.isLatest).toBe(true);
      expect(detail.diff.length).toBeGreaterThan(1);
      const moved = detail.diff.flatMap((branch: { moves: { from: string; to: string; count: number }[] }) =>
        branch.moves.filter((move) => move.from === 'demonstration' && move.to === 'growth'),
      );
      expect(moved.length).toBeGreaterThan(0);
      const special = (
        await inject(marketing, 'GET', `/api/v1/classification/runs/${runId}/proposals?from=special`)
      ).json();
      expect(special.items.map((item: Proposal) => item.customerId)).toContain(specialStore);
      for (const item of special.items) expect(item.proposedClass).toBe('special');
    });

    it('a manager reviews and overrides their own stores with a reason, not others’', async () => {
      const own = (await inject(manager, 'GET', `/api/v1/classification/runs/${runId}/proposals?limit=200`)).json();
      const all = (await inject(marketing, 'GET', `/api/v1/classification/runs/${runId}/proposals?limit=200`)).json();
      expect(own.total).toBeLessThan(all.total);
      ownStore = own.items.find(
        (item: Proposal) => item.proposedClass !== 'demonstration' && item.currentClass !== 'special',
      );
      expect(ownStore.why.indicators).toHaveLength(8);
      expect(ownStore.why.threshold.class).toBe(ownStore.proposedClass);
      const ownIds = new Set(
        (await inject(manager, 'GET', `/api/v1/classification/runs/${runId}/proposals?limit=200`))
          .json()
          .items.map((item: Proposal) => item.customerId),
      );
      const other = all.items.find((item: Proposal) => !ownIds.has(item.customerId) && item.currentClass !== 'special');
      const url = (customerId: number) => `/api/v1/classification/runs/${runId}/proposals/${customerId}/override`;
      expect(
        (await inject(manager, 'PUT', url(other.customerId), { class: 'ordinary', reason: '经营下滑' })).statusCode,
      ).toBe(404);
      const noReason = await inject(manager, 'PUT', url(ownStore.customerId), { class: 'demonstration' });
      expect(noReason.json().code).toBe('CLASSIFICATION_REASON_REQUIRED');
      const toSpecial = await inject(manager, 'PUT', url(ownStore.customerId), { class: 'special', reason: '违规' });
      expect(toSpecial.json().code).toBe('CLASSIFICATION_SPECIAL_BY_HAND');
      const done = await inject(manager, 'PUT', url(ownStore.customerId), {
        class: 'demonstration',
        demoType: 'terminal',
        reason: '门头与陈列已按标准改造',
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().override).toEqual({
        class: 'demonstration',
        demoType: 'terminal',
        reason: '门头与陈列已按标准改造',
      });
    });

    it('approves per branch, then the rest; never twice; never an older run', async () => {
      const detail = (await inject(marketing, 'GET', `/api/v1/classification/runs/${runId}`)).json();
      const firstBranch = detail.diff[0].branchId;
      expect((await inject(manager, 'POST', `/api/v1/classification/runs/${runId}/approve`, {})).statusCode).toBe(403);
      const partly = await inject(marketing, 'POST', `/api/v1/classification/runs/${runId}/approve`, {
        branchIds: [firstBranch],
      });
      expect(partly.statusCode).toBe(200);
      expect(partly.json().status).toBe('partly_applied');
      const again = await inject(marketing, 'POST', `/api/v1/classification/runs/${runId}/approve`, {
        branchIds: [firstBranch],
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('CLASSIFICATION_RUN_APPLIED');
      const rest = await inject(marketing, 'POST', `/api/v1/classification/runs/${runId}/approve`, {});
      expect(rest.json().status).toBe('applied');
      const twice = await inject(marketing, 'POST', `/api/v1/classification/runs/${runId}/approve`, {});
      expect(twice.statusCode).toBe(409);
      expect(twice.json().detail).toContain('已审批生效');
      // An older run cannot be approved.
      const older = (await inject(marketing, 'GET', '/api/v1/classification/runs')).json().items[1].id;
      const newer = await inject(marketing, 'POST', '/api/v1/classification/runs', { ruleSetId });
      expect(newer.statusCode).toBe(201);
      const stale = await inject(marketing, 'POST', `/api/v1/classification/runs/${older}/approve`, {});
      expect(stale.statusCode).toBe(409);
      expect(['CLASSIFICATION_RUN_NOT_LATEST', 'CLASSIFICATION_RUN_APPLIED']).toContain(stale.json().code);
      const staleProposed = await inject(marketing, 'POST', `/api/v1/classification/runs/${runId}/approve`, {});
      expect(staleProposed.statusCode).toBe(409);
    });

    it('the store’s 360° view shows the new class, why and history; special untouched', async () => {
      const view = await inject(manager, 'GET', `/api/v1/customers/${ownStore.customerId}/classification`);
      expect(view.statusCode).toBe(200);
      const body = view.json();
      expect(body).toMatchObject({ class: 'demonstration', demoType: 'terminal' });
      expect(body.why.runId).toBe(runId);
      expect(body.why.override.reason).toBe('门头与陈列已按标准改造');
      expect(body.why.indicators.map((entry: { indicator: string }) => entry.indicator)).toContain('structure');
      expect(body.history[0]).toMatchObject({ toClass: 'demonstration', runId, reason: '门头与陈列已按标准改造' });
      const customer = (await inject(manager, 'GET', `/api/v1/customers/${ownStore.customerId}`)).json();
      expect(customer).toMatchObject({ class: 'demonstration', demoType: 'terminal' });
      const special = (await inject(marketing, 'GET', `/api/v1/customers/${specialStore}/classification`)).json();
      expect(special.class).toBe('special');
      expect(special.history[0]).toMatchObject({ toClass: 'special', reason: '涉嫌违规经营', runId: null });
      // Another tenant cannot see the run or the store.
      const other = await t.signIn(t.otherTenant.adminUsername);
      expect((await inject(other, 'GET', `/api/v1/classification/runs/${runId}`)).statusCode).toBe(404);
      expect((await inject(other, 'GET', `/api/v1/customers/${ownStore.customerId}/classification`)).statusCode).toBe(
        404,
      );
    });
  });

  describe('spot-check', () => {
    let checkId: number;
    let seed: number;
    it('draws a stratified sample; the same seed draws it again', async () => {
      expect((await inject(manager, 'POST', '/api/v1/classification/spot-checks', { size: 20 })).statusCode).toBe(403);
      const first = await inject(inspector, 'POST', '/api/v1/classification/spot-checks', { size: 20 });
      expect(first.statusCode).toBe(201);
      checkId = first.json().id;
      seed = first.json().seed;
      const again = await inject(inspector, 'POST', '/api/v1/classification/spot-checks', { size: 20, seed });
      const a = (await inject(inspector, 'GET', `/api/v1/classification/spot-checks/${checkId}`)).json();
      const b = (await inject(inspector, 'GET', `/api/v1/classification/spot-checks/${again.json().id}`)).json();
      expect(a.items).toHaveLength(20);
      expect(b.items.map((item: { customerId: number }) => item.customerId)).toEqual(
        a.items.map((item: { customerId: number }) => item.customerId),
      );
      expect(a.stats.consistency).toBeGreaterThan(50);
      expect(a.stats.accuracy).toBeNull();
    });

    it('inspectors re-assess; the report gives accuracy and exports as xlsx', async () => {
      const report = (await inject(inspector, 'GET', `/api/v1/classification/spot-checks/${checkId}`)).json();
      const [first, second] = report.items;
      const url = (customerId: number) => `/api/v1/classification/spot-checks/${checkId}/items/${customerId}`;
      expect(
        (await inject(inspector, 'PUT', url(first.customerId), { inspectorClass: first.sampledClass })).json().agrees,
      ).toBe(true);
      const disagree = first.sampledClass === 'ordinary' ? 'growth' : 'ordinary';
      await inject(inspector, 'PUT', url(second.customerId), {
        inspectorClass: disagree,
        note: '实地查看经营规模偏小',
      });
      const after = (await inject(inspector, 'GET', `/api/v1/classification/spot-checks/${checkId}`)).json();
      expect(after.stats).toMatchObject({ sampled: 20, assessed: 2, accuracy: 50 });
      const file = await inject(inspector, 'GET', `/api/v1/classification/spot-checks/${checkId}/export`);
      expect(file.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as never);
      expect(workbook.worksheets[0].getCell('A2').value).toBe('准确性');
      expect(workbook.worksheets[0].rowCount).toBe(25);
    });
  });

  describe('classes that take effect on a date', () => {
    it('a future date keeps the current class until then; the switch applies it; history shows both', async () => {
      const start = t.clock.now;
      // A rule set that moves stores: everything scoring under 60 is ordinary.
      const saved = await inject(
        marketing,
        'POST',
        '/api/v1/classification/rule-sets',
        editedRuleSet({
          thresholds: [
            { class: 'demonstration', from: 80, to: 100 },
            { class: 'growth', from: 60, to: 80 },
            { class: 'ordinary', from: 0, to: 60 },
          ],
        }),
      );
      expect(saved.statusCode).toBe(201);
      const computed = await inject(marketing, 'POST', '/api/v1/classification/runs', {
        ruleSetId: saved.json().id,
        effectiveOn: '2026-11-26',
      });
      expect(computed.statusCode).toBe(201);
      const futureRun = computed.json().id;
      const moved = (
        await inject(marketing, 'GET', `/api/v1/classification/runs/${futureRun}/proposals?changed=true&limit=1`)
      ).json().items[0] as Proposal;
      expect(moved).toBeDefined();
      const approved = await inject(marketing, 'POST', `/api/v1/classification/runs/${futureRun}/approve`, {});
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'applied', pending: true });
      expect(approved.json().changed).toBeGreaterThan(0);
      const classOf = async () => {
        const [row] = await t.database.db
          .select({ class: customers.classCode })
          .from(customers)
          .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.id, moved.customerId)));
        return row.class;
      };
      // Until the 26th (Beijing) the store keeps its class; the 360° view shows the change ahead.
      expect(await classOf()).toBe(moved.currentClass);
      const before = (await inject(marketing, 'GET', `/api/v1/customers/${moved.customerId}/classification`)).json();
      expect(before.class).toBe(moved.currentClass);
      expect(before.history[0]).toMatchObject({
        toClass: moved.proposedClass,
        effectiveOn: '2026-11-26',
        pending: true,
        runId: futureRun,
      });
      expect(before.why?.runId).not.toBe(futureRun);
      // 2026-11-25 23:59 Beijing: not yet.
      t.clock.now = new Date('2026-11-25T15:59:00Z');
      expect(await switchDueClassesAll(t.context)).toBe(0);
      expect(await classOf()).toBe(moved.currentClass);
      // 2026-11-26 00:00 Beijing: the new classes apply, once.
      t.clock.now = new Date('2026-11-25T16:00:00Z');
      const switched = await switchDueClassesAll(t.context);
      expect(switched).toBe(approved.json().changed);
      expect(await switchDueClassesAll(t.context)).toBe(0);
      expect(await classOf()).toBe(moved.proposedClass);
      t.clock.now = start;
      const after = (await inject(marketing, 'GET', `/api/v1/customers/${moved.customerId}/classification`)).json();
      expect(after.class).toBe(moved.proposedClass);
      expect(after.why.runId).toBe(futureRun);
      expect(after.history[0]).toMatchObject({
        toClass: moved.proposedClass,
        pending: false,
        fromClass: moved.currentClass,
      });
      expect(after.history[1].toClass).toBe(moved.currentClass);
      // The customer list filters by the class in effect.
      const listed = (
        await inject(marketing, 'GET', `/api/v1/customers?class=${moved.proposedClass}&limit=200&q=${moved.licenceNo}`)
      ).json();
      expect(listed.items.map((item: { id: number }) => item.id)).toContain(moved.customerId);
    });
  });
});
