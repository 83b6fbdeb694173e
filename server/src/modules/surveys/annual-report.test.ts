import { Resvg } from '@resvg/resvg-js';
import { type SQL, sql } from 'drizzle-orm';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { Gaps, NeedsSummary, Results } from './analytics.contract.ts';
import {
  chartFontFamily,
  chartFontFile,
  chartSvgOf,
  pngOf,
  resvgOptionsOf,
  satisfactionTrendOption,
} from './annual-report.charts.ts';
import { formatDecimal, formatInteger, formatShare, reportHeadings, reportTitle } from './annual-report.ts';

// 《客户服务需求年度报告》 through the HTTP API: a small year of surveys (a needs wave in which rural
// stores ask for settlement far more, two satisfaction waves) written into the module's tables, the
// report downloaded and read back (word/document.xml): its headings, and tables carrying the very
// figures of the results / needs-summary / gaps endpoints. Then the bad years and the access rule.
// And the charts: Chinese renders with the project's font alone, no system font.

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ── Reading a .docx back ───────────────────────────────────────────────────────────────────────────

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) =>
  unescapeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));

type DocxContent = { paragraphs: string[]; tables: string[][][]; media: string[] };

async function readDocx(file: Buffer): Promise<DocxContent> {
  const zip = await unzipper.Open.buffer(file);
  const documentEntry = zip.files.find((entry) => entry.path === 'word/document.xml');
  if (!documentEntry) throw new Error('word/document.xml missing');
  const xml = (await documentEntry.buffer()).toString('utf8');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1])),
    ),
  );
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((match) => textOf(match[1]));
  const media = zip.files.filter((entry) => entry.path.startsWith('word/media/')).map((entry) => entry.path);
  return { paragraphs, tables, media };
}

const tableHeaded = (content: DocxContent, first: string, second: string) => {
  const table = content.tables.find((rows) => rows[0]?.[0] === first && rows[0]?.[1] === second);
  if (!table) throw new Error(`no table headed ${first} | ${second}`);
  return table;
};
const rowOf = (table: string[][], label: string) => {
  const row = table.find((cells) => cells[0] === label);
  if (!row) throw new Error(`no row ${label} in ${JSON.stringify(table.map((cells) => cells[0]))}`);
  return row;
};

// ── Pixels ────────────────────────────────────────────────────────────────────────────────────────

function inkOf(svg: string, fontFiles: string[]): number {
  const pixels = new Resvg(svg, resvgOptionsOf(fontFiles)).render().pixels;
  let ink = 0;
  for (let at = 0; at < pixels.length; at += 4) if (pixels[at] < 160 && pixels[at + 3] > 0) ink += 1;
  return ink;
}

