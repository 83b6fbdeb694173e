import {
  type CreditLevel,
  type CreditModelDefinition,
  itemKeyOf,
  type LedgerItem,
  type ScoredCap,
  type ScoredIndicator,
} from './credit.rules.ts';

// How a store's explanation is kept in credit_scores, pure. A province's run writes 250,000 of
// them: spelled out (labels, keys, sources as objects) they came to ~180 MB of JSON a month, most of
// it what the run's model already says. So a row keeps only what the model cannot give back —
// points, values, the facts cited — as arrays, and the labels, keys and cap levels are rebuilt from
// the run's model (an approved version never changes) on read. Rows written before this (objects)
// are read as they are.
//
//   items       [rule, points, kind, id, at] (+ 1 when frozen); an indicator's item, whose source is
//               always (indicator, its key, the run's last day), is [rule, points] (+ 1)
//   indicators  [value, points] in the model's indicator order
//   caps        [rule, kind, id, at]

export type StoredItem =
  | [string, number]
  | [string, number, 1]
  | [string, number, string, string, string]
  | [string, number, string, string, string, 1];
export type StoredIndicator = [number | null, number];
export type StoredCap = [string, string, string, string];
export type StoredExplanation = {
  items: readonly (StoredItem | LedgerItem)[];
  indicators: readonly (StoredIndicator | ScoredIndicator)[];
  caps: readonly (StoredCap | ScoredCap)[];
};
export type Explanation = { items: LedgerItem[]; indicators: ScoredIndicator[]; caps: ScoredCap[] };

const isIndicatorItem = (item: LedgerItem, asOf: string) =>
  item.source.kind === 'indicator' && item.source.id === item.rule && item.source.at === asOf;

// What a row keeps of a scored store's explanation; `asOf` is the run's last day.
export function compactExplanation(explanation: Explanation, asOf: string) {
  const items = explanation.items.map((item): StoredItem => {
    if (isIndicatorItem(item, asOf)) return item.frozen ? [item.rule, item.points, 1] : [item.rule, item.points];
    const { kind, id, at } = item.source;
    return item.frozen ? [item.rule, item.points, kind, id, at, 1] : [item.rule, item.points, kind, id, at];
  });
  const indicators = explanation.indicators.map((indicator): StoredIndicator => [indicator.value, indicator.points]);
  const caps = explanation.caps.map((cap): StoredCap => [cap.rule, cap.source.kind, cap.source.id, cap.source.at]);
  return { items, indicators, caps };
}

// The explanation as scoreStore gave it, from a row and the run's model.
export function expandExplanation(
  stored: StoredExplanation,
  definition: CreditModelDefinition,
  asOf: string,
): Explanation {
  const labels = new Map<string, string>();
  for (const rule of definition.rules) labels.set(rule.rule, rule.label);
  for (const indicator of definition.indicators) labels.set(indicator.indicator, indicator.label);
  const items = stored.items.map((entry): LedgerItem => {
    if (!Array.isArray(entry)) return entry;
    const [rule, points] = entry;
    const short = entry.length <= 3;
    const source = short
      ? { kind: 'indicator', id: rule, at: asOf }
      : { kind: entry[2] as string, id: entry[3] as string, at: entry[4] as string };
    const item: LedgerItem = { key: itemKeyOf(rule, source), rule, label: labels.get(rule) ?? rule, points, source };
    if (entry[short ? 2 : 5] === 1) item.frozen = true;
    return item;
  });
  const indicators = stored.indicators.map((entry, index): ScoredIndicator => {
    if (!Array.isArray(entry)) return entry;
    const rule = definition.indicators[index];
    return { indicator: rule.indicator, label: rule.label, value: entry[0], points: entry[1] };
  });
  const caps = stored.caps.map((entry): ScoredCap => {
    if (!Array.isArray(entry)) return entry;
    const [rule, kind, id, at] = entry;
    const cap = definition.caps.find((candidate) => candidate.rule === rule);
    return {
      rule: rule as ScoredCap['rule'],
      label: cap?.label ?? rule,
      capLevel: (cap?.capLevel ?? 'D') as CreditLevel,
      source: { kind, id, at },
    };
  });
  return { items, indicators, caps };
}
