import BellOutlined from '@ant-design/icons-svg/es/asn/BellOutlined.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { notificationListSchema } from '../../../server/src/platform/notifications/notifications.routes.ts';
import { api } from '../shared/api-client.ts';
import { useSignedInUser } from '../shared/auth/SignedInUser.tsx';
import { useFormat } from '../shared/use-locale.ts';
import type { Wire } from '../shared/wire.ts';
import { PortalIcon } from './PortalIcon.tsx';

// 站内消息 on the portal's app bar, as the console's bell (shared/NotificationBell.tsx) shows
// them: polled every minute, marked read when the list closes. Plain HTML, so the portal's home
// shows without antd.
type Notifications = Wire<typeof notificationListSchema>;

export function PortalNotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [isOpen, setOpen] = useState(false);
  // A store still on its one-time password reaches nothing but the change form: no polling till then.
  const { mustChangePassword } = useSignedInUser();
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<Notifications>('/notifications', undefined, { signal }),
    refetchInterval: 60_000,
    enabled: !mustChangePassword,
  });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const close = () => {
    setOpen(false);
    if (unread > 0) {
      void api
        .post<Notifications>('/notifications/read')
        .then((data) => queryClient.setQueryData(['notifications'], data));
    }
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // A tap outside the list or Escape closes it, as a popover does.
  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) closeRef.current();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  return (
    <div className="portal-bell" ref={root}>
      <button
        type="button"
        className="portal-bell-button"
        aria-label={t('notifications.title')}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => (isOpen ? close() : setOpen(true))}
      >
        <PortalIcon icon={BellOutlined} />
      </button>
      {/* Beside the button, as antd's Badge: its name stays 消息 (what it says, not a number). */}
      {unread > 0 ? (
        <span className="portal-bell-count" aria-hidden>
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
      {isOpen ? (
        <section id={panelId} className="portal-bell-panel" aria-label={t('notifications.title')}>
          <h2 className="portal-bell-title">{t('notifications.title')}</h2>
          {items.length > 0 ? (
            <ul className="portal-bell-list">
              {items.map((item) => (
                <li key={item.id} className={item.readAt === null ? 'is-unread' : undefined}>
                  {item.ticketId ? (
                    <Link to={`/portal/tickets/${item.ticketId}`} onClick={close}>
                      <NotificationText title={item.title} time={format.dateTime(item.createdAt)} />
                    </Link>
                  ) : (
                    <NotificationText title={item.title} time={format.dateTime(item.createdAt)} />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="portal-muted portal-bell-empty">{t('notifications.empty')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

function NotificationText({ title, time }: { title: string; time: string }) {
  return (
    <>
      <span className="portal-bell-item-title">{title}</span>
      <span className="portal-muted portal-bell-item-time">{time}</span>
    </>
  );
}
