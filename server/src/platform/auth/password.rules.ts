// What a password must be. Length matters most (NIST SP 800-63B); composition rules do not.
export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'too_repetitive';

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export function findPasswordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'too_short';
  if (password.length > passwordMaxLength) return 'too_long';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  if (new Set(password).size < 4) return 'too_repetitive';
  return null;
}

export const passwordProblemText: Record<PasswordProblem, { 'zh-CN': string; en: string }> = {
  too_short: { 'zh-CN': `至少 ${passwordMinLength} 个字符`, en: `use at least ${passwordMinLength} characters` },
  too_long: { 'zh-CN': `最多 ${passwordMaxLength} 个字符`, en: `use at most ${passwordMaxLength} characters` },
  contains_username: { 'zh-CN': '不能包含用户名', en: 'it must not contain the username' },
  too_repetitive: { 'zh-CN': '重复字符过多', en: 'it repeats too few distinct characters' },
};
