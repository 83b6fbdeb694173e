import { BankOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { consoleRoutes, findRoute, menuGroups } from '../routes.tsx';
import { buildMenuItems } from './menu-items.tsx';
import { UserMenu } from './UserMenu.tsx';
import './console-layout.css';

const collapsedStorageKey = 'kewo.siderCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(collapsedStorageKey) === 'true';
  } catch {
    return false;
  }
}

export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(readCollapsed);

  const menuItems = useMemo(() => buildMenuItems(consoleRoutes, menuGroups, user, (key) => t(key)), [user, t]);
  const activeRoute = findRoute(location.pathname);
  const openGroupKeys = menuGroups.map((group) => `group:${group.key}`);

  const toggle = () => {
    setCollapsed((value) => {
      try {
        localStorage.setItem(collapsedStorageKey, String(!value));
      } catch {
        // Only a preference; nothing to do.
      }
      return !value;
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        trigger={null}
        width={220}
        theme="dark"
        className="kewo-sider"
      >
        <button type="button" className="kewo-logo" onClick={() => navigate('/')}>
          <span className="kewo-logo-mark">客</span>
          {collapsed ? null : <span className="kewo-logo-text">{t('app.name')}</span>}
        </button>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems}
          selectedKeys={activeRoute ? [activeRoute.path] : []}
          defaultOpenKeys={collapsed ? [] : openGroupKeys}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="kewo-header"
          style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
            />
            <BankOutlined style={{ color: token.colorTextSecondary }} />
            <Typography.Text strong ellipsis className="kewo-tenant-name">
              {user.tenant.name}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={8}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="kewo-content">
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="kewo-footer">{t('layout.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
