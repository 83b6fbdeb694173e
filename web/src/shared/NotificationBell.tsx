import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { notificationListSchema } from '../../../server/src/platform/notifications/notifications.routes.ts';
import { api } from './api-client.ts';
import { useSignedInUser } from './auth/SignedInUser.tsx';
import { useFormat } from './use-locale.ts';
import type { Wire } from './wire.ts';

// 站内消息: the signed-in user's notifications (ticket assigned, replied, warned, escalated …),
// polled every minute; closing the list marks them read. Drawn as antd's Badge and Popover were,
// in plain markup, on the console's header (`kewo-bell…`, app/layout/console-layout.css) and the
// portal's app bar (`portal-bell…`, portal/portal.css): neither first screen downloads antd.
type Notifications = Wire<typeof notificationListSchema>;

export type NotificationBellProps = {
  ticketPath: (id: number) => string;
  icon: ReactNode;
  // The stylesheet's prefix of the bell's parts: `${prefix}-bell`, `${prefix}-bell-panel` …
  prefix: 'kewo' | 'portal';
  buttonClassName: string;
};

export function NotificationBell({ ticketPath, icon, prefix, buttonClassName }: NotificationBellProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [isOpen, setOpen] = useState(false);
  // A user still on an initial password reaches nothing but the change form: no polling till then.
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

  // A click or tap outside the list, or Escape, closes it, as a popover does.
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
    <div className={`${prefix}-bell`} ref={root}>
      <button
        type="button"
        className={buttonClassName}
        aria-label={t('notifications.title')}
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => (isOpen ? close() : setOpen(true))}
      >
        {icon}
      </button>
      {/* On the button's corner, as antd's Badge: its name stays 消息 (what it says, not a number). */}
      {unread > 0 ? (
        <span className={`${prefix}-bell-count`} aria-hidden>
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
      {isOpen ? (
        <section id={panelId} className={`${prefix}-bell-panel`} aria-label={t('notifications.title')}>
          <h2 className={`${prefix}-bell-title`}>{t('notifications.title')}</h2>
          {items.length > 0 ? (
            <ul className={`${prefix}-bell-list`}>
              {items.map((item) => (
                <li key={item.id} className={item.readAt === null ? 'is-unread' : undefined}>
                  {item.ticketId ? (
                    <Link to={ticketPath(item.ticketId)} onClick={close}>
                      <NotificationText prefix={prefix} title={item.title} time={format.dateTime(item.createdAt)} />
                    </Link>
                  ) : (
                    <NotificationText prefix={prefix} title={item.title} time={format.dateTime(item.createdAt)} />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className={`${prefix}-bell-empty`}>{t('notifications.empty')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

function NotificationText({ prefix, title, time }: { prefix: string; title: string; time: string }) {
  return (
    <>
      <span className={`${prefix}-bell-item-title`}>{title}</span>
      <span className={`${prefix}-bell-item-time`}>{time}</span>
    </>
  );
}
