import { describe, expect, it } from 'vitest';
import {
  type DraftIssue,
  draftOf,
  fractionOf,
  issueFieldOfServerField,
  type ProgrammeDraft,
  programmeIssues,
  toProgrammeInput,
} from './programme-form.ts';

const valid: ProgrammeDraft = {
  name: '七匹狼（通系列）',
  productIds: [11, 12],
  startDate: '2026-10-05',
  endDate: '2026-12-27',
  targetMode: 'segment',
  segment: { classes: ['demonstration', 'growth'], formats: [], gradeMin: 10, gradeMax: 30 },
  shelvingRate: 85,
  sellThroughRate: 60.5,
  stockMin: 0.5,
  stockMax: 1.5,
  actions: [{ kind: 'classroom', title: '卖点培训', date: '2026-10-12' }],
};

describe(programmeIssues.name, () => {
  it.each<[string, Partial<ProgrammeDraft>, DraftIssue[]]>([
    ['a complete draft', {}, []],
    ['no name', { name: '  ' }, [{ field: 'name', key: 'nameRequired' }]],
    ['a name too long', { name: '长'.repeat(101) }, [{ field: 'name', key: 'nameTooLong' }]],
    ['no target product', { productIds: [] }, [{ field: 'productIds', key: 'productsRequired' }]],
    [
      'no dates',
      { startDate: undefined, endDate: undefined },
      [
        { field: 'startDate', key: 'startRequired' },
        { field: 'endDate', key: 'endRequired' },
      ],
    ],
    ['end before start', { endDate: '2026-10-04' }, [{ field: 'endDate', key: 'endBeforeStart' }]],
    ['one day (end = start)', { endDate: '2026-10-05' }, []],
    [
      'an explicit list without stores',
      { targetMode: 'list', customerIds: [] },
      [{ field: 'customerIds', key: 'customersRequired' }],
    ],
    [
      'a grade range upside down',
      { segment: { gradeMin: 20, gradeMax: 5 } },
      [{ field: 'gradeMax', key: 'gradeOrder' }],
    ],
    ['a goal above 100 %', { shelvingRate: 101 }, [{ field: 'shelvingRate', key: 'percentRange' }]],
    ['a goal below 0 %', { sellThroughRate: -1 }, [{ field: 'sellThroughRate', key: 'percentRange' }]],
    ['goals at the ends (0 and 100 %)', { shelvingRate: 0, sellThroughRate: 100 }, []],
    ['half a band', { stockMax: null }, [{ field: 'stockMax', key: 'bandIncomplete' }]],
    ['a band with min > max', { stockMin: 2, stockMax: 1 }, [{ field: 'stockMax', key: 'bandOrder' }]],
    ['a negative band', { stockMin: -0.5 }, [{ field: 'stockMin', key: 'bandNegative' }]],
    [
      'an action without a title',
      { actions: [{ kind: 'display', title: ' ' }] },
      [{ field: 'actions.0.title', key: 'actionTitleRequired' }],
    ],
    [
      'a service action without its item',
      { actions: [{ kind: 'service', title: '陈列指导' }] },
      [{ field: 'actions.0.serviceItemId', key: 'actionServiceRequired' }],
    ],
  ])('%s', (_, change, expected) => {
    expect(programmeIssues({ ...valid, ...change })).toEqual(expected);
  });
});

describe(toProgrammeInput.name, () => {
  it('sends the goals as fractions and leaves empty segment keys out', () => {
    expect(toProgrammeInput(valid)).toEqual({
      name: '七匹狼（通系列）',
      productIds: [11, 12],
      startDate: '2026-10-05',
      endDate: '2026-12-27',
      segment: { classes: ['demonstration', 'growth'], gradeMin: 10, gradeMax: 30 },
      goals: { shelvingRate: 0.85, sellThroughRate: 0.605, stockToSales: { min: 0.5, max: 1.5 } },
      actions: [{ kind: 'classroom', title: '卖点培训', date: '2026-10-12' }],
    });
  });

  it('sends an explicit list instead of a segment, and no goal left empty', () => {
    const input = toProgrammeInput({
      ...valid,
      targetMode: 'list',
      customerIds: [280, 281],
      shelvingRate: null,
      sellThroughRate: undefined,
      stockMin: null,
      stockMax: null,
    });
    expect(input.customerIds).toEqual([280, 281]);
    expect(input.segment).toBeUndefined();
    expect(input.goals).toEqual({});
  });

  it('round-trips a saved programme through the editor', () => {
    const input = toProgrammeInput(valid);
    const draft = draftOf({
      ...input,
      id: 1,
      description: '',
      status: 'draft',
      products: [],
      segment: input.segment ?? null,
      customerIds: null,
      targetStores: 120,
      actions: input.actions ?? [],
      ownerId: 4,
      ownerName: '营销中心 林',
      visitChecks: { visits: 0, items: [] },
      createdAt: '',
      updatedAt: '',
    });
    expect(toProgrammeInput(draft)).toEqual({ ...input, ownerId: 4 });
  });
});

describe(fractionOf.name, () => {
  it.each([
    [85, 0.85],
    [85.5, 0.855],
    [0, 0],
    [100, 1],
    [33.33, 0.3333],
  ])('%s %% → %s', (percent, fraction) => expect(fractionOf(percent)).toBe(fraction));
});

describe(issueFieldOfServerField.name, () => {
  it.each<[string, string | null]>([
    ['endDate', 'endDate'],
    ['goals.shelvingRate', 'shelvingRate'],
    ['goals.stockToSales', 'stockMax'],
    ['goals.stockToSales.min', 'stockMin'],
    ['customerIds.3', 'customerIds'],
    ['actions.1.title', 'actions.1.title'],
    ['segment', null],
  ])('%s → %s', (server, field) => expect(issueFieldOfServerField(server)).toBe(field));
});
