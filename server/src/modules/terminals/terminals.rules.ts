import { DomainError } from '../../platform/errors/domain-error.ts';

// 终端建设: the rules of benchmark store tiers (标杆店等级), applications (申报), inspections (验收/复查)
// and awards. Pure: the clock is passed in as a date ('YYYY-MM-DD', Beijing), nothing is read.

export const tierItemCategories = ['fixtures', 'display', 'signage', 'digital', 'service'] as const;
export type TierItemCategory = (typeof tierItemCategories)[number];

// One line of a tier's standard (验收标准): a mandatory item must pass whatever the score; a scored
// item (maxScore > 0) adds its score to the total the pass mark is compared with. An item may be both.
export type TierItem = {
  id: string;
  name: string;
  category: TierItemCategory;
  mandatory: boolean;
  maxScore: number;
};

export type TierStandard = {
  name: string;
  // Higher is better: a failed re-inspection looks for a lower rank whose standard is still met.
  rank: number;
  passScore: number;
  items: TierItem[];
};

export type InspectionResult = { itemId: string; passed: boolean; score?: number | null };

// What an inspection keeps of each item: the standard as it was that day, and the result.
export type ScoredResult = {
  itemId: string;
  name: string;
  category: TierItemCategory;
  mandatory: boolean;
  maxScore: number;
  passed: boolean;
  score: number;
};

export type Evaluation = {
  score: number;
  maxScore: number;
  passScore: number;
  awarded: boolean;
  failedMandatory: string[];
  results: ScoredResult[];
};

// 验收照片: at least three (the counter, the display, the sign), as the seed city's paper form asked.
export const minimumInspectionPhotos = 3;

