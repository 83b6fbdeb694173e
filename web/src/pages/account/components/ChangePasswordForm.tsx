import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentUserQueryKey } from '../../../shared/auth/session.api.ts';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { NewPasswordFields } from '../../../shared/NewPasswordFields.tsx';
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
      <NewPasswordFields
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('password.minLength', { count: minimumPasswordLength })}
        confirmName="confirmPassword"
        confirmLabel={t('account.confirmNewPassword')}
        mismatchMessage={t('account.passwordMismatch')}
      />
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
