import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Every file download of the API, asked with bad input and a client that accepts gzip: the answer
// is a 400 problem, its body what its headers say (no content-encoding it does not have), never a
// file's headers over a problem or a file cut short.
const badDownloads: [string, string][] = [
  ['customers', '/api/v1/customers/export?format=csv&branchId=3000000000'],
  ['customers (xlsx)', '/api/v1/customers/export?format=xlsx&tag=a%00b'],
  ['products', '/api/v1/products/export?format=csv&priceClass=9'],
  ['products (xlsx)', '/api/v1/products/export?format=xlsx&q=%E4%B8%AD%00'],
  ['supply demand', '/api/v1/supply/cycles/abc/demand/export'],
  ['tickets analysis', '/api/v1/tickets-analysis/export?from=2026-13-01'],
  ['visits report', '/api/v1/visits/report/export?month=2026-13'],
  ['classification spot check', '/api/v1/classification/spot-checks/abc/export'],
];

describe.each(testDatabaseKinds)('file downloads on %s', (kind) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { customers: 30 });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it.each(badDownloads)(
    'an export with a bad filter answers 400 problem+json, not a broken stream: %s',
    async (_name, url) => {
      const response = await t.app.inject({ url, headers: { cookie: admin, 'accept-encoding': 'gzip' } });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-disposition']).toBeUndefined();
      const encoding = response.headers['content-encoding'];
      expect([undefined, 'gzip']).toContain(encoding);
      const body = encoding === 'gzip' ? gunzipSync(response.rawPayload) : response.rawPayload;
      expect(JSON.parse(body.toString('utf8'))).toMatchObject({ status: 400, code: expect.any(String) });
    },
  );
});
