import { BankOutlined, BellOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { NotificationBell } from '../../shared/NotificationBell.tsx';
import { useRemoveFirstScreen } from '../first-screen.ts';
import { LazyAntdScope, preloadAntdPages } from '../LazyAntdScope.tsx';
import { PageSpinner } from '../PageSpinner.tsx';
import { consoleRoutes, menuGroups } from '../page-modules.ts';
import { findRoute } from '../routes.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { buildMenuItems } from './menu-items.tsx';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';
import './console-layout.css';

// The signed-in console: the dark side menu, the header (menu toggle, company, notifications,
// language, user menu), the page and the footer. Drawn as antd's Layout, Menu and Dropdown were,
// in plain markup (console-layout.css): the home every staff member lands on shows without antd
// (scripts/bundle-budget.ts, the console's first screen). The pages that use antd open inside its
// scope (LazyAntdScope), fetched with the first of them and kept from then on.

const collapsedStorageKey = 'kewo.siderCollapsed';

// Pages drawn without antd: the home.
const plainPaths = new Set(['/']);

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(collapsedStorageKey) === 'true';
  } catch {
    return false;
  }
}

// Below antd's md breakpoint (768 px) the menu is hidden and slides over the page when asked for.
const narrowQuery = '(max-width: 767.98px)';
function subscribeNarrow(onChange: () => void) {
  const list = window.matchMedia?.(narrowQuery);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}
function useIsNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia?.(narrowQuery).matches ?? false,
    () => false,
  );
}

export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const isNarrow = useIsNarrow();
  useRemoveFirstScreen();
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

  // antd's scope wraps the pages once one of them has opened, and stays (its message holders
  // outlive a page change).
  const isPlainPage = plainPaths.has(location.pathname);
  const [hasAntd, setHasAntd] = useState(!isPlainPage);
  if (!isPlainPage && !hasAntd) setHasAntd(true);

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

  const siderClassName = [
    'kewo-sider',
    isSiderCollapsed ? 'is-collapsed' : '',
    isNarrow ? 'is-overlay' : '',
    isNarrow && isSiderCollapsed ? 'is-hidden' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="kewo-layout">
      {isNarrow && isDrawerOpen ? (
        <button type="button" className="kewo-sider-backdrop" aria-label={t('layout.collapse')} onClick={toggle} />
      ) : null}
      <aside className={siderClassName} inert={isNarrow && isSiderCollapsed}>
        <button type="button" className="kewo-logo" onClick={() => navigate('/')}>
          <span className="kewo-logo-mark">客</span>
          {isSiderCollapsed ? null : <span className="kewo-logo-text">{t('app.name')}</span>}
        </button>
        <nav onPointerEnter={preloadAntdPages} onFocus={preloadAntdPages}>
          <SideMenu
            items={menuItems}
            selectedKey={activeRoute?.path}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            isCollapsed={isSiderCollapsed}
            onNavigate={() => setDrawerOpen(false)}
          />
        </nav>
      </aside>
      <div className="kewo-main">
        <header className="kewo-header">
          <div className="kewo-header-start">
            <button
              type="button"
              className="kewo-header-button is-icon"
              onClick={toggle}
              aria-label={isSiderCollapsed ? t('layout.expand') : t('layout.collapse')}
            >
              {isSiderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            </button>
            <BankOutlined className="kewo-tenant-icon" />
            <strong className="kewo-tenant-name" title={user.tenant.name}>
              {user.tenant.name}
            </strong>
          </div>
          <div className="kewo-header-end">
            <NotificationBell
              prefix="kewo"
              buttonClassName="kewo-header-button is-icon"
              icon={<BellOutlined style={{ fontSize: 18 }} />}
              ticketPath={(id) => `/tickets/${id}`}
            />
            <LanguageMenu />
            <UserMenu />
          </div>
        </header>
        <main className="kewo-content">
          {hasAntd ? (
            <Suspense fallback={<PageSpinner />}>
              <LazyAntdScope>
                <Outlet />
              </LazyAntdScope>
            </Suspense>
          ) : (
            <Outlet />
          )}
        </main>
        <footer className="kewo-footer">{t('layout.footer')}</footer>
      </div>
    </div>
  );
}
