import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type DemandItem, demandExportUrl, useDemand } from '../supply.api.ts';
import { formatRate, rateOf } from '../supply-format.ts';

// 需求汇总 (按客户订单组织货源): per product, what stores ordered against their quotas and the supply;
// stores that ordered their whole quota may have wanted more.
export function DemandTab({ cycleId }: { cycleId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const demand = useDemand(cycleId);
  const columns: TableColumnsType<DemandItem> = [
    { title: t('supply.detail.product'), dataIndex: 'name', render: (name: string, item) => `${name}（${item.code}）` },
    {
      title: t('supply.demand.supply'),
      dataIndex: 'supply',
      align: 'right',
      render: (supply: number | null) => (supply === null ? t('supply.detail.unlimitedSupply') : format.number(supply)),
    },
    {
      title: t('supply.demand.quotaTotal'),
      dataIndex: 'quotaTotal',
      align: 'right',
      render: (value: number | null) => (value === null ? t('supply.detail.unlimitedSupply') : format.number(value)),
    },
    {
      title: t('supply.demand.ordered'),
      dataIndex: 'ordered',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('supply.demand.fillRate'),
      key: 'fillRate',
      align: 'right',
      render: (_, item) =>
        formatRate(item.quotaTotal === null ? null : rateOf(item.ordered, item.quotaTotal), format.locale),
    },
    {
      title: t('supply.demand.storesOrdered'),
      dataIndex: 'storesOrdered',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: (
        <Tooltip title={t('supply.demand.storesAtCapHelp')}>
          {t('supply.demand.storesAtCap')} <InfoCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'storesAtCap',
      align: 'right',
      render: (value: number) =>
        value > 0 ? <Typography.Text type="warning">{format.number(value)}</Typography.Text> : format.number(value),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        {/* A link: the server answers with an attachment, so the page stays where it is. */}
        <Button icon={<DownloadOutlined />} href={demandExportUrl(cycleId)} download>
          {t('supply.demand.export')}
        </Button>
      </Flex>
      {demand.error ? <Alert type="error" showIcon title={describeError(demand.error, t)} /> : null}
      <Table<DemandItem>
        rowKey="productId"
        size="middle"
        columns={columns}
        dataSource={demand.data?.items ?? []}
        loading={demand.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('supply.demand.empty') }}
        summary={(items) =>
          items.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('supply.onlineRate.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {items.some((item) => item.supply === null)
                  ? '—'
                  : format.number(items.reduce((sum, item) => sum + (item.supply ?? 0), 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {items.some((item) => item.quotaTotal === null)
                  ? '—'
                  : format.number(items.reduce((sum, item) => sum + (item.quotaTotal ?? 0), 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {format.number(items.reduce((sum, item) => sum + item.ordered, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}
