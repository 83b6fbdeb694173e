import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { findRootOrgUnit } from '../../modules/organisation/index.ts';
import { addStaff } from '../../test/scoped-staff.ts';
import { createTestApp, sessionCookieOf, type TestApp, testPassword } from '../../test/test-app.ts';
import type { RolesRule } from './access-rule.ts';

// The authorization matrix: every operation of the API × every role (and branch-scoped staff) ×
// an id of another scope — another manager's store, another branch, another city company, another
// retailer. Each request must be refused (403, or 404 where the id is simply not visible) and
// must write nothing: the row counts of every table (the audit log among them) and their latest
// updated_at stay as they were. The requests are generated from the app's own route list and
// OpenAPI document, so a new route is tried without anyone writing its case.

// What a path, query or body id names. Scoped things belong to a store, a manager or a branch;
// tenant-wide ones (the catalogue, a cycle, a run …) are the whole city company's.
const scopedKinds = [
  'customer',
  'ticket',
  'attachment',
  'order',
  'planItem',
  'visit',
  'photo',
  'user',
  'orgUnit',
  'session',
  'importToken',
  'violation',
  'appeal',
  'terminalApplication',
  'terminalInspection',
  'terminalPhoto',
  'asset',
  'assetPhoto',
  'consumerFeedback',
] as const;
const tenantWideKinds = [
  'cycle',
  'gradeRun',
  'ruleSet',
  'run',
  'spotCheck',
  'product',
  'customField',
  'channelKey',
  'category',
  'serviceItem',
  'brandProgramme',
  'priceReport',
  'priceRule',
  'priceWarning',
  'needItem',
  'questionnaire',
  'wave',
  'creditModel',
  'creditRun',
  'terminalTier',
  'contest',
  'contestEntry',
  'contestPhoto',
  'trainingSession',
  'article',
  'articleCategory',
  'articleFile',
] as const;
type ScopedKind = (typeof scopedKinds)[number];
type EntityKind = ScopedKind | (typeof tenantWideKinds)[number];
type Ids = Partial<Record<EntityKind, number | string>>;

// Path parameters, by route: what each :param names, in order. A new route with a parameter must
// be added here (the first test says which), so the matrix always knows what to put in its path.
const pathKinds: Array<[RegExp, EntityKind[]]> = [
  [/^\/auth\/sessions\/:id$/, ['session']],
  [/^\/org-units\/:id$/, ['orgUnit']],
  [/^\/users\/:id(\/|$)/, ['user']],
  [/^\/customers\/import\/errors\/:token$/, ['importToken']],
  [/^\/customers\/:id(\/|$)/, ['customer']],
  [/^\/customer-fields\/:id$/, ['customField']],
  [/^\/supply\/cycles\/:id\/quotas\/:customerId$/, ['cycle', 'customer']],
  [/^\/supply\/cycles\/:id(\/|$)/, ['cycle']],
  [/^\/supply\/grade-runs\/:id(\/|$)/, ['gradeRun']],
  [/^\/classification\/rule-sets\/:id$/, ['ruleSet']],
  [/^\/classification\/runs\/:id\/proposals\/:customerId\/override$/, ['run', 'customer']],
  [/^\/classification\/runs\/:id(\/|$)/, ['run']],
  [/^\/classification\/customers\/:id\/class$/, ['customer']],
  [/^\/classification\/spot-checks\/:id\/items\/:customerId$/, ['spotCheck', 'customer']],
  [/^\/classification\/spot-checks\/:id(\/|$)/, ['spotCheck']],
  [/^\/portal\/orders\/:id$/, ['order']],
  [/^\/orders\/:id(\/|$)/, ['order']],
  [/^\/products\/:id$/, ['product']],
  [/^\/ticket-channel-keys\/:id\/revoke$/, ['channelKey']],
  [/^\/tickets\/:id\/attachments\/:attachmentId$/, ['ticket', 'attachment']],
  [/^\/tickets\/:id(\/|$)/, ['ticket']],
  [/^\/portal\/tickets\/:id(\/|$)/, ['ticket']],
  [/^\/ticket-categories\/:code$/, ['category']],
  [/^\/visits\/standards\/stores\/:customerId$/, ['customer']],
  [/^\/visits\/plan\/items\/:id(\/|$)/, ['planItem']],
  [/^\/visits\/photos\/:id$/, ['photo']],
  [/^\/visits\/:id(\/|$)/, ['visit']],
  [/^\/services\/items\/:id$/, ['serviceItem']],
  [/^\/brand-programmes\/:id(\/|$)/, ['brandProgramme']],
  [/^\/prices\/observations\/:id$/, ['priceReport']],
  [/^\/prices\/warning-rules\/:id$/, ['priceRule']],
  [/^\/prices\/warnings\/:id(\/|$)/, ['priceWarning']],
  [/^\/surveys\/need-items\/:code$/, ['needItem']],
  [/^\/surveys\/questionnaires\/:id(\/|$)/, ['questionnaire']],
  [/^\/surveys\/waves\/:id(\/|$)/, ['wave']],
  [/^\/portal\/surveys\/:waveId(\/|$)/, ['wave']],
  [/^\/credit\/models\/:id(\/|$)/, ['creditModel']],
  [/^\/credit\/runs\/:id(\/|$)/, ['creditRun']],
  [/^\/credit\/violations\/:id(\/|$)/, ['violation']],
  [/^\/credit\/appeals\/:id\/photos\/:photoId$/, ['appeal', 'photo']],
  [/^\/credit\/appeals\/:id(\/|$)/, ['appeal']],
  [/^\/terminals\/tiers\/:id$/, ['terminalTier']],
  [/^\/terminals\/applications\/:id(\/|$)/, ['terminalApplication']],
  [/^\/terminals\/inspections\/:id$/, ['terminalInspection']],
  [/^\/(portal\/)?terminals\/photos\/:id$/, ['terminalPhoto']],
  [/^\/assets\/photos\/:id$/, ['assetPhoto']],
  [/^\/(portal\/)?consumer-feedback\/:id(\/|$)/, ['consumerFeedback']],
  [/^\/assets\/:id(\/|$)/, ['asset']],
  [/^\/contests\/photos\/:id$/, ['contestPhoto']],
  [/^\/contests\/:id\/entries\/:entryId(\/|$)/, ['contest', 'contestEntry']],
  [/^\/(portal\/)?contests\/:id(\/|$)/, ['contest']],
  [/^\/article-categories\/:id$/, ['articleCategory']],
  [/^\/article-files\/:id$/, ['articleFile']],
  [/^\/(portal\/)?articles\/:id(\/|$)/, ['article']],
  [/^\/trainings\/trainers\/:customerId$/, ['customer']],
  [/^\/trainings\/:id\/certificates\/:customerId$/, ['trainingSession', 'customer']],
  [/^\/(portal\/)?trainings\/:id(\/|$)/, ['trainingSession']],
];

