import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The display contest (陈列创意大赛). Each code's HTTP status and message in each language;
// placeholders like {deadline} are filled from DomainError.details.
export const contestErrors = {
  CONTEST_INVALID: {
    status: 400,
    'zh-CN': '大赛设置有误：{reason}。',
    en: 'The contest is not valid: {reasonEn}.',
  },
  CONTEST_JUDGE_UNKNOWN: {
    status: 400,
    'zh-CN': '评委 {userId} 不是本公司在用的员工账号。',
    en: 'Judge {userId} is not an active staff account of this company.',
  },
  CONTEST_ENTRY_CLOSED: {
    status: 409,
    'zh-CN': '大赛不在投稿期内（截止日期 {deadline}），不能再提交作品。',
    en: 'The contest is not taking entries (deadline {deadline}).',
  },
  CONTEST_ENTRY_EXISTS: {
    status: 409,
    'zh-CN': '该客户已提交过本次大赛的作品。',
    en: 'This store has already entered the contest.',
  },
  CONTEST_NOT_JUDGE: {
    status: 403,
    'zh-CN': '您不是本次大赛的评委。',
    en: 'You are not a judge of this contest.',
  },
  CONTEST_OWN_BRANCH: {
    status: 403,
    'zh-CN': '评委不能为本单位（营销部）客户的作品评分。',
    en: 'A judge cannot score an entry from their own branch.',
  },
  CONTEST_ALREADY_SCORED: {
    status: 409,
    'zh-CN': '您已为该作品评过分，评分提交后不能修改。',
    en: 'You have already scored this entry; scores cannot be changed.',
  },
  CONTEST_SCORE_INVALID: {
    status: 400,
    'zh-CN': '评分有误：评分项“{criterion}”缺失、未定义或超出范围（0 至满分，最小单位 0.5）。',
    en: 'Score for "{criterion}" is missing, unknown or out of range (0 to the maximum, in steps of 0.5).',
  },
  CONTEST_PUBLISHED: {
    status: 409,
    'zh-CN': '大赛结果已发布，不能再更改。',
    en: 'The contest results are published and can no longer change.',
  },
  CONTEST_ENTRIES_OPEN: {
    status: 409,
    'zh-CN': '投稿截止（{deadline}）之后才能发布结果。',
    en: 'Results can be published only after the entry deadline ({deadline}).',
  },
  CONTEST_NOT_SCORED: {
    status: 409,
    'zh-CN': '还有 {unscored} 件作品没有评委评分（或尚无作品），不能发布结果。',
    en: '{unscored} entries have no score yet (or there are no entries); results cannot be published.',
  },
  CONTEST_NOT_PUBLISHED: {
    status: 409,
    'zh-CN': '大赛结果尚未发布。',
    en: 'The contest results are not published yet.',
  },
  CONTEST_RANKING_HIDDEN: {
    status: 403,
    'zh-CN': '结果发布前，评委看不到排名与其他评委的评分。',
    en: 'Before publication a judge sees neither the ranking nor other judges’ scores.',
  },
  CONTEST_PHOTO_MISSING: {
    status: 400,
    'zh-CN': '请选择一张照片（字段 file）。',
    en: 'Choose a photo (field "file").',
  },
  CONTEST_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '参赛照片须为 JPEG 或 PNG 格式。',
    en: 'An entry photo must be a JPEG or PNG image.',
  },
  CONTEST_PHOTO_UNAVAILABLE: {
    status: 400,
    'zh-CN': '照片 {photoId} 不存在或已被使用，请重新上传。',
    en: 'Photo {photoId} does not exist or is already used; upload it again.',
  },
} as const satisfies ErrorEntries;

declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    contests: typeof contestErrors;
  }
}
