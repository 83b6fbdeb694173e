import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentUserQueryKey } from '../../../shared/auth/session.api.ts';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { minimumPasswordLength } from '../../../shared/password-rules.ts';
import { changePassword, sessionsQueryKey } from '../account.api.ts';

type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();

  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
      // mustChangePassword is cleared; other sessions may have been signed out.
      void queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, ['currentPassword', 'newPassword'])) message.error(describeError(error, t));
    },
  });

  return (
    <Form<PasswordForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('password.minLength', { count: minimumPasswordLength })}
        rules={[
          { required: true, message: t('password.required') },
          { min: minimumPasswordLength, message: t('password.minLength', { count: minimumPasswordLength }) },
        ]}
      >
        <Input.Password
          autoComplete="new-password"
          placeholder={t('password.minLength', { count: minimumPasswordLength })}
        />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmNewPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
