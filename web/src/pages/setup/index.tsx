import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AuthShell } from '../../shared/auth/AuthShell.tsx';
import { CompanyAdminFields } from '../../shared/CompanyAdminFields.tsx';
import { describeError } from '../../shared/error-message.ts';
import { FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { applyFieldErrors } from '../../shared/form-errors.ts';
import { createFirstAdmin, type SetupRequest, setupStatusQueryKey, useSetupStatus } from './setup.api.ts';

type SetupForm = SetupRequest & { passwordConfirm: string };

// One-time page: on an empty database, create the city company and its first administrator.
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SetupForm>();
  const status = useSetupStatus();

  useEffect(() => {
    document.title = `${t('setup.title')} · ${t('app.name')}`;
  }, [t]);

  const setup = useMutation({
    mutationFn: createFirstAdmin,
    onSuccess: () => {
      queryClient.setQueryData(setupStatusQueryKey, { needed: false });
      navigate('/login', { replace: true, state: { setupDone: true } });
    },
    onError: (error) => applyFieldErrors(form, error, ['cityCode', 'cityName', 'username', 'displayName', 'password']),
  });

  if (status.isPending) return <FullPageSpin />;

  if (status.data && !status.data.needed) {
    return (
      <AuthShell title={t('setup.title')}>
        <Result
          status="success"
          title={t('setup.notNeeded')}
          extra={
            <Link to="/login">
              <Button type="primary">{t('setup.goToLogin')}</Button>
            </Link>
          }
        />
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t('setup.title')} subtitle={t('setup.description')}>
      {setup.error ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 20 }} title={describeError(setup.error, t)} />
      ) : null}
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ passwordConfirm: _confirm, ...request }) =>
          setup.mutate({
            ...request,
            cityName: request.cityName.trim(),
            username: request.username.trim(),
            displayName: request.displayName.trim(),
          })
        }
      >
        <CompanyAdminFields cities={status.data?.cities ?? []} passwordLabel={t('setup.password')} autoFocus />
        <Button type="primary" htmlType="submit" size="large" block loading={setup.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
