import BellOutlined from '@ant-design/icons-svg/es/asn/BellOutlined.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../shared/NotificationBell.tsx';
import { BottomTabBar } from './BottomTabBar.tsx';
import { PortalIcon } from './PortalIcon.tsx';
import { PortalLanguageSwitch } from './PortalLanguageSwitch.tsx';
import { findPortalTab, portalTabs } from './portal-routes.tsx';

// Plain HTML like the home it surrounds (no antd on the portal's first screen).
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const tab = findPortalTab(location.pathname);
  const title = tab ? t(tab.labelKey) : t('portal.title');

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <div className="portal-shell">
      <header className="portal-appbar">
        <span className="portal-appbar-mark">客</span>
        <span className="portal-appbar-title">{t('portal.title')}</span>
        <PortalLanguageSwitch />
        {/* Rightmost, so its list (aligned to its right edge) opens over the screen, not off it. */}
        <NotificationBell
          prefix="portal"
          buttonClassName="portal-bell-button"
          icon={<PortalIcon icon={BellOutlined} />}
          ticketPath={(id) => `/portal/tickets/${id}`}
        />
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <BottomTabBar tabs={portalTabs} />
    </div>
  );
}
