import type { AppContext } from '../../app-context.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type Change, recordChange, recordChanges } from '../../platform/audit/audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import {
  allOrNothing,
  checkAndWriteRows,
  describeRowErrors,
  type ImportRowError,
  openSheetUpload,
  readSheetRecords,
} from '../../platform/spreadsheets/sheet-import.ts';
import {
  checkSettlement,
  normaliseSettlementHeader,
  type ParsedSettlementRow,
  parseSettlementRow,
  settlementSheetColumns,
} from './settlement.rules.ts';
import { findOrdersToSettle, type SettlementTarget, setOrderSettlements } from './settlements.repository.ts';
import type { SettlementSource, SettlementStatus } from './supply.schema.ts';

// 结算 per order: the service centre sets one order's settlement, or imports the bank / settlement
// system's file of them (all or nothing). Both audited per order; credit counts them per store.

export async function setOrderSettlement(
  context: AppContext,
  actor: Actor,
  orderId: number,
  input: { status: SettlementStatus; lateDays?: number | null },
) {
  const settlement = checkSettlement(input);
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const [order] = await findOrdersToSettle(tx, actor.tenantId, actor.scope, [orderId], true);
    if (!order) throw new DomainError('NOT_FOUND');
    if (order.status === 'cancelled') throw new DomainError('SETTLEMENT_ORDER_CANCELLED', { orderId });
    await setOrderSettlements(tx, actor.tenantId, [{ orderId, ...settlement }], {
      source: 'entered',
      userId: actor.userId,
      at: now,
    });
    await recordChange(tx, actor, settlementChange(order, settlement, 'entered'), now);
    return { orderId, ...settlement, source: 'entered' as const, recordedAt: now.toISOString() };
  });
}

function settlementChange(
  order: SettlementTarget,
  settlement: { status: SettlementStatus; lateDays: number | null },
  source: SettlementSource,
  byAppeal?: { note: string; appealId: number },
): Change {
  return {
    action: 'settle',
    entity: 'order',
    entityId: order.id,
    before: { settlementStatus: order.settlementStatus, settlementLateDays: order.settlementLateDays },
    after: { settlementStatus: settlement.status, settlementLateDays: settlement.lateDays, source, ...byAppeal },
  };
}

// ---- The settlement system's file ----

export const settlementImportLimits = { fileBytes: 10 * 1024 * 1024, rows: 50_000, errorsInAnswer: 1_000 } as const;

export type SettlementImportOutcome =
  | { ok: true; rows: number; updated: number; unchanged: number; keptByAppeal: number }
  | { ok: false; rows: number; errorCount: number; errors: ImportRowError[] };

// Each row names an order by its number; an order unknown, out of the caller's scope or cancelled
// refuses the file, as does an order named twice. Nothing is written unless every row is good. An
// order an accepted credit appeal set on time keeps that (the file still holds the bank's record).
export async function importSettlements(
  context: AppContext,
  actor: Actor,
  request: { path: string; fileName: string; locale: Locale },
): Promise<SettlementImportOutcome> {
  const sheet = await openSheetUpload(request, {
    maxBytes: settlementImportLimits.fileBytes,
    emptyCode: 'SETTLEMENT_IMPORT_FILE_EMPTY',
  });
  const records = readSheetRecords(sheet, {
    columns: settlementSheetColumns,
    normaliseHeader: normaliseSettlementHeader,
    emptyCode: 'SETTLEMENT_IMPORT_FILE_EMPTY',
    maxRows: settlementImportLimits.rows,
  });
  const now = context.now();
  const firstRowOf = new Map<number, number>();
  let counts = { updated: 0, unchanged: 0, keptByAppeal: 0 };
  const result = await allOrNothing(context.db, async (tx) => {
    const { errors, rowCount } = await checkAndWriteRows(records, {
      batchRows: 5_000,
      checkRow: ({ row, cells }) => {
        const parsed = parseSettlementRow(cells);
        if ('problems' in parsed) return parsed;
        const firstRow = firstRowOf.get(parsed.row.orderId);
        if (firstRow !== undefined) {
          const details = { orderId: parsed.row.orderId, firstRow };
          return {
            problems: [
              {
                column: '订单号',
                value: String(parsed.row.orderId),
                code: 'SETTLEMENT_IMPORT_DUPLICATE_IN_FILE',
                details,
              },
            ],
          };
        }
        firstRowOf.set(parsed.row.orderId, row);
        return parsed;
      },
      lookUp: async (rows) => {
        const stored = await findOrdersToSettle(
          tx,
          actor.tenantId,
          actor.scope,
          rows.map((row) => row.orderId),
          true,
        );
        return new Map(stored.map((order) => [order.id, order]));
      },
      checkStored: (row, stored) => {
        const order = stored.get(row.orderId);
        const value = String(row.orderId);
        if (!order) {
          return {
            column: '订单号',
            value,
            code: 'SETTLEMENT_IMPORT_ORDER_UNKNOWN',
            details: { orderId: row.orderId },
          };
        }
        if (order.status === 'cancelled') {
          return { column: '订单号', value, code: 'SETTLEMENT_ORDER_CANCELLED', details: { orderId: row.orderId } };
        }
        return undefined;
      },
      writeBatch: async (rows, stored) => {
        const orderOf = (row: ParsedSettlementRow) => stored.get(row.orderId) as SettlementTarget;
        const byAppeal = rows.filter((row) => orderOf(row).settlementSource === 'appeal');
        const changed = rows.filter((row) => {
          const order = orderOf(row);
          if (order.settlementSource === 'appeal') return false;
          return order.settlementStatus !== row.status || order.settlementLateDays !== row.lateDays;
        });
        counts = {
          updated: counts.updated + changed.length,
          unchanged: counts.unchanged + rows.length - changed.length - byAppeal.length,
          keptByAppeal: counts.keptByAppeal + byAppeal.length,
        };
        await setOrderSettlements(tx, actor.tenantId, changed, { source: 'imported', userId: actor.userId, at: now });
        if (changed.length === 0) return;
        await recordChanges(
          tx,
          actor,
          changed.map((row: ParsedSettlementRow) =>
            settlementChange(stored.get(row.orderId) as SettlementTarget, row, 'imported'),
          ),
          now,
        );
      },
    });
    return { errors, rowCount };
  });
  if (result.errors.length > 0) {
    return {
      ok: false,
      rows: result.rowCount,
      errorCount: result.errors.length,
      errors: describeRowErrors(result.errors, request.locale, settlementImportLimits.errorsInAnswer),
    };
  }
  return { ok: true, rows: result.rowCount, ...counts };
}

// An accepted credit appeal against a late or failed settlement: the order counts as paid on time
// from now on (audited as a settlement, noting the appeal). False when the order is unknown to the
// actor or cancelled.
export async function markSettlementOnTimeIn(tx: Executor, actor: Actor, orderId: number, now: Date, appealId: number) {
  if (!Number.isSafeInteger(orderId) || orderId < 1 || orderId > 2_147_483_647) return false;
  const [order] = await findOrdersToSettle(tx, actor.tenantId, actor.scope, [orderId], true);
  if (!order || order.status === 'cancelled') return false;
  const settlement = { status: 'on_time' as const, lateDays: null };
  await setOrderSettlements(tx, actor.tenantId, [{ orderId, ...settlement }], {
    source: 'appeal',
    userId: actor.userId,
    at: now,
  });
  const byAppeal = { note: `信用申诉 #${appealId} 成立，更正为按时结算`, appealId };
  await recordChange(tx, actor, settlementChange(order, settlement, 'appeal', byAppeal), now);
  return true;
}
