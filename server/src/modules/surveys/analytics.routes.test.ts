import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';

// The surveys' analytics through the HTTP API on the demo city: a satisfaction wave of 4 responses
// and a needs wave of 100, written here as the surveys module writes them (a response and its
// answer facts), against figures computed by hand and by plain SQL over the same rows; a manager's
// scope; a response of a moment ago; the workbook; bad input.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

type Fact = { kind: string; item?: string; dimension?: string | null; value: number; scaleMax?: number | null };

describe.each(testDatabaseKinds)('surveys analytics on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let managerCookie: string;
  let managerId: number;
  let otherManagerId: number;
  let stores: number[];
  let satisfactionWave: string;
  let secondSatisfactionWave: string;
  let needsWave: string;

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));

  async function questionnaire(kindOf: string, definition: unknown): Promise<string> {
    const [row] = await read<{ id: string }>(sql`
      INSERT INTO survey_questionnaires (tenant_id, kind, title, version, definition, created_at, updated_at)
      VALUES (${tenantId}, ${kindOf}, ${`test ${kindOf}`}, 1, ${JSON.stringify(definition)}::jsonb, now(), now())
      RETURNING id::text`);
    return row.id;
  }

  async function wave(questionnaireId: string, title: string, sentTo: number[], weights = {}): Promise<string> {
    const [row] = await read<{ id: string }>(sql`
      INSERT INTO survey_waves (tenant_id, questionnaire_id, title, status, opens_on, closes_on, target, population,
        sent, weights, created_at, opened_at)
      VALUES (${tenantId}, ${questionnaireId}::uuid, ${title}, 'open', '2026-11-01', ${title.endsWith('2') ? '2026-12-20' : '2026-12-10'},
        '{"kind":"segment","segment":{}}'::jsonb, ${sentTo.length}, ${sentTo.length}, ${JSON.stringify(weights)}::jsonb, now(), now())
      RETURNING id::text`);
    for (const customerId of sentTo) {
      await t.database.db.execute(sql`
        INSERT INTO survey_wave_stores (tenant_id, wave_id, customer_id, stratum)
        VALUES (${tenantId}, ${row.id}::uuid, ${customerId}, 'x')`);
    }
    return row.id;
  }

  async function respond(waveId: string, customerId: number, facts: Fact[]) {
    const [response] = await read<{ id: string }>(sql`
      INSERT INTO survey_responses (tenant_id, wave_id, customer_id, channel, data, submitted_at)
      VALUES (${tenantId}, ${waveId}::uuid, ${customerId}, 'portal', '{}'::jsonb, now()) RETURNING id::text`);
    for (const fact of facts) {
      await t.database.db.execute(sql`
        INSERT INTO survey_answer_facts (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
        VALUES (${tenantId}, ${waveId}::uuid, ${response.id}::uuid, ${customerId}, ${fact.kind}, ${fact.item ?? ''},
          ${fact.dimension ?? null}, ${fact.value}, ${fact.scaleMax ?? null})`);
    }
  }

  // A 5-level SERVQUAL answer: R1 (reliability) and T1 (tangibles) as [expectation, perception]
  // (T1 absent: null), overall, NPS.
  const servqual = (r1: [number, number], t1: [number, number] | null, overall: number, nps: number): Fact[] => [
    { kind: 'expectation', item: 'R1', dimension: 'reliability', value: r1[0], scaleMax: 5 },
    { kind: 'perception', item: 'R1', dimension: 'reliability', value: r1[1], scaleMax: 5 },
    ...(t1
      ? [
          { kind: 'expectation', item: 'T1', dimension: 'tangibles', value: t1[0], scaleMax: 5 },
          { kind: 'perception', item: 'T1', dimension: 'tangibles', value: t1[1], scaleMax: 5 },
        ]
      : []),
    { kind: 'overall', value: overall, scaleMax: 5 },
    { kind: 'nps', value: nps, scaleMax: 10 },
  ];

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 120 });
    tenantId = t.city.tenantId;
    marketing = await t.signIn('marketing');
    const [manager, other] = t.city.managers;
    managerId = manager.id;
    otherManagerId = other.id;
    managerCookie = await t.signIn(manager.username);
    stores = (
      await read<{ id: number }>(
        sql`SELECT id FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id LIMIT 100`,
      )
    ).map((row) => Number(row.id));
    expect(stores).toHaveLength(100);
    // The test's segments: stores 0–59 urban, 60–99 rural, all ordering online; even ones convenience
    // stores, odd ones groceries; stores 0, 1, 4 the manager's, 2, 3, 5–99 another's.
    const list = (ids: number[]) => sql.raw(`(${ids.join(',')})`);
    await t.database.db.execute(sql`
      UPDATE customers SET order_channel = 'online',
        urban_rural = CASE WHEN id IN ${list(stores.slice(60))} THEN 'rural' ELSE 'urban' END,
        format = CASE WHEN id IN ${list(stores.filter((_, index) => index % 2 === 0))} THEN 'convenience' ELSE 'grocery' END,
        manager_id = CASE WHEN id IN ${list([stores[0], stores[1], stores[4]])} THEN ${managerId}::int ELSE ${otherManagerId}::int END
      WHERE tenant_id = ${tenantId} AND id IN ${list(stores)}`);

    const definition = {
      pages: [
        {
          elements: [
            { type: 'rating', name: 'r1e', title: '期望：按时送货', servqualItem: 'R1', kewoRole: 'expectation' },
            { type: 'rating', name: 'r1p', title: '按时送货', servqualItem: 'R1', kewoRole: 'perception' },
            { type: 'rating', name: 't1e', title: '期望：设施', servqualItem: 'T1', kewoRole: 'expectation' },
            {
              type: 'panel',
              elements: [
                {
                  type: 'rating',
                  name: 't1p',
                  title: { default: 'Facilities', 'zh-cn': '设施' },
                  servqualItem: 'T1',
                  kewoRole: 'perception',
                },
              ],
            },
          ],
        },
      ],
    };
    const satisfaction = await questionnaire('satisfaction', definition);
    // Sent to stores 0–5; 0–3 answer. Weights reliability 3, tangibles 1.
    satisfactionWave = await wave(satisfaction, 'satisfaction 1', stores.slice(0, 6), { reliability: 3, tangibles: 1 });
    await respond(satisfactionWave, stores[0], servqual([5, 4], [4, 5], 4, 10));
    await respond(satisfactionWave, stores[1], servqual([5, 3], [5, 4], 3, 9));
    await respond(satisfactionWave, stores[2], servqual([4, 4], [5, 3], 5, 6));
    await respond(satisfactionWave, stores[3], servqual([5, 2], null, 2, 8));
    // A second wave: everyone perceives 5 (index 100), NPS 10 → 100.
    secondSatisfactionWave = await wave(satisfaction, 'satisfaction 2', stores.slice(0, 2));
    for (const store of stores.slice(0, 2))
      await respond(secondSatisfactionWave, store, servqual([5, 5], [5, 5], 5, 10));

    // Needs: settlement chosen by 30 of the 40 rural stores (rank 1) and 15 of the 60 urban (rank 2);
    // delivery by the first 10 of each (urban rank 1, rural rank 2).
    const needs = await questionnaire('needs', {
      pages: [{ elements: [{ type: 'checkbox', name: 'n', kewoRole: 'needs' }] }],
    });
    needsWave = await wave(needs, 'needs', stores);
    await t.database.db.execute(sql`
      INSERT INTO survey_need_items (tenant_id, code, label_zh, label_en, area, department, sort, active)
      VALUES (${tenantId}, 'test_settlement', '结算服务', 'settlement', 'convenience', '客户服务部', 1, true),
        (${tenantId}, 'test_delivery', '送货服务', 'delivery', 'supply', '物流部', 2, true)
      ON CONFLICT DO NOTHING`);
    for (const [index, store] of stores.entries()) {
      const rural = index >= 60;
      const position = rural ? index - 60 : index;
      const facts: Fact[] = [];
      if (position < (rural ? 30 : 15)) {
        facts.push({ kind: 'need', item: 'test_settlement', value: 1 });
        facts.push({ kind: 'urgency', item: 'test_settlement', value: rural ? 1 : 2 });
      }
      if (position < 10) {
        facts.push({ kind: 'need', item: 'test_delivery', value: 1 });
        facts.push({ kind: 'urgency', item: 'test_delivery', value: rural ? 2 : 1 });
      }
      await respond(needsWave, store, facts);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('answers a wave’s results as computed by hand', async () => {
    const response = await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // Perception R1 4,3,4,2 → scores 80,60,80,30 → 62.5; T1 5,4,3 → 100,80,60 → 80.
    // Index 0.75 × 62.5 + 0.25 × 80 = 66.875; NPS 10,9,6,8 → (2 − 1)/4 = 25.
    expect(body).toMatchObject({
      responses: 4,
      sent: 6,
      responseRate: 0.6667,
      satisfactionIndex: 66.9,
      nps: 25,
      npsCounts: { n: 4, promoters: 2, passives: 1, detractors: 1 },
      overall: { n: 4, mean: 3.5, score: 67.5 },
      weights: { tangibles: 0.25, reliability: 0.75 },
      target: 85,
    });
    expect(body.indexFormula).toContain('100/80/60/30/0');
    expect(body.dimensions).toEqual([
      { dimension: 'tangibles', expectation: 4.67, perception: 4, gap: -0.67, score: 80, weight: 0.25, items: 1 },
      { dimension: 'reliability', expectation: 4.75, perception: 3.25, gap: -1.5, score: 62.5, weight: 0.75, items: 1 },
    ]);
  });

  it('equals a plain-SQL recomputation of the index and NPS', async () => {
    const [expected] = await read<{ index: number; nps: number }>(sql`
      WITH items AS (
        SELECT dimension, item, avg(CASE value WHEN 5 THEN 100 WHEN 4 THEN 80 WHEN 3 THEN 60 WHEN 2 THEN 30 ELSE 0 END) AS score
        FROM survey_answer_facts WHERE wave_id = ${satisfactionWave}::uuid AND kind = 'perception' GROUP BY dimension, item),
      dimensions AS (SELECT dimension, avg(score) AS score FROM items GROUP BY dimension)
      SELECT (SELECT sum(score * CASE dimension WHEN 'reliability' THEN 0.75 ELSE 0.25 END) FROM dimensions)::float8 AS index,
        (SELECT 100.0 * (count(*) FILTER (WHERE value >= 9) - count(*) FILTER (WHERE value <= 6)) / count(*)
         FROM survey_answer_facts WHERE wave_id = ${satisfactionWave}::uuid AND kind = 'nps')::float8 AS nps`);
    const body = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json();
    expect(body.satisfactionIndex).toBeCloseTo(Number(expected.index), 1);
    expect(body.nps).toBeCloseTo(Number(expected.nps), 1);
  });

  it('covers only a manager’s stores for a manager', async () => {
    // Stores 0, 1 answered, 4 did not: R1 4,3 → 70; T1 5,4 → 90; 0.75 × 70 + 0.25 × 90 = 75; NPS 10, 9 → 100.
    const body = (await get(managerCookie, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json();
    expect(body).toMatchObject({ responses: 2, sent: 3, responseRate: 0.6667, satisfactionIndex: 75, nps: 100 });
    const summary = (await get(managerCookie, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=group`)).json();
    expect(summary.n).toBe(3);
  });

  it('gives the index and NPS per segment', async () => {
    const body = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results?by=format`)).json();
    // Convenience: stores 0, 2, 4 (0 and 2 answered): R1 4,4 → 80; T1 5,3 → 80 → 80; NPS 10, 6 → 0.
    // Groceries: 1, 3, 5: R1 3,2 → 45; T1 4 → 80 → 0.75 × 45 + 20 = 53.75; NPS 9, 8 → 50.
    expect(body.segments).toEqual([
      expect.objectContaining({
        key: 'convenience',
        responses: 2,
        sent: 3,
        satisfactionIndex: 80,
        nps: 0,
        small: true,
      }),
      expect.objectContaining({ key: 'grocery', responses: 2, sent: 3, satisfactionIndex: 53.8, nps: 50, small: true }),
    ]);
  });

  it('counts a response posted a moment ago', async () => {
    const before = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json();
    await respond(satisfactionWave, stores[5], servqual([5, 5], [5, 5], 5, 10));
    const after = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json();
    expect(after.responses).toBe(before.responses + 1);
    expect(after.npsCounts.promoters).toBe(before.npsCounts.promoters + 1);
    await t.database.db.execute(
      sql`DELETE FROM survey_answer_facts WHERE wave_id = ${satisfactionWave}::uuid AND customer_id = ${stores[5]}`,
    );
    await t.database.db.execute(
      sql`DELETE FROM survey_responses WHERE wave_id = ${satisfactionWave}::uuid AND customer_id = ${stores[5]}`,
    );
  });

  it('analyses gaps with paired 95 % intervals, weakest first', async () => {
    const response = await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/gaps`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // R1: differences −1, −2, 0, −3 → −1.5 ± 3.182 × √(5/3) / 2 = ± 2.054;
    // T1: 1, −1, −2 → −0.667 ± 4.303 × √(7/3) / √3 = ± 3.795.
    expect(body.items).toEqual([
      {
        item: 'R1',
        dimension: 'reliability',
        label: '按时送货',
        expectation: 4.75,
        perception: 3.25,
        gap: -1.5,
        ciLow: -3.55,
        ciHigh: 0.55,
        n: 4,
      },
      {
        item: 'T1',
        dimension: 'tangibles',
        label: '设施',
        expectation: 4.67,
        perception: 4,
        gap: -0.67,
        ciLow: -4.46,
        ciHigh: 3.13,
        n: 3,
      },
    ]);
    expect(body.dimensions.map((row: { dimension: string; gap: number }) => [row.dimension, row.gap])).toEqual([
      ['tangibles', -0.67],
      ['reliability', -1.5],
    ]);
    const [sqlGap] = await read<{ gap: number; n: number }>(sql`
      SELECT avg(p.value - e.value)::float8 AS gap, count(*)::int AS n
      FROM survey_answer_facts e JOIN survey_answer_facts p ON p.response_id = e.response_id AND p.item = e.item
      WHERE e.wave_id = ${satisfactionWave}::uuid AND e.kind = 'expectation' AND p.kind = 'perception' AND e.item = 'R1'`);
    expect(body.items[0].gap).toBeCloseTo(Number(sqlGap.gap), 2);
    const byFormat = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/gaps?by=format`)).json();
    expect(byFormat.segments.map((segment: { key: string; n: number }) => [segment.key, segment.n])).toEqual([
      ['convenience', 2],
      ['grocery', 2],
    ]);
  });

  it('summarises needs by segment with n, small cells and highlights', async () => {
    const response = await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=group`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.n).toBe(100);
    expect(body.rowSegments).toEqual([
      { key: 'urban-online', label: '城镇·网上订货', n: 60 },
      { key: 'rural-online', label: '乡村·网上订货', n: 40 },
    ]);
    const settlement = body.items.find((item: { code: string }) => item.code === 'test_settlement');
    // 45 of 100; ranks 30 × 1 + 15 × 2 → 1.33. Rural 30/40 = 75 %: +30 points, z = 4.92, p ≈ 9e-7.
    expect(settlement).toMatchObject({
      label: '结算服务',
      department: '客户服务部',
      chosen: 45,
      share: 0.45,
      meanRank: 1.33,
      ranked: 45,
    });
    expect(settlement.cells).toEqual([
      expect.objectContaining({
        segment: 'urban-online',
        n: 60,
        chosen: 15,
        share: 0.25,
        difference: -20,
        highlight: false,
      }),
      expect.objectContaining({
        segment: 'rural-online',
        n: 40,
        chosen: 30,
        share: 0.75,
        difference: 30,
        small: false,
        highlight: true,
      }),
    ]);
    expect(settlement.cells[1].p).toBeLessThan(0.00001);
    const delivery = body.items.find((item: { code: string }) => item.code === 'test_delivery');
    // 20 of 100; rural 10/40 = 25 %: +5 points, not highlighted; ranks 10 × 1 + 10 × 2 → 1.5.
    expect(delivery).toMatchObject({ chosen: 20, share: 0.2, meanRank: 1.5 });
    expect(delivery.cells.map((cell: { highlight: boolean }) => cell.highlight)).toEqual([false, false]);
    // The most chosen first.
    const codes = body.items.map((item: { code: string }) => item.code);
    expect(codes.indexOf('test_settlement')).toBeLessThan(codes.indexOf('test_delivery'));
  });

  it('crosses two segmentations, with small cells', async () => {
    const body = (
      await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=group&cols=format`)
    ).json();
    expect(body.cellSegments.map((cell: { key: string; n: number }) => [cell.key, cell.n])).toEqual([
      ['urban-online|convenience', 30],
      ['urban-online|grocery', 30],
      ['rural-online|convenience', 20],
      ['rural-online|grocery', 20],
    ]);
    const settlement = body.items.find((item: { code: string }) => item.code === 'test_settlement');
    // Rural stores 60–89 chose it: 15 convenience (even), 15 groceries → 15/20 each, small.
    expect(settlement.cells[2]).toMatchObject({ n: 20, chosen: 15, share: 0.75, small: true, highlight: false });
    // The plain-SQL count of the same cell.
    const [cell] = await read<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM survey_answer_facts f JOIN customers c ON c.tenant_id = f.tenant_id AND c.id = f.customer_id
      WHERE f.wave_id = ${needsWave}::uuid AND f.kind = 'need' AND f.item = 'test_settlement'
        AND c.urban_rural = 'rural' AND c.format = 'convenience'`);
    expect(settlement.cells[2].chosen).toBe(Number(cell.n));
    for (const rows of ['format', 'class', 'region']) {
      const each = (await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=${rows}`)).json();
      expect(each.cellSegments.reduce((sum: number, cell: { n: number }) => sum + cell.n, 0)).toBe(100);
    }
  });

  it('exports the needs summary as .xlsx with the same figures', async () => {
    const response = await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary.xlsx?rows=group`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('需求汇总');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const header = rows.find((row) => row[0] === '需求项代码');
    expect(header).toEqual(expect.arrayContaining(['城镇·网上订货（n=60）', '乡村·网上订货（n=40）']));
    const settlement = rows.find((row) => row[0] === 'test_settlement');
    expect(settlement?.slice(0, 9)).toEqual([
      'test_settlement',
      '结算服务',
      '便利服务',
      '客户服务部',
      45,
      0.45,
      1.33,
      0.25,
      0.75,
    ]);
    const differences = workbook.getWorksheet('显著差异');
    expect(differences?.rowCount).toBeGreaterThanOrEqual(2);
  });

  it('shows the trend of satisfaction waves', async () => {
    const response = await get(marketing, '/api/v1/surveys/trend');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.target).toBe(85);
    const ours = body.waves.filter((each: { id: string }) =>
      [satisfactionWave, secondSatisfactionWave].includes(each.id),
    );
    expect(ours).toEqual([
      expect.objectContaining({ id: satisfactionWave, satisfactionIndex: 66.9, nps: 25, responses: 4 }),
      expect.objectContaining({ id: secondSatisfactionWave, satisfactionIndex: 100, nps: 100, responses: 2 }),
    ]);
    expect(body.waves.some((each: { id: string }) => each.id === needsWave)).toBe(false);
  });

  it('counts responses submitted through the portal and on a visit a moment ago (the surveys module’s own path)', async () => {
    const post = (cookie: string, url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
    const created = await post(marketing, '/api/v1/surveys/questionnaires', { templateKind: 'satisfaction' });
    expect(created.statusCode).toBe(201);
    const questionnaire = created.json();
    const waveResponse = await post(marketing, '/api/v1/surveys/waves', {
      questionnaireId: questionnaire.id,
      title: 'portal and visit',
      opensOn: '2026-11-23',
      closesOn: '2026-12-31',
      target: { kind: 'segment', segment: {} },
    });
    expect(waveResponse.statusCode).toBe(201);
    const waveId = waveResponse.json().id as string;
    expect((await post(marketing, `/api/v1/surveys/waves/${waveId}/open`, {})).statusCode).toBeLessThan(300);
    // Expect 5 and perceive `perceived` everywhere; overall 4; NPS 9.
    const answers = (perceived: number) => {
      const data: Record<string, number> = {};
      type Element = { name: string; kewoRole?: string; elements?: Element[] };
      const visit = (elements: Element[] = []) => {
        for (const element of elements) {
          if (element.kewoRole === 'expectation') data[element.name] = 5;
          if (element.kewoRole === 'perception') data[element.name] = perceived;
          if (element.kewoRole === 'overall') data[element.name] = 4;
          if (element.kewoRole === 'nps') data[element.name] = 9;
          visit(element.elements);
        }
      };
      for (const page of questionnaire.definition.pages as { elements: Element[] }[]) visit(page.elements);
      return data;
    };
    const [store] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE tenant_id = ${tenantId} AND id = ${stores[1]}`,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licence_no, password: testPassword },
    });
    const retailer = sessionCookieOf(login);
    const [{ n: sent }] = await read<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM survey_wave_stores WHERE wave_id = ${waveId}::uuid`,
    );
    const submitted = await post(retailer, `/api/v1/portal/surveys/${waveId}/responses`, { data: answers(4) });
    expect(submitted.statusCode).toBe(201);
    // Perceived 4 on 5 levels: every item 80 → index 80; NPS one promoter → 100; gaps 4 − 5.
    let body = (await get(marketing, `/api/v1/surveys/waves/${waveId}/results`)).json();
    expect(body).toMatchObject({ responses: 1, sent: Number(sent), satisfactionIndex: 80, nps: 100 });
    expect(body.dimensions).toHaveLength(5);
    for (const dimension of body.dimensions)
      expect(dimension).toMatchObject({ expectation: 5, perception: 4, gap: -1 });
    const visit = await post(managerCookie, `/api/v1/surveys/waves/${waveId}/responses`, {
      customerId: stores[0],
      data: answers(5),
    });
    expect(visit.statusCode).toBe(201);
    // (80 + 100) / 2 = 90 in every item.
    body = (await get(marketing, `/api/v1/surveys/waves/${waveId}/results`)).json();
    expect(body).toMatchObject({ responses: 2, satisfactionIndex: 90, nps: 100 });
    const mine = (await get(managerCookie, `/api/v1/surveys/waves/${waveId}/results`)).json();
    expect(mine).toMatchObject({ responses: 2, sent: 3, satisfactionIndex: 90 });
    const gaps = (await get(marketing, `/api/v1/surveys/waves/${waveId}/gaps`)).json();
    expect(gaps.items).toHaveLength(22);
    expect(gaps.items[0].label).not.toMatch(/感知|期望/);
    expect(gaps.items[0]).toMatchObject({ expectation: 5, perception: 4.5, gap: -0.5, n: 2 });
  });

  it('answers the four segmentations at once as each alone, within the caller’s scope', async () => {
    const response = await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summaries`);
    expect(response.statusCode).toBe(200);
    const all = response.json();
    for (const rows of ['format', 'class', 'group', 'region']) {
      const alone = (await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=${rows}`)).json();
      expect(all[rows]).toEqual(alone);
    }
    const mine = (await get(managerCookie, `/api/v1/surveys/waves/${needsWave}/needs-summaries`)).json();
    expect(mine.group.n).toBe(3);
    expect(mine.region.n).toBe(3);
  });

  it('lets marketing change the index’s weights: bounded, audited, the index recomputed at once', async () => {
    const put = (cookie: string, waveId: string, payload: Record<string, number>) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/surveys/waves/${waveId}/weights`, headers: { cookie }, payload });
    const equal = { tangibles: 1, reliability: 1, responsiveness: 1, assurance: 1, empathy: 1 };
    const changed = await put(marketing, satisfactionWave, equal);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().weights).toEqual(equal);
    // R1 62.5, T1 80, now equal: 71.25.
    const results = (await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json();
    expect(results).toMatchObject({ satisfactionIndex: 71.3, weights: { tangibles: 0.5, reliability: 0.5 } });
    const trend = (await get(marketing, '/api/v1/surveys/trend')).json();
    expect(trend.waves.find((wave: { id: string }) => wave.id === satisfactionWave).satisfactionIndex).toBe(71.3);
    const [entry] = await read<{ action: string; before: unknown; after: unknown }>(sql`
      SELECT action, before, after FROM audit_log WHERE entity = 'survey_wave' AND entity_id = ${satisfactionWave}
      ORDER BY id DESC LIMIT 1`);
    expect(entry).toMatchObject({
      action: 'update',
      before: { weights: { tangibles: 1, reliability: 3 } },
      after: { weights: equal },
    });
    for (const bad of [
      { ...equal, tangibles: 0 },
      { ...equal, tangibles: 101 },
      { ...equal, tangibles: 2.5 },
      { tangibles: 1, reliability: 3 },
      { ...equal, courtesy: 1 },
    ])
      expect((await put(marketing, satisfactionWave, bad)).statusCode).toBe(400);
    expect((await put(managerCookie, satisfactionWave, equal)).statusCode).toBe(403);
    const needs = await put(marketing, needsWave, equal);
    expect([needs.statusCode, needs.json().code]).toEqual([409, 'SURVEY_WEIGHTS_NOT_SATISFACTION']);
    const missing = await put(marketing, '00000000-0000-4000-8000-000000000000', equal);
    expect(missing.statusCode).toBe(404);
    // Back as they were (1 : 3 is 0.25 : 0.75 for the two dimensions answered).
    const restored = await put(marketing, satisfactionWave, { ...equal, reliability: 3 });
    expect(restored.statusCode).toBe(200);
    expect((await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/results`)).json().satisfactionIndex).toBe(
      66.9,
    );
  });

  it('answers bad input with 400 and 404, and a retailer with 403', async () => {
    expect((await get(marketing, '/api/v1/surveys/waves/not-a-uuid/results')).statusCode).toBe(400);
    const missing = await get(marketing, '/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/results');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SURVEY_WAVE_NOT_FOUND');
    expect(
      (await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=group&cols=group`)).statusCode,
    ).toBe(400);
    expect((await get(marketing, `/api/v1/surveys/waves/${needsWave}/needs-summary?rows=colour`)).statusCode).toBe(400);
    expect((await get(marketing, `/api/v1/surveys/waves/${satisfactionWave}/gaps?by=age`)).statusCode).toBe(400);
    const gaps404 = await get(marketing, '/api/v1/surveys/waves/00000000-0000-4000-8000-000000000000/gaps');
    expect(gaps404.statusCode).toBe(404);
    // Another tenant's admin does not see this tenant's wave.
    const otherAdmin = await t.signIn(t.otherTenant.adminUsername);
    expect((await get(otherAdmin, `/api/v1/surveys/waves/${satisfactionWave}/results`)).statusCode).toBe(404);
    const [store] = await read<{ licence_no: string }>(
      sql`SELECT licence_no FROM customers WHERE tenant_id = ${tenantId} AND id = ${stores[0]}`,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo: store.licence_no, password: testPassword },
    });
    const retailer = sessionCookieOf(login);
    expect((await get(retailer, `/api/v1/surveys/waves/${satisfactionWave}/results`)).statusCode).toBe(403);
  });
});