const maxScoreOf = (items: readonly TierItem[]) => items.reduce((sum, item) => sum + item.maxScore, 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

function invalid(reason: string, reasonEn: string): DomainError {
  return new DomainError('TERMINAL_TIER_INVALID', { reason, reasonEn });
}

// Items without an id (a new line typed into the editor) get the next free `item-<n>`; ids given
// are kept, so results of past inspections still name their items.
export function withItemIds(items: readonly (Omit<TierItem, 'id'> & { id?: string | null })[]): TierItem[] {
  const taken = new Set(items.flatMap((item) => (item.id ? [item.id] : [])));
  let next = 1;
  return items.map((item) => {
    if (item.id) return { ...item, id: item.id };
    while (taken.has(`item-${next}`)) next += 1;
    const id = `item-${next}`;
    taken.add(id);
    return { ...item, id };
  });
}

// A standard the inspection can be scored against: items with distinct ids, each either mandatory
// or scored, and a pass mark the scored items can reach.
export function checkTierStandard(standard: TierStandard): TierStandard {
  if (standard.items.length === 0) throw invalid('验收标准至少要有一项', 'the standard needs at least one item');
  const seen = new Set<string>();
  for (const item of standard.items) {
    if (seen.has(item.id)) throw invalid(`检查项编号“${item.id}”重复`, `item id "${item.id}" appears twice`);
    seen.add(item.id);
    if (!item.mandatory && item.maxScore <= 0)
      throw invalid(`检查项“${item.name}”既非必备项也不计分`, `item "${item.name}" is neither mandatory nor scored`);
  }
  const reachable = maxScoreOf(standard.items);
  if (standard.passScore > reachable)
    throw invalid(
      `合格分 ${standard.passScore} 高于满分 ${reachable}`,
      `the pass mark ${standard.passScore} is above the full score ${reachable}`,
    );
  return standard;
}

// Scores an inspection against a tier's standard. Every item needs exactly one result, a scored
// item a score within 0..maxScore; the tier is awarded only when every mandatory item passed AND
// the total reaches the pass mark — a failed mandatory item refuses it whatever the score.
export function evaluateInspection(
  standard: TierStandard,
  results: readonly InspectionResult[],
  photoCount: number,
): Evaluation {
  if (photoCount < minimumInspectionPhotos)
    throw new DomainError(
      'TERMINAL_PHOTOS_REQUIRED',
      { required: minimumInspectionPhotos, given: photoCount },
      'photoIds',
    );
  const byId = new Map<string, InspectionResult>();
  const known = new Set(standard.items.map((item) => item.id));
  for (const result of results) {
    if (!known.has(result.itemId))
      throw new DomainError('TERMINAL_RESULT_UNKNOWN', { itemId: result.itemId }, 'results');
    if (byId.has(result.itemId))
      throw new DomainError('TERMINAL_RESULT_DUPLICATE', { itemId: result.itemId }, 'results');
    byId.set(result.itemId, result);
  }
  const scored: ScoredResult[] = standard.items.map((item) => {
    const result = byId.get(item.id);
    if (!result) throw new DomainError('TERMINAL_RESULT_MISSING', { item: item.name, itemId: item.id }, 'results');
    const given = result.score ?? null;
    if (item.maxScore > 0 && (given === null || given < 0 || given > item.maxScore))
      throw new DomainError('TERMINAL_SCORE_INVALID', { item: item.name, maxScore: item.maxScore }, 'results');
    return {
      itemId: item.id,
      name: item.name,
      category: item.category,
      mandatory: item.mandatory,
      maxScore: item.maxScore,
      passed: result.passed,
      score: item.maxScore > 0 ? round1(given ?? 0) : 0,
    };
  });
  const score = round1(scored.reduce((sum, result) => sum + result.score, 0));
  const failedMandatory = scored.filter((result) => result.mandatory && !result.passed).map((result) => result.name);
  return {
    score,
    maxScore: maxScoreOf(standard.items),
    passScore: standard.passScore,
    awarded: failedMandatory.length === 0 && score >= standard.passScore,
    failedMandatory,
    results: scored,
  };
}

// Whether another tier's standard is met by results taken against this one: every item of that
// tier was inspected (same id), its mandatory ones passed, and their scores reach its pass mark.
export function meetsStandard(standard: TierStandard, results: readonly ScoredResult[]): boolean {
  const byId = new Map(results.map((result) => [result.itemId, result]));
  let score = 0;
  for (const item of standard.items) {
    const result = byId.get(item.id);
    if (!result) return false;
    if (item.mandatory && !result.passed) return false;
    if (item.maxScore > 0) score += Math.min(result.score, item.maxScore);
  }
  return round1(score) >= standard.passScore;
}

// The re-inspection date: the award date plus the tier's interval in months, on the same day of the
// month or that month's last day (31 Jan + 1 month = 28/29 Feb).
export function reInspectionDueOn(awardedOn: string, months: number): string {
  const [year, month, day] = awardedOn.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const isReInspectionOverdue = (dueOn: string, today: string) => dueOn < today;

// The outcome of an inspection for the store:
// - awarded: an approved application's tier is granted now;
// - pending_approval: the standard is met, the application awaits the marketing centre;
// - renewed: a re-inspection of the tier held passed, a new due date;
// - not_awarded: an application's inspection failed (it may be inspected again);
// - downgraded / removed: a failed re-inspection moves the store to the best lower tier whose
//   standard the same results meet, or takes the tier away, with the reason kept.
export type InspectionOutcome =
  | { kind: 'awarded' | 'pending_approval' | 'renewed' | 'not_awarded' }
  | { kind: 'downgraded'; toTierId: number; reason: string }
  | { kind: 'removed'; reason: string };

export type ApplicationStatus = 'submitted' | 'reviewed' | 'approved' | 'awarded' | 'rejected';
export const openApplicationStatuses: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'approved'];

export type OutcomeInput = {
  tier: TierStandard & { id: number };
  evaluation: Evaluation;
  // The tier the store holds now, if any.
  heldTierId: number | null;
  // The store's open application for this tier, if any.
  applicationStatus: ApplicationStatus | null;
  // The tenant's other active tiers, to downgrade to.
  otherTiers: readonly (TierStandard & { id: number })[];
  note?: string | null;
};

// Why a re-inspection failed, in words kept on the award it ended.
export function failureReasonOf(evaluation: Evaluation, note?: string | null): string {
  const parts: string[] = [];
  if (evaluation.failedMandatory.length > 0) parts.push(`必备项未通过：${evaluation.failedMandatory.join('、')}`);
  if (evaluation.score < evaluation.passScore)
    parts.push(`得分 ${evaluation.score} 低于合格分 ${evaluation.passScore}`);
  if (note?.trim()) parts.push(note.trim());
  return parts.join('；');
}

export function decideOutcome(input: OutcomeInput): InspectionOutcome {
  const { tier, evaluation, heldTierId, applicationStatus } = input;
  if (heldTierId === tier.id) {
    if (evaluation.awarded) return { kind: 'renewed' };
    const reason = failureReasonOf(evaluation, input.note);
    const lower = input.otherTiers
      .filter((other) => other.rank < tier.rank && meetsStandard(other, evaluation.results))
      .sort((a, b) => b.rank - a.rank)[0];
    return lower ? { kind: 'downgraded', toTierId: lower.id, reason } : { kind: 'removed', reason };
  }
  // A tier the store does not hold is inspected only on its application (申报).
  if (!applicationStatus || !openApplicationStatuses.includes(applicationStatus))
    throw new DomainError('TERMINAL_APPLICATION_REQUIRED', { tier: tier.name });
  if (!evaluation.awarded) return { kind: 'not_awarded' };
  return { kind: applicationStatus === 'approved' ? 'awarded' : 'pending_approval' };
}

// 申报: the branch reviews a submitted application (passes it on or rejects it); the marketing
// centre then approves or rejects a reviewed one.
export type ApplicationStep = 'review' | 'approval';

// A status in words for the messages that name one (a code such as "reviewed" means nothing to a
// branch clerk). The web shows the same words from its own messages.
export const applicationStatusNames: Record<ApplicationStatus, { 'zh-CN': string; en: string }> = {
  submitted: { 'zh-CN': '待分公司审核', en: 'awaiting the branch review' },
  reviewed: { 'zh-CN': '待营销中心审批', en: 'awaiting the marketing centre approval' },
  approved: { 'zh-CN': '已批准待验收', en: 'approved, awaiting inspection' },
  awarded: { 'zh-CN': '已授牌', en: 'awarded' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
};

export function nextApplicationStatus(
  status: ApplicationStatus,
  step: ApplicationStep,
  approve: boolean,
): ApplicationStatus {
  const expected: ApplicationStatus = step === 'review' ? 'submitted' : 'reviewed';
  if (status !== expected)
    throw new DomainError('TERMINAL_APPLICATION_STATE', {
      status,
      expected,
      statusName: applicationStatusNames[status]['zh-CN'],
      statusNameEn: applicationStatusNames[status].en,
      expectedName: applicationStatusNames[expected]['zh-CN'],
      expectedNameEn: applicationStatusNames[expected].en,
    });
  if (!approve) return 'rejected';
  return step === 'review' ? 'reviewed' : 'approved';
}

// A store applies for a tier it does not hold and whose rank is above the one it holds.
export function checkApplication(input: {
  tier: { id: number; name: string; rank: number; active: boolean };
  held: { tierId: number; rank: number } | null;
  storeActive: boolean;
}) {
  if (!input.storeActive) throw new DomainError('TERMINAL_STORE_NOT_ACTIVE');
  if (!input.tier.active) throw new DomainError('TERMINAL_TIER_INACTIVE', { tier: input.tier.name });
  if (input.held && input.held.rank >= input.tier.rank)
    throw new DomainError('TERMINAL_TIER_HELD', { tier: input.tier.name });
}
