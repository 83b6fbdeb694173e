import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { portalArticlePath, portalArticlesPath } from '../portal-routes.tsx';
import { usePortalFeedHead, usePortalReminders } from './articles.api.ts';
import './articles.css';

// On the portal's home (loaded after the home itself: PortalHomePage imports it lazily): an
// important article still to confirm 24 h on, else the newest unread ones, and the way to the feed.
// Plain HTML like the home; nothing when there is nothing unread (or the feed cannot be read).
export function NewsHomeCard() {
  const { t } = useTranslation();
  const { mustChangePassword } = useSignedInUser();
  const feed = usePortalFeedHead({ enabled: !mustChangePassword });
  const reminders = usePortalReminders({ enabled: !mustChangePassword });
  const unread = (feed.data?.items ?? []).filter(
    (item) => !item.read || (item.acknowledgeRequired && !item.acknowledged),
  );
  const [remind] = reminders.data?.items ?? [];
  if (!remind && unread.length === 0) return null;

  return (
    <section className="portal-card portal-news-card" data-testid="portal-news-card">
      <p className="portal-news-card-kicker">{t('portalNews.homeTitle')}</p>
      {remind ? (
        <Link className="portal-news-card-remind" to={portalArticlePath(remind.id)}>
          {t('portalNews.remind', { title: remind.title })}
        </Link>
      ) : null}
      {unread.slice(0, 3).map((item) => (
        <Link key={item.id} className="portal-list-row" to={portalArticlePath(item.id)}>
          <span className="portal-news-line">
            【{item.category}】{item.title}
          </span>
        </Link>
      ))}
      <Link className="portal-button" to={portalArticlesPath}>
        {t('portalNews.homeAction', { count: unread.length })}
      </Link>
    </section>
  );
}
