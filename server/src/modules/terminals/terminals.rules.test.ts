import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors/domain-error.ts';
import { defaultTerminalTiers } from './default-tiers.ts';
import {
  type ApplicationStatus,
  checkApplication,
  checkTierStandard,
  decideOutcome,
  evaluateInspection,
  type InspectionResult,
  meetsStandard,
  nextApplicationStatus,
  reInspectionDueOn,
  type TierStandard,
  withItemIds,
} from './terminals.rules.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
};

// A small standard: two mandatory items and two scored ones (pass mark 30 of 40).
const standard: TierStandard = {
  name: '测试店',
  rank: 2,
  passScore: 30,
  items: [
    { id: 'licence', name: '亮证经营', category: 'service', mandatory: true, maxScore: 0 },
    { id: 'cabinet', name: '标准烟柜', category: 'fixtures', mandatory: true, maxScore: 0 },
    { id: 'visible', name: '显眼度', category: 'display', mandatory: false, maxScore: 20 },
    { id: 'clean', name: '整洁度', category: 'display', mandatory: false, maxScore: 20 },
  ],
};
const results = (overrides: Partial<Record<string, Partial<InspectionResult>>> = {}): InspectionResult[] =>
  standard.items.map((item) => ({
    itemId: item.id,
    passed: true,
    score: item.maxScore > 0 ? item.maxScore : undefined,
    ...overrides[item.id],
  }));

describe(evaluateInspection.name, () => {
  it.each([
    { case: 'every item passed, full marks', overrides: {}, score: 40, awarded: true },
    { case: 'exactly the pass mark', overrides: { visible: { score: 10 } }, score: 30, awarded: true },
    { case: 'below the pass mark', overrides: { visible: { score: 9.5 } }, score: 29.5, awarded: false },
    {
      case: 'a mandatory item failed, full marks',
      overrides: { cabinet: { passed: false } },
      score: 40,
      awarded: false,
    },
    {
      case: 'a mandatory item failed, whatever the score',
      overrides: { licence: { passed: false }, visible: { score: 20 } },
      score: 40,
      awarded: false,
    },
    {
      case: 'a scored item marked failed still counts its score',
      overrides: { clean: { passed: false } },
      score: 40,
      awarded: true,
    },
  ])('$case → score $score, awarded $awarded', ({ overrides, score, awarded }) => {
    const evaluation = evaluateInspection(standard, results(overrides), 3);
    expect(evaluation.score).toBe(score);
    expect(evaluation.awarded).toBe(awarded);
  });

  it('names the failed mandatory items', () => {
    expect(evaluateInspection(standard, results({ cabinet: { passed: false } }), 3).failedMandatory).toEqual([
      '标准烟柜',
    ]);
  });

  it.each([
    { case: 'fewer than 3 photos', input: results(), photos: 2, code: 'TERMINAL_PHOTOS_REQUIRED' },
    { case: 'no photos', input: results(), photos: 0, code: 'TERMINAL_PHOTOS_REQUIRED' },
    { case: 'a mandatory item missing', input: results().slice(1), photos: 3, code: 'TERMINAL_RESULT_MISSING' },
    { case: 'a scored item missing', input: results().slice(0, 3), photos: 3, code: 'TERMINAL_RESULT_MISSING' },
    {
      case: 'an item not in the standard',
      input: [...results(), { itemId: 'screen', passed: true }],
      photos: 3,
      code: 'TERMINAL_RESULT_UNKNOWN',
    },
    {
      case: 'an item twice',
      input: [...results(), { itemId: 'licence', passed: true }],
      photos: 3,
      code: 'TERMINAL_RESULT_DUPLICATE',
    },
    {
      case: 'a scored item without a score',
      input: results({ visible: { score: null } }),
      photos: 3,
      code: 'TERMINAL_SCORE_INVALID',
    },
    {
      case: 'a score above the maximum',
      input: results({ visible: { score: 21 } }),
      photos: 3,
      code: 'TERMINAL_SCORE_INVALID',
    },
    { case: 'a negative score', input: results({ clean: { score: -1 } }), photos: 3, code: 'TERMINAL_SCORE_INVALID' },
  ])('refuses $case with $code', ({ input, photos, code }) => {
    expect(codeOf(() => evaluateInspection(standard, input, photos))).toBe(code);
  });
});

