import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useDataScopeLabel } from '../../shared/auth/use-data-scope-label.ts';
import { ChangePasswordForm } from '../../shared/ChangePasswordForm.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { sessionsQueryKey } from './account.api.ts';
import { SessionsTable } from './components/SessionsTable.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const scopeLabel = useDataScopeLabel();
  const queryClient = useQueryClient();

  return (
    <PageContainer title={t('account.title')}>
      <Flex vertical gap={16}>
        {user.mustChangePassword ? <Alert type="warning" showIcon title={t('account.mustChange')} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('account.profile')} style={{ height: '100%' }}>
              <Descriptions
                column={1}
                items={[
                  { key: 'displayName', label: t('users.displayName'), children: user.displayName },
                  { key: 'username', label: t('users.username'), children: user.username },
                  { key: 'role', label: t('users.role'), children: t(`roles.${user.role}`) },
                  { key: 'tenant', label: t('home.tenant'), children: user.tenant.name },
                  { key: 'orgUnit', label: t('users.orgUnit'), children: user.orgUnit?.name ?? t('common.notSet') },
                  { key: 'scope', label: t('users.scope'), children: scopeLabel(user) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('account.changePassword')} style={{ height: '100%' }}>
              <ChangePasswordForm
                onChanged={() => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey })}
              />
            </Card>
          </Col>
        </Row>
        {/* The server lists sessions only once the password is the user's own. */}
        {user.mustChangePassword ? null : (
          <Card title={t('account.sessions')}>
            <Typography.Paragraph type="secondary">{t('account.sessionsHelp')}</Typography.Paragraph>
            <SessionsTable />
          </Card>
        )}
      </Flex>
    </PageContainer>
  );
}
