import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';

// 需求调研、满意度 through the HTTP API on a small test city: need items, templates, questionnaires
// (bad JSON, locking, copies), a stratified sample's preview and wave, the portal's answers and their
// bad inputs (nothing written), drafts, the visit channel and its scope, the 360° view, closing and
// reminding.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe.each(testDatabaseKinds)('surveys on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let admin: string;
  let marketing: string;
  let service: string;
  let managerCookie: string;
  let managerId: number;
  let otherManagerCookie: string;
  let needsId: string;
  let satisfactionId: string;
  let sampleWaveId: string;
  let allWaveId: string;
  let sampled: number[];
  let notSampled: number;
  const today = '2026-11-23';

  const inject = (cookie: string, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as never });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const count = async (table: string) =>
    Number((await read<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n);
  const retailerOf = async (customerId: number) => {
    const [{ licence_no: licenceNo }] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE id = ${customerId}`,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    return sessionCookieOf(login);
  };
  const satisfactionAnswers = (perception = 4) => {
    const data: Record<string, unknown> = { overall: 4, nps: 9 };
    for (const dimension of ['T1', 'T2', 'T3', 'T4', 'R1', 'R2', 'R3', 'R4', 'R5', 'P1', 'P2', 'P3', 'P4']) {
      data[`${dimension}_e`] = 5;
      data[`${dimension}_p`] = perception;
    }
    for (const dimension of ['A1', 'A2', 'A3', 'A4', 'E1', 'E2', 'E3', 'E4', 'E5']) {
      data[`${dimension}_e`] = 4;
      data[`${dimension}_p`] = perception;
    }
    return data;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 60 });
    tenantId = t.city.tenantId;
    admin = await t.signIn('admin');
    marketing = await t.signIn('marketing');
    service = await t.signIn('service');
    managerId = t.city.managers[0].id;
    managerCookie = await t.signIn(t.city.managers[0].username);
    otherManagerCookie = await t.signIn(t.city.managers[1].username);
  }, 240_000);
  afterAll(async () => t?.close());

  describe('need items and templates', () => {
    it('seeds the need items with departments and service items the first time', async () => {
      const response = await inject(service, 'GET', '/api/v1/surveys/need-items');
      expect(response.statusCode, response.body).toBe(200);
      const { items } = response.json();
      expect(items.length).toBeGreaterThanOrEqual(12);
      expect(items).toContainEqual(
        expect.objectContaining({
          code: 'settlement',
          area: 'convenience',
          department: '客户服务部',
          serviceItemName: expect.any(String),
        }),
      );
      const again = await inject(marketing, 'GET', '/api/v1/surveys/need-items');
      expect(again.json().items).toHaveLength(items.length);
    });

    it('lets marketing edit one; refuses a manager, an unknown code and an unknown service item', async () => {
      const edited = await inject(marketing, 'PUT', '/api/v1/surveys/need-items/delivery', {
        department: '物流配送中心',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ code: 'delivery', department: '物流配送中心' });
      expect(
        (await inject(managerCookie, 'PUT', '/api/v1/surveys/need-items/delivery', { active: false })).statusCode,
      ).toBe(403);
      expect((await inject(marketing, 'PUT', '/api/v1/surveys/need-items/nope', { active: false })).statusCode).toBe(
        404,
      );
      const badService = await inject(marketing, 'PUT', '/api/v1/surveys/need-items/delivery', {
        serviceItemId: 999_999,
      });
      expect(badService.statusCode).toBe(400);
      expect(badService.json().code).toBe('SURVEY_SERVICE_ITEM_UNKNOWN');
      const audit = await read<{ action: string }>(
        sql`SELECT action FROM audit_log WHERE entity = 'survey_need_item' AND entity_id = 'delivery'`,
      );
      expect(audit).toHaveLength(1);
    });

    it('offers the needs and SERVQUAL templates (22 items as pairs, overall, NPS)', async () => {
      const response = await inject(marketing, 'GET', '/api/v1/surveys/templates');
      expect(response.statusCode, response.body).toBe(200);
      const templates = response.json() as Array<{
        templateKind: string;
        definition: { pages: Array<{ elements: Array<{ kewoRole?: string }> }> };
      }>;
      expect(templates.map((template) => template.templateKind)).toEqual(['needs', 'satisfaction', 'satisfaction7']);
      const questions = templates[1].definition.pages.flatMap((page) => page.elements);
      expect(questions.filter((question) => question.kewoRole === 'expectation')).toHaveLength(22);
      expect(questions.filter((question) => question.kewoRole === 'perception')).toHaveLength(22);
      expect(questions.filter((question) => question.kewoRole === 'nps')).toHaveLength(1);
    });
  });

  describe('questionnaires', () => {
    it('creates from templates', async () => {
      const before = (await inject(managerCookie, 'GET', '/api/v1/surveys/questionnaires')).json().items.length;
      const needs = await inject(marketing, 'POST', '/api/v1/surveys/questionnaires', { templateKind: 'needs' });
      expect(needs.statusCode, needs.body).toBe(201);
      expect(needs.json()).toMatchObject({ kind: 'needs', version: 1, locked: false });
      needsId = needs.json().id;
      const satisfaction = await inject(marketing, 'POST', '/api/v1/surveys/questionnaires', {
        templateKind: 'satisfaction',
        title: '2026 年满意度调查',
      });
      expect(satisfaction.statusCode, satisfaction.body).toBe(201);
      satisfactionId = satisfaction.json().id;
      const list = await inject(managerCookie, 'GET', '/api/v1/surveys/questionnaires');
      expect(list.json().items).toHaveLength(before + 2);
    });

    it('refuses JSON the form library cannot load, broken tags and unknown need codes; nothing written', async () => {
      const before = await count('survey_questionnaires');
      for (const definition of [
        { pages: [{ elements: [{ type: 'no-such-type', name: 'x' }] }] },
        { pages: [] },
        {
          elements: [
            { type: 'text', name: 'a' },
            { type: 'text', name: 'a' },
          ],
        },
        { elements: [{ type: 'rating', name: 'n', kewoRole: 'nps', rateMin: 1, rateMax: 5 }] },
        { elements: [{ type: 'rating', name: 'e', kewoRole: 'expectation', rateMin: 1, rateMax: 5 }] },
        { elements: [{ type: 'checkbox', name: 'needs', kewoRole: 'needs', choices: ['settlement', 'made_up'] }] },
      ]) {
        const response = await inject(marketing, 'POST', '/api/v1/surveys/questionnaires', {
          title: '坏问卷',
          kind: 'other',
          definition,
        });
        expect(response.statusCode, JSON.stringify(definition)).toBe(400);
        expect(response.json().code).toBe('SURVEY_JSON_INVALID');
      }
      expect(
        (await inject(managerCookie, 'POST', '/api/v1/surveys/questionnaires', { templateKind: 'needs' })).statusCode,
      ).toBe(403);
      expect(await count('survey_questionnaires')).toBe(before);
    });

    it('edits one without answers', async () => {
      const got = await inject(marketing, 'GET', `/api/v1/surveys/questionnaires/${needsId}`);
      const definition = got.json().definition;
      definition.title = { default: '2026 年度需求调查', en: '2026 needs survey' };
      const patched = await inject(marketing, 'PATCH', `/api/v1/surveys/questionnaires/${needsId}`, { definition });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().definition.title.default).toBe('2026 年度需求调查');
      expect(
        (await inject(marketing, 'GET', '/api/v1/surveys/questionnaires/00000000-0000-4000-8000-000000000000'))
          .statusCode,
      ).toBe(404);
    });
  });

  describe('waves', () => {
    it('previews a stratified sample: n with the finite-population correction, strata within ±1', async () => {
      const response = await inject(marketing, 'POST', '/api/v1/surveys/waves/sample-preview', {
        segment: {},
        marginOfError: 0.1,
        confidence: 0.95,
      });
      expect(response.statusCode, response.body).toBe(200);
      const preview = response.json() as {
        population: number;
        sampleSize: number;
        strata: Array<{ key: string; label: string; population: number; sample: number }>;
      };
      const [{ n }] = await read<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'`,
      );
      expect(preview.population).toBe(Number(n));
      const n0 = (1.96 * 1.96 * 0.25) / 0.01;
      expect(preview.sampleSize).toBe(Math.ceil(n0 / (1 + (n0 - 1) / preview.population)));
      expect(preview.strata.reduce((sum, stratum) => sum + stratum.sample, 0)).toBe(preview.sampleSize);
      for (const stratum of preview.strata) {
        expect(Math.abs(stratum.sample - (preview.sampleSize * stratum.population) / preview.population)).toBeLessThan(
          1,
        );
        expect(stratum.label).toContain(' · ');
      }
      const tooLarge = await inject(marketing, 'POST', '/api/v1/surveys/waves/sample-preview', {
        segment: {},
        marginOfError: 0.05,
        confidence: 0.95,
        sampleSize: preview.population + 1,
      });
      expect(tooLarge.statusCode).toBe(400);
      expect(tooLarge.json().code).toBe('SURVEY_SAMPLE_TOO_LARGE');
      const badConfidence = await inject(marketing, 'POST', '/api/v1/surveys/waves/sample-preview', {
        segment: {},
        marginOfError: 0.05,
        confidence: 0.8,
      });
      expect(badConfidence.statusCode).toBe(400);
    });

    it('creates drafts, refuses a bad window or segment, opens them (stores, strata, notifications)', async () => {
      const before = await count('survey_waves');
      const badWindow = await inject(marketing, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: needsId,
        title: 'x',
        opensOn: '2026-11-30',
        closesOn: '2026-11-20',
        target: { kind: 'segment', segment: {} },
      });
      expect(badWindow.statusCode).toBe(400);
      const badSegment = await inject(marketing, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: needsId,
        title: 'x',
        opensOn: today,
        closesOn: '2026-12-20',
        target: { kind: 'segment', segment: { formats: [] } },
      });
      expect(badSegment.statusCode).toBe(400);
      expect(await count('survey_waves')).toBe(before);

      const sample = await inject(marketing, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: needsId,
        title: '2026 年度需求调查',
        opensOn: today,
        closesOn: '2026-12-20',
        target: { kind: 'sample', segment: {}, marginOfError: 0.1, confidence: 0.95, seed: 'test-seed' },
      });
      expect(sample.statusCode, sample.body).toBe(201);
      expect(sample.json()).toMatchObject({ status: 'draft', sent: 0 });
      sampleWaveId = sample.json().id;
      const notificationsBefore = await count('notifications');
      const opened = await inject(marketing, 'POST', `/api/v1/surveys/waves/${sampleWaveId}/open`);
      expect(opened.statusCode, opened.body).toBe(200);
      const wave = opened.json();
      expect(wave.status).toBe('open');
      expect(wave.sent).toBeGreaterThan(0);
      expect(wave.sent).toBeLessThan(wave.population);
      expect(wave.strata.reduce((sum: number, stratum: { sent: number }) => sum + stratum.sent, 0)).toBe(wave.sent);
      expect(await count('notifications')).toBe(notificationsBefore + wave.sent);
      expect((await inject(marketing, 'POST', `/api/v1/surveys/waves/${sampleWaveId}/open`)).statusCode).toBe(409);
      const stores = await read<{ customer_id: number; stratum: string }>(
        sql`SELECT customer_id, stratum FROM survey_wave_stores WHERE wave_id = ${sampleWaveId} ORDER BY customer_id`,
      );
      sampled = stores.map((row) => Number(row.customer_id));
      expect(stores[0].stratum).toMatch(/^\d+\|[^|]+\|(urban|rural)$/);
      const [other] = await read<{ id: number }>(sql`
        SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active'
          AND id NOT IN (SELECT customer_id FROM survey_wave_stores WHERE wave_id = ${sampleWaveId}) ORDER BY id LIMIT 1`);
      notSampled = Number(other.id);

      const all = await inject(marketing, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: satisfactionId,
        title: '2026 年满意度调查',
        opensOn: today,
        closesOn: '2026-12-20',
        target: { kind: 'segment', segment: {} },
      });
      allWaveId = all.json().id;
      const openedAll = await inject(marketing, 'POST', `/api/v1/surveys/waves/${allWaveId}/open`);
      expect(openedAll.json().sent).toBe(wave.population);
      expect((await inject(managerCookie, 'POST', `/api/v1/surveys/waves/${allWaveId}/close`)).statusCode).toBe(403);
    });
  });

  describe('the portal', () => {
    it('lists only the waves sent to the store, and serves the survey', async () => {
      const cookie = await retailerOf(notSampled);
      const list = await inject(cookie, 'GET', '/api/v1/portal/surveys');
      expect(list.statusCode, list.body).toBe(200);
      const waveIds = list.json().items.map((item: { waveId: string }) => item.waveId);
      expect(waveIds).toContain(allWaveId);
      expect(waveIds).not.toContain(sampleWaveId);
      expect((await inject(cookie, 'GET', `/api/v1/portal/surveys/${sampleWaveId}`)).statusCode).toBe(404);
      const refused = await inject(cookie, 'POST', `/api/v1/portal/surveys/${sampleWaveId}/responses`, {
        data: { needs: ['settlement'] },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('SURVEY_NOT_SENT');
      const got = await inject(cookie, 'GET', `/api/v1/portal/surveys/${allWaveId}`);
      expect(got.json()).toMatchObject({ waveId: allWaveId, status: 'open', answered: false, draft: null });
      expect(got.json().survey.pages).toHaveLength(6);
    });

    it('keeps a draft, refuses invalid answers without writing, takes one answer and refuses a second', async () => {
      const customerId = sampled[0];
      const cookie = await retailerOf(customerId);
      const draft = await inject(cookie, 'PUT', `/api/v1/portal/surveys/${sampleWaveId}/draft`, {
        data: { needs: ['settlement'] },
        page: 1,
      });
      expect(draft.statusCode, draft.body).toBe(204);
      const resumed = await inject(cookie, 'GET', `/api/v1/portal/surveys/${sampleWaveId}`);
      expect(resumed.json().draft).toEqual({ data: { needs: ['settlement'] }, page: 1 });

      const responses = await count('survey_responses');
      const facts = await count('survey_answer_facts');
      const audit = await count('audit_log');
      for (const [data, reason] of [
        [{}, 'required'],
        [{ needs: ['settlement', 'made_up'] }, 'unknown choice'],
        [{ needs: 'settlement' }, 'not an array'],
        [{ needs: ['settlement'], nope: 1 }, 'unknown question'],
        [{ needs: ['settlement', 'display'], urgency: ['settlement', 'delivery'] }, 'ranking of an unchosen item'],
      ] as const) {
        const response = await inject(cookie, 'POST', `/api/v1/portal/surveys/${sampleWaveId}/responses`, { data });
        expect(response.statusCode, reason).toBe(400);
        expect(response.json().code).toBe('SURVEY_RESPONSE_INVALID');
      }
      expect(await count('survey_responses')).toBe(responses);
      expect(await count('survey_answer_facts')).toBe(facts);
      expect(await count('audit_log')).toBe(audit);

      const answered = await inject(cookie, 'POST', `/api/v1/portal/surveys/${sampleWaveId}/responses`, {
        data: { needs: ['settlement', 'display', 'delivery'], urgency: ['delivery', 'settlement', 'display'] },
      });
      expect(answered.statusCode, answered.body).toBe(201);
      expect(answered.json()).toEqual({ id: expect.any(String), submittedAt: t.clock.now.toISOString() });
      const written = await read<{ kind: string; item: string; value: number }>(sql`
        SELECT kind, item, value FROM survey_answer_facts WHERE response_id = ${answered.json().id} ORDER BY kind, item`);
      expect(written.map((row) => [row.kind, row.item, Number(row.value)])).toEqual([
        ['need', 'delivery', 1],
        ['need', 'display', 1],
        ['need', 'settlement', 1],
        ['urgency', 'delivery', 1],
        ['urgency', 'display', 3],
        ['urgency', 'settlement', 2],
      ]);
      const [{ n: drafts }] = await read<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM survey_drafts WHERE wave_id = ${sampleWaveId} AND customer_id = ${customerId}`,
      );
      expect(Number(drafts)).toBe(0);
      const again = await inject(cookie, 'POST', `/api/v1/portal/surveys/${sampleWaveId}/responses`, {
        data: { needs: ['display'] },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_ANSWERED');
      const list = await inject(cookie, 'GET', '/api/v1/portal/surveys');
      expect(list.json().items).toContainEqual(expect.objectContaining({ waveId: sampleWaveId, answered: true }));
      expect(
        (await inject(cookie, 'PUT', `/api/v1/portal/surveys/${sampleWaveId}/draft`, { data: {}, page: 0 })).statusCode,
      ).toBe(409);
    });

    it('refuses a rating out of range and a staff caller', async () => {
      const cookie = await retailerOf(sampled[1]);
      const data = satisfactionAnswers();
      data.R1_p = 6;
      const response = await inject(cookie, 'POST', `/api/v1/portal/surveys/${allWaveId}/responses`, { data });
      expect(response.statusCode).toBe(400);
      expect((await inject(marketing, 'GET', '/api/v1/portal/surveys')).statusCode).toBe(403);
      const ok = await inject(cookie, 'POST', `/api/v1/portal/surveys/${allWaveId}/responses`, {
        data: satisfactionAnswers(3),
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const [{ n }] = await read<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM survey_answer_facts WHERE response_id = ${ok.json().id}`,
      );
      expect(Number(n)).toBe(46);
    });

    it('locks the questionnaire once answered; a copy is version 2 and editable', async () => {
      const got = await inject(marketing, 'GET', `/api/v1/surveys/questionnaires/${satisfactionId}`);
      expect(got.json().locked).toBe(true);
      const locked = await inject(marketing, 'PATCH', `/api/v1/surveys/questionnaires/${satisfactionId}`, {
        definition: got.json().definition,
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().code).toBe('QUESTIONNAIRE_LOCKED');
      const copy = await inject(marketing, 'POST', `/api/v1/surveys/questionnaires/${satisfactionId}/copy`);
      expect(copy.statusCode, copy.body).toBe(201);
      expect(copy.json()).toMatchObject({ version: 2, copiedFrom: satisfactionId, locked: false });
    });
  });

  describe('the visit channel, the 360° view and the wave’s figures', () => {
    it('lets a manager answer for an own store only', async () => {
      const [own] = await read<{ id: number }>(sql`
        SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id = ${managerId} AND status = 'active'
          AND id NOT IN (SELECT customer_id FROM survey_responses WHERE wave_id = ${allWaveId}) ORDER BY id LIMIT 1`);
      const [foreign] = await read<{ id: number }>(sql`
        SELECT id FROM customers WHERE tenant_id = ${tenantId} AND manager_id <> ${managerId} AND status = 'active'
        ORDER BY id LIMIT 1`);
      const before = await count('survey_responses');
      const refused = await inject(managerCookie, 'POST', `/api/v1/surveys/waves/${allWaveId}/responses`, {
        customerId: Number(foreign.id),
        data: satisfactionAnswers(),
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('SURVEY_STORE_OUT_OF_SCOPE');
      // Before it answers, the store's open wave is offered to its manager with the questionnaire.
      const before360 = (await inject(managerCookie, 'GET', `/api/v1/customers/${own.id}/survey-responses`)).json();
      const offered = before360.open.find((wave: { waveId: string }) => wave.waveId === allWaveId);
      expect(offered).toMatchObject({ waveId: allWaveId, kind: 'satisfaction' });
      expect(offered.survey).toEqual(expect.objectContaining({ pages: expect.any(Array) }));
      expect(
        (
          await inject(service, 'POST', `/api/v1/surveys/waves/${allWaveId}/responses`, {
            customerId: Number(own.id),
            data: satisfactionAnswers(),
          })
        ).statusCode,
      ).toBe(403);
      expect(await count('survey_responses')).toBe(before);
      const answered = await inject(managerCookie, 'POST', `/api/v1/surveys/waves/${allWaveId}/responses`, {
        customerId: Number(own.id),
        data: satisfactionAnswers(5),
      });
      expect(answered.statusCode, answered.body).toBe(201);
      const [row] = await read<{ channel: string; answered_by: number }>(
        sql`SELECT channel, answered_by FROM survey_responses WHERE id = ${answered.json().id}`,
      );
      expect(row).toEqual({ channel: 'visit', answered_by: managerId });

      const view = await inject(managerCookie, 'GET', `/api/v1/customers/${own.id}/survey-responses`);
      expect(view.statusCode, view.body).toBe(200);
      const item = view.json().items.find((candidate: { waveId: string }) => candidate.waveId === allWaveId);
      expect(item).toMatchObject({ waveId: allWaveId, channel: 'visit', kind: 'satisfaction' });
      expect(item.answers.length).toBeGreaterThan(40);
      expect(view.json().open.some((wave: { waveId: string }) => wave.waveId === allWaveId)).toBe(false);
      expect((await inject(otherManagerCookie, 'GET', `/api/v1/customers/${own.id}/survey-responses`)).statusCode).toBe(
        404,
      );
    });

    it('shows live response rates per stratum, within the caller’s scope', async () => {
      const wave = (await inject(marketing, 'GET', `/api/v1/surveys/waves/${allWaveId}`)).json();
      expect(wave.responses).toBe(2);
      expect(wave.strata.reduce((sum: number, stratum: { responses: number }) => sum + stratum.responses, 0)).toBe(2);
      const mine = (await inject(managerCookie, 'GET', `/api/v1/surveys/waves/${allWaveId}`)).json();
      expect(mine.sent).toBeLessThan(wave.sent);
      expect(mine.responses).toBeGreaterThanOrEqual(1);
      const list = (await inject(marketing, 'GET', '/api/v1/surveys/waves')).json();
      expect(list.items).toContainEqual(expect.objectContaining({ id: allWaveId, responses: 2, kind: 'satisfaction' }));
    });

    it('reminds the non-responders, closes, and then refuses answers', async () => {
      const reminded = await inject(marketing, 'POST', `/api/v1/surveys/waves/${allWaveId}/remind`);
      expect(reminded.statusCode, reminded.body).toBe(200);
      const wave = (await inject(marketing, 'GET', `/api/v1/surveys/waves/${allWaveId}`)).json();
      expect(reminded.json().reminded).toBe(wave.sent - 2);
      const closed = await inject(marketing, 'POST', `/api/v1/surveys/waves/${allWaveId}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json().status).toBe('closed');
      const cookie = await retailerOf(notSampled);
      const late = await inject(cookie, 'POST', `/api/v1/portal/surveys/${allWaveId}/responses`, {
        data: satisfactionAnswers(),
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('SURVEY_WAVE_CLOSED');
      expect((await inject(admin, 'POST', `/api/v1/surveys/waves/${allWaveId}/close`)).statusCode).toBe(409);
      expect((await inject(admin, 'POST', `/api/v1/surveys/waves/${allWaveId}/remind`)).statusCode).toBe(409);
    });
  });
});
