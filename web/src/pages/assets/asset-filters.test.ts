import { describe, expect, it } from 'vitest';
import { type AssetListView, assetViewParams, parseAssetView } from './asset-filters.ts';

describe(parseAssetView.name, () => {
  it.each([
    ['', { page: 1 }],
    ['type=cabinet&status=issued', { type: 'cabinet', status: 'issued', page: 1 }],
    ['branch=4&store=280&page=3', { branchId: 4, customerId: 280, page: 3 }],
    ['overdue=1&recovery=1', { auditOverdue: true, recovery: true, page: 1 }],
    ['tag=%20YG-%20', { tag: 'YG-', page: 1 }],
    // What the server would refuse is dropped, not sent.
    ['type=sofa&status=lost&branch=-1&store=abc&page=0&overdue=yes', { page: 1 }],
  ])('reads “%s”', (search, expected) => {
    const view = parseAssetView(new URLSearchParams(search));
    expect(Object.fromEntries(Object.entries(view).filter(([, value]) => value !== undefined))).toEqual(expected);
  });

  it('reads back what it writes', () => {
    const view: AssetListView = {
      type: 'rack',
      status: 'issued',
      branchId: 4,
      customerId: 280,
      tag: 'YJ',
      auditOverdue: true,
      recovery: true,
      page: 2,
    };
    expect(parseAssetView(assetViewParams(view))).toEqual(view);
    expect(assetViewParams({ page: 1 }).toString()).toBe('');
  });
});
