import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { checkSettlement, parseSettlementRow } from './settlement.rules.ts';

describe(checkSettlement.name, () => {
  it.each([
    [{ status: 'on_time' }, { status: 'on_time', lateDays: null }],
    [
      { status: 'on_time', lateDays: 0 },
      { status: 'on_time', lateDays: null },
    ],
    [
      { status: 'failed', lateDays: null },
      { status: 'failed', lateDays: null },
    ],
    [
      { status: 'late', lateDays: 1 },
      { status: 'late', lateDays: 1 },
    ],
    [
      { status: 'late', lateDays: 365 },
      { status: 'late', lateDays: 365 },
    ],
  ] as const)('accepts %j', (input, expected) => {
    expect(checkSettlement(input)).toEqual(expected);
  });

  it.each([
    [{ status: 'late' }, 'SETTLEMENT_LATE_DAYS_REQUIRED'],
    [{ status: 'late', lateDays: 0 }, 'SETTLEMENT_LATE_DAYS_REQUIRED'],
    [{ status: 'late', lateDays: 366 }, 'SETTLEMENT_LATE_DAYS_REQUIRED'],
    [{ status: 'late', lateDays: 2.5 }, 'SETTLEMENT_LATE_DAYS_REQUIRED'],
    [{ status: 'late', lateDays: -3 }, 'SETTLEMENT_LATE_DAYS_REQUIRED'],
    [{ status: 'on_time', lateDays: 3 }, 'SETTLEMENT_LATE_DAYS_UNEXPECTED'],
    [{ status: 'failed', lateDays: 1 }, 'SETTLEMENT_LATE_DAYS_UNEXPECTED'],
  ] as const)('refuses %j with %s', (input, code) => {
    expect(() => checkSettlement(input)).toThrow(expect.objectContaining({ code, field: 'lateDays' }));
    expect(() => checkSettlement(input)).toThrow(DomainError);
  });
});

describe(parseSettlementRow.name, () => {
  it.each([
    [
      { orderId: '10086', status: '按时' },
      { orderId: 10086, status: 'on_time', lateDays: null },
    ],
    [
      { orderId: '7', status: '逾期', lateDays: '3' },
      { orderId: 7, status: 'late', lateDays: 3 },
    ],
    [
      { orderId: '7', status: 'late', lateDays: '12' },
      { orderId: 7, status: 'late', lateDays: 12 },
    ],
    [
      { orderId: ' 8 ', status: '扣款失败', lateDays: '' },
      { orderId: 8, status: 'failed', lateDays: null },
    ],
    [
      { orderId: '9', status: 'FAILED' },
      { orderId: 9, status: 'failed', lateDays: null },
    ],
  ])('reads %j', (cells, row) => {
    expect(parseSettlementRow(cells)).toEqual({ row });
  });

  it.each([
    [{ status: '按时' }, [['订单号', 'IMPORT_CELL_REQUIRED']]],
    [{ orderId: 'A12', status: '按时' }, [['订单号', 'IMPORT_CELL_INVALID']]],
    [{ orderId: '0', status: '按时' }, [['订单号', 'IMPORT_CELL_INVALID']]],
    [{ orderId: '12', status: '已付' }, [['结算状态', 'IMPORT_CELL_UNKNOWN']]],
    [{ orderId: '12', status: '逾期' }, [['逾期天数', 'SETTLEMENT_LATE_DAYS_REQUIRED']]],
    [{ orderId: '12', status: '逾期', lateDays: '三天' }, [['逾期天数', 'IMPORT_CELL_INVALID']]],
    [{ orderId: '12', status: '按时', lateDays: '2' }, [['逾期天数', 'SETTLEMENT_LATE_DAYS_UNEXPECTED']]],
    [
      { orderId: 'x', status: '' },
      [
        ['结算状态', 'IMPORT_CELL_REQUIRED'],
        ['订单号', 'IMPORT_CELL_INVALID'],
      ],
    ],
  ])('names what is wrong with %j', (cells, expected) => {
    const parsed = parseSettlementRow(cells);
    expect('problems' in parsed && parsed.problems.map((problem) => [problem.column, problem.code])).toEqual(expected);
  });
});
