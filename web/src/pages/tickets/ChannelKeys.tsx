import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { type ChannelKey, issueChannelKey, revokeChannelKey, useChannelKeys } from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';

const channelPattern = /^[a-z][a-z0-9_-]{1,30}$/;

// 网关密钥 (admin): the keys an SMS / WeChat gateway sends with POST /tickets/inbound. A new key
// is shown once (only its SHA-256 is kept); a revoked key is refused from then on.
export function ChannelKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useChannelKeys();
  const can = useCan();
  const canIssue = can('POST /api/v1/ticket-channel-keys');
  const canRevoke = can('POST /api/v1/ticket-channel-keys/:id/revoke');
  const [channel, setChannel] = useState('');
  const [issued, setIssued] = useState<{ channel: string; key: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function issue() {
    setBusy(true);
    setFailure(null);
    try {
      const created = await issueChannelKey(channel);
      setIssued(created);
      setChannel('');
      await queryClient.invalidateQueries({ queryKey: ['ticket-channel-keys'] });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: number) {
    try {
      queryClient.setQueryData(['ticket-channel-keys'], await revokeChannelKey(id));
      message.success(t('tickets.keys.revoked'));
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <PageContainer title={t('tickets.keys.title')}>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('tickets.keys.hint')}</Typography.Paragraph>
        {failure ? (
          <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} />
        ) : null}
        {canIssue ? (
          <Space wrap style={{ marginBottom: 12 }}>
            <Input
              aria-label={t('tickets.keys.channel')}
              placeholder={t('tickets.keys.channelPlaceholder')}
              value={channel}
              maxLength={31}
              onChange={(event) => setChannel(event.target.value.trim())}
              status={channel && !channelPattern.test(channel) ? 'error' : undefined}
              style={{ width: 220 }}
            />
            <ActionButton
              action="POST /api/v1/ticket-channel-keys"
              type="primary"
              disabled={!channelPattern.test(channel)}
              loading={busy}
              onClick={issue}
            >
              {t('tickets.keys.issue')}
            </ActionButton>
          </Space>
        ) : null}
        <Table<ChannelKey>
          rowKey="id"
          size="small"
          pagination={false}
          loading={keys.isPending}
          dataSource={keys.data ?? []}
          columns={[
            { title: t('tickets.keys.channel'), dataIndex: 'channel' },
            {
              title: t('tickets.keys.fingerprint'),
              dataIndex: 'fingerprint',
              render: (value: string) => <Typography.Text code>{value}…</Typography.Text>,
            },
            { title: t('tickets.keys.createdAt'), dataIndex: 'createdAt', render: format.dateTime },
            {
              title: t('tickets.keys.state'),
              dataIndex: 'revokedAt',
              render: (value: string | null) =>
                value ? (
                  <Tag color="default">{t('tickets.keys.revokedAt', { at: format.dateTime(value) })}</Tag>
                ) : (
                  <Tag color="green">{t('tickets.keys.active')}</Tag>
                ),
            },
            {
              title: '',
              width: 100,
              render: (_, row) =>
                row.revokedAt || !canRevoke ? null : (
                  <Popconfirm title={t('tickets.keys.confirmRevoke')} onConfirm={() => revoke(row.id)}>
                    <Button data-action="POST /api/v1/ticket-channel-keys/:id/revoke" size="small" danger>
                      {t('tickets.keys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={issued !== null}
        title={t('tickets.keys.issuedTitle', { channel: issued?.channel ?? '' })}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('tickets.keys.onlyOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
