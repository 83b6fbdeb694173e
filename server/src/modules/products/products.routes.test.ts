import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { csvOf, multipart, xlsxOf } from '../../platform/spreadsheets/sheet-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { productSheetHeaders } from './product-sheet.rules.ts';
import { getProductsByIds, insertProducts } from './products.repository.ts';
import { products } from './products.schema.ts';

type Item = {
  id: number;
  code: string;
  brand: string;
  name: string;
  priceClass: number;
  wholesalePrice: number;
  retailPrice: number;
  status: string;
  isNew: boolean;
};

const productRow = (code: string, overrides: Record<string, string | number> = {}) => ({
  卷烟编码: code,
  品牌: '测试',
  品名规格: `测试(${code})`,
  '批发价(元/条)': 120.5,
  '建议零售价(元/条)': 140,
  价类: '',
  状态: '',
  新品: '',
  ...overrides,
});

describe.each(testDatabaseKinds)('products on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let marketing: string;
  let manager: string;
  let otherProductId: number;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
    [admin, marketing, manager] = await Promise.all([t.signIn('admin'), t.signIn('marketing'), t.signIn('manager01')]);
    // A product of the other city company, written directly: it must stay invisible from 漳州.
    const [other] = await insertProducts(t.database.db, [
      {
        tenantId: t.otherTenant.tenantId,
        code: '9990001',
        brand: '鹭岛',
        name: '鹭岛(硬)',
        priceClass: 2,
        wholesalePriceFen: 120_00,
        retailPriceFen: 140_00,
      },
    ]);
    otherProductId = other.id;
  });
  afterAll(async () => t?.close());

  const list = async (query: string, cookie = manager) => {
    const response = await t.app.inject({ url: `/api/v1/products?${query}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Item[]; total: number; nextCursor: string | null };
  };
  const countProducts = async () => {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(products)
      .where(eq(products.tenantId, t.city.tenantId));
    return row.n;
  };
  const upload = (fileName: string, content: Buffer | string, cookie = admin) => {
    const body = multipart(fileName, content);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  };

  it('lets every staff role page through the demo catalogue, brand by brand', async () => {
    const first = await list('limit=100');
    expect(first.total).toBeGreaterThanOrEqual(280);
    expect(first.items).toHaveLength(100);
    const seen = new Set(first.items.map((item) => item.id));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await list(`limit=100&cursor=${cursor}`);
      for (const item of page.items) seen.add(item.id);
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(first.total);
    const zhonghua = first.items.find((item) => item.name === '中华(硬)') ?? (await list('q=中华(硬)')).items[0];
    expect(zhonghua).toMatchObject({ brand: '中华', retailPrice: 450, priceClass: 1, status: 'active' });
    expect(Number.isInteger(Math.round(zhonghua.wholesalePrice * 100))).toBe(true);
  });

  it('searches code, brand and name, and filters by brand, class, status and new', async () => {
    const byName = await list('q=纯境');
    expect(byName.items.map((item) => item.name)).toContain('七匹狼(纯境)');
    const code = byName.items[0].code;
    expect((await list(`q=${code.slice(0, 10)}`)).items.map((item) => item.code)).toContain(code);
    const brand = await list(`brand=${encodeURIComponent('利群')}&limit=200`);
    expect(brand.total).toBeGreaterThan(5);
    expect(brand.items.every((item) => item.brand === '利群')).toBe(true);
    const cheap = await list('priceClass=5');
    expect(cheap.total).toBeGreaterThan(0);
    expect(cheap.items.every((item) => item.priceClass === 5 && item.wholesalePrice < 23.1)).toBe(true);
    const discontinued = await list('status=discontinued');
    expect(discontinued.total).toBeGreaterThan(0);
    expect(discontinued.items.every((item) => item.status === 'discontinued')).toBe(true);
    const fresh = await list('isNew=true&limit=200');
    expect(fresh.total).toBeGreaterThan(0);
    expect(fresh.items.every((item) => item.isNew)).toBe(true);
    expect((await list('q=鹭岛')).total).toBe(0);
    expect((await list('q=%25')).total).toBe(0);
  });

  it('refuses an unknown parameter and a broken cursor', async () => {
    const unknown = await t.app.inject({ url: '/api/v1/products?colour=red', headers: { cookie: manager } });
    expect(unknown.statusCode).toBe(400);
    const cursor = await t.app.inject({ url: '/api/v1/products?cursor=nonsense', headers: { cookie: manager } });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe('INVALID_CURSOR');
  });

  it('lists the brands with their counts', async () => {
    const response = await t.app.inject({ url: '/api/v1/products/brands', headers: { cookie: manager } });
    const brands = response.json().items as { brand: string; count: number }[];
    expect(brands.find((entry) => entry.brand === '中华')?.count).toBeGreaterThan(5);
    expect(brands.some((entry) => entry.brand === '鹭岛')).toBe(false);
  });

  it('creates a product with its class from the price, audited', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: { cookie: marketing },
      payload: { code: '6901028999991', brand: '中华', name: '中华(测试)', wholesalePrice: 210.94, retailPrice: 240 },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      wholesalePrice: 210.94,
      retailPrice: 240,
      priceClass: 1,
      status: 'active',
      isNew: false,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'product'), eq(auditLog.entityId, String(created.id))));
    expect(audit).toMatchObject({ action: 'create', tenantId: t.city.tenantId });
    expect((audit.after as { wholesalePriceFen: number }).wholesalePriceFen).toBe(21_094);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: { cookie: admin },
      payload: { code: '6901028999991', brand: '中华', name: '中华(重复)', wholesalePrice: 210.94, retailPrice: 240 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PRODUCT_CODE_TAKEN', field: 'code' });
  });

  it('refuses bad codes and prices with a clear message, writing nothing', async () => {
    const before = await countProducts();
    const cases = [
      [{ code: '6901028999997' }, 400, 'PRODUCT_BARCODE_CHECK_DIGIT'],
      [{ code: 'ab' }, 400, 'PRODUCT_CODE_INVALID'],
      [{ retailPrice: 45 }, 400, 'PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE'],
      [{ wholesalePrice: 37.63, retailPrice: 450 }, 400, 'PRODUCT_RETAIL_MARKUP_TOO_HIGH'],
      [{ wholesalePrice: 100.005 }, 400, 'VALIDATION_FAILED'],
      [{ priceClass: 6 }, 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [overrides, status, code] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/products',
        headers: { cookie: admin },
        payload: {
          code: '53019901',
          brand: '测试',
          name: '测试(硬)',
          wholesalePrice: 376.3,
          retailPrice: 450,
          ...overrides,
        },
      });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(response.json().code).toBe(code);
      expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await countProducts()).toBe(before);
  });

  it('edits a product: a default class follows the price, a class set by hand stays, audited with before and after', async () => {
    const { items } = await list(`q=${encodeURIComponent('七匹狼(通仙)')}`);
    const product = items[0];
    expect(product.priceClass).toBe(1);
    const cheaper = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: { cookie: admin },
      payload: { wholesalePrice: 80, retailPrice: 90, isNew: true },
    });
    expect(cheaper.statusCode, cheaper.body).toBe(200);
    expect(cheaper.json()).toMatchObject({ wholesalePrice: 80, retailPrice: 90, priceClass: 3, isNew: true });
    const byHand = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: { cookie: marketing },
      payload: { priceClass: 2 },
    });
    expect(byHand.json().priceClass).toBe(2);
    const dearer = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: { cookie: marketing },
      payload: { wholesalePrice: 300, retailPrice: 340, status: 'discontinued' },
    });
    expect(dearer.json()).toMatchObject({ priceClass: 2, status: 'discontinued' });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'product'), eq(auditLog.entityId, String(product.id))));
    expect(entries).toHaveLength(3);
    expect(entries[0].before).toEqual({
      priceClass: 1,
      wholesalePriceFen: Math.round(product.wholesalePrice * 100),
      retailPriceFen: Math.round(product.retailPrice * 100),
      isNew: false,
    });
    const inverted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: { cookie: admin },
      payload: { retailPrice: 299 },
    });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().code).toBe('PRODUCT_RETAIL_NOT_ABOVE_WHOLESALE');
    const unknownField = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: { cookie: admin },
      payload: { code: '12345678' },
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses writes to other roles (403) and reads to the anonymous (401)', async () => {
    const payload = { code: '53019902', brand: '测试', name: '测试(软)', wholesalePrice: 100, retailPrice: 115 };
    for (const username of ['manager01', 'service', 'inspector']) {
      const cookie = await t.signIn(username);
      const create = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: { cookie }, payload });
      expect(create.statusCode, username).toBe(403);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/products/1',
        headers: { cookie },
        payload: { name: 'x' },
      });
      expect(patch.statusCode).toBe(403);
      expect((await upload('p.csv', 'x', cookie)).statusCode).toBe(403);
      const template = await t.app.inject({ url: '/api/v1/products/import/template', headers: { cookie } });
      expect(template.statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/products' })).statusCode).toBe(401);
  });

  it("keeps another city company's product out of sight: 404, not in lists, not patchable", async () => {
    const get = await t.app.inject({ url: `/api/v1/products/${otherProductId}`, headers: { cookie: admin } });
    expect(get.statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${otherProductId}`,
      headers: { cookie: admin },
      payload: { name: '鹭岛(改)' },
    });
    expect(patch.statusCode).toBe(404);
    const xiamen = await t.signIn(t.otherTenant.adminUsername);
    const theirs = await list('limit=10', xiamen);
    expect(theirs.items.map((item) => item.id)).toEqual([otherProductId]);
    const [mine] = (await list('limit=1')).items;
    expect((await t.app.inject({ url: `/api/v1/products/${mine.id}`, headers: { cookie: xiamen } })).statusCode).toBe(
      404,
    );
    const byIds = await getProductsByIds(t.database.db, t.city.tenantId, [mine.id, otherProductId, mine.id]);
    expect(byIds.map((row) => row.id)).toEqual([mine.id]);
  });

  it('imports all or nothing: one bad row → 422 naming row, column and value; nothing written', async () => {
    const before = await countProducts();
    const file = await xlsxOf(
      [
        productRow('53011001'),
        productRow('53011002', { '建议零售价(元/条)': 100 }),
        productRow('53011003', { 价类: '六类' }),
        productRow('53011001', { 品名规格: '重复' }),
      ],
      productSheetHeaders,
    );
    const response = await upload('products.xlsx', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('PRODUCT_IMPORT_ROWS_INVALID');
    expect(body.errorCount).toBe(3);
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 3, column: '建议零售价(元/条)', value: '100' }),
      expect.objectContaining({ row: 4, column: '价类', value: '六类' }),
      expect.objectContaining({ row: 5, column: '卷烟编码', value: '53011001' }),
    ]);
    expect(body.errors[0].message).toContain('须高于批发价');
    expect(await countProducts()).toBe(before);
  });

  it('imports a CSV: creates new codes, updates known ones, audited', async () => {
    const before = await countProducts();
    const { items } = await list(`q=${encodeURIComponent('玉溪(软)')}`);
    const yuxi = items[0];
    const csv = csvOf(
      [
        productRow('53012001', { 新品: '是' }),
        productRow('53012002', { '批发价(元/条)': '¥30.00', '建议零售价(元/条)': '34', 价类: '' }),
        productRow(yuxi.code, {
          品牌: '玉溪',
          品名规格: '玉溪(软)',
          '批发价(元/条)': yuxi.wholesalePrice + 1,
          '建议零售价(元/条)': yuxi.retailPrice,
        }),
      ],
      productSheetHeaders,
    );
    const response = await upload('products.csv', csv, marketing);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rows: 3, created: 2, updated: 1, unchanged: 0 });
    expect(await countProducts()).toBe(before + 2);
    const created = await list('q=53012');
    expect(created.items.map((item) => [item.code, item.priceClass, item.isNew])).toEqual([
      ['53012001', 2, true],
      ['53012002', 4, false],
    ]);
    const updated = await t.app.inject({ url: `/api/v1/products/${yuxi.id}`, headers: { cookie: manager } });
    expect(updated.json().wholesalePrice).toBeCloseTo(yuxi.wholesalePrice + 1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'product'), eq(auditLog.entityId, String(yuxi.id))));
    expect(audit.at(-1)?.after).toMatchObject({ source: 'import' });
  });

  it('exports what it lists; the export imports back with nothing to change', async () => {
    const response = await t.app.inject({ url: '/api/v1/products/export?format=xlsx', headers: { cookie: manager } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(productSheetHeaders);
    const total = await countProducts();
    expect(sheet.rowCount).toBe(total + 1);
    const back = await upload('export.xlsx', response.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ rows: total, created: 0, updated: 0, unchanged: total });

    const csv = await t.app.inject({
      url: '/api/v1/products/export?format=csv&brand=中华',
      headers: { cookie: manager },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0].replace('\ufeff', '')).toBe(productSheetHeaders.join(','));
    expect(lines.slice(1).every((line) => line.includes(',中华,'))).toBe(true);
    const csvBack = await upload('export.csv', csv.rawPayload);
    expect(csvBack.json()).toMatchObject({ created: 0, updated: 0, unchanged: lines.length - 1 });
  });

  it('hands out a template with the headers and refuses files that are not spreadsheets', async () => {
    const template = await t.app.inject({ url: '/api/v1/products/import/template', headers: { cookie: marketing } });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(productSheetHeaders);
    expect(workbook.worksheets[1].name).toBe('填写说明');
    const empty = await upload('empty.csv', productSheetHeaders.join(','));
    expect(empty.json().code).toBe('PRODUCT_IMPORT_FILE_EMPTY');
    const missing = await upload('missing.csv', '卷烟编码,品牌\r\n53010101,中华');
    expect(missing.json().code).toBe('IMPORT_COLUMNS_MISSING');
    const binary = await upload('x.xlsx', Buffer.from([0, 1, 2, 3, 0, 0]));
    expect(binary.json().code).toBe('IMPORT_FILE_NOT_SPREADSHEET');
  });

  it('an export with a bad filter answers 400 problem+json, not a broken stream', async () => {
    for (const query of ['q=%E4%B8%AD%00', 'brand=a%00b', 'priceClass=9']) {
      for (const format of ['csv', 'xlsx']) {
        const response = await t.app.inject({
          url: `/api/v1/products/export?format=${format}&${query}`,
          headers: { cookie: manager, 'accept-encoding': 'gzip' },
        });
        expect(response.statusCode, `${query} ${format}`).toBe(400);
        expect(response.headers['content-disposition']).toBeUndefined();
        expect(response.headers['content-type']).toContain('application/problem+json');
        const encoding = response.headers['content-encoding'];
        expect([undefined, 'gzip']).toContain(encoding);
        const body = encoding === 'gzip' ? gunzipSync(response.rawPayload) : response.rawPayload;
        expect(JSON.parse(body.toString('utf8'))).toMatchObject({ status: 400 });
      }
    }
  });

  it('CSV cells that start a formula are neutralised', async () => {
    const name = '=HYPERLINK("http://x.example","点此")';
    const created = await upload(
      'formula.csv',
      csvOf([productRow('6901028000994', { 品名规格: name })], productSheetHeaders),
    );
    expect(created.statusCode, created.body).toBe(200);
    const csv = await t.app.inject({
      url: '/api/v1/products/export?format=csv&q=6901028000994',
      headers: { cookie: manager },
    });
    const rows = parseCsv(csv.body.replace(/^\ufeff/, '')) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1][productSheetHeaders.indexOf('品名规格')]).toBe(`'${name}`);
    for (const cell of rows[1]) expect(cell).not.toMatch(/^[=+\-@\r]/);
    // Imported back, nothing changes: the name is the one typed.
    const back = await upload('formula-back.csv', csv.rawPayload);
    expect(back.json()).toMatchObject({ rows: 1, unchanged: 1 });
  });
});
