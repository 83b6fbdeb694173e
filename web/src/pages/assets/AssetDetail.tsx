import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Flex, Image, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type AssetEvent, type AssetEventKind, assetPhotoUrl, useAsset } from './assets.api.ts';
import { type AssetMove, AssetMoveModal, moveActions, movesOf } from './components/AssetDialogs.tsx';
import { AssetConditionTag, AssetFlags, AssetStatusTag } from './components/AssetTags.tsx';

const eventColours: Record<AssetEventKind, string> = {
  register: 'gray',
  issue: 'blue',
  transfer: 'blue',
  return: 'gray',
  write_off: 'red',
  audit: 'green',
};

function HistoryEntry({ event }: { event: AssetEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const store = (id: number | null, name: string | null) =>
    id ? <Link to={`/customers/${id}?tab=assets`}>{name}</Link> : t('assets.storeRoom');
  return (
    <Flex vertical gap={2} data-testid="asset-history-entry">
      <Space size={8} wrap>
        <Typography.Text strong>{t(`assets.events.${event.kind}`)}</Typography.Text>
        <Typography.Text type="secondary">{format.dateTime(event.occurredAt)}</Typography.Text>
        <Typography.Text type="secondary">{event.actorName}</Typography.Text>
      </Space>
      {event.kind === 'transfer' || event.kind === 'return' ? (
        <Typography.Text>
          {store(event.fromCustomerId, event.fromCustomerName)} → {store(event.toCustomerId, event.toCustomerName)}
        </Typography.Text>
      ) : null}
      {event.kind === 'issue' || (event.kind === 'register' && event.toCustomerId) ? (
        <Typography.Text>→ {store(event.toCustomerId, event.toCustomerName)}</Typography.Text>
      ) : null}
      {event.condition ? (
        <Space size={4}>
          <AssetConditionTag condition={event.condition} />
          {event.visitId ? (
            <Typography.Text type="secondary">{t('assets.detail.visit', { id: event.visitId })}</Typography.Text>
          ) : null}
        </Space>
      ) : null}
      {event.note ? <Typography.Text type="secondary">{event.note}</Typography.Text> : null}
      {event.photoId ? (
        <Image
          width={96}
          src={assetPhotoUrl(event.photoId)}
          alt={t('assets.detail.photo')}
          style={{ borderRadius: 4, objectFit: 'cover' }}
        />
      ) : null}
    </Flex>
  );
}

// 资产详情: one fixture — where it is and since when, its condition and audits — with its history
// (newest first) and the moves its state allows, each shown only to a role the server lets make it.
export function AssetDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = Number(useParams().id);
  const asset = useAsset(Number.isInteger(id) ? id : 0);
  const [move, setMove] = useState<AssetMove | null>(null);

  if (asset.isPending && id > 0) return <Skeleton active />;
  if (!asset.data) {
    return (
      <PageContainer title={t('assets.title')}>
        <Alert
          type="warning"
          showIcon
          title={asset.error ? describeError(asset.error, t) : t('assets.detail.notFound')}
        />
        <Link to="/terminal-assets">
          <ArrowLeftOutlined /> {t('assets.detail.back')}
        </Link>
      </PageContainer>
    );
  }
  const data = asset.data;
  const history = [...data.history].reverse();

  return (
    <PageContainer
      title={t('assets.detail.title', { tag: data.tag })}
      extra={
        <Space wrap>
          {movesOf(data).map((kind) => (
            <ActionButton
              key={kind}
              action={moveActions[kind]}
              danger={kind === 'writeOff'}
              type={kind === 'audit' ? 'primary' : 'default'}
              onClick={() => setMove(kind)}
            >
              {t(`assets.actions.${kind}`)}
            </ActionButton>
          ))}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Link to="/terminal-assets">
          <ArrowLeftOutlined /> {t('assets.detail.back')}
        </Link>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('assets.list.columns.type')}>
              {t(`assets.types.${data.type}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.model')}>{data.model ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.value')}>
              {format.number(data.valueYuan, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.status')}>
              <Space size={4} wrap>
                <AssetStatusTag status={data.status} />
                <AssetFlags asset={data} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.store')}>
              {data.customerId ? (
                <Link to={`/customers/${data.customerId}?tab=assets`}>
                  {data.customerName}（{data.licenceNo}）
                </Link>
              ) : data.status === 'in_stock' ? (
                t('assets.storeRoom')
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.heldSince')}>
              {format.day(data.heldSince)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.condition')}>
              <AssetConditionTag condition={data.condition} />
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.lastAudited')}>
              {format.day(data.lastAuditedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.list.columns.nextAudit')}>
              <Typography.Text type={data.auditOverdue ? 'danger' : undefined}>
                {format.day(data.nextAuditOn)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.detail.auditInterval')}>
              {t('assets.detail.months', { months: data.auditIntervalMonths })}
            </Descriptions.Item>
            {data.writeOffReason ? (
              <Descriptions.Item label={t('assets.detail.writeOffReason')}>{data.writeOffReason}</Descriptions.Item>
            ) : null}
            {data.note ? <Descriptions.Item label={t('assets.detail.note')}>{data.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title={t('assets.detail.history')}>
          {history.length === 0 ? (
            <Empty description={t('assets.detail.historyEmpty')} />
          ) : (
            <Timeline
              items={history.map((event) => ({
                key: event.id,
                color: eventColours[event.kind],
                children: <HistoryEntry event={event} />,
              }))}
            />
          )}
        </Card>
      </Flex>
      <AssetMoveModal asset={data} move={move} onClose={() => setMove(null)} />
    </PageContainer>
  );
}
