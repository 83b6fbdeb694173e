import { BankOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Grid, Layout, theme } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { LanguageSwitch } from '../../shared/LanguageSwitch.tsx';
import { consoleRoutes, menuGroups } from '../page-modules.ts';
import { findRoute } from '../routes.ts';
import { buildMenuItems } from './menu-items.tsx';
import { UserMenuButton } from './UserMenuButton.tsx';
import './console-layout.css';

// The bell (Popover, Badge, Empty, Typography) shows a moment after the page: the home every
// staff member lands on is part of the console's first screen (scripts/bundle-budget.ts).
const NotificationBell = lazy(() =>
  import('../../shared/NotificationBell.tsx').then((module) => ({ default: module.NotificationBell })),
);

// The side menu and the user menu (antd Menu and Dropdown) follow just after the page, in place:
// the sider and the header button are there from the start.
const SideMenu = lazy(() => import('./SideMenu.tsx').then((module) => ({ default: module.SideMenu })));
const UserMenu = lazy(() => import('./UserMenu.tsx').then((module) => ({ default: module.UserMenu })));

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
  // On a phone the menu is hidden and slides over the page when asked for.
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.md === false;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const isSiderCollapsed = isNarrow ? !isDrawerOpen : collapsed;

  const menuItems = useMemo(() => buildMenuItems(consoleRoutes, menuGroups, user, (key) => t(key)), [user, t]);
  const activeRoute = findRoute(location.pathname);
  // A menu group opens when it holds the current page (Ant Design Pro's convention);
  // the user opens or closes the others.
  const activeGroupKey = activeRoute?.group ? `group:${activeRoute.group}` : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(activeGroupKey ? [activeGroupKey] : []);
  useEffect(() => {
    if (activeGroupKey) setOpenKeys((keys) => (keys.includes(activeGroupKey) ? keys : [...keys, activeGroupKey]));
  }, [activeGroupKey]);

  const toggle = () => {
    if (isNarrow) {
      setDrawerOpen((value) => !value);
      return;
    }
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
    // antd's message, modal and notification holders, for the signed-in pages (the sign-in and
    // setup pages do not use them, and their first screen does not download them).
    <AntApp>
      <Layout style={{ minHeight: '100vh', background: '#001529' }}>
        {isNarrow && isDrawerOpen ? (
          <button type="button" className="kewo-sider-backdrop" aria-label={t('layout.collapse')} onClick={toggle} />
        ) : null}
        <Layout.Sider
          collapsible
          collapsed={isSiderCollapsed}
          collapsedWidth={isNarrow ? 0 : 80}
          onCollapse={toggle}
          trigger={null}
          width={220}
          theme="dark"
          className={isNarrow ? 'kewo-sider is-overlay' : 'kewo-sider'}
        >
          <button type="button" className="kewo-logo" onClick={() => navigate('/')}>
            <span className="kewo-logo-mark">客</span>
            {isSiderCollapsed ? null : <span className="kewo-logo-text">{t('app.name')}</span>}
          </button>
          <Suspense fallback={null}>
            <SideMenu
              items={menuItems}
              selectedKeys={activeRoute ? [activeRoute.path] : []}
              // A collapsed menu shows groups as pop-ups; open keys apply only when expanded.
              {...(isSiderCollapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
              onClick={({ key }) => {
                navigate(key);
                setDrawerOpen(false);
              }}
            />
          </Suspense>
        </Layout.Sider>
        <Layout>
          <Layout.Header
            className="kewo-header"
            style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Flex align="center" gap={12} style={{ minWidth: 0 }}>
              <Button
                type="text"
                icon={isSiderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
                aria-label={isSiderCollapsed ? t('layout.expand') : t('layout.collapse')}
              />
              <BankOutlined style={{ color: token.colorTextSecondary }} />
              <strong className="kewo-tenant-name" title={user.tenant.name}>
                {user.tenant.name}
              </strong>
            </Flex>
            <Flex align="center" gap={8}>
              <Suspense fallback={<span className="kewo-bell-placeholder" />}>
                <NotificationBell ticketPath={(id) => `/tickets/${id}`} />
              </Suspense>
              <LanguageSwitch />
              <Suspense fallback={<UserMenuButton />}>
                <UserMenu />
              </Suspense>
            </Flex>
          </Layout.Header>
          <Layout.Content className="kewo-content">
            <Outlet />
          </Layout.Content>
          <Layout.Footer className="kewo-footer">{t('layout.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </AntApp>
  );
}