// Query and body fields that carry an id, by name.
const fieldKinds: Record<string, EntityKind> = {
  customerId: 'customer',
  customerIds: 'customer',
  managerId: 'user',
  userId: 'user',
  orgUnitId: 'orgUnit',
  parentId: 'orgUnit',
  branchId: 'orgUnit',
  branchIds: 'orgUnit',
  ticketId: 'ticket',
  planItemId: 'planItem',
  visitId: 'visit',
  photoIds: 'photo',
  cycleId: 'cycle',
  productId: 'product',
  ruleSetId: 'ruleSet',
  itemId: 'serviceItem',
  questionnaireId: 'questionnaire',
  tierId: 'terminalTier',
  toCustomerId: 'customer',
  judgeIds: 'user',
};

// Routes that refuse every id alike, whoever asks: the answer is theirs, not a scope's.
const refusedForEveryId: Record<string, number> = {
  // 痕迹化: a submitted visit is never changed or deleted (405 VISIT_APPEND_ONLY).
  'PATCH /api/v1/visits/:id': 405,
  'PUT /api/v1/visits/:id': 405,
  'DELETE /api/v1/visits/:id': 405,
};

// Bodies the schema alone cannot make valid (a rule checks them before the target is looked up).
const bodies: Record<string, (ids: Ids) => unknown> = {
  'PUT /api/v1/supply/cycles/:id/products': (ids) => ({
    products: [{ productId: ids.product ?? 1, supply: 1, strategy: { base: { kind: 'proportional' } } }],
  }),
};

// Routes whose body is a file.
const multipartRoutes = new Set([
  'POST /api/v1/tickets/:id/attachments',
  'POST /api/v1/visits/photos',
  'POST /api/v1/customers/import',
  'POST /api/v1/products/import',
  'POST /api/v1/portal/credit/photos',
  'POST /api/v1/credit/violations/import',
  'POST /api/v1/terminals/photos',
  'POST /api/v1/portal/terminals/photos',
  'POST /api/v1/assets/photos',
  'POST /api/v1/assets/import',
  'POST /api/v1/contests/photos',
  'POST /api/v1/portal/contests/photos',
  'POST /api/v1/portal/consumer-feedback/photos',
]);

type Identity = {
  name: string;
  cookie: string;
  role: string;
  cityWide: boolean;
  // Another city company's ids are all foreign; in the own city only the scoped ones are (the
  // city's tenant-wide ids are given too, for paths that need one beside a foreign id).
  sameTenant: boolean;
  foreign: Ids;
  // What a read must not show when filtered by the foreign ids: the foreign store's licence number
  // and name, the foreign manager's username.
  markers: string[];
};

type Outcome = { identity: string; operation: string; status: number; code: string | undefined };

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);

function multipart(bytes: Buffer, fileName: string, type: string) {
  const boundary = '----kewo-matrix';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
  $ref?: string;
};

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};

