import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { minimumPasswordLength, newPasswordRules } from './password-rules.ts';

// "New password" and "confirm password" inside an antd Form; the second must repeat the first.
export function NewPasswordFields({
  name,
  label,
  extra,
  confirmName,
  confirmLabel,
  mismatchMessage,
}: {
  name: string;
  label: string;
  extra?: ReactNode;
  confirmName: string;
  confirmLabel: string;
  mismatchMessage: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={name} label={label} extra={extra} rules={newPasswordRules(t)}>
        <Input.Password
          autoComplete="new-password"
          placeholder={t('password.minLength', { count: minimumPasswordLength })}
        />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(mismatchMessage)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
