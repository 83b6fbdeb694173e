import type { ErrorEntries } from '../../platform/errors/error-catalogue.ts';

// The organisation module: city companies (tenants), org units, staff accounts, first-run setup and the console.
// Each code's HTTP status and message in each language; placeholders like {field} are filled from
// DomainError.details. The module's manifest (index.ts) hands the list to server/src/modules.ts.
export const organisationErrors = {
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名“{username}”已被使用。',
    en: 'The username "{username}" is already taken.',
  },
  ORG_UNIT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '机构编码“{code}”已被使用。',
    en: 'The org unit code "{code}" is already in use.',
  },
  ORG_UNIT_INVALID_PARENT: {
    status: 409,
    'zh-CN': '{kind}不能设在{parentKind}之下。',
    en: 'A {kind} cannot be placed under a {parentKind}.',
  },
  SCOPE_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '角色“{role}”不能使用数据范围“{scope}”。',
    en: 'The role "{role}" cannot have the data scope "{scope}".',
  },
  CANNOT_DISABLE_SELF: {
    status: 409,
    'zh-CN': '不能停用或降级自己的账号。',
    en: 'You cannot disable or demote your own account.',
  },
  SETUP_ALREADY_DONE: {
    status: 409,
    'zh-CN': '系统已完成初始化，请直接登录。',
    en: 'Kewo is already set up. Please sign in.',
  },
  CITY_CODE_REQUIRED: {
    status: 400,
    'zh-CN': '首个市公司须指定所在地级市的行政区划代码（--city-code，如 3506 漳州市）。',
    en: 'The first city company needs its city code (--city-code, e.g. 3506 for Zhangzhou).',
  },
  CONSOLE_CITY_EXISTS: {
    status: 409,
    'zh-CN':
      '数据库中已有市公司（{tenants}）：--city / --city-code 只在空数据库上创建首个市公司。新增市公司请用 kewo tenant create；在已有市公司中创建账号请用 --tenant <编码>。',
    en: 'The database already holds city companies ({tenants}): --city / --city-code create the first one on an empty database only. Add a city company with kewo tenant create; create an account in one with --tenant <code>.',
  },
  CONSOLE_TENANT_REQUIRED: {
    status: 400,
    'zh-CN': '请用 --tenant <编码> 指明账号所属的市公司（现有：{tenants}）。',
    en: "Name the account's city company with --tenant <code> (there are: {tenants}).",
  },
  DEPLOYMENT_OPERATOR_ONLY: {
    status: 403,
    'zh-CN': '只有运营本系统的市公司的系统管理员可以管理市公司。',
    en: 'Only the administrators of the city company that operates this deployment manage city companies.',
  },
  TENANT_UNKNOWN: {
    status: 404,
    'zh-CN': '没有编码为“{tenantCode}”的市公司（现有：{tenants}）。',
    en: 'No city company has the code "{tenantCode}" (there are: {tenants}).',
  },
  TENANT_CODE_INVALID: {
    status: 400,
    'zh-CN': '市公司编码“{tenantCode}”应为 2–32 位小写字母、数字或连字符，并以字母开头（如 xiamen）。',
    en: 'The city company code "{tenantCode}" must be 2–32 lowercase letters, digits or hyphens, starting with a letter (e.g. xiamen).',
  },
  TENANT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '市公司编码“{tenantCode}”已被使用。',
    en: 'The city company code "{tenantCode}" is already in use.',
  },
  TENANT_CITY_TAKEN: {
    status: 409,
    'zh-CN': '行政区划代码 {cityCode} 的城市已有市公司（{tenantCode}）：一个城市只设一个市公司。',
    en: 'The city {cityCode} already has its city company ({tenantCode}): a city has one.',
  },
  CITY_UNKNOWN: {
    status: 400,
    'zh-CN': '“{cityCode}”不是地级市的行政区划代码（4 位，如 3506 漳州市）。',
    en: '"{cityCode}" is not the code of a prefecture-level city (4 digits, e.g. 3506 Zhangzhou).',
  },
} as const satisfies ErrorEntries;

// Adds these codes to ErrorCode, so that DomainError takes them and a misspelt code does not compile.
declare module '../../platform/errors/error-catalogue.ts' {
  interface ErrorCatalogues {
    organisation: typeof organisationErrors;
  }
}
