import { describe, expect, it } from 'vitest';
import { filterQuery, hasFilters, parseListView, toSearchParams } from './customer-list-query.ts';

describe(parseListView.name, () => {
  it('reads every filter, custom fields and the paging choice from the URL', () => {
    const view = parseListView(
      new URLSearchParams(
        'q=hxbl&branchId=3&districtCode=350602&managerId=12&format=grocery&urbanRural=rural&status=suspended&tag=重点&cf.area=大&sort=-name&limit=50',
      ),
    );
    expect(view).toEqual({
      q: 'hxbl',
      branchId: 3,
      districtCode: '350602',
      managerId: 12,
      format: 'grocery',
      urbanRural: 'rural',
      status: 'suspended',
      tag: '重点',
      custom: { area: '大' },
      sort: '-name',
      limit: 50,
    });
  });

  it.each([
    ['branchId=abc', { branchId: undefined }],
    ['branchId=-1', { branchId: undefined }],
    ['districtCode=3506', { districtCode: undefined }],
    ['format=bakery', { format: undefined }],
    ['status=deleted', { status: undefined }],
    ['sort=owner', { sort: 'licenceNo' }],
    ['sort=-updatedAt', { sort: '-updatedAt' }],
    ['limit=7', { limit: 20 }],
    ['cf.Bad-Key=1&cf.ok=', { custom: {} }],
  ])('drops what the server would reject: %s', (search, expected) => {
    expect(parseListView(new URLSearchParams(search))).toMatchObject(expected);
  });
});

describe(toSearchParams.name, () => {
  it('round-trips through the URL', () => {
    const search = 'q=龙海&districtCode=350604&status=active&cf.area=大&cf.brands=中华&sort=-updatedAt&limit=100';
    const view = parseListView(new URLSearchParams(search));
    expect(parseListView(toSearchParams(view))).toEqual(view);
  });

  it('leaves defaults out so an unfiltered list has a bare URL', () => {
    expect(toSearchParams(parseListView(new URLSearchParams(''))).toString()).toBe('');
  });
});

describe(filterQuery.name, () => {
  it('sends custom-field filters as cf.<key> and no paging or sort', () => {
    const view = parseListView(new URLSearchParams('q=0596&cf.area=大&sort=name&limit=50'));
    expect(filterQuery(view)).toEqual({ q: '0596', 'cf.area': '大' });
  });
});

describe(hasFilters.name, () => {
  it.each([
    ['', false],
    ['q=hxbl', false],
    ['tag=重点', true],
    ['cf.area=大', true],
  ])('%s → %s', (search, expected) => {
    expect(hasFilters(parseListView(new URLSearchParams(search)))).toBe(expected);
  });
});
