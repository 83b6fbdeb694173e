import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accessibleRoutes } from '../../app/access.ts';
import { isInMenuOf } from '../../app/page-module.ts';
import { consoleRoutes } from '../../app/page-modules.ts';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useDataScopeLabel } from '../../shared/auth/use-data-scope-label.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { AdminOverview } from './components/AdminOverview.tsx';
import './home.css';

// Plain panels drawn as antd's Card, Tag and Descriptions: the page every staff member lands on
// is part of the console's first screen (scripts/bundle-budget.ts), and antd's Card alone brings
// Tabs and Skeleton along. The administrator's figures are plain markup too (AdminOverview).

export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const format = useFormat();
  const scopeLabel = useDataScopeLabel();
  const isAdmin = user.role === 'admin';
  const today = format.longDay(new Date());
  // Shortcuts come from the route table, so they grow with the modules the user may open.
  // Pages with a parameter (/customers/:id) are reached from their list, not from here.
  const shortcuts = accessibleRoutes(user, consoleRoutes).filter(
    (route) => route.path !== '/' && !route.path.includes(':') && isInMenuOf(route, user.role),
  );

  const facts = [
    { key: 'role', label: t('home.role'), value: t(`roles.${user.role}`) },
    { key: 'tenant', label: t('home.tenant'), value: user.tenant.name },
    { key: 'orgUnit', label: t('home.orgUnit'), value: user.orgUnit?.name ?? t('common.notSet') },
    { key: 'scope', label: t('home.dataScope'), value: scopeLabel(user) },
  ];

  return (
    <div className="kewo-home">
      <section className="kewo-panel kewo-home-welcome">
        <div className="kewo-home-heading">
          <div className="kewo-home-avatar">{user.displayName.slice(0, 1)}</div>
          <div className="kewo-home-greeting">
            <h2>{t('home.greeting', { name: user.displayName })}</h2>
            <p>{today}</p>
          </div>
          <span className="kewo-home-role">{t(`roles.${user.role}`)}</span>
        </div>
        <dl className="kewo-home-facts">
          {facts.map((fact) => (
            <div key={fact.key}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {isAdmin ? <AdminOverview /> : null}
      {shortcuts.length > 0 ? (
        <section className="kewo-panel is-small" aria-labelledby="kewo-home-shortcuts">
          <h3 id="kewo-home-shortcuts" className="kewo-panel-title">
            {t('home.shortcuts')}
          </h3>
          <div className="kewo-panel-body">
            <div className="kewo-shortcuts">
              {shortcuts.map((route) => (
                <Link key={route.path} to={route.path} className="kewo-shortcut">
                  <span className="kewo-shortcut-icon">{route.icon}</span>
                  <span>{t(route.labelKey)}</span>
                </Link>
              ))}
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}
