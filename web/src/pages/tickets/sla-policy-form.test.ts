import { describe, expect, it } from 'vitest';
import type { SlaPolicies } from '../../shared/tickets.api.ts';
import { cellsOf, draftOf } from './sla-policy-form.ts';

const targets = (fr: number, res: number, custom = false) => ({
  firstResponseMinutes: fr,
  resolutionMinutes: res,
  custom,
});
const policies: SlaPolicies = {
  categories: [
    {
      code: 'attitude',
      groupCode: 'service',
      name: '服务态度',
      active: true,
      businessHours: false,
      targets: {
        low: targets(2160, 4320),
        normal: targets(1440, 2880),
        high: targets(1080, 2160),
        urgent: targets(90, 720, true),
      },
    },
  ],
  calendar: { weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30', holidays: [], extraWorkdays: [] },
};

describe('SLA policy form', () => {
  it('round-trips the table through hours', () => {
    const draft = draftOf(policies);
    expect(draft.attitude.urgent).toEqual({ firstResponse: 1.5, resolution: 12 });
    expect(cellsOf(draft)).toEqual({
      problems: [],
      cells: [
        { categoryCode: 'attitude', priority: 'low', firstResponseMinutes: 2160, resolutionMinutes: 4320 },
        { categoryCode: 'attitude', priority: 'normal', firstResponseMinutes: 1440, resolutionMinutes: 2880 },
        { categoryCode: 'attitude', priority: 'high', firstResponseMinutes: 1080, resolutionMinutes: 2160 },
        { categoryCode: 'attitude', priority: 'urgent', firstResponseMinutes: 90, resolutionMinutes: 720 },
      ],
    });
  });

  it.each([
    ['resolution before first response', { firstResponse: 8, resolution: 4 }, 'order'],
    ['an empty cell', { firstResponse: null, resolution: 4 }, 'missing'],
    ['zero hours', { firstResponse: 0, resolution: 4 }, 'missing'],
    ['not a whole minute', { firstResponse: 0.333, resolution: 4 }, 'whole'],
  ] as const)('flags %s', (_, cell, kind) => {
    const draft = draftOf(policies);
    draft.attitude.high = { ...cell };
    expect(cellsOf(draft).problems).toEqual([{ categoryCode: 'attitude', priority: 'high', kind }]);
  });
});