// The smallest value a schema accepts, with every id field it meets set from `ids` (an id field
// the schema leaves optional is filled too). `named` collects the kinds of the ids put in.
function sampleOf(
  schema: JsonSchema | undefined,
  field: string,
  ids: Ids,
  named: Set<EntityKind | 'placeholder'>,
  refs: Record<string, JsonSchema>,
): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sampleOf(refs[schema.$ref.split('/').pop() ?? ''], field, ids, named, refs);
  const kind = fieldKinds[field];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (kind && ids[kind] !== undefined) {
    named.add(kind);
    return types.includes('array') ? [ids[kind]] : ids[kind];
  }
  // An id field the identity has nothing of another scope for gets a placeholder: such a request
  // names something of its own (or nothing), so the matrix does not count it.
  if (kind) named.add('placeholder');
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const chosen = variants.find((variant) => variant.type !== 'null') ?? variants[0];
    return sampleOf(chosen, field, ids, named, refs);
  }
  if (schema.allOf) return sampleOf(schema.allOf[0], field, ids, named, refs);
  const type = types.find((candidate) => candidate !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const wanted = schema.required?.includes(name) || (fieldKinds[name] && ids[fieldKinds[name]] !== undefined);
        if (wanted) value[name] = sampleOf(property, name, ids, named, refs);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        sampleOf(schema.items, field, ids, named, refs),
      );
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number': {
      const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : -Infinity;
      const minimum = Math.max(schema.minimum ?? -Infinity, exclusive);
      return Math.min(Math.max(1, minimum), schema.maximum ?? Infinity);
    }
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

function stringOf(schema: JsonSchema): string {
  if (schema.format === 'date') return '2026-11-24';
  if (schema.format === 'date-time') return '2026-11-24T02:00:00.000Z';
  const candidates = [
    '矩阵测试',
    '2026-11-24',
    '2026-11',
    '2026-11-24T02:00:00.000Z',
    '2026-11-24T02:00:00Z',
    '09:00',
    'matrix_test',
    '350602100001',
    'a1',
  ];
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const fitting = candidates.find((candidate) => pattern.test(candidate));
    if (fitting) return fitting;
  }
  const text = '矩阵测试';
  return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength ?? 0, '试');
}

function kindsOfPath(url: string): EntityKind[] | undefined {
  const path = url.replace(/^\/api\/v1/, '');
  return pathKinds.find(([pattern]) => pattern.test(path))?.[1];
}

function isForeignFor(identity: Identity, kind: EntityKind | 'placeholder'): boolean {
  if (kind === 'placeholder') return false;
  return !identity.sameTenant || (scopedKinds as readonly string[]).includes(kind);
}

