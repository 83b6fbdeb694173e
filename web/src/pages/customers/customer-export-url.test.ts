import { describe, expect, it } from 'vitest';
import { customerExportUrl } from './customers.api.ts';

describe(customerExportUrl.name, () => {
  it('sends the 业态 filter as businessFormat, so it cannot replace the file format', () => {
    const url = new URL(customerExportUrl('csv', { q: '龙海', format: 'convenience', 'cf.area': '学校' }), 'http://x');
    expect(url.pathname).toBe('/api/v1/customers/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '龙海',
      businessFormat: 'convenience',
      'cf.area': '学校',
      format: 'csv',
    });
  });

  it('leaves businessFormat out without a 业态 filter', () => {
    const url = new URL(customerExportUrl('xlsx', { status: 'active' }), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'active', format: 'xlsx' });
  });
});
