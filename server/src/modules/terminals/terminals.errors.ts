import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The terminals module's tiers, applications, inspections and awards. Each code's HTTP status and
// message in each language; placeholders like {tier} are filled from DomainError.details.
export const terminalErrors = {
  TERMINAL_TIER_INVALID: {
    status: 400,
    'zh-CN': '标杆店等级标准有误：{reason}',
    en: 'The tier standard is not valid: {reasonEn}',
  },
  TERMINAL_TIER_NAME_TAKEN: {
    status: 409,
    'zh-CN': '已有名为“{name}”的等级。',
    en: 'A tier named "{name}" already exists.',
  },
  TERMINAL_TIER_INACTIVE: {
    status: 409,
    'zh-CN': '等级“{tier}”已停用，不能申报或验收。',
    en: 'The tier "{tier}" is no longer in use; it cannot be applied for or inspected.',
  },
  TERMINAL_TIER_HELD: {
    status: 409,
    'zh-CN': '该店已是“{tier}”或更高等级，无需申报。',
    en: 'The store already holds "{tier}" or a higher tier.',
  },
  TERMINAL_STORE_NOT_ACTIVE: {
    status: 409,
    'zh-CN': '该店不在正常经营状态，不能申报或验收。',
    en: 'The store is not trading; it cannot apply or be inspected.',
  },
  TERMINAL_APPLICATION_OPEN: {
    status: 409,
    'zh-CN': '该店已有一项申报正在办理（申报 {applicationId}），办结后才能再次申报。',
    en: 'The store has an application in progress (#{applicationId}); it can apply again once that is closed.',
  },
  TERMINAL_APPLICATION_STATE: {
    status: 409,
    'zh-CN': '该申报当前为“{statusName}”，此操作只能在“{expectedName}”时进行。',
    en: 'The application is {statusNameEn}; this step can only be taken while it is {expectedNameEn}.',
  },
  TERMINAL_APPLICATION_REQUIRED: {
    status: 409,
    'zh-CN': '该店未持有“{tier}”，也没有办理中的该等级申报：请先申报，再验收。',
    en: 'The store does not hold "{tier}" and has no open application for it: apply first, then inspect.',
  },
  TERMINAL_PHOTOS_REQUIRED: {
    status: 400,
    'zh-CN': '验收须上传至少 {required} 张照片（现有 {given} 张）。',
    en: 'An inspection needs at least {required} photos ({given} given).',
  },
  TERMINAL_PHOTO_UNKNOWN: {
    status: 400,
    'zh-CN': '照片 {photoId} 不存在或不是您上传的，请重新上传。',
    en: 'Photo {photoId} does not exist or was not uploaded by you; upload it again.',
  },
  TERMINAL_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请选择要上传的照片（multipart/form-data 的 file 字段）。',
    en: 'Choose a photo to upload (the "file" field of multipart/form-data).',
  },
  TERMINAL_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片。',
    en: 'The photo must be a JPEG, PNG or WebP image.',
  },
  TERMINAL_RESULT_MISSING: {
    status: 400,
    'zh-CN': '检查项“{item}”没有验收结果：每一项都须填写。',
    en: 'The item "{item}" has no result: every item of the standard needs one.',
  },
  TERMINAL_RESULT_UNKNOWN: {
    status: 400,
    'zh-CN': '检查项“{itemId}”不在该等级的验收标准中。',
    en: 'The item "{itemId}" is not in this tier\'s standard.',
  },
  TERMINAL_RESULT_DUPLICATE: {
    status: 400,
    'zh-CN': '检查项“{itemId}”填写了两次。',
    en: 'The item "{itemId}" has two results.',
  },
  TERMINAL_SCORE_INVALID: {
    status: 400,
    'zh-CN': '检查项“{item}”须打分，分值在 0 到 {maxScore} 之间。',
    en: 'The item "{item}" needs a score from 0 to {maxScore}.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    terminals: typeof terminalErrors;
  }
}
