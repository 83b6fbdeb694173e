import { Alert, Drawer, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerClass, CustomerFormat } from '../../../shared/customer-codes.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type StoreRow, type StoreStatus, type StoresQuery, storeStatuses, useProgrammeStores } from '../brand.api.ts';
import { formatCount, formatRatio } from '../brand-format.ts';

const statusColors: Record<StoreStatus, string> = {
  not_shelved: 'red',
  not_reordered: 'orange',
  over_stock: 'gold',
  out_of_stock: 'volcano',
  shelved: 'green',
};

const pageSize = 50;

export type StoresSelection = StoresQuery & { groupLabel?: string };

// The stores behind a figure (GET /brand-programmes/:id/stores?status=…), with why each is there;
// the status can be switched without closing.
export function StoresDrawer({
  programmeId,
  selection,
  onChange,
  onClose,
}: {
  programmeId: number;
  selection: StoresSelection | null;
  onChange: (selection: StoresSelection) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const query: StoresQuery | null = selection
    ? {
        status: selection.status,
        groupBy: selection.groupBy,
        groupKey: selection.groupKey,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }
    : null;
  const stores = useProgrammeStores(programmeId, query);
  const status = selection?.status ?? 'not_shelved';
  const statusLabel = t(`brand.storeStatuses.${status}`);

  return (
    <Drawer
      open={selection !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={1000}
      title={
        selection?.groupLabel
          ? t('brand.detail.storesOf', { group: selection.groupLabel, status: statusLabel })
          : t('brand.detail.storesTitle', { status: statusLabel })
      }
    >
      <Segmented<StoreStatus>
        value={status}
        onChange={(value) => {
          setPage(1);
          if (selection) onChange({ ...selection, status: value });
        }}
        options={storeStatuses.map((value) => ({ value, label: t(`brand.storeStatuses.${value}`) }))}
        style={{ marginBottom: 12 }}
      />
      {stores.error ? <Alert type="error" showIcon title={describeError(stores.error, t)} /> : null}
      <Table<StoreRow>
        rowKey="customerId"
        size="small"
        loading={stores.isFetching}
        dataSource={stores.data?.items ?? []}
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize,
          total: stores.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        footer={() => t('brand.storesTable.total', { total: stores.data?.total ?? 0 })}
        columns={[
          { title: t('brand.storesTable.code'), dataIndex: 'code', width: 130 },
          {
            title: t('brand.storesTable.name'),
            dataIndex: 'name',
            width: 180,
            render: (name: string, row) => <Link to={`/customers/${row.customerId}?tab=brand`}>{name}</Link>,
          },
          {
            title: t('brand.storesTable.status'),
            dataIndex: 'status',
            width: 90,
            render: (value: StoreStatus) => <Tag color={statusColors[value]}>{t(`brand.storeStatuses.${value}`)}</Tag>,
          },
          {
            title: t('brand.storesTable.reason'),
            dataIndex: 'reason',
            width: 240,
            render: (reason: string) => <Typography.Text>{reason}</Typography.Text>,
          },
          { title: t('brand.storesTable.manager'), dataIndex: 'managerName', width: 100 },
          { title: t('brand.storesTable.branch'), dataIndex: 'branchName', width: 110 },
          {
            title: t('brand.storesTable.class'),
            dataIndex: 'class',
            width: 90,
            render: (value: StoreRow['class']) => t(`customers.classes.${(value ?? 'none') as CustomerClass | 'none'}`),
          },
          {
            title: t('brand.storesTable.format'),
            dataIndex: 'format',
            width: 90,
            render: (value: StoreRow['format']) => (value ? t(`customers.formats.${value as CustomerFormat}`) : '—'),
          },
          { title: t('brand.storesTable.grade'), dataIndex: 'grade', width: 60, align: 'right' },
          {
            title: t('brand.storesTable.lastOrderedWeek'),
            dataIndex: 'lastOrderedWeek',
            width: 120,
            render: (value: string | null) => (value ? format.cycleWeekShort(value) : '—'),
          },
          {
            title: t('brand.storesTable.orderedCartons'),
            dataIndex: 'orderedCartons',
            width: 90,
            align: 'right',
            render: (value: number) => formatCount(value, format.locale),
          },
          {
            title: t('brand.storesTable.stockCartons'),
            dataIndex: 'stockCartons',
            width: 90,
            align: 'right',
            render: (value: number | null) => formatCount(value, format.locale),
          },
          {
            title: t('brand.storesTable.weeklySales'),
            dataIndex: 'weeklySalesCartons',
            width: 110,
            align: 'right',
            render: (value: number | null) => formatCount(value, format.locale),
          },
          {
            title: t('brand.storesTable.ratio'),
            dataIndex: 'stockToSalesRatio',
            width: 80,
            align: 'right',
            render: (value: number | null) => formatRatio(value, format.locale),
          },
        ]}
      />
    </Drawer>
  );
}
