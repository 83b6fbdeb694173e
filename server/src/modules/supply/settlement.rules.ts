import { DomainError, type ErrorDetails } from '../../platform/errors/domain-error.ts';
import type { ErrorCode } from '../../platform/errors/error-catalogue.ts';
import { type SheetColumn, withoutRequiredMark } from '../../platform/spreadsheets/sheet-columns.rules.ts';
import type { RowProblem } from '../../platform/spreadsheets/sheet-import.ts';
import type { SettlementStatus } from './supply.schema.ts';

// 结算: an order's settlement as the service centre records it or the bank / settlement system's
// file says — paid on time (按时), late by so many days (逾期), or the deduction failed (扣款失败).
// Credit counts them per store (settlementFactsSql).

export const maxLateDays = 365;

export type Settlement = { status: SettlementStatus; lateDays: number | null };

export const settlementStatusLabels: Record<SettlementStatus, string> = {
  on_time: '按时结算',
  late: '逾期结算',
  failed: '扣款失败',
};

// Late days belong to a late settlement only, and a late one has 1–365 of them.
export function checkSettlement(input: { status: SettlementStatus; lateDays?: number | null }): Settlement {
  const lateDays = input.lateDays ?? null;
  if (input.status !== 'late') {
    if (lateDays !== null && lateDays !== 0) {
      throw new DomainError('SETTLEMENT_LATE_DAYS_UNEXPECTED', { status: input.status }, 'lateDays');
    }
    return { status: input.status, lateDays: null };
  }
  if (lateDays === null || !Number.isInteger(lateDays) || lateDays < 1 || lateDays > maxLateDays) {
    throw new DomainError('SETTLEMENT_LATE_DAYS_REQUIRED', { max: maxLateDays }, 'lateDays');
  }
  return { status: 'late', lateDays };
}

// ---- The settlement system's file ----

export type SettlementColumnKey = 'orderId' | 'status' | 'lateDays';

export const settlementSheetColumns: readonly SheetColumn<SettlementColumnKey>[] = [
  { key: 'orderId', header: '订单号', required: true, hint: '订货系统的订单号（数字），如 10086' },
  {
    key: 'status',
    header: '结算状态',
    required: true,
    hint: '按时、逾期 或 扣款失败（也可写 on_time、late、failed）',
  },
  { key: 'lateDays', header: '逾期天数', required: false, hint: `逾期时必填，1–${maxLateDays} 的整数；其他状态留空` },
];

const headerOf = (key: SettlementColumnKey) =>
  settlementSheetColumns.find((column) => column.key === key)?.header ?? key;

export function normaliseSettlementHeader(raw: string): string {
  return withoutRequiredMark(raw).replace(/\s+/g, '');
}

const statusByText = new Map<string, SettlementStatus>([
  ['按时', 'on_time'],
  ['按时结算', 'on_time'],
  ['正常', 'on_time'],
  ['ON_TIME', 'on_time'],
  ['逾期', 'late'],
  ['逾期结算', 'late'],
  ['LATE', 'late'],
  ['扣款失败', 'failed'],
  ['失败', 'failed'],
  ['FAILED', 'failed'],
]);

export type ParsedSettlementRow = Settlement & { orderId: number };

// One data row, each cell by its column's rule. Problems name the column (its header) and the
// cell's text; the row is returned only when it has none.
export function parseSettlementRow(
  cells: Partial<Record<SettlementColumnKey, string>>,
): { row: ParsedSettlementRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (key: SettlementColumnKey) => (cells[key] ?? '').trim();
  const problem = (key: SettlementColumnKey, code: ErrorCode, details: ErrorDetails = {}) =>
    problems.push({ column: headerOf(key), value: text(key), code, details });

  for (const column of settlementSheetColumns) {
    if (column.required && text(column.key) === '') {
      problem(column.key, 'IMPORT_CELL_REQUIRED', { column: column.header });
    }
  }
  let orderId: number | undefined;
  if (text('orderId') !== '') {
    const value = text('orderId');
    if (/^\d{1,9}$/.test(value) && Number(value) > 0) orderId = Number(value);
    else problem('orderId', 'IMPORT_CELL_INVALID', { column: headerOf('orderId'), expected: '10086' });
  }
  let status: SettlementStatus | undefined;
  if (text('status') !== '') {
    status = statusByText.get(text('status').toUpperCase()) ?? statusByText.get(text('status'));
    if (!status) {
      problem('status', 'IMPORT_CELL_UNKNOWN', { column: headerOf('status'), allowed: '按时、逾期、扣款失败' });
    }
  }
  let lateDays: number | null = null;
  if (text('lateDays') !== '') {
    const value = text('lateDays');
    if (/^\d{1,4}$/.test(value)) lateDays = Number(value);
    else problem('lateDays', 'IMPORT_CELL_INVALID', { column: headerOf('lateDays'), expected: '3' });
  }
  if (status && problems.length === 0) {
    try {
      const settlement = checkSettlement({ status, lateDays });
      return { row: { orderId: orderId as number, ...settlement } };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problem('lateDays', error.code, error.details);
    }
  }
  return { problems };
}
