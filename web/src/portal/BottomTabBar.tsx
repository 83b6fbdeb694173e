import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { PortalTab } from './portal-routes.tsx';

// Fixed to the bottom of the phone screen, thumb-sized, one entry per portal page.
export function BottomTabBar({ tabs }: { tabs: readonly PortalTab[] }) {
  const { t } = useTranslation();
  if (tabs.length < 2) return null;
  return (
    <nav className="portal-tabbar" aria-label={t('portal.title')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          end
          className={({ isActive }) => (isActive ? 'portal-tab is-active' : 'portal-tab')}
        >
          <span className="portal-tab-icon" aria-hidden>
            {tab.icon}
          </span>
          <span className="portal-tab-label">{t(tab.labelKey)}</span>
        </NavLink>
      ))}
    </nav>
  );
}
