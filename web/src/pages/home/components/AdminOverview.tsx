import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useOrgUnits } from '../../../shared/org-units.api.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { useUserTotal, useUserTotalsByRole } from '../home.api.ts';

// The administrator's figures: two totals and the users by role as plain bars, drawn in markup
// like the rest of the home (home.css), not with antd's Card and Statistic or an ECharts chart:
// those were ~250 KiB (gzip) on the first screen an administrator opens (bench/lighthouse.ts).
export function AdminOverview() {
  const { t } = useTranslation();
  const format = useFormat();
  const userTotal = useUserTotal(true);
  const orgUnits = useOrgUnits();
  const byRole = useUserTotalsByRole(true);
  const largest = Math.max(1, ...byRole.totals.map((entry) => entry.total));

  return (
    <div className="kewo-home-admin">
      <div className="kewo-home-stats">
        <Statistic
          icon={<TeamOutlined />}
          title={t('home.usersTotal')}
          isPending={userTotal.isPending}
          value={userTotal.error ? '—' : format.number(userTotal.data)}
        />
        <Statistic
          icon={<ApartmentOutlined />}
          title={t('home.orgUnitsTotal')}
          isPending={orgUnits.isPending}
          value={orgUnits.error ? '—' : format.number(orgUnits.data?.length)}
        />
      </div>
      <section className="kewo-panel is-small kewo-home-by-role" aria-labelledby="kewo-home-by-role">
        <h3 id="kewo-home-by-role" className="kewo-panel-title">
          {t('home.usersByRole')}
        </h3>
        <div className="kewo-panel-body" aria-busy={byRole.isPending}>
          {byRole.error ? (
            <p className="kewo-home-error">{describeError(byRole.error, t)}</p>
          ) : (
            <ul className="kewo-home-bars">
              {byRole.totals.map((entry) => (
                <li key={entry.role}>
                  <span className="kewo-home-bar-label">{t(`roles.${entry.role}`)}</span>
                  <span className="kewo-home-bar-track" aria-hidden="true">
                    <span
                      className="kewo-home-bar"
                      style={{ width: byRole.isPending ? 0 : `${(entry.total / largest) * 100}%` }}
                    />
                  </span>
                  <span className="kewo-home-bar-value">{byRole.isPending ? '…' : format.number(entry.total)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

// As antd's Statistic in a Card: the title above, the figure large below.
function Statistic({
  icon,
  title,
  value,
  isPending,
}: {
  icon: ReactNode;
  title: string;
  value: string;
  isPending: boolean;
}) {
  return (
    <dl className="kewo-panel kewo-home-stat" aria-busy={isPending}>
      <dt>{title}</dt>
      <dd>
        <span className="kewo-home-stat-icon" aria-hidden="true">
          {icon}
        </span>
        {isPending ? '…' : value}
      </dd>
    </dl>
  );
}
