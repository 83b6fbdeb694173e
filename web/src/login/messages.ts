// What the console's sign-in page (web/login.html, login.ts) says, in each language the console
// speaks (shared/i18n/locale.ts). The page does without the console's i18n and its bundle, so its
// few sentences live here; the keys are the page's data-text attributes. The wording is the
// console's own (shared/i18n/zh-CN.ts and en.ts: app, auth, setup.done, errors).
const zhCN = {
  pageTitle: '登录 · 客我 Kewo',
  appName: '客我 Kewo',
  tagline: '卷烟零售客户服务系统',
  language: '语言',
  title: '登录',
  subtitle: '员工工作台',
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
  failed: '登录失败',
  tooManyAttempts: '尝试次数过多',
  tryAgainIn: '请在 {{seconds}} 秒后重试。',
  setupNeeded: '系统尚未初始化，还没有任何用户。',
  setupLink: '初始化系统',
  setupDone: '初始化完成，请使用新账号登录。',
  retailerHint: '零售客户请使用',
  retailerLink: '零售客户服务平台',
  networkError: '无法连接服务器，请检查网络后重试。',
  unknownError: '出现了意外错误，请稍后重试。',
};

export type LoginText = keyof typeof zhCN;

const en: Record<LoginText, string> = {
  pageTitle: 'Sign in · Kewo 客我',
  appName: 'Kewo 客我',
  tagline: 'Retail customer service for tobacco wholesale',
  language: 'Language',
  title: 'Sign in',
  subtitle: 'Staff console',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Please enter your username',
  passwordRequired: 'Please enter your password',
  submit: 'Sign in',
  failed: 'Sign-in failed',
  tooManyAttempts: 'Too many attempts',
  tryAgainIn: 'Please try again in {{seconds}} seconds.',
  setupNeeded: 'The system has not been set up yet: there are no users.',
  setupLink: 'Set up the system',
  setupDone: 'Setup complete. Sign in with the new account.',
  retailerHint: 'Retailers, please use the',
  retailerLink: 'retailer portal',
  networkError: 'Cannot reach the server. Check your connection and try again.',
  unknownError: 'Something went wrong. Please try again later.',
};

export const loginPageLocales = ['zh-CN', 'en'] as const;
export type LoginPageLocale = (typeof loginPageLocales)[number];

export const loginPageMessages: Record<LoginPageLocale, Record<LoginText, string>> = { 'zh-CN': zhCN, en };
