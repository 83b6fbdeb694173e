import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accessibleRoutes } from '../../app/access.ts';
import { isInMenuOf } from '../../app/page-module.ts';
import { consoleRoutes } from '../../app/page-modules.ts';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useDataScopeLabel } from '../../shared/auth/use-data-scope-label.ts';
import { describeError } from '../../shared/error-message.ts';
import { businessTimeZone } from '../../shared/format.ts';
import { useOrgUnits } from '../../shared/org-units.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { useUserTotal, useUserTotalsByRole } from './home.api.ts';

// ECharts is fetched only for the chart (admins), after the page itself has shown.
const UsersByRoleChart = lazy(() =>
  import('./components/UsersByRoleChart.tsx').then((module) => ({ default: module.UsersByRoleChart })),
);

export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const format = useFormat();
  const scopeLabel = useDataScopeLabel();
  const isAdmin = user.role === 'admin';
  const today = new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'full',
    timeZone: businessTimeZone,
  }).format(new Date());
  // Shortcuts come from the route table, so they grow with the modules the user may open.
  // Pages with a parameter (/customers/:id) are reached from their list, not from here.
  const shortcuts = accessibleRoutes(user, consoleRoutes).filter(
    (route) => route.path !== '/' && !route.path.includes(':') && isInMenuOf(route, user.role),
  );

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={20} wrap>
          <div className="kewo-home-avatar">{user.displayName.slice(0, 1)}</div>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('home.greeting', { name: user.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">{today}</Typography.Text>
          </Flex>
          <Tag color="blue" style={{ fontSize: 14, padding: '4px 12px' }}>
            {t(`roles.${user.role}`)}
          </Tag>
        </Flex>
        <Descriptions
          style={{ marginTop: 24 }}
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'role', label: t('home.role'), children: t(`roles.${user.role}`) },
            { key: 'tenant', label: t('home.tenant'), children: user.tenant.name },
            { key: 'orgUnit', label: t('home.orgUnit'), children: user.orgUnit?.name ?? t('common.notSet') },
            { key: 'scope', label: t('home.dataScope'), children: scopeLabel(user) },
          ]}
        />
      </Card>
      {isAdmin ? <AdminOverview /> : null}
      {shortcuts.length > 0 ? (
        <Card title={t('home.shortcuts')} size="small">
          <div className="kewo-shortcuts">
            {shortcuts.map((route) => (
              <Link key={route.path} to={route.path} className="kewo-shortcut">
                <span className="kewo-shortcut-icon">{route.icon}</span>
                <span>{t(route.labelKey)}</span>
              </Link>
            ))}
          </div>
        </Card>
      ) : null}
    </Flex>
  );
}

function AdminOverview() {
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
