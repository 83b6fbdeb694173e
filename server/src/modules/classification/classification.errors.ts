import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The classification module: rule sets, classification runs and spot-checks.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const classificationErrors = {
  CLASSIFICATION_RULE_SET_INVALID: {
    status: 400,
    'zh-CN': '分类规则有误：{reason}',
    en: 'The classification rule set is not valid: {reasonEn}',
  },
  CLASSIFICATION_RUN_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能审批或调整最新的分类测算（已有更新的测算 {latestId}）。',
    en: 'Only the latest classification run can be approved or adjusted (run {latestId} is newer).',
  },
  CLASSIFICATION_RUN_APPLIED: {
    status: 409,
    'zh-CN': '分类测算 {runId} 已审批生效，不能再次审批或调整。',
    en: 'Classification run {runId} has already been approved and applied.',
  },
  CLASSIFICATION_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '请填写调整分类的理由。',
    en: 'A reason is required to change a class.',
  },
  CLASSIFICATION_SPECIAL_BY_HAND: {
    status: 409,
    'zh-CN': '特殊客户只能在客户分类中手工设定或解除，不能在测算中调整。',
    en: 'The special class is set and lifted by hand only, not in a run.',
  },
  CLASSIFICATION_DEMO_TYPE_INVALID: {
    status: 400,
    'zh-CN': '只有示范客户才有示范类型。',
    en: 'Only a demonstration store has a demonstration type.',
  },
  CLASSIFICATION_NOTHING_CLASSIFIED: {
    status: 409,
    'zh-CN': '尚无已生效的客户分类，无法抽查。',
    en: 'No store is classified yet: there is nothing to spot-check.',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    classification: typeof classificationErrors;
  }
}
