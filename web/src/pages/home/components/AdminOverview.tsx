import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { staffRoles } from '../../../shared/roles.ts';
import { useAfterFirstPaint } from '../../../shared/use-after-first-paint.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { useOrganisationOverview } from '../home.api.ts';

// The administrator's figures: two totals and the users by role as plain bars, drawn in markup
// like the rest of the home (home.css), not with antd's Card and Statistic or an ECharts chart:
// those were ~250 KiB (gzip) on the first screen an administrator opens (bench/lighthouse.ts).
export function AdminOverview() {
  const { t } = useTranslation();
  const format = useFormat();
  // The greeting above is the first screen's main content: the figures are asked for once it shows.
  const isPainted = useAfterFirstPaint();
  const overview = useOrganisationOverview(isPainted);
  const isPending = overview.isPending;
  const byRole = overview.data?.usersByRole ?? staffRoles.map((role) => ({ role, total: 0 }));
  const largest = Math.max(1, ...byRole.map((entry) => entry.total));

  return (
    <div className="kewo-home-admin">
      <div className="kewo-home-stats">
        <Statistic
          icon={<TeamOutlined />}
          title={t('home.usersTotal')}
          isPending={isPending}
          value={overview.error ? '—' : format.number(overview.data?.usersTotal)}
        />
        <Statistic
          icon={<ApartmentOutlined />}
          title={t('home.orgUnitsTotal')}
          isPending={isPending}
          value={overview.error ? '—' : format.number(overview.data?.orgUnitsTotal)}
        />
      </div>
      <section className="kewo-panel is-small kewo-home-by-role" aria-labelledby="kewo-home-by-role">
        <h3 id="kewo-home-by-role" className="kewo-panel-title">
          {t('home.usersByRole')}
        </h3>
        <div className="kewo-panel-body" aria-busy={isPending}>
          {overview.error ? (
            <p className="kewo-home-error">{describeError(overview.error, t)}</p>
          ) : (
            <ul className="kewo-home-bars">
              {byRole.map((entry) => (
                <li key={entry.role}>
                  <span className="kewo-home-bar-label">{t(`roles.${entry.role}`)}</span>
                  <span className="kewo-home-bar-track" aria-hidden="true">
                    <span
                      className="kewo-home-bar"
                      style={{ width: isPending ? 0 : `${(entry.total / largest) * 100}%` }}
                    />
                  </span>
                  <span className="kewo-home-bar-value">{isPending ? '…' : format.number(entry.total)}</span>
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
