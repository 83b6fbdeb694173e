import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// 消费者意见. Each code's HTTP status and message in each language.
export const consumerFeedbackErrors = {
  CONSUMER_FEEDBACK_TEXT_TOO_LONG: {
    status: 400,
    'zh-CN': '内容最多 {max} 个字（现有 {length} 个字），请精简后再提交。',
    en: 'The text may have at most {max} characters ({length} given); shorten it and send it again.',
  },
  CONSUMER_FEEDBACK_TEXT_EMPTY: {
    status: 400,
    'zh-CN': '请填写内容。',
    en: 'Write the text.',
  },
  CONSUMER_FEEDBACK_PRODUCT_UNKNOWN: {
    status: 400,
    'zh-CN': '卷烟规格 {productId} 不存在，请重新选择。',
    en: 'Product {productId} does not exist; choose it again.',
  },
  CONSUMER_FEEDBACK_PHOTO_UNKNOWN: {
    status: 400,
    'zh-CN': '照片 {photoId} 不存在或不是本店上传的，请重新上传。',
    en: 'Photo {photoId} does not exist or was not uploaded by this store; upload it again.',
  },
  CONSUMER_FEEDBACK_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请选择要上传的照片（multipart/form-data 的 file 字段）。',
    en: 'Choose a photo to upload (the "file" field of multipart/form-data).',
  },
  CONSUMER_FEEDBACK_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '照片须为 JPEG、PNG 或 WebP 图片。',
    en: 'The photo must be a JPEG, PNG or WebP image.',
  },
  CONSUMER_FEEDBACK_ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '该意见已答复，不能再次答复。',
    en: 'This feedback has already been answered.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    consumerFeedback: typeof consumerFeedbackErrors;
  }
}
