import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

// Mirrors the server's minimum (POST /auth/password, /users/:id/password); the server decides.
export const minimumPasswordLength = 10;

// Form rules for any field that sets a new password.
export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    { min: minimumPasswordLength, message: t('password.minLength', { count: minimumPasswordLength }) },
  ];
}
