import { DomainError } from '../../platform/errors/domain-error.ts';
import { addDays, mondayOf } from '../../platform/time/weeks.ts';
import type { WarningLevel, WarningRuleScope, WarningStatus } from './prices.schema.ts';

// 价格预警's rules. Pure: the clock is passed in.

export type WarningRule = {
  id: number | null;
  scope: WarningRuleScope;
  priceClass: number | null;
  productId: number | null;
  yellowFloor: number;
  yellowCeiling: number;
  redFloor: number;
  redCeiling: number;
  dropPoints: number | null;
  minObservations: number;
};

// The rule when marketing has set none: yellow outside 95–105, red outside 90–110, a drop of more
// than 5 points week on week, at least 5 observations.
export const builtInRule: WarningRule = {
  id: null,
  scope: 'default',
  priceClass: null,
  productId: null,
  yellowFloor: 95,
  yellowCeiling: 105,
  redFloor: 90,
  redCeiling: 110,
  dropPoints: 5,
  minObservations: 5,
};

export function checkBands(rule: Pick<WarningRule, 'yellowFloor' | 'yellowCeiling' | 'redFloor' | 'redCeiling'>) {
  if (
    !(rule.yellowFloor < rule.yellowCeiling) ||
    !(rule.redFloor < rule.redCeiling) ||
    rule.redFloor > rule.yellowFloor ||
    rule.yellowCeiling > rule.redCeiling
  )
    throw new DomainError('PRICE_RULE_BANDS_INVALID', { ...rule }, 'yellowFloor');
}

// The rule for a product: its own > its price class's > the tenant's default > the built-in one.
export function ruleFor(rules: readonly WarningRule[], product: { id: number; priceClass: number }): WarningRule {
  return (
    rules.find((rule) => rule.scope === 'product' && rule.productId === product.id) ??
    rules.find((rule) => rule.scope === 'price_class' && rule.priceClass === product.priceClass) ??
    rules.find((rule) => rule.scope === 'default') ??
    builtInRule
  );
}

export type WeekFigures = { index: number | null; observations: number };

export type Finding = { level: WarningLevel; rule: string; ruleEn: string };

const f2 = (value: number) => value.toFixed(2);
const ruleName = (rule: WarningRule) =>
  rule.scope === 'product'
    ? { zh: '规格规则', en: 'product rule' }
    : rule.scope === 'price_class'
      ? { zh: `价类${rule.priceClass}规则`, en: `price class ${rule.priceClass} rule` }
      : rule.id === null
        ? { zh: '系统默认规则', en: 'built-in default' }
        : { zh: '默认规则', en: 'default rule' };

// Whether a product's week in a region warns, and by which rule, in words. Too few observations this
// week: no finding (the figure is not trusted); the drop needs last week's figure with enough too.
export function evaluateWeek(rule: WarningRule, current: WeekFigures, previous: WeekFigures | null): Finding | null {
  if (current.index === null || current.observations < rule.minObservations) return null;
  const index = current.index;
  const name = ruleName(rule);
  const parts: { zh: string; en: string }[] = [];
  let level: WarningLevel | null = null;
  if (index < rule.redFloor || index > rule.redCeiling) {
    level = 'red';
    parts.push(
      index < rule.redFloor
        ? {
            zh: `指数 ${f2(index)} 低于红色下限 ${rule.redFloor}`,
            en: `index ${f2(index)} below the red floor ${rule.redFloor}`,
          }
        : {
            zh: `指数 ${f2(index)} 高于红色上限 ${rule.redCeiling}`,
            en: `index ${f2(index)} above the red ceiling ${rule.redCeiling}`,
          },
    );
  } else if (index < rule.yellowFloor || index > rule.yellowCeiling) {
    level = 'yellow';
    parts.push(
      index < rule.yellowFloor
        ? {
            zh: `指数 ${f2(index)} 低于黄色下限 ${rule.yellowFloor}`,
            en: `index ${f2(index)} below the yellow floor ${rule.yellowFloor}`,
          }
        : {
            zh: `指数 ${f2(index)} 高于黄色上限 ${rule.yellowCeiling}`,
            en: `index ${f2(index)} above the yellow ceiling ${rule.yellowCeiling}`,
          },
    );
  }
  if (
    rule.dropPoints !== null &&
    previous?.index != null &&
    previous.observations >= rule.minObservations &&
    previous.index - index > rule.dropPoints
  ) {
    level ??= 'yellow';
    const drop = previous.index - index;
    parts.push({
      zh: `较上周下降 ${f2(drop)} 点（${f2(previous.index)} → ${f2(index)}），超过 ${rule.dropPoints} 点`,
      en: `down ${f2(drop)} points on last week (${f2(previous.index)} → ${f2(index)}), more than ${rule.dropPoints}`,
    });
  }
  if (!level) return null;
  return {
    level,
    rule: `${parts.map((part) => part.zh).join('；')}（${name.zh}，样本 ${current.observations}）`,
    ruleEn: `${parts.map((part) => part.en).join('; ')} (${name.en}, ${current.observations} observations)`,
  };
}

// Which regions are judged: the city, each district, and each branch (营销部) — except a branch whose
// stores all lie in one district (a county's 营销部 is often its county): its figures are that
// district's, so it is judged as the district only, and a dip there is one warning, not the same one
// twice. `districtsOfBranch`: how many districts the branch's stores lie in (none known: judged).
export function isBranchJudged(districtsOfBranch: number | undefined): boolean {
  return districtsOfBranch !== 1;
}

// What the evaluation of a week does with a finding, given the product-region's warning that is not
// closed (if any): a new warning; the same warning carried on to this week (a dip over several weeks
// is one warning: first week … latest week, weeks counted); its figures refreshed (the week evaluated
// again); or nothing (an older week than the warning's latest).
export type WarningStep = 'create' | 'extend' | 'refresh' | 'skip';

export function warningStepOf(open: { weekStart: string } | undefined, weekStart: string): WarningStep {
  if (!open) return 'create';
  if (open.weekStart < weekStart) return 'extend';
  if (open.weekStart === weekStart) return 'refresh';
  return 'skip';
}

// The week the scheduled evaluation judges: the last complete Beijing week before `now`.
export function lastCompleteWeek(now: Date): string {
  return addDays(mondayOf(now), -7);
}

// new → acknowledged → action_taken → closed; forward only (a false alarm may be closed at once).
const statusOrder: readonly WarningStatus[] = ['new', 'acknowledged', 'action_taken', 'closed'];

export function checkStatusChange(from: WarningStatus, to: WarningStatus, note: string | undefined) {
  if (statusOrder.indexOf(to) <= statusOrder.indexOf(from))
    throw new DomainError('PRICE_WARNING_STATUS', { status: from, next: to }, 'status');
  if (to === 'action_taken' && !note?.trim()) throw new DomainError('PRICE_WARNING_NOTE_REQUIRED', {}, 'note');
}