describe(reInspectionDueOn.name, () => {
  it.each([
    { awardedOn: '2026-12-07', months: 6, due: '2027-06-07' },
    { awardedOn: '2026-12-07', months: 12, due: '2027-12-07' },
    { awardedOn: '2026-08-31', months: 6, due: '2027-02-28' },
    { awardedOn: '2027-08-31', months: 6, due: '2028-02-29' },
    { awardedOn: '2026-01-31', months: 1, due: '2026-02-28' },
    { awardedOn: '2026-03-31', months: 3, due: '2026-06-30' },
    { awardedOn: '2026-11-15', months: 24, due: '2028-11-15' },
  ])('$awardedOn + $months months → $due', ({ awardedOn, months, due }) => {
    expect(reInspectionDueOn(awardedOn, months)).toBe(due);
  });
});

const [image, boutique, model, experience] = defaultTerminalTiers.map((tier, index) => ({
  ...tier,
  id: index + 1,
}));
const fullResults = (tier: typeof image, overrides: Partial<Record<string, Partial<InspectionResult>>> = {}) =>
  tier.items.map((item) => ({
    itemId: item.id,
    passed: true,
    score: item.maxScore > 0 ? item.maxScore : undefined,
    ...overrides[item.id],
  }));

describe(decideOutcome.name, () => {
  const others = (tier: typeof image) => [image, boutique, model, experience].filter((other) => other.id !== tier.id);
  const decide = (input: {
    tier: typeof image;
    overrides?: Partial<Record<string, Partial<InspectionResult>>>;
    held: number | null;
    application: ApplicationStatus | null;
  }) =>
    decideOutcome({
      tier: input.tier,
      evaluation: evaluateInspection(input.tier, fullResults(input.tier, input.overrides), 3),
      heldTierId: input.held,
      applicationStatus: input.application,
      otherTiers: others(input.tier),
      note: null,
    });

  it.each([
    { case: 'approved application, standard met', held: null, application: 'approved', kind: 'awarded' },
    { case: 'submitted application, standard met', held: null, application: 'submitted', kind: 'pending_approval' },
    { case: 'reviewed application, standard met', held: null, application: 'reviewed', kind: 'pending_approval' },
    {
      case: 'approved application, standard not met',
      held: null,
      application: 'approved',
      overrides: { screen: { passed: false } },
      kind: 'not_awarded',
    },
    { case: 'a lower tier held, approved application', held: 3, application: 'approved', kind: 'awarded' },
    { case: 're-inspection of the tier held, passed', held: 1, application: null, kind: 'renewed' },
  ] as const)('$case → $kind', ({ held, application, kind, ...rest }) => {
    const overrides = 'overrides' in rest ? rest.overrides : undefined;
    expect(decide({ tier: image, held, application, overrides }).kind).toBe(kind);
  });

  it('downgrades a failed re-inspection to the best lower tier the same results meet, with the reason', () => {
    // 数字屏 is mandatory only for 品牌形象店; everything else is full marks → 品牌精品店.
    const outcome = decide({ tier: image, held: 1, application: null, overrides: { screen: { passed: false } } });
    expect(outcome).toEqual({ kind: 'downgraded', toTierId: boutique.id, reason: '必备项未通过：数字屏（品牌宣传）' });
  });

  it('downgrades past tiers whose pass mark the score misses', () => {
    // 78 points: below 形象店 90, 精品店 85 and 示范店 80, above 体验店 75.
    const outcome = decide({
      tier: image,
      held: 1,
      application: null,
      overrides: { visible: { score: 8 }, clean: { score: 10 } },
    });
    expect(outcome.kind).toBe('downgraded');
    expect(outcome.kind === 'downgraded' && outcome.toTierId).toBe(experience.id);
    expect(outcome.kind === 'downgraded' && outcome.reason).toBe('得分 78 低于合格分 90');
  });

  it('removes the tier when no lower standard is met (a mandatory item of every tier failed)', () => {
    const outcome = decide({ tier: boutique, held: 2, application: null, overrides: { licence: { passed: false } } });
    expect(outcome).toEqual({ kind: 'removed', reason: '必备项未通过：亮证经营、明码标价' });
  });

  it('removes the lowest tier on a failed re-inspection', () => {
    const outcome = decide({
      tier: experience,
      held: 4,
      application: null,
      overrides: { visible: { score: 0 }, clean: { score: 0 } },
    });
    expect(outcome.kind).toBe('removed');
  });

  it.each([
    { case: 'no application', application: null },
    { case: 'a rejected application', application: 'rejected' },
    { case: 'an awarded (closed) application', application: 'awarded' },
  ] as const)('refuses a first inspection with $case', ({ application }) => {
    expect(codeOf(() => decide({ tier: model, held: null, application }))).toBe('TERMINAL_APPLICATION_REQUIRED');
  });
});

