import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { NotificationBell } from '../shared/NotificationBell.tsx';
import { BottomTabBar } from './BottomTabBar.tsx';
import { findPortalTab, portalTabs } from './portal-routes.tsx';

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
        <LanguageSwitch variant="segmented" />
        {/* Rightmost, so its popover (aligned to its right edge) opens over the screen, not off it. */}
        <NotificationBell ticketPath={(id) => `/portal/tickets/${id}`} />
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <BottomTabBar tabs={portalTabs} />
    </div>
  );
}
