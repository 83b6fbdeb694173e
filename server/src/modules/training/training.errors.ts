import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// 培训 (training sessions, sign-ups, check-in, post-test, 内训师). Each code's HTTP status and
// message in each language; placeholders are filled from DomainError.details.
export const trainingErrors = {
  TRAINING_SESSION_INVALID: {
    status: 400,
    'zh-CN': '培训设置有误：{reason}。',
    en: 'The training session is not valid: {reasonEn}.',
  },
  TRAINING_TRAINER_UNKNOWN: {
    status: 400,
    'zh-CN': '讲师不是本公司在用的员工账号或已认定的内训师。',
    en: 'The trainer is neither an active staff account nor a designated in-house trainer.',
  },
  TRAINING_SEGMENT_INVALID: {
    status: 400,
    'zh-CN': '培训对象范围有误：{reason}。',
    en: 'The target segment is not valid: {reason}.',
  },
  TRAINING_NOT_ELIGIBLE: {
    status: 403,
    'zh-CN': '本场培训不面向您的门店。',
    en: 'This session is not open to your store.',
  },
  TRAINING_SESSION_CANCELLED: {
    status: 409,
    'zh-CN': '本场培训已取消。',
    en: 'This session has been cancelled.',
  },
  TRAINING_SIGNUP_CLOSED: {
    status: 409,
    'zh-CN': '报名已截止（{deadline}）。',
    en: 'Sign-up closed at {deadline}.',
  },
  TRAINING_ALREADY_SIGNED_UP: {
    status: 409,
    'zh-CN': '您已报名本场培训。',
    en: 'You have already signed up for this session.',
  },
  TRAINING_NOT_SIGNED_UP: {
    status: 409,
    'zh-CN': '您没有报名本场培训（或报名已取消）。',
    en: 'You have not signed up for this session (or cancelled).',
  },
  TRAINING_CANCEL_CLOSED: {
    status: 409,
    'zh-CN': '已过取消报名截止时间（{deadline}）。',
    en: 'Cancellation closed at {deadline}.',
  },
  TRAINING_CHECKIN_OUTSIDE: {
    status: 409,
    'zh-CN': '不在签到时间内（{opensAt} 至 {endsAt}）。',
    en: 'Check-in is open only from {opensAt} to {endsAt}.',
  },
  TRAINING_CODE_WRONG: {
    status: 400,
    'zh-CN': '签到码不正确，请核对现场显示的签到码。',
    en: 'The check-in code is wrong; check the code shown at the session.',
  },
  TRAINING_CODE_EXPIRED: {
    status: 400,
    'zh-CN': '签到码已过期，请使用现场最新显示的签到码。',
    en: 'The check-in code has expired; use the code shown now.',
  },
  TRAINING_NOT_CONFIRMED: {
    status: 409,
    'zh-CN': '只有已确认报名的门店可以签到（候补中的门店不能签到）。',
    en: 'Only confirmed sign-ups can check in (not the waitlist).',
  },
  TRAINING_ALREADY_CHECKED_IN: {
    status: 409,
    'zh-CN': '已签到。',
    en: 'Already checked in.',
  },
  TRAINING_NOT_ATTENDED: {
    status: 409,
    'zh-CN': '签到后才能参加测试和评价。',
    en: 'Check in first to take the test or rate the session.',
  },
  TRAINING_NO_TEST: {
    status: 409,
    'zh-CN': '本场培训没有课后测试。',
    en: 'This session has no post-test.',
  },
  TRAINING_ANSWERS_INVALID: {
    status: 400,
    'zh-CN': '答卷须回答全部 {expected} 道题，且选项有效。',
    en: 'Answer all {expected} questions with valid options.',
  },
  TRAINING_ALREADY_TESTED: {
    status: 409,
    'zh-CN': '已提交过课后测试。',
    en: 'The post-test has already been taken.',
  },
  TRAINING_ALREADY_RATED: {
    status: 409,
    'zh-CN': '已评价过本场培训。',
    en: 'You have already rated this session.',
  },
  TRAINING_NO_CERTIFICATE: {
    status: 409,
    'zh-CN': '签到并通过课后测试后才有结业证书。',
    en: 'A certificate is issued after check-in and a passed post-test.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    training: typeof trainingErrors;
  }
}
