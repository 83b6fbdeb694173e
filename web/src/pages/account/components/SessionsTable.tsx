import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSessionCache } from '../../../shared/auth/session.api.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { revokeSession, type SessionRow, sessionsQueryKey, useMySessions } from '../account.api.ts';
import { describeUserAgent } from '../user-agent.ts';

export function SessionsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessionCache = useSessionCache();
  const sessions = useMySessions();

  const revoke = useMutation({
    mutationFn: (session: SessionRow) => revokeSession(session.id),
    onSuccess: (_result, session) => {
      message.success(t('account.revoked'));
      if (session.current) {
        sessionCache.signedOut();
        navigate('/login', { replace: true });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error) => message.error(describeError(error, t)),
  });

  const columns: TableColumnsType<SessionRow> = [
    {
      title: t('account.userAgent'),
      dataIndex: 'userAgent',
      render: (userAgent: string | null, session) => (
        <Space>
          {/Mobile|Android|iPhone/.test(userAgent ?? '') ? <MobileOutlined /> : <DesktopOutlined />}
          <Tooltip title={userAgent}>
            <Typography.Text>{describeUserAgent(userAgent)}</Typography.Text>
          </Tooltip>
          {session.current ? <Tag color="green">{t('account.current')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('account.ip'), dataIndex: 'ip', width: 150, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('account.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('account.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      width: 170,
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('account.expiresAt'),
      dataIndex: 'expiresAt',
      width: 170,
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_value, session) => (
        <Popconfirm
          title={session.current ? t('account.revokeCurrentConfirm') : t('account.revokeConfirm')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke.mutateAsync(session)}
        >
          <Button type="link" size="small" danger>
            {t('account.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      {sessions.error ? <Typography.Text type="danger">{describeError(sessions.error, t)}</Typography.Text> : null}
      <Table<SessionRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isPending}
        pagination={false}
        scroll={{ x: 860 }}
      />
    </>
  );
}
