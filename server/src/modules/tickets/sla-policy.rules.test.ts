import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './sla.rules.ts';
import {
  type CategoryTargets,
  cellsToKeep,
  checkCalendar,
  checkPolicyCells,
  normaliseCalendar,
  type PolicyCell,
  policyTable,
  targetsOf,
} from './sla-policy.rules.ts';
import type { TicketPriority } from './ticket-workflow.rules.ts';

const attitude: CategoryTargets = { code: 'attitude', firstResponseMinutes: 1440, resolutionMinutes: 2880 };
const names = new Map([
  ['attitude', '服务态度'],
  ['quality', '产品质量'],
]);
const cell = (priority: TicketPriority, firstResponseMinutes: number, resolutionMinutes: number): PolicyCell => ({
  categoryCode: 'attitude',
  priority,
  firstResponseMinutes,
  resolutionMinutes,
});

describe(targetsOf.name, () => {
  it.each([
    // Without a policy: today's behaviour, the category targets scaled by priority.
    ['low, no policy', 'low', [], 2160, 4320],
    ['normal, no policy', 'normal', [], 1440, 2880],
    ['high, no policy', 'high', [], 1080, 2160],
    ['urgent, no policy', 'urgent', [], 720, 1440],
    // A policy cell replaces exactly its category and priority.
    ['urgent, with an urgent policy', 'urgent', [cell('urgent', 120, 480)], 120, 480],
    ['high, with only an urgent policy', 'high', [cell('urgent', 120, 480)], 1080, 2160],
    [
      'normal, a policy of another category',
      'normal',
      [{ ...cell('normal', 60, 60), categoryCode: 'quality' }],
      1440,
      2880,
    ],
  ] as const)('%s', (_, priority, cells, firstResponse, resolution) => {
    expect(targetsOf(attitude, priority, cells)).toEqual({
      firstResponseMinutes: firstResponse,
      resolutionMinutes: resolution,
    });
  });
});

describe(policyTable.name, () => {
  it('gives every priority of every category, marking the cells a policy sets', () => {
    const [row] = policyTable([attitude], [cell('high', 240, 1440)]);
    expect(row.targets.high).toEqual({ firstResponseMinutes: 240, resolutionMinutes: 1440, custom: true });
    expect(row.targets.normal).toEqual({ firstResponseMinutes: 1440, resolutionMinutes: 2880, custom: false });
  });
});

describe(checkPolicyCells.name, () => {
  it.each([
    ['a good table', [cell('normal', 60, 60), cell('urgent', 30, 120)], null],
    ['resolution equal to the first response', [cell('normal', 60, 60)], null],
    [
      'resolution shorter than the first response',
      [cell('high', 120, 60)],
      ['TICKET_SLA_RESOLUTION_SHORT', 'cells.0.resolutionMinutes'],
    ],
    ['zero minutes', [cell('normal', 0, 60)], ['TICKET_SLA_TARGET_INVALID', 'cells.0.firstResponseMinutes']],
    ['negative resolution', [cell('normal', 10, -5)], ['TICKET_SLA_TARGET_INVALID', 'cells.0.resolutionMinutes']],
    [
      'a fraction of a minute',
      [cell('normal', 10.5, 60)],
      ['TICKET_SLA_TARGET_INVALID', 'cells.0.firstResponseMinutes'],
    ],
    [
      'over 30 days to respond',
      [cell('normal', 43_201, 525_600)],
      ['TICKET_SLA_TARGET_INVALID', 'cells.0.firstResponseMinutes'],
    ],
    [
      'over a year to resolve',
      [cell('normal', 60, 525_601)],
      ['TICKET_SLA_TARGET_INVALID', 'cells.0.resolutionMinutes'],
    ],
    [
      'the same cell twice',
      [cell('normal', 60, 60), cell('normal', 60, 90)],
      ['TICKET_SLA_POLICY_DUPLICATE', 'cells.1.priority'],
    ],
    [
      'an unknown category',
      [{ ...cell('normal', 60, 60), categoryCode: 'nope' }],
      ['TICKET_CATEGORY_UNKNOWN', 'cells.0.categoryCode'],
    ],
  ] as const)('%s', (_, cells, expected) => {
    const problem = checkPolicyCells(cells, names);
    expect(problem ? [problem.code, problem.field] : null).toEqual(expected);
  });

  it('names the category and priority in the problem', () => {
    expect(checkPolicyCells([cell('urgent', 120, 60)], names)?.details).toEqual({
      category: '服务态度',
      priority: '紧急',
      firstResponse: 120,
      resolution: 60,
    });
  });
});

describe(cellsToKeep.name, () => {
  it('drops the cells that equal the scaled defaults', () => {
    expect(
      cellsToKeep([attitude], [cell('normal', 1440, 2880), cell('urgent', 720, 1440), cell('high', 60, 600)]),
    ).toEqual([cell('high', 60, 600)]);
  });
});

describe(checkCalendar.name, () => {
  it.each([
    ['the default', {}, null],
    ['seven days a week', { weekdays: [1, 2, 3, 4, 5, 6, 7] }, null],
    ['closing before opening', { opens: '17:30', closes: '08:30' }, ['TICKET_CALENDAR_HOURS_INVALID', 'closes']],
    ['closing when opening', { opens: '09:00', closes: '09:00' }, ['TICKET_CALENDAR_HOURS_INVALID', 'closes']],
    ['an hour 24', { opens: '24:00' }, ['TICKET_CALENDAR_HOURS_INVALID', 'opens']],
    ['no working day', { weekdays: [] }, ['TICKET_CALENDAR_WEEKDAYS_INVALID', 'weekdays']],
    ['a weekday 8', { weekdays: [1, 8] }, ['TICKET_CALENDAR_WEEKDAYS_INVALID', 'weekdays']],
    ['a weekday twice', { weekdays: [1, 1] }, ['TICKET_CALENDAR_WEEKDAYS_INVALID', 'weekdays']],
    ['30 February', { holidays: ['2027-02-30'] }, ['TICKET_CALENDAR_DATE_INVALID', 'holidays.0']],
    [
      'a worked day that is not a date',
      { extraWorkdays: ['tomorrow'] },
      ['TICKET_CALENDAR_DATE_INVALID', 'extraWorkdays.0'],
    ],
    [
      'a holiday that is also worked',
      { holidays: ['2027-02-06'], extraWorkdays: ['2027-02-06'] },
      ['TICKET_CALENDAR_DATE_CLASH', 'extraWorkdays'],
    ],
  ] as const)('%s', (_, changes, expected) => {
    const problem = checkCalendar({ ...defaultCalendar, ...changes });
    expect(problem ? [problem.code, problem.field] : null).toEqual(expected);
  });

  it('stores weekdays and dates sorted, without repeats', () => {
    expect(
      normaliseCalendar({
        ...defaultCalendar,
        weekdays: [5, 1, 3],
        holidays: ['2027-02-11', '2027-02-10', '2027-02-11'],
      }),
    ).toMatchObject({ weekdays: [1, 3, 5], holidays: ['2027-02-10', '2027-02-11'] });
  });
});
