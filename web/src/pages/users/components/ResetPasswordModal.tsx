import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { applyFieldErrors } from '../../../shared/form-errors.ts';
import { newPasswordRules } from '../../../shared/password-rules.ts';
import { resetUserPassword, type UserRow } from '../users.api.ts';

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();

  const reset = useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) => resetUserPassword(id, newPassword),
    onSuccess: () => {
      message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, ['newPassword'])) message.error(describeError(error, t));
    },
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : null}
      okText={t('users.resetPassword')}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={({ newPassword }) => user && reset.mutate({ id: user.id, newPassword })}
      >
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          extra={t('users.initialPasswordHelp')}
          rules={newPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
