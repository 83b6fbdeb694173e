import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useOrgUnits } from '../../../shared/org-units.api.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { useUserTotal, useUserTotalsByRole } from '../home.api.ts';

// ECharts is fetched only for the chart (admins), after the page itself has shown.
const UsersByRoleChart = lazy(() =>
  import('./UsersByRoleChart.tsx').then((module) => ({ default: module.UsersByRoleChart })),
);

// The administrator's figures: a chunk of its own (Statistic, Card, Skeleton), fetched for
// administrators only, so the home every other role opens first does not download it.
export function AdminOverview() {
  const { t } = useTranslation();
  const format = useFormat();
  const userTotal = useUserTotal(true);
  const orgUnits = useOrgUnits();
  const byRole = useUserTotalsByRole(true);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16} style={{ height: '100%' }}>
          <Card style={{ flex: 1 }}>
            <Statistic
              title={t('home.usersTotal')}
              prefix={<TeamOutlined />}
              loading={userTotal.isPending}
              value={userTotal.error ? '—' : format.number(userTotal.data)}
            />
          </Card>
          <Card style={{ flex: 1 }}>
            <Statistic
              title={t('home.orgUnitsTotal')}
              prefix={<ApartmentOutlined />}
              loading={orgUnits.isPending}
              value={orgUnits.error ? '—' : format.number(orgUnits.data?.length)}
            />
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={16}>
        <Card title={t('home.usersByRole')} size="small" style={{ height: '100%' }}>
          {byRole.isPending ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : byRole.error ? (
            <Typography.Text type="danger">{describeError(byRole.error, t)}</Typography.Text>
          ) : (
            <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
              <UsersByRoleChart totals={byRole.totals} />
            </Suspense>
          )}
        </Card>
      </Col>
    </Row>
  );
}