describe.each(testDatabaseKinds)('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let openApi: OpenApi;
  const identities: Identity[] = [];
  let fingerprintSql: ReturnType<typeof sql.raw>;
  let victimSession: string;

  const db = () => t.database.db;
  const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as { rows: T[] }).rows;
  const fingerprint = async () => JSON.stringify((await rowsOf<unknown>(fingerprintSql))[0]);
  const inject = (cookie: string, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: { cookie }, payload: payload as never });

  async function retailerSignIn(licenceNo: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/auth/login',
      payload: { licenceNo, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    return sessionCookieOf(response);
  }

  async function currentSessionOf(cookie: string): Promise<string> {
    const sessions = (await inject(cookie, 'GET', '/api/v1/auth/sessions')).json();
    return sessions.items.find((session: { current: boolean }) => session.current).id;
  }

  async function created(response: { statusCode: number; body: string; json: () => { id: number } }) {
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 300 });
    openApi = t.app.swagger() as unknown as OpenApi;
    const [ownBranch, otherBranch] = t.city.branches;
    const manager01 = t.city.managers.find((manager) => manager.username === 'manager01');
    const colleague = t.city.managers.find(
      (manager) => manager.branchId === ownBranch.id && manager.username !== 'manager01',
    );
    const otherManager = t.city.managers.find((manager) => manager.branchId === otherBranch.id);
    if (!manager01 || !colleague || !otherManager) throw new Error('the demo city lacks the managers the matrix needs');
    expect(manager01.branchId).toBe(ownBranch.id);

    // Stores: one of manager01 (the retailer who asks), one of a colleague in the same branch,
    // one in another branch (another manager's, another retailer's).
    const storeOf = async (managerId: number) => {
      const [store] = await rowsOf<{ id: number; licenceNo: string; name: string }>(sql`
        SELECT id, licence_no AS "licenceNo", name FROM customers
        WHERE manager_id = ${managerId} AND status = 'active' ORDER BY id LIMIT 1`);
      expect(store, `a store of manager ${managerId}`).toBeDefined();
      return store;
    };
    const ownStore = await storeOf(manager01.id);
    const colleagueStore = await storeOf(colleague.id);
    const otherStore = await storeOf(otherManager.id);
    const firstId = async (query: ReturnType<typeof sql>) => {
      const [row] = await rowsOf<{ id: number | string }>(query);
      expect(row, String(query.queryChunks)).toBeDefined();
      return typeof row.id === 'string' && /^\d+$/.test(row.id) ? Number(row.id) : row.id;
    };
    const scopedIdsOf = async (manager: { id: number }, store: { id: number }): Promise<Ids> => ({
      customer: store.id,
      user: manager.id,
      order: await firstId(sql`SELECT id FROM orders WHERE customer_id = ${store.id} ORDER BY id DESC LIMIT 1`),
      planItem: await firstId(
        sql`SELECT id FROM visit_plan_items WHERE manager_id = ${manager.id} ORDER BY id LIMIT 1`,
      ),
      visit: await firstId(sql`SELECT id FROM visits WHERE manager_id = ${manager.id} ORDER BY id LIMIT 1`),
    });

    // What the city-wide staff of 漳州 set up, so each kind has an id to try.
    const admin = await t.signIn('admin');
    const marketing = await t.signIn('marketing');
    const otherRetailer = await retailerSignIn(otherStore.licenceNo);
    const ticket = await created(
      await inject(otherRetailer, 'POST', '/api/v1/portal/tickets', {
        type: 'complaint',
        categoryCode: 'attitude',
        description: '送货员态度很差，还迟到了两个小时。',
      }),
    );
    const attachmentUpload = multipart(png, 'receipt.png', 'image/png');
    const attachment = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket}/attachments`,
      headers: { cookie: otherRetailer, 'content-type': attachmentUpload.contentType },
      payload: attachmentUpload.payload,
    });
    const otherManagerCookie = await t.signIn(otherManager.username);
    const photoUpload = multipart(jpeg, 'shelf.jpg', 'image/jpeg');
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits/photos',
      headers: { cookie: otherManagerCookie, 'content-type': photoUpload.contentType },
      payload: photoUpload.payload,
    });
    victimSession = otherManagerCookie;
    // Credit: a violation of the other store, and its appeal (the demo has published levels).
    const violation = await created(
      await inject(admin, 'POST', '/api/v1/credit/violations', {
        customerId: otherStore.id,
        occurredOn: '2026-11-02',
        type: 'other',
        severity: 'minor',
        documentNo: '矩阵-1',
      }),
    );
    const appealFiled = await inject(otherRetailer, 'POST', '/api/v1/portal/credit/appeals', { reason: '矩阵申诉' });
    const appeal =
      appealFiled.statusCode === 201
        ? appealFiled.json().id
        : await firstId(
            sql`SELECT id FROM credit_appeals WHERE customer_id = ${otherStore.id} ORDER BY id DESC LIMIT 1`,
          );
    // Terminals: the tiers (made on first use), the other store's application from the portal,
    // reviewed and approved, and its manager's inspection with three photos.
    const terminalTiers = (await inject(marketing, 'GET', '/api/v1/terminals/tiers')).json().items as {
      id: number;
      name: string;
      items: { id: string; maxScore: number }[];
    }[];
    const terminalTier = terminalTiers[terminalTiers.length - 1];
    const terminalPhotos: number[] = [];
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) {
      const upload = multipart(jpeg, name, 'image/jpeg');
      terminalPhotos.push(
        await created(
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/terminals/photos',
            headers: { cookie: otherManagerCookie, 'content-type': upload.contentType },
            payload: upload.payload,
          }),
        ),
      );
    }
    const terminalApplication = await created(
      await inject(otherRetailer, 'POST', '/api/v1/portal/terminals/applications', { tierId: terminalTier.id }),
    );
    for (const [cookie, step] of [
      [admin, 'review'],
      [marketing, 'approval'],
    ] as const) {
      const decided = await inject(cookie, 'POST', `/api/v1/terminals/applications/${terminalApplication}/${step}`, {
        approve: true,
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const terminalInspection = await created(
      await inject(otherManagerCookie, 'POST', '/api/v1/terminals/inspections', {
        customerId: otherStore.id,
        tierId: terminalTier.id,
        photoIds: terminalPhotos,
        results: terminalTier.items.map((item) => ({
          itemId: item.id,
          passed: true,
          ...(item.maxScore > 0 ? { score: item.maxScore } : {}),
        })),
      }),
    );
    // Fixtures: one at the other store, and an audit photo its manager uploaded. Contests: an open
    // one judged by the city's inspector, the other store's entry and its photo.
    const asset = await created(
      await inject(admin, 'POST', '/api/v1/assets', {
        tag: 'MATRIX-0001',
        type: 'cabinet',
        valueYuan: 1000,
        customerId: otherStore.id,
      }),
    );
    const uploadTo = async (cookie: string, url: string) => {
      const upload = multipart(jpeg, 'fixture.jpg', 'image/jpeg');
      return created(
        await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': upload.contentType },
          payload: upload.payload,
        }),
      );
    };
    const assetPhoto = await uploadTo(otherManagerCookie, '/api/v1/assets/photos');
    const contest = await created(
      await inject(marketing, 'POST', '/api/v1/contests', {
        title: '矩阵大赛',
        rules: '矩阵',
        startsOn: '2026-11-20',
        entryDeadline: '2026-12-20',
        endsOn: '2026-12-31',
        criteria: [{ key: 'creative', label: '创意', weight: 1, maxScore: 10 }],
        judgeIds: [
          await firstId(sql`SELECT id FROM users WHERE tenant_id = ${t.city.tenantId} AND username = 'inspector'`),
        ],
      }),
    );
    const contestPhoto = await uploadTo(otherRetailer, '/api/v1/portal/contests/photos');
    const contestEntry = await created(
      await inject(otherRetailer, 'POST', `/api/v1/portal/contests/${contest}/entries`, {
        title: '矩阵作品',
        photoIds: [contestPhoto],
      }),
    );
    // Training: a city-wide session, taught by the city's inspector.
    const trainingSession = await created(
      await inject(marketing, 'POST', '/api/v1/trainings', {
        title: '矩阵培训',
        kind: 'service',
        trainerUserId: await firstId(
          sql`SELECT id FROM users WHERE tenant_id = ${t.city.tenantId} AND username = 'inspector'`,
        ),
        place: '矩阵',
        startsAt: '2026-12-10T06:00:00Z',
        endsAt: '2026-12-10T08:00:00Z',
        capacity: 30,
        signupDeadline: '2026-12-09T06:00:00Z',
        cancelDeadline: '2026-12-09T06:00:00Z',
      }),
    );
    // 信息推送: a city-wide article with a cover, published to every store; its categories.
    const articleFile = await uploadTo(marketing, '/api/v1/article-files/images');
    expect((await inject(marketing, 'GET', '/api/v1/article-categories')).statusCode).toBe(200);
    const articleCategory = await firstId(
      sql`SELECT id FROM article_categories WHERE tenant_id = ${t.city.tenantId} ORDER BY id LIMIT 1`,
    );
    const article = await created(
      await inject(marketing, 'POST', '/api/v1/articles', {
        categoryId: articleCategory,
        title: '矩阵资讯',
        bodyHtml: '<p>矩阵</p>',
        coverFileId: articleFile,
        target: null,
      }),
    );
    expect((await inject(marketing, 'POST', `/api/v1/articles/${article}/publish`, {})).statusCode).toBe(200);
    // Consumer feedback: the other store relays one item (its ticket runs on the complaints' clock).
    const consumerFeedback = await created(
      await inject(otherRetailer, 'POST', '/api/v1/portal/consumer-feedback', { topic: 'price', text: '矩阵意见' }),
    );
    const otherBranchIds: Ids = {
      ...(await scopedIdsOf(otherManager, otherStore)),
      orgUnit: otherBranch.id,
      ticket,
      attachment: await created(attachment),
      photo: await created(photo),
      session: await currentSessionOf(otherManagerCookie),
      violation,
      appeal,
      terminalApplication,
      terminalInspection,
      terminalPhoto: terminalPhotos[0],
      asset,
      assetPhoto,
      consumerFeedback,
    };
    const colleagueIds: Ids = await scopedIdsOf(colleague, colleagueStore);
    // Surveys: the need items (made on first use), a questionnaire and an open wave sent to every store.
    expect((await inject(marketing, 'GET', '/api/v1/surveys/need-items')).statusCode).toBe(200);
    const surveyQuestionnaire = await created(
      await inject(marketing, 'POST', '/api/v1/surveys/questionnaires', { templateKind: 'needs' }),
    );
    const surveyWave = await created(
      await inject(marketing, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: surveyQuestionnaire,
        title: '矩阵调查',
        opensOn: '2026-11-23',
        closesOn: '2026-12-31',
        target: { kind: 'segment', segment: {} },
      }),
    );
    expect((await inject(marketing, 'POST', `/api/v1/surveys/waves/${surveyWave}/open`)).statusCode).toBe(200);
    const zhangzhouWide: Ids = {
      trainingSession,
      article,
      articleCategory,
      articleFile,
      contest,
      contestEntry,
      contestPhoto,
      needItem: 'settlement',
      questionnaire: surveyQuestionnaire,
      wave: surveyWave,
      creditModel: await firstId(sql`SELECT id FROM credit_models WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      creditRun: await firstId(sql`SELECT id FROM credit_runs WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      terminalTier: terminalTier.id,
      cycle: await firstId(
        sql`SELECT id FROM order_cycles WHERE tenant_id = ${t.city.tenantId} ORDER BY id DESC LIMIT 1`,
      ),
      gradeRun: await firstId(sql`SELECT id FROM grade_runs WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      ruleSet: await firstId(sql`SELECT id FROM classification_rule_sets WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      run: await firstId(sql`SELECT id FROM classification_runs WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      product: await firstId(sql`SELECT id FROM products WHERE tenant_id = ${t.city.tenantId} ORDER BY id LIMIT 1`),
      category: await firstId(
        sql`SELECT code AS id FROM ticket_categories WHERE tenant_id = ${t.city.tenantId} LIMIT 1`,
      ),
      serviceItem: await firstId(sql`SELECT id FROM service_items WHERE tenant_id = ${t.city.tenantId} LIMIT 1`),
      spotCheck: await created(await inject(marketing, 'POST', '/api/v1/classification/spot-checks', { size: 10 })),
      customField: await created(
        await inject(admin, 'POST', '/api/v1/customer-fields', { key: 'matrix_note', label: '备注', kind: 'text' }),
      ),
      channelKey: await created(await inject(admin, 'POST', '/api/v1/ticket-channel-keys', { channel: 'sms' })),
      brandProgramme: await created(
        await inject(marketing, 'POST', '/api/v1/brand-programmes', {
          name: '矩阵培育',
          productIds: [
            await firstId(sql`SELECT id FROM products WHERE tenant_id = ${t.city.tenantId} ORDER BY id LIMIT 1`),
          ],
          startDate: '2026-11-02',
          endDate: '2027-01-31',
          goals: { shelvingRate: 0.5 },
        }),
      ),
    };

    // The other city company: its staff of every role, and what it has for 漳州's staff to try.
    const xiamenRoot = await findRootOrgUnit(db(), t.otherTenant.tenantId);
    if (!xiamenRoot) throw new Error('the other city company has no root org unit');
    for (const role of ['marketing', 'service', 'inspector'] as const) {
      await addStaff(t, { username: `xm-${role}`, role, orgUnitId: xiamenRoot.id, tenantId: t.otherTenant.tenantId });
    }
    const xiamenManager = await addStaff(t, {
      username: 'xm-manager',
      role: 'manager',
      orgUnitId: xiamenRoot.id,
      tenantId: t.otherTenant.tenantId,
      scopeKind: 'own',
    });
    const xiamenAdmin = await t.signIn(t.otherTenant.adminUsername);
    const xiamenStore = await created(
      await inject(xiamenAdmin, 'POST', '/api/v1/customers', {
        licenceNo: '350203900001',
        name: '鹭岛便利店',
        owner: '陈一',
        phone: '13900000001',
        address: '思明区中山路1号',
        urbanRural: 'urban',
        format: 'convenience',
        managerId: xiamenManager,
        orderDay: 1,
        orderChannel: 'online',
      }),
    );
    const xiamenIds: Ids = {
      orgUnit: xiamenRoot.id,
      user: xiamenManager,
      session: await currentSessionOf(xiamenAdmin),
      customer: xiamenStore,
      ticket: await created(
        await inject(xiamenAdmin, 'POST', '/api/v1/tickets', {
          customerId: xiamenStore,
          type: 'complaint',
          channel: 'phone',
          description: '电话反映：送货晚了两个小时。',
        }),
      ),
      product: await created(
        await inject(xiamenAdmin, 'POST', '/api/v1/products', {
          code: '6901028999991',
          brand: '七匹狼',
          name: '七匹狼(白)',
          wholesalePrice: 100,
          retailPrice: 120,
        }),
      ),
      customField: await created(
        await inject(xiamenAdmin, 'POST', '/api/v1/customer-fields', { key: 'xm_note', label: '备注', kind: 'text' }),
      ),
      channelKey: await created(await inject(xiamenAdmin, 'POST', '/api/v1/ticket-channel-keys', { channel: 'sms' })),
      questionnaire: await created(
        await inject(xiamenAdmin, 'POST', '/api/v1/surveys/questionnaires', { templateKind: 'satisfaction' }),
      ),
    };
    xiamenIds.wave = await created(
      await inject(xiamenAdmin, 'POST', '/api/v1/surveys/waves', {
        questionnaireId: xiamenIds.questionnaire,
        title: '厦门调查',
        opensOn: '2026-11-23',
        closesOn: '2026-12-31',
        target: { kind: 'segment', segment: {} },
      }),
    );

    // Staff of 市区营销部 scoped to their branch.
    for (const role of ['admin', 'marketing', 'service', 'inspector'] as const) {
      await addStaff(t, { username: `xc-${role}`, role, orgUnitId: ownBranch.id });
    }

    // A ticket category is named by its code, which every city company has alike: not an id of
    // another city.
    const { category: _sameCodeInEveryCity, needItem: _sameNeedCodeInEveryCity, ...zhangzhouWideIds } = zhangzhouWide;
    const zhangzhou = { ...otherBranchIds, ...zhangzhouWideIds };
    const otherBranchMarkers = [otherStore.licenceNo, otherStore.name, otherManager.username];
    const add = async (
      name: string,
      cookie: Promise<string>,
      role: string,
      options: { cityWide: boolean; sameTenant: boolean; foreign: Ids; markers: string[] },
    ) => identities.push({ name, cookie: await cookie, role, ...options });
    for (const role of ['admin', 'marketing', 'service', 'inspector'] as const) {
      await add(`${role} (漳州, city-wide) → 厦门`, t.signIn(role), role, {
        cityWide: true,
        sameTenant: true,
        foreign: xiamenIds,
        markers: ['xm-manager', '350203900001', '鹭岛便利店'],
      });
      await add(`${role} of 市区营销部 → 龙海营销部`, t.signIn(`xc-${role}`), role, {
        cityWide: false,
        sameTenant: true,
        foreign: { ...zhangzhouWide, ...otherBranchIds },
        markers: otherBranchMarkers,
      });
      await add(`${role} (厦门) → 漳州`, t.signIn(role === 'admin' ? 'xm-admin' : `xm-${role}`), role, {
        cityWide: true,
        sameTenant: false,
        foreign: zhangzhou,
        markers: otherBranchMarkers,
      });
    }
    await add('manager01 → 龙海营销部', t.signIn('manager01'), 'manager', {
      cityWide: false,
      sameTenant: true,
      foreign: { ...zhangzhouWide, ...otherBranchIds },
      markers: otherBranchMarkers,
    });
    await add(`manager01 → ${colleague.username} (same branch)`, t.signIn('manager01'), 'manager', {
      cityWide: false,
      sameTenant: true,
      foreign: { ...zhangzhouWide, ...colleagueIds },
      markers: [colleagueStore.licenceNo, colleagueStore.name, colleague.username],
    });
    await add('manager (厦门) → 漳州', t.signIn('xm-manager'), 'manager', {
      cityWide: false,
      sameTenant: false,
      foreign: zhangzhou,
      markers: otherBranchMarkers,
    });
    await add('retailer → another retailer', retailerSignIn(ownStore.licenceNo), 'retailer', {
      cityWide: false,
      sameTenant: true,
      foreign: { ...zhangzhouWide, ...otherBranchIds },
      markers: otherBranchMarkers,
    });

    // The other city's settings are made on first use: made now, before the count, as its staff's
    // first visit would.
    for (const url of [
      '/ticket-categories',
      '/ticket-sla-policies',
      '/services/items',
      '/visits/standards',
      '/surveys/need-items',
      '/terminals/tiers',
    ]) {
      expect((await inject(xiamenAdmin, 'GET', `/api/v1${url}`)).statusCode).toBe(200);
    }

    // Every table's row count and latest change, except the sessions every request touches. The
    // clock moves on first, so a row updated by the matrix shows a later updated_at.
    const tables = await rowsOf<{ name: string; updated: boolean }>(sql`
      SELECT c.relname AS name,
             EXISTS (SELECT 1 FROM information_schema.columns col
                     WHERE col.table_schema = current_schema() AND col.table_name = c.relname
                       AND col.column_name = 'updated_at') AS updated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'sessions'
        AND NOT c.relispartition
      ORDER BY c.relname`);
    expect(tables.map((table) => table.name)).toContain('audit_log');
    fingerprintSql = sql.raw(
      `SELECT ${tables
        .map(
          (table) =>
            `(SELECT ${table.updated ? `count(*) || '@' || coalesce(max(updated_at)::text, '')` : 'count(*)'} FROM "${table.name}") AS "${table.name}"`,
        )
        .join(', ')}`,
    );
    t.clock.advanceMinutes(1);
  });
  afterAll(async () => t?.close());

  it('knows what every path parameter names', () => {
    const unknown = t.app.registeredRoutes
      .filter((route) => route.url.startsWith('/api/v1/') && route.url.includes(':') && !kindsOfPath(route.url))
      .map((route) => `${route.method} ${route.url}`);
    expect(unknown).toEqual([]);
  });

  it('refuses every operation on an id of another scope, for every role, and writes nothing', async () => {
    const started = Date.now();
    const operations = t.app.registeredRoutes.filter(
      (route) => route.url.startsWith('/api/v1/') && route.access?.kind === 'roles',
    );
    expect(operations.length).toBeGreaterThan(100);
    const outcomes: Outcome[] = [];
    const failures: string[] = [];
    let nothingToName = 0;

    for (const identity of identities) {
      const before = await fingerprint();
      // The state after this identity's last write: a write that changed anything shows at once.
      let state = before;
      for (const route of operations) {
        const operation = `${route.method} ${route.url}`;
        const rule = route.access as RolesRule;
        const refusal = !rule.roles.includes(identity.role as never)
          ? 'FORBIDDEN'
          : rule.cityWide && !identity.cityWide
            ? 'CITY_WIDE_SCOPE_REQUIRED'
            : undefined;
        const request = buildRequest(route, identity);
        if (!request) {
          // The identity has no id of that kind in another scope to put in the path (厦门 has no
          // visits or orders): nothing to try, unless the role or scope alone refuses it.
          if (!refusal) {
            nothingToName += 1;
            continue;
          }
        }
        const named = request?.named ?? new Set<EntityKind | 'placeholder'>();
        const namesForeign = [...named].some((entity) => isForeignFor(identity, entity));
        if (!refusal && (!namesForeign || named.has('placeholder'))) {
          nothingToName += 1;
          continue;
        }
        const url = request?.url ?? route.url.replaceAll(/:\w+/g, '1');
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            cookie: identity.cookie,
            'idempotency-key': randomUUID(),
            ...(request?.contentType ? { 'content-type': request.contentType } : {}),
          },
          payload: request?.payload as never,
        });
        const code = response.headers['content-type']?.includes('json') ? response.json().code : undefined;
        outcomes.push({ identity: identity.name, operation, status: response.statusCode, code });
        const where = `${identity.name}: ${route.method} ${url} ${JSON.stringify(request?.payload ?? '')}`;
        if (refusal) {
          if (response.statusCode !== 403 || code !== refusal)
            failures.push(`${where} → ${response.statusCode} ${code}, expected 403 ${refusal}`);
        } else if (refusedForEveryId[operation]) {
          if (response.statusCode !== refusedForEveryId[operation])
            failures.push(`${where} → ${response.statusCode} ${code}, expected ${refusedForEveryId[operation]}`);
        } else if (request?.pathForeign) {
          if (response.statusCode !== 404 && response.statusCode !== 403)
            failures.push(`${where} → ${response.statusCode} ${code} ${response.body.slice(0, 200)}, expected 404`);
        } else if (route.method === 'GET') {
          // A list filtered by an id of another scope: refused, or empty of it.
          const shown = identity.markers.filter((marker) => response.body.includes(marker));
          const refused = response.statusCode === 404 || response.statusCode === 403;
          if (!refused && (response.statusCode !== 200 || shown.length > 0))
            failures.push(`${where} → ${response.statusCode} ${code}, shows ${shown.join(', ')}`);
        } else if (response.statusCode < 400 || response.statusCode >= 500) {
          failures.push(`${where} → ${response.statusCode} ${code} ${response.body.slice(0, 200)}, expected 4xx`);
        }
        if (!refusal && route.method !== 'GET') {
          const after = await fingerprint();
          if (after !== state) failures.push(`${where} → ${response.statusCode}: wrote to the database`);
          state = after;
        }
      }
      if ((await fingerprint()) !== before) failures.push(`${identity.name}: the database changed during its requests`);
    }

    // Nothing revoked the session of the manager whose ids were tried.
    expect((await inject(victimSession, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const byStatus = new Map<string, number>();
    for (const outcome of outcomes) {
      const key = `${outcome.status} ${outcome.code ?? ''}`.trim();
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    console.info(
      `authorization matrix on ${kind}: ${operations.length} operations × ${identities.length} identities = ${
        operations.length * identities.length
      } pairs; ${outcomes.length} requests tried (${[...byStatus]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key}: ${n}`)
        .join(', ')}); ${nothingToName} pairs named no id of another scope; ${Math.round(
        (Date.now() - started) / 1000,
      )} s`,
    );
    if (failures.length > 0) console.error(`authorization matrix on ${kind}: failures\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(1000);
  }, 240_000);

  // The request for one operation: path filled with the identity's foreign ids (undefined when it
  // has none of a kind the path needs), query and body generated from the OpenAPI document.
  function buildRequest(route: { method: string; url: string }, identity: Identity) {
    const named = new Set<EntityKind | 'placeholder'>();
    const kinds = kindsOfPath(route.url) ?? [];
    let index = 0;
    let missing = false;
    const path = route.url.replaceAll(/:\w+/g, () => {
      const entity = kinds[index++];
      const id = entity === undefined ? undefined : identity.foreign[entity];
      if (id === undefined) {
        missing = true;
        return '1';
      }
      named.add(entity);
      return encodeURIComponent(String(id));
    });
    if (missing) return undefined;
    const pathForeign = [...named].some((entity) => isForeignFor(identity, entity));
    const spec =
      openApi.paths[route.url.replace(/^\/api\/v1/, '/api/v1').replaceAll(/:(\w+)/g, '{$1}')]?.[
        route.method.toLowerCase()
      ];
    const refs = openApi.components?.schemas ?? {};
    const query = new URLSearchParams();
    for (const parameter of spec?.parameters ?? []) {
      if (parameter.in !== 'query') continue;
      const kind = fieldKinds[parameter.name];
      // An export is read as CSV, so the check for what it shows can read it.
      if (parameter.name === 'format' && parameter.schema?.enum?.includes('csv')) {
        query.set('format', 'csv');
        continue;
      }
      if (!parameter.required && !(kind && identity.foreign[kind] !== undefined)) continue;
      const value = sampleOf(parameter.schema, parameter.name, identity.foreign, named, refs);
      if (value !== undefined) query.set(parameter.name, String(Array.isArray(value) ? value[0] : value));
    }
    const url = query.size > 0 ? `${path}?${query}` : path;
    const operation = `${route.method} ${route.url}`;
    if (multipartRoutes.has(operation)) {
      const upload = multipart(png, 'matrix.png', 'image/png');
      return { url, named, pathForeign, payload: upload.payload, contentType: upload.contentType };
    }
    const bodySchema = spec?.requestBody?.content?.['application/json']?.schema;
    const payload = bodies[operation]
      ? bodies[operation](identity.foreign)
      : bodySchema
        ? sampleOf(bodySchema, '', identity.foreign, named, refs)
        : undefined;
    return { url, named, pathForeign, payload, contentType: undefined };
  }
});