describe(meetsStandard.name, () => {
  it('needs a result for every item of the other tier', () => {
    const evaluation = evaluateInspection(experience, fullResults(experience), 3);
    // 品牌示范店 has items (cabinet, digital-ordering) an experience-store inspection never looked at.
    expect(meetsStandard(model, evaluation.results)).toBe(false);
    expect(meetsStandard(experience, evaluation.results)).toBe(true);
  });
});

describe(nextApplicationStatus.name, () => {
  it.each([
    { status: 'submitted', step: 'review', approve: true, next: 'reviewed' },
    { status: 'submitted', step: 'review', approve: false, next: 'rejected' },
    { status: 'reviewed', step: 'approval', approve: true, next: 'approved' },
    { status: 'reviewed', step: 'approval', approve: false, next: 'rejected' },
  ] as const)('$status, $step ($approve) → $next', ({ status, step, approve, next }) => {
    expect(nextApplicationStatus(status, step, approve)).toBe(next);
  });

  it.each([
    { status: 'submitted', step: 'approval' },
    { status: 'reviewed', step: 'review' },
    { status: 'approved', step: 'approval' },
    { status: 'rejected', step: 'review' },
    { status: 'awarded', step: 'approval' },
  ] as const)('refuses $step of a $status application', ({ status, step }) => {
    expect(codeOf(() => nextApplicationStatus(status, step, true))).toBe('TERMINAL_APPLICATION_STATE');
  });
});

describe(checkApplication.name, () => {
  const tier = { id: 2, name: '品牌精品店', rank: 3, active: true };
  it.each([
    { case: 'no tier held', held: null, storeActive: true, code: null },
    { case: 'a lower tier held', held: { tierId: 4, rank: 1 }, storeActive: true, code: null },
    { case: 'the same tier held', held: { tierId: 2, rank: 3 }, storeActive: true, code: 'TERMINAL_TIER_HELD' },
    { case: 'a higher tier held', held: { tierId: 1, rank: 4 }, storeActive: true, code: 'TERMINAL_TIER_HELD' },
    { case: 'a closed store', held: null, storeActive: false, code: 'TERMINAL_STORE_NOT_ACTIVE' },
  ])('$case → $code', ({ held, storeActive, code }) => {
    expect(codeOf(() => checkApplication({ tier, held, storeActive }))).toBe(code);
  });

  it('refuses an inactive tier', () => {
    expect(codeOf(() => checkApplication({ tier: { ...tier, active: false }, held: null, storeActive: true }))).toBe(
      'TERMINAL_TIER_INACTIVE',
    );
  });
});

describe(checkTierStandard.name, () => {
  it('accepts every default tier', () => {
    for (const tier of defaultTerminalTiers) expect(codeOf(() => checkTierStandard(tier))).toBeNull();
  });

  it.each([
    { case: 'no items', items: [], passScore: 0 },
    { case: 'an item neither mandatory nor scored', items: [{ ...standard.items[2], maxScore: 0 }], passScore: 0 },
    { case: 'a duplicate id', items: [standard.items[2], standard.items[2]], passScore: 10 },
    { case: 'an unreachable pass mark', items: standard.items, passScore: 41 },
  ])('refuses $case', ({ items, passScore }) => {
    expect(codeOf(() => checkTierStandard({ ...standard, items, passScore }))).toBe('TERMINAL_TIER_INVALID');
  });
});

describe(withItemIds.name, () => {
  it('keeps given ids and numbers new items past them', () => {
    const items = withItemIds([
      { id: 'item-1', name: 'a', category: 'display', mandatory: true, maxScore: 0 },
      { name: 'b', category: 'display', mandatory: true, maxScore: 0 },
      { id: null, name: 'c', category: 'display', mandatory: true, maxScore: 0 },
    ]);
    expect(items.map((item) => item.id)).toEqual(['item-1', 'item-2', 'item-3']);
  });
});
