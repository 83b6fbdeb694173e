import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword, currentUserQueryKey } from './auth/session.api.ts';
import { describeError } from './error-message.ts';
import { applyFieldErrors } from './form-errors.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { minimumPasswordLength } from './password-rules.ts';

type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

// Used by the console's account page and the retailer portal; `onChanged` lets each refresh
// what it shows besides the signed-in user (e.g. the list of sessions).
export function ChangePasswordForm({ onChanged, block = false }: { onChanged?: () => void; block?: boolean }) {
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
      onChanged?.();
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
      style={{ maxWidth: block ? undefined : 420 }}
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
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        block={block}
        size={block ? 'large' : undefined}
      >
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
