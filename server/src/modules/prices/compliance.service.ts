import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Locale } from '../../platform/errors/error-catalogue.ts';
import { beijingDateOf, beijingMidnightOf } from '../../platform/time/beijing.ts';
import { addDays, isoWeekOf } from '../../platform/time/weeks.ts';
import { customerClassLabels } from '../supply/index.ts';
import type { ComplianceGrouping } from './compliance.contract.ts';
import {
  branchNamesOf,
  type ComplianceCountsRow,
  complianceCounts,
  managerNames,
  repeatFailures,
} from './compliance.repository.ts';

// 明码标价 compliance: the share of visits that found prices clearly marked, per branch, manager,
// class or week, and the stores whose latest two visits both failed (the worklist).

const maxDays = 371;
const unclassified: Record<Locale, string> = { 'zh-CN': '未分类', en: 'unclassified' };
const everything: Record<Locale, string> = { 'zh-CN': '合计', en: 'total' };

export function complianceRangeOf(now: Date, from?: string, to?: string) {
  const last = to ?? beijingDateOf(now);
  const first = from ?? addDays(last, -7 * 13 + 1);
  const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  if (days < 0 || days > maxDays)
    throw new DomainError('PRICE_RANGE_INVALID', { maxWeeks: Math.floor(maxDays / 7) }, from ? 'from' : 'to');
  return { from: first, to: last, start: beijingMidnightOf(first), until: beijingMidnightOf(addDays(last, 1)) };
}

const shareOf = (visits: number, marked: number) => (visits > 0 ? marked / visits : null);

export async function getCompliance(
  context: AppContext,
  actor: Actor,
  query: { groupBy: ComplianceGrouping; from?: string; to?: string },
  locale: Locale,
) {
  const range = complianceRangeOf(context.now(), query.from, query.to);
  const counts = await complianceCounts(
    context.db,
    actor.tenantId,
    actor.scope,
    query.groupBy,
    range.start,
    range.until,
  );
  const labels = await labelsOf(context, actor.tenantId, query.groupBy, counts, locale);
  const rowOf = (key: string, label: string, visits: number, marked: number, failedStores: number) => ({
    key,
    label,
    visits,
    marked,
    share: shareOf(visits, marked),
    failedStores,
  });
  const rows = counts.map((row) => rowOf(row.key, labels(row.key), row.visits, row.marked, row.failed_stores));
  const sum = (pick: (row: ComplianceCountsRow) => number) => counts.reduce((total, row) => total + pick(row), 0);
  return {
    from: range.from,
    to: range.to,
    groupBy: query.groupBy,
    rows,
    total: rowOf(
      'total',
      everything[locale],
      sum((row) => row.visits),
      sum((row) => row.marked),
      sum((row) => row.failed_stores),
    ),
  };
}

async function labelsOf(
  context: AppContext,
  tenantId: number,
  groupBy: ComplianceGrouping,
  counts: readonly ComplianceCountsRow[],
  locale: Locale,
): Promise<(key: string) => string> {
  switch (groupBy) {
    case 'none':
      return () => everything[locale];
    case 'branch': {
      const names = await branchNamesOf(context.db, tenantId);
      return (key) => names.get(key) ?? key;
    }
    case 'manager': {
      const names = await managerNames(
        context.db,
        tenantId,
        counts.map((row) => Number(row.key)),
      );
      return (key) => names.get(Number(key)) ?? key;
    }
    case 'class':
      return (key) =>
        key === 'unclassified'
          ? unclassified[locale]
          : (customerClassLabels[locale][key as keyof (typeof customerClassLabels)['en']] ?? key);
    case 'week':
      return (key) => isoWeekOf(key);
  }
}

const isoOf = (value: Date | string) => new Date(value).toISOString();

export async function getRepeatFailures(
  context: AppContext,
  actor: Actor,
  query: { branchId?: number; managerId?: number },
) {
  const rows = await repeatFailures(context.db, actor.tenantId, actor.scope, context.now(), query);
  return {
    items: rows.map((row) => ({
      customerId: Number(row.customer_id),
      licenceNo: row.licence_no,
      name: row.name,
      branchId: Number(row.branch_id),
      branchName: row.branch_name ?? '',
      managerId: Number(row.manager_id),
      managerName: row.manager_name ?? '',
      classCode: row.class_code,
      visits: (typeof row.visits === 'string'
        ? (JSON.parse(row.visits) as { visitId: number; checkInAt: string }[])
        : row.visits
      ).map((visit) => ({ visitId: Number(visit.visitId), checkInAt: isoOf(visit.checkInAt) })),
    })),
    total: rows.length > 0 ? Number(rows[0].total) : 0,
  };
}
