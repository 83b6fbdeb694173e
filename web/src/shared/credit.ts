import type { TFunction } from 'i18next';
import type {
  appealListSchema,
  customerCreditSchema,
  portalCreditSchema,
} from '../../../server/src/modules/credit/credit.contract.ts';
import type { Wire } from './wire.ts';

export { asLevel, type CreditLevel, creditLevels, levelColour, levelColours } from './credit-levels.ts';

// 信用 (issue 22): what a store's credit looks like on the wire (credit.contract.ts), for the
// console's credit pages and the portal's 我的信用 alike.

export const appealStatuses = ['open', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export type CustomerCredit = Wire<typeof customerCreditSchema>;
export type PortalCredit = Wire<typeof portalCreditSchema>;
export type LedgerItem = CustomerCredit['items'][number];
export type LedgerSource = LedgerItem['source'];
export type AppliedCap = CustomerCredit['caps'][number];
export type IndicatorValue = CustomerCredit['indicators'][number];
export type HistoryEntry = CustomerCredit['history'][number];
export type StoreAppeal = Wire<typeof appealListSchema>['items'][number];
export type HowToRaise = PortalCredit['howToRaise'][number];

// How an indicator's value reads: on-time and ordering rates are percentages, tenure months,
// information cooperation a count (credit.rules.ts, indicatorValue).
export function indicatorUnit(indicator: string): 'percent' | 'months' | 'count' {
  if (indicator === 'on_time_rate' || indicator === 'ordering_regularity') return 'percent';
  if (indicator === 'tenure') return 'months';
  return 'count';
}

export const knownIndicators = ['on_time_rate', 'ordering_regularity', 'tenure', 'information_cooperation'] as const;
export type KnownIndicator = (typeof knownIndicators)[number];
export const isKnownIndicator = (indicator: string): indicator is KnownIndicator =>
  (knownIndicators as readonly string[]).includes(indicator);

const sourceKindsShown = ['order', 'violation', 'ticket', 'visit', 'cycle', 'indicator', 'appeal', 'other'] as const;
type SourceKindShown = (typeof sourceKindsShown)[number];
const isSourceKindShown = (kind: string): kind is SourceKindShown =>
  (sourceKindsShown as readonly string[]).includes(kind);

// A ledger item's source in words: 订单 812, 违规记录 3, 投诉工单 55.
export function sourceText(t: TFunction, source: { kind: string; id: string }): string {
  const kind = t(`credit.sourceKinds.${isSourceKindShown(source.kind) ? source.kind : 'other'}`);
  // A run of cycles and an indicator name no record: the item's label says which.
  return source.id && source.kind !== 'cycle' && source.kind !== 'indicator' ? `${kind} ${source.id}` : kind;
}
