import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { notificationListSchema } from '../../../server/src/platform/notifications/notifications.routes.ts';
import { api } from './api-client.ts';
import { useSignedInUser } from './auth/SignedInUser.tsx';
import { useFormat } from './use-locale.ts';
import type { Wire } from './wire.ts';

// 站内消息: the signed-in user's notifications (ticket assigned, replied, warned, escalated …),
// polled every minute; opening the list marks them read.
type Notifications = Wire<typeof notificationListSchema>;

export function NotificationBell({ ticketPath }: { ticketPath: (id: number) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  // A user still on an initial password reaches nothing but the change form: no polling till then.
  const { mustChangePassword } = useSignedInUser();
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<Notifications>('/notifications', undefined, { signal }),
    refetchInterval: 60_000,
    enabled: !mustChangePassword,
  });
  const unread = notifications.data?.unread ?? 0;
  const content = (
    // Never wider than a phone's screen less the popover's padding and a margin.
    <div style={{ width: 'min(320px, calc(100vw - 48px))', maxHeight: 420, overflow: 'auto' }}>
      {notifications.data && notifications.data.items.length > 0 ? (
        // A plain list styled as antd's small List: List would bring Pagination and Select
        // along onto every home screen (scripts/bundle-budget.ts).
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {notifications.data.items.map((item, index) => (
            <li
              key={item.id}
              style={{
                padding: `${token.paddingXS}px ${token.padding}px`,
                borderBlockEnd:
                  index < notifications.data.items.length - 1
                    ? `${token.lineWidth}px solid ${token.colorSplit}`
                    : 'none',
              }}
            >
              <a href={item.ticketId ? ticketPath(item.ticketId) : undefined} style={{ color: 'inherit' }}>
                <Typography.Text strong={item.readAt === null}>{item.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {format.dateTime(item.createdAt)}
                </Typography.Text>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      content={content}
      title={t('notifications.title')}
      placement="bottomRight"
      onOpenChange={(open) => {
        if (!open && unread > 0) {
          void api
            .post<Notifications>('/notifications/read')
            .then((data) => queryClient.setQueryData(['notifications'], data));
        }
      }}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" aria-label={t('notifications.title')} icon={<BellOutlined style={{ fontSize: 18 }} />} />
      </Badge>
    </Popover>
  );
}
