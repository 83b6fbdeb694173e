import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { BottomTabBar } from './BottomTabBar.tsx';
import { PortalLanguageSwitch } from './PortalLanguageSwitch.tsx';
import { PortalNotificationBell } from './PortalNotificationBell.tsx';
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
        <PortalNotificationBell />
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <BottomTabBar tabs={portalTabs} />
    </div>
  );
}
