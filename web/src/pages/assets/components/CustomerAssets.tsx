import { Alert, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Asset, type AssetCondition, type AssetType, useStoreAssets } from '../assets.api.ts';
import { AssetConditionTag, AssetFlags } from './AssetTags.tsx';

// The 360° view's 终端资产 tab: the fixtures the store holds, their condition and audits, and
// what needs doing (an audit overdue, a closed store's fixtures to recover).
export function CustomerAssets({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assets = useStoreAssets(customerId);
  if (assets.isPending) return <Skeleton active />;
  if (assets.error) return <Alert type="error" showIcon title={describeError(assets.error, t)} />;
  const items = assets.data.items.filter((asset) => asset.status === 'issued');
  if (items.length === 0) return <Empty description={t('assets.customer.empty')} />;
  const value = items.reduce((sum, asset) => sum + asset.valueYuan, 0);

  return (
    <Flex vertical gap={8} data-testid="customer-assets">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('assets.customer.total', {
            total: format.number(items.length),
            value: format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          })}
        </Typography.Text>
        <Link to={`/terminal-assets?store=${customerId}`}>{t('assets.title')}</Link>
      </Flex>
      <Table<Asset>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('assets.list.columns.tag'),
            dataIndex: 'tag',
            render: (tag: string, row) => <Link to={`/terminal-assets/${row.id}`}>{tag}</Link>,
          },
          {
            title: t('assets.list.columns.type'),
            dataIndex: 'type',
            render: (type: AssetType, row) =>
              row.model ? `${t(`assets.types.${type}`)} · ${row.model}` : t(`assets.types.${type}`),
          },
          {
            title: t('assets.list.columns.heldSince'),
            dataIndex: 'heldSince',
            render: (day: string | null) => format.day(day),
          },
          {
            title: t('assets.list.columns.condition'),
            dataIndex: 'condition',
            render: (condition: AssetCondition) => <AssetConditionTag condition={condition} />,
          },
          {
            title: t('assets.list.columns.lastAudited'),
            dataIndex: 'lastAuditedOn',
            render: (day: string | null) => format.day(day),
          },
          {
            title: t('assets.list.columns.nextAudit'),
            dataIndex: 'nextAuditOn',
            render: (day: string | null, row) => (
              <Flex gap={4} wrap>
                <Typography.Text type={row.auditOverdue ? 'danger' : undefined}>{format.day(day)}</Typography.Text>
                <AssetFlags asset={row} />
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