describe('annual report charts', () => {
  const textSvg = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="80"><rect width="360" height="80" fill="#fff"/><text x="10" y="52" font-size="32" font-family="sans-serif" fill="#000">${text}</text></svg>`;

  it('renders Chinese with the project’s font alone, no system font', () => {
    const empty = inkOf(textSvg(''), [chartFontFile]);
    const chinese = inkOf(textSvg('满意度指数趋势'), [chartFontFile]);
    const withoutFont = inkOf(textSvg('满意度指数趋势'), []);
    expect(empty).toBe(0);
    // Seven glyphs of 32 px: thousands of dark pixels, where no font at all draws nothing.
    expect(chinese).toBeGreaterThan(1500);
    expect(withoutFont).toBe(0);
    // Each character draws its own glyph, not one .notdef box repeated: different strings, different ink.
    expect(inkOf(textSvg('需求'), [chartFontFile])).not.toBe(inkOf(textSvg('报告'), [chartFontFile]));
  });

  it('draws an ECharts chart to a PNG whose Chinese labels are ink, not blanks', async () => {
    const option = satisfactionTrendOption(
      [
        { title: '上半年满意度调查', satisfactionIndex: 82, nps: 20 },
        { title: '下半年满意度调查', satisfactionIndex: 86, nps: 31 },
      ],
      85,
    );
    const svg = await chartSvgOf(option, 640, 320);
    expect(svg).toContain('满意度指数与 NPS 趋势');
    expect(svg).toContain(chartFontFamily);
    const textInk = inkOf(svg, [chartFontFile]) - inkOf(svg, []);
    expect(textInk).toBeGreaterThan(3000);
    const png = await pngOf(svg);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

// ── The report through the API ───────────────────────────────────────────────────────────────────

type Store = { id: number; urbanRural: string };

const needCodes = ['T5-SETTLE', 'T5-DISPLAY', 'T5-BRAND', 'T5-INFO', 'T5-SUPPLY', 'T5-TRAIN'] as const;
const servqual = [
  { item: 'T1', dimension: 'tangibles', title: '送货车辆与人员形象整洁' },
  { item: 'R1', dimension: 'reliability', title: '按约定时间准确送货' },
  { item: 'P1', dimension: 'responsiveness', title: '诉求能得到及时回应' },
  { item: 'A1', dimension: 'assurance', title: '客户经理业务熟练' },
  { item: 'E1', dimension: 'empathy', title: '关注我店的特殊需要' },
] as const;

describe.each(testDatabaseKinds)('annual report on %s', (kind) => {
  let t: TestApp;
  let tenantId: number;
  let marketing: string;
  let needsWaveId: string;
  let satisfactionWaveIds: string[];

  const read = async <T>(statement: SQL) => rowsOf<T>(await t.database.db.execute(statement));
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const getJson = async <T>(url: string) => {
    const response = await get(marketing, url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  // A closed wave of `kind` with its stores, responses and answer facts, as submitting would write them.
  async function addWave(input: {
    kind: 'needs' | 'satisfaction';
    title: string;
    opensOn: string;
    closesOn: string;
    stores: Store[];
    answers: (
      store: Store,
      index: number,
    ) => Array<{ kind: string; item: string; dimension?: string; value: number; scaleMax?: number }>;
  }): Promise<string> {
    const definition =
      input.kind === 'satisfaction'
        ? {
            elements: servqual.flatMap((question) => [
              {
                type: 'rating',
                name: `${question.item}e`,
                title: `（期望）${question.title}`,
                kewoRole: 'expectation',
                servqual: question.dimension,
                servqualItem: question.item,
                rateMin: 1,
                rateMax: 5,
              },
              {
                type: 'rating',
                name: `${question.item}p`,
                title: question.title,
                kewoRole: 'perception',
                servqual: question.dimension,
                servqualItem: question.item,
                rateMin: 1,
                rateMax: 5,
              },
            ]),
          }
        : { elements: [{ type: 'checkbox', name: 'needs', kewoRole: 'needs', choices: [...needCodes] }] };
    const [questionnaire] = await read<{ id: string }>(sql`
      INSERT INTO survey_questionnaires (tenant_id, kind, title, version, definition, created_at, updated_at)
      VALUES (${tenantId}, ${input.kind}, ${input.title}, 1, ${JSON.stringify(definition)}::jsonb, now(), now()) RETURNING id`);
    const [wave] = await read<{ id: string }>(sql`
      INSERT INTO survey_waves (tenant_id, questionnaire_id, title, status, opens_on, closes_on, target, population, sent, weights, created_at, opened_at, closed_at)
      VALUES (${tenantId}, ${questionnaire.id}, ${input.title}, 'closed', ${input.opensOn}, ${input.closesOn},
        ${JSON.stringify({ kind: 'sample', segment: {}, marginOfError: 0.05, confidence: 0.95, seed: 't5' })}::jsonb,
        ${input.stores.length + 20}, ${input.stores.length}, '{}'::jsonb, now(), now(), now()) RETURNING id`);
    await t.database.db.execute(sql`
      INSERT INTO survey_wave_stores (tenant_id, wave_id, customer_id, stratum)
      VALUES ${sql.join(
        input.stores.map((store) => sql`(${tenantId}, ${wave.id}, ${store.id}, 'x')`),
        sql`, `,
      )}`);
    // Four in five stores answer.
    const answering = input.stores.filter((_, index) => index % 5 !== 4);
    const responses = await read<{ id: string; customer_id: number }>(sql`
      INSERT INTO survey_responses (tenant_id, wave_id, customer_id, channel, data, submitted_at)
      VALUES ${sql.join(
        answering.map(
          (store) =>
            sql`(${tenantId}, ${wave.id}, ${store.id}, 'portal', '{}'::jsonb, ${`${input.opensOn}T10:00:00+08:00`}::timestamptz)`,
        ),
        sql`, `,
      )}
      RETURNING id, customer_id`);
    const responseOf = new Map(responses.map((row) => [Number(row.customer_id), row.id]));
    const facts = answering.flatMap((store, index) =>
      input
        .answers(store, index)
        .map((fact) => ({ ...fact, customerId: store.id, responseId: responseOf.get(store.id) })),
    );
    for (let at = 0; at < facts.length; at += 500) {
      await t.database.db.execute(sql`
        INSERT INTO survey_answer_facts (tenant_id, wave_id, response_id, customer_id, kind, item, dimension, value, scale_max)
        VALUES ${sql.join(
          facts
            .slice(at, at + 500)
            .map(
              (fact) =>
                sql`(${tenantId}, ${wave.id}, ${fact.responseId}, ${fact.customerId}, ${fact.kind}, ${fact.item}, ${fact.dimension ?? null}, ${fact.value}, ${fact.scaleMax ?? null})`,
            ),
          sql`, `,
        )}`);
    }
    return wave.id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    tenantId = t.city.tenantId;
    marketing = await t.signIn('marketing');
    const services = await read<{ id: number }>(
      sql`SELECT id FROM service_items WHERE tenant_id = ${tenantId} ORDER BY position, id LIMIT 3`,
    );
    const departments = ['客户服务部', '市场部', '市场部', '信息中心', '物流中心', '市场部'];
    await t.database.db.execute(sql`
      INSERT INTO survey_need_items (tenant_id, code, label_zh, label_en, area, department, service_item_id, sort, active)
      VALUES ${sql.join(
        needCodes.map(
          (code, index) =>
            sql`(${tenantId}, ${code}, ${`测试需求${index + 1}`}, ${`Test need ${index + 1}`}, 'convenience', ${departments[index]}, ${services[index]?.id ?? null}, ${100 + index}, true)`,
        ),
        sql`, `,
      )}`);
    const stores = (
      await read<{ id: number; urban_rural: string }>(sql`
        SELECT id, urban_rural FROM customers WHERE tenant_id = ${tenantId} AND status = 'active' ORDER BY id`)
    ).map((row) => ({ id: Number(row.id), urbanRural: row.urban_rural }));

    // The demo city seeds its own waves of 2026; ours close after them, so the report reads ours.
    // Needs: rural stores choose settlement (T5-SETTLE) far more; everyone ranks their first choice most urgent.
    needsWaveId = await addWave({
      kind: 'needs',
      title: '2026年度客户需求调查',
      opensOn: '2026-01-05',
      closesOn: '2026-02-28',
      stores,
      answers: (store, index) => {
        const chosen = needCodes.filter((code, at) =>
          code === 'T5-SETTLE' ? store.urbanRural === 'rural' || index % 5 === 0 : (index + at) % 3 === 0,
        );
        return chosen.flatMap((code, rank) => [
          { kind: 'need', item: code, value: 1 },
          { kind: 'urgency', item: code, value: rank + 1 },
        ]);
      },
    });
    // Satisfaction: two waves, the second better.
    satisfactionWaveIds = [];
    for (const [wave, lift] of [
      ['上半年满意度调查', 0],
      ['下半年满意度调查', 1],
    ] as const) {
      satisfactionWaveIds.push(
        await addWave({
          kind: 'satisfaction',
          title: wave,
          // Closing after the demo city's own satisfaction waves (05-31, 11-22): the report reads the last.
          opensOn: lift ? '2026-12-01' : '2026-06-01',
          closesOn: lift ? '2026-12-20' : '2026-06-30',
          stores,
          answers: (_, index) => [
            ...servqual.flatMap((question, at) => [
              {
                kind: 'expectation',
                item: question.item,
                dimension: question.dimension,
                value: 5 - ((index + at) % 2),
                scaleMax: 5,
              },
              {
                kind: 'perception',
                item: question.item,
                dimension: question.dimension,
                value: Math.min(
                  5,
                  3 + lift + ((index + at * 2) % 3 === 0 ? 1 : 0) - (at === 1 && index % 4 === 0 ? 1 : 0),
                ),
                scaleMax: 5,
              },
            ]),
            { kind: 'overall', item: '', value: 3 + lift + (index % 2), scaleMax: 5 },
            { kind: 'nps', item: '', value: (index * 7 + lift * 3) % 11, scaleMax: 10 },
          ],
        }),
      );
    }
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('writes the year’s report whose tables carry the endpoints’ figures', async () => {
    const response = await get(marketing, '/api/v1/surveys/annual-report?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(docxType);
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent(`2026年度${reportTitle}.docx`),
    );
    const content = await readDocx(response.rawPayload);

    // The cover and every section's heading.
    const [{ name: tenantName }] = await read<{ name: string }>(sql`SELECT name FROM tenants WHERE id = ${tenantId}`);
    expect(content.paragraphs).toContain(tenantName);
    expect(content.paragraphs).toContain(`《${reportTitle}》`);
    for (const heading of Object.values(reportHeadings)) expect(content.paragraphs).toContain(heading);
    // Four charts: needs, dimensions, the trend, the complaint themes (the demo city has tickets).
    expect(content.media.length).toBeGreaterThanOrEqual(3);

    // Method: each wave's responses and response rate, as /results gives them.
    const method = tableHeaded(content, '调查批次', '类型');
    for (const waveId of [needsWaveId, ...satisfactionWaveIds]) {
      const results = await getJson<Results>(`/api/v1/surveys/waves/${waveId}/results`);
      const row = rowOf(method, results.title);
      expect(row[5]).toBe(formatInteger(results.sent));
      expect(row[6]).toBe(formatInteger(results.responses));
      expect(row[7]).toBe(formatShare(results.responseRate));
    }

    // 服务需求识别汇总表: each of our items' chosen, share and mean rank as /needs-summary gives them.
    const summary = await getJson<NeedsSummary>(`/api/v1/surveys/waves/${needsWaveId}/needs-summary?rows=format`);
    const needs = tableHeaded(content, '需求项', '选择人数');
    for (const item of summary.items.filter((entry) => entry.code.startsWith('T5-'))) {
      expect(rowOf(needs, item.label)).toEqual([
        item.label,
        formatInteger(item.chosen),
        formatShare(item.share),
        formatDecimal(item.meanRank, 2),
        item.department ?? '—',
      ]);
    }

    // Segment comparisons: rural stores' settlement stands out, with /needs-summary?rows=group's figures.
    const groups = await getJson<NeedsSummary>(`/api/v1/surveys/waves/${needsWaveId}/needs-summary?rows=group`);
    const settle = groups.items.find((item) => item.code === 'T5-SETTLE');
    const highlighted = settle?.cells.filter((cell) => cell.highlight) ?? [];
    expect(highlighted.length).toBeGreaterThan(0);
    const comparisons = tableHeaded(content, '分群方式', '分群');
    for (const cell of highlighted) {
      const label = groups.rowSegments.find((segment) => segment.key === cell.segment)?.label;
      const row = comparisons.find((cells) => cells[0] === '群体' && cells[1] === label && cells[2] === settle?.label);
      expect(row, `${label}`).toBeDefined();
      expect(row?.slice(3, 7)).toEqual([
        formatInteger(cell.n),
        formatShare(cell.share),
        formatShare(settle?.share ?? null),
        formatDecimal(cell.difference, 1),
      ]);
    }

    // Gaps: each dimension as /gaps gives it (the latest satisfaction wave), the weakest items first.
    const gaps = await getJson<Gaps>(`/api/v1/surveys/waves/${satisfactionWaveIds[1]}/gaps`);
    const dimensions = tableHeaded(content, '维度', '期望');
    for (const dimension of gaps.dimensions) {
      expect(rowOf(dimensions, dimension.label).slice(1, 4)).toEqual([
        formatDecimal(dimension.expectation, 2),
        formatDecimal(dimension.perception, 2),
        formatDecimal(dimension.gap, 2),
      ]);
    }
    const weakest = tableHeaded(content, '题项', '期望');
    expect(weakest[1][0]).toContain(gaps.items[0].label);
    expect(weakest[1][3]).toBe(formatDecimal(gaps.items[0].gap, 2));

    // Satisfaction index and NPS per wave, as /results gives them, the first wave first.
    const satisfaction = tableHeaded(content, '调查批次', '截止日期');
    for (const waveId of satisfactionWaveIds) {
      const results = await getJson<Results>(`/api/v1/surveys/waves/${waveId}/results`);
      const row = rowOf(satisfaction, results.title);
      expect(row.slice(2, 5)).toEqual([
        formatInteger(results.responses),
        formatDecimal(results.satisfactionIndex, 1),
        formatDecimal(results.nps, 1),
      ]);
    }
    const order = satisfaction.map((row) => row[0]);
    expect(order.indexOf('上半年满意度调查')).toBeLessThan(order.indexOf('下半年满意度调查'));
    expect(order.at(-1)).toBe('下半年满意度调查');

    // Recommendations: the most chosen need names the service-menu item that answers it.
    const recommended = tableHeaded(content, '需求项', '选择率');
    const top = [...summary.items].sort((a, b) => b.chosen - a.chosen)[0];
    expect(recommended[1][0]).toBe(top.label);
    if (top.serviceItemId !== null) {
      const [service] = await read<{ name: string }>(
        sql`SELECT name FROM service_items WHERE tenant_id = ${tenantId} AND id = ${top.serviceItemId}`,
      );
      expect(recommended[1][3]).toBe(service.name);
    }
  }, 60_000);

  it('answers a year without waves with a 422 problem, and a year out of range with a 400', async () => {
    const none = await get(marketing, '/api/v1/surveys/annual-report?year=2019');
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'SURVEY_REPORT_NO_WAVES' });
    expect(none.json().detail).toContain('2019');
    for (const year of ['1999', '2101', 'abc', '2026.5']) {
      const bad = await get(marketing, `/api/v1/surveys/annual-report?year=${year}`);
      expect(bad.statusCode, year).toBe(400);
    }
    expect((await get(marketing, '/api/v1/surveys/annual-report')).statusCode).toBe(400);
  });

  it('is for marketing and admin, in their scope: a branch’s marketer gets the branch’s report', async () => {
    const admin = await t.signIn('admin');
    expect((await get(admin, '/api/v1/surveys/annual-report?year=2026')).statusCode).toBe(200);
    for (const username of ['service', 'inspector', t.city.managers[0].username]) {
      const cookie = await t.signIn(username);
      expect((await get(cookie, '/api/v1/surveys/annual-report?year=2026')).statusCode, username).toBe(403);
    }
    await addStaff(t, { username: 't5-branch-marketing', role: 'marketing', orgUnitId: t.city.branches[0].id });
    const branchMarketing = await t.signIn('t5-branch-marketing');
    const branchReport = await get(branchMarketing, '/api/v1/surveys/annual-report?year=2026');
    expect(branchReport.statusCode, branchReport.body).toBe(200);
    const content = await readDocx(branchReport.rawPayload);
    const [branch] = await read<{ name: string }>(sql`SELECT name FROM org_units WHERE id = ${t.city.branches[0].id}`);
    expect(content.paragraphs.some((paragraph) => paragraph.includes(branch.name))).toBe(true);
  }, 60_000);
});
