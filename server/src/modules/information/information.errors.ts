import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// 信息推送. Each code's HTTP status and message in each language; placeholders like {reason} are
// filled from DomainError.details.
export const informationErrors = {
  ARTICLE_TARGET_OUTSIDE_SCOPE: {
    status: 403,
    'zh-CN': '推送范围超出您的管辖范围：只能推送给本单位的客户（{outside} 户不在范围内），未保存任何内容。',
    en: 'The article targets stores outside your scope ({outside} stores); you may write only for your own stores. Nothing was saved.',
  },
  ARTICLE_TARGET_EMPTY: {
    status: 400,
    'zh-CN': '推送范围内没有在营客户，请调整推送范围。',
    en: 'No active store is in the target; change the target.',
  },
  ARTICLE_SEGMENT_INVALID: {
    status: 400,
    'zh-CN': '推送范围有误：{reason}。',
    en: 'The target is not valid: {reasonEn}.',
  },
  ARTICLE_CATEGORY_UNKNOWN: {
    status: 400,
    'zh-CN': '栏目 {categoryId} 不存在或已停用。',
    en: 'Category {categoryId} does not exist or is archived.',
  },
  ARTICLE_CATEGORY_EXISTS: {
    status: 409,
    'zh-CN': '栏目“{name}”已存在。',
    en: 'A category "{name}" already exists.',
  },
  ARTICLE_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '资讯已发布（或已撤回），不能再修改。',
    en: 'The article is published (or withdrawn) and can no longer change.',
  },
  ARTICLE_NOT_PUBLISHED: {
    status: 409,
    'zh-CN': '资讯尚未发布。',
    en: 'The article is not published.',
  },
  ARTICLE_FILE_UNAVAILABLE: {
    status: 400,
    'zh-CN': '文件 {fileId} 不存在或不是您上传的，请重新上传。',
    en: 'File {fileId} does not exist or was not uploaded by you; upload it again.',
  },
  ARTICLE_FILE_MISSING: {
    status: 400,
    'zh-CN': '请选择一个文件（字段 file）。',
    en: 'Choose a file (field "file").',
  },
  ARTICLE_FILE_INVALID: {
    status: 400,
    'zh-CN': '封面与正文图片须为 JPEG、PNG 或 WebP 格式。',
    en: 'A cover or inline image must be a JPEG, PNG or WebP image.',
  },
  ARTICLE_ATTACHMENT_INVALID: {
    status: 400,
    'zh-CN': '附件须为 PDF、Word、Excel 或图片文件。',
    en: 'An attachment must be a PDF, Word, Excel or image file.',
  },
  ARTICLE_BODY_EMPTY: {
    status: 400,
    'zh-CN': '正文为空（不安全的内容已被删除），请填写正文。',
    en: 'The body is empty (unsafe content was removed); write the body.',
  },
  ARTICLE_CURSOR_INVALID: {
    status: 400,
    'zh-CN': '翻页参数 cursor 无效，请从第一页重新加载。',
    en: 'The cursor is not valid; load from the first page again.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    information: typeof informationErrors;
  }
}
