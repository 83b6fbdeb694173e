import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { users } from '../../platform/identity/identity.schema.ts';
import { sheetLimits } from '../../platform/spreadsheets/sheet-reader.ts';
import { entriesOf, sharedStringsOf, workbookWithSharedStrings } from '../../platform/spreadsheets/zip-fixtures.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { customerImportErrorFiles } from './customer-import.schema.ts';
import { pruneImportErrorWorkbooks } from './customer-import.service.ts';
import { customerSheetColumns } from './customer-sheet.rules.ts';
import { csvOf, goodRow, importHeaders, multipart, type Row, xlsxOf } from './customer-sheet-fixtures.ts';
import { customers } from './customers.schema.ts';

async function readWorkbook(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

type ImportError = { row: number; column: string; value: string; message: string };

// A small .xlsx whose shared strings unpack to just past the bound: made once for the file.
let bomb: Promise<Buffer> | undefined;
function inflatingWorkbook() {
  bomb ??= xlsxOf([goodRow('350605900096')]).then((workbook) =>
    workbookWithSharedStrings(workbook, sharedStringsOf(sheetLimits.sharedStringsBytes + 1024)),
  );
  return bomb;
}

describe.each(testDatabaseKinds)('customer import and export on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let marketing: string;
  let workbookUrl = '';

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 120 });
    admin = await t.signIn('admin');
    marketing = await t.signIn('marketing');
  });
  afterAll(async () => t?.close());

  const upload = (
    fileName: string,
    content: Buffer | string,
    options: { mode?: string; cookie?: string; lang?: string } = {},
  ) => {
    const body = multipart(fileName, content);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/import${options.mode ? `?mode=${options.mode}` : ''}`,
      headers: {
        ...body.headers,
        cookie: options.cookie ?? admin,
        ...(options.lang ? { 'accept-language': options.lang } : {}),
      },
      payload: body.payload,
    });
  };
  const countCustomers = async () => {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(customers)
      .where(eq(customers.tenantId, t.city.tenantId));
    return row.n;
  };
  const findByLicence = async (licenceNo: string) => {
    const [row] = await t.database.db
      .select()
      .from(customers)
      .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.licenceNo, licenceNo)));
    return row;
  };
  const exportFile = (query: string, cookie = admin) =>
    t.app.inject({ url: `/api/v1/customers/export?${query}`, headers: { cookie } });

  describe('the template', () => {
    it('is an .xlsx with the import headers and a 填写说明 sheet', async () => {
      const response = await t.app.inject({ url: '/api/v1/customers/import/template', headers: { cookie: admin } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('客户档案导入模板.xlsx'));
      const workbook = await readWorkbook(response.rawPayload);
      const header = (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
      expect(header).toEqual(importHeaders);
      expect(workbook.worksheets[1].name).toBe('填写说明');
    });

    it('is for importers only', async () => {
      const response = await t.app.inject({
        url: '/api/v1/customers/import/template',
        headers: { cookie: await t.signIn('manager01') },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('creating from a file', () => {
    it('imports a CSV and an .xlsx, with the district from the licence, the branch from the manager, audited', async () => {
      const before = await countCustomers();
      const csv = await upload(
        'stores.csv',
        `\ufeff${csvOf([goodRow('350604900001', { 区县: '龙海区' }), goodRow('350604900002', { 标签: '', 区县: '350604' })])}`,
      );
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
      const xlsx = await upload('stores.xlsx', await xlsxOf([goodRow('350602900003', { 区县: '', 订货日: 7 })]));
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.json()).toMatchObject({ rows: 1, created: 1 });
      expect(await countCustomers()).toBe(before + 3);

      const stored = await findByLicence('350604900001');
      const manager01 = t.city.managers.find((manager) => manager.username === 'manager01');
      expect(stored).toMatchObject({
        districtCode: '350604',
        format: 'convenience',
        urbanRural: 'urban',
        orderDay: 2,
        orderChannel: 'online',
        managerId: manager01?.id,
        branchId: manager01?.branchId,
        latitude: 24.44,
        longitude: 117.82,
        licenceValidUntil: '2028-06-30',
        tags: ['社区店', '学校周边'],
        status: 'active',
        nameInitials: 'hxbld',
      });
      expect((await findByLicence('350602900003')).orderDay).toBe(7);
      const audit = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, String(stored.id))));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', actorName: '系统管理员' });
    });

    it('reads a CSV saved by Excel-CN in GB18030 (GBK)', async () => {
      const text = csvOf([goodRow('350623900004', { 店名: '鑫源食杂店', 业态: '食杂店' })]);
      const gbk = Buffer.from(new TextEncoderGb().encode(text));
      const response = await upload('gbk.csv', gbk);
      expect(response.statusCode, response.body).toBe(200);
      expect((await findByLicence('350623900004')).name).toBe('鑫源食杂店');
    });
  });

  describe('row errors', () => {
    const badRows: [string, Row, string, string][] = [
      ['a missing store name', { 店名: '' }, '店名', '必填'],
      ['an 11-digit licence', { 专卖许可证号: '35060490001' }, '专卖许可证号', '12 位数字'],
      ['a licence of another city', { 专卖许可证号: '350203900001' }, '专卖许可证号', '行政区划代码'],
      ['a district that contradicts the licence', { 区县: '芗城区' }, '区县', '不一致'],
      ['an unknown manager', { 客户经理账号: 'nobody' }, '客户经理账号', '客户经理账号'],
      ['an unknown format', { 业态: '报刊亭' }, '业态', '无法识别'],
      ['a malformed phone', { 联系电话: '12345' }, '联系电话', '格式不正确'],
      ['a store name over 60 characters', { 店名: '店'.repeat(61) }, '店名', '最多 60'],
      ['an order day of 8', { 订货日: 8 }, '订货日', '格式不正确'],
      ['a latitude out of range', { 纬度: 95 }, '纬度', '范围'],
      ['a date that does not exist', { 许可证有效期至: '2028-02-30' }, '许可证有效期至', '格式不正确'],
      ['a new store that is not 正常', { 状态: '歇业' }, '状态', '正常'],
    ];

    it.each(badRows)(
      'names row, column, value and reason for %s; nothing is written',
      async (_case, overrides, column, reason) => {
        const before = await countCustomers();
        const rows = [goodRow('350605900010'), goodRow('350605900011', overrides), goodRow('350605900012')];
        const response = await upload('bad.csv', csvOf(rows));
        expect(response.statusCode, response.body).toBe(422);
        const body = response.json();
        expect(body).toMatchObject({ code: 'IMPORT_ROWS_INVALID', status: 422, errorCount: 1 });
        expect(response.headers['content-type']).toContain('application/problem+json');
        const [error] = body.errors as ImportError[];
        expect(error.row).toBe(3);
        expect(error.column).toBe(column);
        expect(error.message).toContain(reason);
        if (overrides[column] !== undefined) expect(error.value).toBe(String(overrides[column]));
        expect(body.errorWorkbookUrl).toMatch(/^\/api\/v1\/customers\/import\/errors\/[\w-]+$/);
        expect(await countCustomers()).toBe(before);
      },
    );

    it('refuses duplicates within the file and licence numbers on file (create mode)', async () => {
      const [existing] = await t.database.db
        .select({ licenceNo: customers.licenceNo })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId))
        .limit(1);
      const response = await upload(
        'dupes.csv',
        csvOf([goodRow('350605900020'), goodRow('350605900020'), goodRow(existing.licenceNo)]),
      );
      expect(response.statusCode).toBe(422);
      const errors = response.json().errors as ImportError[];
      expect(errors.map((error) => [error.row, error.column])).toEqual([
        [3, '专卖许可证号'],
        [4, '专卖许可证号'],
      ]);
      expect(errors[0].message).toContain('第 2 行');
      expect(errors[1].message).toContain('已有客户档案');
      expect(await findByLicence('350605900020')).toBeUndefined();
    });

    it('lists the first 1,000 errors and counts them all', async () => {
      const rows = Array.from({ length: 1_100 }, (_, index) =>
        goodRow(`35060590${String(1_000 + index).padStart(4, '0')}`, { 订货方式: '传真' }),
      );
      const response = await upload('many.csv', csvOf(rows));
      expect(response.statusCode).toBe(422);
      const body = response.json();
      expect(body.errorCount).toBe(1_100);
      expect(body.errors).toHaveLength(1_000);
      expect(body.errors[999].row).toBe(1_001);
    });

    it('answers in English when asked', async () => {
      const response = await upload('bad.csv', csvOf([goodRow('350605900030', { 业态: 'kiosk' })]), { lang: 'en' });
      expect(response.json().errors[0].message).toContain('unknown value');
    });

    it('keeps an error workbook for the uploader only: every row, bad cells marked, a 错误原因 column; fixed, it imports as it is', async () => {
      const response = await upload(
        'marked.xlsx',
        await xlsxOf([goodRow('350605900040'), goodRow('350605900041', { 联系电话: '12345', 业态: '报刊亭' })]),
        { cookie: marketing },
      );
      expect(response.statusCode).toBe(422);
      const url = response.json().errorWorkbookUrl;
      expect((await t.app.inject({ url, headers: { cookie: admin } })).statusCode).toBe(404);
      const download = await t.app.inject({ url, headers: { cookie: marketing } });
      expect(download.statusCode).toBe(200);
      const sheet = (await readWorkbook(download.rawPayload)).worksheets[0];
      const header = (sheet.getRow(1).values as string[]).slice(1);
      expect(header.at(-1)).toBe('错误原因');
      const good = sheet.getRow(2);
      expect(good.getCell(1).value).toBe('350605900040');
      expect(good.getCell(header.length).value ?? null).toBeNull();
      const row = sheet.getRow(3);
      expect(row.getCell(1).value).toBe('350605900041');
      const phone = row.getCell(header.indexOf('联系电话') + 1);
      expect(String(phone.note)).toContain('格式不正确');
      expect(row.getCell(header.indexOf('业态') + 1).note).toBeTruthy();
      expect(row.getCell(header.indexOf('店名') + 1).note).toBeFalsy();
      expect(String(row.getCell(header.length).value)).toContain('联系电话');
      // Every uploaded row is in it, so fixing the marked cells is all it takes.
      expect(sheet.actualRowCount).toBe(3);
      row.getCell(header.indexOf('联系电话') + 1).value = '13805960041';
      row.getCell(header.indexOf('业态') + 1).value = '便利店';
      const fixed = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
      const again = await upload('marked-fixed.xlsx', fixed, { cookie: marketing });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: 2 });
      workbookUrl = url;
    });
  });

  describe('whole-file problems', () => {
    it.each([
      [
        'a PNG renamed .xlsx',
        'photo.xlsx',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        400,
        'IMPORT_FILE_NOT_SPREADSHEET',
      ],
      [
        'an old .xls',
        'old.xls',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        400,
        'IMPORT_FILE_NOT_SPREADSHEET',
      ],
      [
        'a zip that is not a workbook',
        'fake.xlsx',
        Buffer.from('PK\u0003\u0004garbage-garbage-garbage'),
        400,
        'IMPORT_FILE_NOT_SPREADSHEET',
      ],
      ['an empty file', 'empty.csv', Buffer.alloc(0), 400, 'IMPORT_FILE_EMPTY'],
      ['a header without rows', 'header.csv', csvOf([]), 400, 'IMPORT_FILE_EMPTY'],
      [
        'missing required columns',
        'short.csv',
        csvOf([goodRow('350605900050')], ['专卖许可证号', '店名']),
        400,
        'IMPORT_COLUMNS_MISSING',
      ],
    ] as const)('refuses %s with one clear problem', async (_case, fileName, content, status, code) => {
      const before = await countCustomers();
      const response = await upload(fileName, content);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ code, status });
      expect(response.json().detail).toBeTruthy();
      expect(await countCustomers()).toBe(before);
    });

    it('names the missing columns', async () => {
      const response = await upload('short.csv', csvOf([goodRow('350605900050')], ['专卖许可证号', '店名']));
      expect(response.json().detail).toContain('负责人');
    });

    it('refuses an unknown mode and a request without a file', async () => {
      expect((await upload('a.csv', csvOf([goodRow('350605900051')]), { mode: 'merge' })).json().code).toBe(
        'IMPORT_MODE_INVALID',
      );
      const noFile = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customers/import',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload: {},
      });
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().code).toBe('IMPORT_FILE_MISSING');
    });

    it('refuses a file over 50 MB with 413', async () => {
      const response = await upload('huge.csv', Buffer.alloc(50 * 1024 * 1024 + 10, 0x41));
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('IMPORT_FILE_TOO_LARGE');
    });

    it('lets only admin and marketing import', async () => {
      const response = await upload('a.csv', csvOf([goodRow('350605900052')]), { cookie: await t.signIn('service') });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('upsert', () => {
    it('updates changed fields only, counts the unchanged, and audits before and after', async () => {
      const rows = [goodRow('350626900060'), goodRow('350626900061'), goodRow('350626900062')];
      expect((await upload('u.csv', csvOf(rows))).statusCode).toBe(200);
      rows[1] = { ...rows[1], 联系电话: '13905960000', 业态: '超市' };
      rows.push(goodRow('350626900063'));
      const response = await upload('u.csv', csvOf(rows), { mode: 'upsert' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ rows: 4, created: 1, updated: 1, unchanged: 2 });
      const changed = await findByLicence('350626900061');
      expect(changed).toMatchObject({ phone: '13905960000', format: 'supermarket' });
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, String(changed.id)), eq(auditLog.action, 'update')));
      expect(entry.before).toEqual({ phone: '13805961234', format: 'convenience' });
      expect(entry.after).toEqual({ phone: '13905960000', format: 'supermarket' });
    });

    it('refuses a status change by import, pointing to the status operation', async () => {
      const response = await upload('s.csv', csvOf([goodRow('350626900060', { 状态: '注销' })]), { mode: 'upsert' });
      expect(response.statusCode).toBe(422);
      const [error] = response.json().errors as ImportError[];
      expect(error).toMatchObject({ row: 2, column: '状态', value: '注销' });
      expect(error.message).toContain('变更状态');
      expect((await findByLicence('350626900060')).status).toBe('active');
    });
  });

  describe('export', () => {
    it.each(['xlsx', 'csv'])(
      'exports the filtered list as %s, and importing it back changes nothing',
      async (format) => {
        const response = await exportFile(`format=${format}&districtCode=350602`);
        expect(response.statusCode).toBe(200);
        const [{ n }] = await t.database.db
          .select({ n: count() })
          .from(customers)
          .where(and(eq(customers.tenantId, t.city.tenantId), eq(customers.districtCode, '350602')));
        let dataRows: number;
        if (format === 'csv') {
          expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
          const lines = response.body
            .replace(/^\ufeff/, '')
            .trim()
            .split('\r\n');
          expect(lines[0].split(',')).toEqual(customerSheetColumns.map((column) => column.header));
          dataRows = lines.length - 1;
        } else {
          const sheet = (await readWorkbook(response.rawPayload)).worksheets[0];
          dataRows = sheet.actualRowCount - 1;
        }
        expect(dataRows).toBe(n);
        const back = await upload(`export.${format}`, response.rawPayload, { mode: 'upsert' });
        expect(back.statusCode, back.body).toBe(200);
        expect(back.json()).toEqual({ rows: n, created: 0, updated: 0, unchanged: n });
      },
    );

    it('gives a manager only their own customers', async () => {
      const manager = await t.signIn('manager02');
      const response = await exportFile('format=csv', manager);
      expect(response.statusCode).toBe(200);
      const lines = response.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .slice(1);
      const managerColumn = customerSheetColumns.findIndex((column) => column.key === 'managerUsername');
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines.map((line) => line.split(',')[managerColumn]))).toEqual(new Set(['manager02']));
      const list = await t.app.inject({ url: '/api/v1/customers?limit=1', headers: { cookie: manager } });
      expect(lines.length).toBe(list.json().total);
    });

    it('applies q and the business format filter', async () => {
      const response = await exportFile('format=csv&businessFormat=grocery');
      const lines = response.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .slice(1);
      const formatColumn = customerSheetColumns.findIndex((column) => column.key === 'format');
      expect(new Set(lines.map((line) => line.split(',')[formatColumn]))).toEqual(new Set(['食杂店']));
    });
  });

  describe('exports and imports that hold against bad input', () => {
    // A problem is never sent as a file, and its body is what its headers say it is.
    const problemOf = (response: Awaited<ReturnType<typeof exportFile>>) => {
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.headers['content-type']).toContain('application/problem+json');
      const encoding = response.headers['content-encoding'];
      expect([undefined, 'gzip']).toContain(encoding);
      const body = encoding === 'gzip' ? gunzipSync(response.rawPayload) : response.rawPayload;
      return JSON.parse(body.toString('utf8'));
    };
    const exportGzip = (query: string) =>
      t.app.inject({
        url: `/api/v1/customers/export?${query}`,
        headers: { cookie: admin, 'accept-encoding': 'gzip' },
      });
    const dataRows = (response: Awaited<ReturnType<typeof exportFile>>) =>
      (parseCsv(response.body.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][]).slice(1);

    it.each([
      ['q with a NUL byte', 'q=%E6%81%92%00'],
      ['a branch id beyond the column', 'branchId=3000000000'],
      ['a manager id beyond the column', 'managerId=9007199254740991'],
      ['a tag with a NUL byte', 'tag=a%00b'],
      ['an unknown custom field', 'cf.nothing=1'],
    ])('an export with a bad filter answers 400 problem+json, not a broken stream: %s', async (_case, query) => {
      for (const format of ['csv', 'xlsx']) {
        const response = await exportGzip(`format=${format}&${query}`);
        expect(response.statusCode, response.body).toBe(400);
        expect(problemOf(response)).toMatchObject({ status: 400, code: expect.any(String) });
      }
    });

    it('an export whose query fails before its first byte answers a problem, not a gzip-marked file', async () => {
      // A number field with a stored value that is no number: the database fails the first page.
      const field = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customer-fields',
        headers: { cookie: admin },
        payload: { key: 'shelf_metres', label: '货架米数', kind: 'number' },
      });
      expect(field.statusCode, field.body).toBe(201);
      const [victim] = await t.database.db
        .select({ id: customers.id, customFields: customers.customFields })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId))
        .limit(1);
      await t.database.db
        .update(customers)
        .set({ customFields: { ...victim.customFields, shelf_metres: 'many' } })
        .where(eq(customers.id, victim.id));
      try {
        for (const format of ['csv', 'xlsx']) {
          const response = await exportGzip(`format=${format}&cf.shelf_metres=1..9`);
          expect(response.statusCode).toBe(500);
          expect(problemOf(response)).toMatchObject({ status: 500, code: 'INTERNAL' });
        }
      } finally {
        await t.database.db
          .update(customers)
          .set({ customFields: victim.customFields })
          .where(eq(customers.id, victim.id));
        const off = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/customer-fields/${field.json().id}`,
          headers: { cookie: admin },
          payload: { active: false },
        });
        expect(off.statusCode, off.body).toBe(200);
      }
    });

    it('the customer export honours q', async () => {
      const [{ n: all }] = await t.database.db
        .select({ n: count() })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId));
      const [one] = await t.database.db
        .select({ licenceNo: customers.licenceNo })
        .from(customers)
        .where(eq(customers.tenantId, t.city.tenantId))
        .limit(1);
      for (const [q, expected] of [
        [one.licenceNo, 'one'],
        ['便利', 'some'],
      ] as const) {
        const list = await t.app.inject({
          url: `/api/v1/customers?limit=1&q=${encodeURIComponent(q)}`,
          headers: { cookie: admin },
        });
        const { total } = list.json();
        if (expected === 'one') expect(total).toBe(1);
        else expect(total).toBeGreaterThan(1);
        expect(total).toBeLessThan(all);
        const csv = await exportFile(`format=csv&q=${encodeURIComponent(q)}`);
        expect(csv.statusCode).toBe(200);
        expect(dataRows(csv)).toHaveLength(total);
        const xlsx = await exportFile(`format=xlsx&q=${encodeURIComponent(q)}`);
        expect((await readWorkbook(xlsx.rawPayload)).worksheets[0].actualRowCount - 1).toBe(total);
      }
      const [row] = dataRows(await exportFile(`format=csv&q=${one.licenceNo}`));
      expect(row[0].trim()).toBe(one.licenceNo);
    });

    it('CSV cells that start a formula are neutralised', async () => {
      const cells = { 店名: "=cmd|' /C calc'!A0", 负责人: '@SUM(A1)', 经营地址: '+1 号-2 室', 标签: '-社区店' };
      const created = await upload('formula.csv', csvOf([goodRow('350605900099', cells)]));
      expect(created.statusCode, created.body).toBe(200);

      const csv = await exportFile('format=csv&q=350605900099');
      const [row] = dataRows(csv);
      const header = customerSheetColumns.map((column) => column.header);
      expect(row[header.indexOf('店名')]).toBe("'=cmd|' /C calc'!A0");
      expect(row[header.indexOf('负责人')]).toBe("'@SUM(A1)");
      expect(row[header.indexOf('经营地址')]).toBe("'+1 号-2 室");
      // No cell starts a formula; a tab only comes before digits (a licence or phone number).
      for (const cell of row) {
        expect(cell).not.toMatch(/^[=+\-@\r]/);
        if (cell.startsWith('\t')) expect(cell).toMatch(/^\t\d+$/);
      }

      // An .xlsx holds the text as a string cell, never a formula.
      const xlsx = await exportFile('format=xlsx&q=350605900099');
      const cell = (await readWorkbook(xlsx.rawPayload)).worksheets[0].getRow(2).getCell(header.indexOf('店名') + 1);
      expect(cell.value).toBe("=cmd|' /C calc'!A0");
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      const entries = await entriesOf(xlsx.rawPayload);
      const sheetXml = entries.find((entry) => entry.path === 'xl/worksheets/sheet1.xml')?.content.toString('utf8');
      expect(sheetXml).toContain('=cmd|');
      expect(sheetXml).not.toMatch(/<f[ >]/);

      // Imported back, the file changes nothing: the store keeps its name as typed.
      const back = await upload('formula-back.csv', csv.rawPayload, { mode: 'upsert' });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ rows: 1, updated: 0, unchanged: 1 });
      expect(await findByLicence('350605900099')).toMatchObject({ name: cells.店名, owner: cells.负责人 });
    });

    it('an xlsx that inflates past the bound is refused', async () => {
      const before = await countCustomers();
      const bomb = await inflatingWorkbook();
      // Precondition: a small upload that unpacks to more than the bound.
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const started = Date.now();
      const zh = await upload('bomb.xlsx', bomb);
      expect(zh.statusCode, zh.body).toBe(413);
      expect(zh.json()).toMatchObject({ code: 'IMPORT_SHEET_TOO_LARGE', status: 413 });
      expect(zh.json().detail).toContain('64 MB');
      expect(Date.now() - started).toBeLessThan(5_000);
      const en = await upload('bomb.xlsx', bomb, { lang: 'en' });
      expect(en.json().detail).toContain('unpacks to more than the 64 MB limit');
      expect(await countCustomers()).toBe(before);
    });

    it('a row wider than the bound is refused', async () => {
      const wide = `${csvOf([goodRow('350605900098')])}\r\n${'x,'.repeat(sheetLimits.columns)}x`;
      const response = await upload('wide.csv', wide);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'IMPORT_ROW_TOO_WIDE' });
      expect(response.json().detail).toContain('第 3 行');
      expect(await findByLicence('350605900098')).toBeUndefined();
    });

    it('tells why a damaged file cannot be read in the uploader’s language, not the reader’s words (FILE_ENDED)', async () => {
      const whole = await xlsxOf([goodRow('350605900097')]);
      const truncated = whole.subarray(0, Math.floor(whole.length / 2));
      const zh = await upload('cut.xlsx', truncated);
      expect(zh.statusCode).toBe(400);
      expect(zh.json()).toMatchObject({ code: 'IMPORT_FILE_NOT_SPREADSHEET' });
      expect(zh.json().detail).toContain('已损坏');
      const en = await upload('cut.xlsx', truncated, { lang: 'en' });
      expect(en.json().detail).toContain('damaged');
      for (const detail of [zh.json().detail, en.json().detail]) {
        expect(detail).not.toMatch(/FILE_ENDED|[A-Z]{2,}_[A-Z]{2,}|Error|undefined/);
      }
    });
  });

  describe('custom fields and portal accounts', () => {
    it('gives every imported store a portal account, username = licence number', async () => {
      expect((await upload('p.csv', csvOf([goodRow('350627900070')]))).statusCode).toBe(200);
      const stored = await findByLicence('350627900070');
      const [account] = await t.database.db
        .select({ username: users.username, role: users.role, customerId: users.customerId })
        .from(users)
        .where(eq(users.customerId, stored.id));
      expect(account).toEqual({ username: '350627900070', role: 'retailer', customerId: stored.id });
    });

    it('imports custom fields by label, checks them, and exports them back with nothing to change', async () => {
      const define = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: '/api/v1/customer-fields', headers: { cookie: admin }, payload });
      for (const field of [
        { key: 'area', label: '商圈类型', kind: 'select', options: ['社区', '商业街', '学校'] },
        { key: 'services', label: '便民服务', kind: 'multiselect', options: ['快递', '充值', '缴费'] },
        { key: 'floor_area', label: '营业面积', kind: 'number' },
        { key: 'opened_on', label: '开业日期', kind: 'date' },
        { key: 'note', label: '备注说明', kind: 'text' },
      ]) {
        expect((await define(field)).statusCode).toBe(201);
      }
      const headers = [...importHeaders, '商圈类型', '便民服务', '营业面积', '开业日期', '备注说明'];
      const custom = { 商圈类型: '学校', 便民服务: '充值，快递', 营业面积: '35.5', 开业日期: '2019/3/8', 备注说明: '' };
      const created = await upload('cf.csv', csvOf([goodRow('350628900080', custom)], headers));
      expect(created.statusCode, created.body).toBe(200);
      expect((await findByLicence('350628900080')).customFields).toEqual({
        area: '学校',
        services: ['快递', '充值'],
        floor_area: 35.5,
        opened_on: '2019-03-08',
      });

      const bad = await upload('cf.csv', csvOf([goodRow('350628900081', { ...custom, 商圈类型: '菜市场' })], headers));
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ row: 2, column: '商圈类型', value: '菜市场' });

      // Clearing a value by an empty cell is a change; the audit names the key.
      const cleared = await upload('cf.csv', csvOf([goodRow('350628900080', { ...custom, 营业面积: '' })], headers), {
        mode: 'upsert',
      });
      expect(cleared.json()).toMatchObject({ updated: 1 });
      expect((await findByLicence('350628900080')).customFields).not.toHaveProperty('floor_area');

      for (const format of ['xlsx', 'csv']) {
        const exported = await exportFile(`format=${format}&districtCode=350628`);
        if (format === 'csv')
          expect(exported.body.split('\r\n')[0]).toContain('商圈类型,便民服务,营业面积,开业日期,备注说明');
        const back = await upload(`export.${format}`, exported.rawPayload, { mode: 'upsert' });
        expect(back.statusCode, back.body).toBe(200);
        expect(back.json()).toMatchObject({ created: 0, updated: 0 });
      }
      const filtered = await exportFile('format=csv&cf.area=学校');
      expect(filtered.statusCode).toBe(200);
      expect(
        filtered.body
          .replace(/^\ufeff/, '')
          .trim()
          .split('\r\n'),
      ).toHaveLength(2);
    });

    it('requires the column of a required custom field', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/customer-fields',
        headers: { cookie: admin },
        payload: { key: 'licence_holder', label: '持证人', kind: 'text', required: true },
      });
      expect(response.statusCode).toBe(201);
      const missing = await upload('r.csv', csvOf([goodRow('350629900090')]));
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'IMPORT_COLUMNS_MISSING' });
      expect(missing.json().detail).toContain('持证人');
      const empty = await upload(
        'r.csv',
        csvOf([goodRow('350629900090', { 持证人: '' })], [...importHeaders, '持证人']),
      );
      expect(empty.json().errors[0]).toMatchObject({ column: '持证人' });
    });
  });

  describe('error workbook expiry (last: moves the clock)', () => {
    it('is gone after a day', async () => {
      expect(workbookUrl).not.toBe('');
      t.clock.advanceMinutes(25 * 60);
      const response = await t.app.inject({ url: workbookUrl, headers: { cookie: await t.signIn('marketing') } });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('IMPORT_ERRORS_NOT_FOUND');
      // Housekeeping deletes what has expired.
      const stored = () => t.database.db.select({ n: count() }).from(customerImportErrorFiles);
      expect((await stored())[0].n).toBeGreaterThan(0);
      await pruneImportErrorWorkbooks(t.context);
      expect((await stored())[0].n).toBe(0);
    });
  });
});

// GB18030 encoding for the test, from the decoder's table (Node has no GB18030 encoder).
class TextEncoderGb {
  private static table: Map<string, number[]> | undefined;

  encode(text: string): Uint8Array {
    const table = TextEncoderGb.build();
    const bytes: number[] = [];
    for (const character of text) {
      const code = character.codePointAt(0) ?? 0;
      if (code < 0x80) bytes.push(code);
      else {
        const encoded = table.get(character);
        if (!encoded) throw new Error(`no GBK code for ${character}`);
        bytes.push(...encoded);
      }
    }
    return Uint8Array.from(bytes);
  }

  private static build(): Map<string, number[]> {
    if (TextEncoderGb.table) return TextEncoderGb.table;
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(Uint8Array.from([lead, trail]));
        if (character.length === 1 && character !== '\ufffd' && !table.has(character))
          table.set(character, [lead, trail]);
      }
    }
    TextEncoderGb.table = table;
    return table;
  }
}
