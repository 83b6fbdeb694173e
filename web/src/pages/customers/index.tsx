import { PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { CursorPager, useCursorPaging } from '../../shared/CursorPager.tsx';
import { type CustomerSort, customerSortFields, isOneOf } from '../../shared/customer-codes.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useUrlView } from '../../shared/url-view.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { columnStorageKey, loadColumnChoice, saveColumnChoice } from './column-choice.ts';
import { ColumnChooser } from './components/ColumnChooser.tsx';
import { CustomerFilters } from './components/CustomerFilters.tsx';
import { CustomerFormDrawer } from './components/CustomerFormDrawer.tsx';
import { columnOptions, customerColumns } from './components/customer-columns.tsx';
import { ReassignModal } from './components/ReassignModal.tsx';
import {
  type CustomerListView,
  defaultSort,
  filterQuery,
  hasFilters,
  pageSizes,
  parseListView,
  toSearchParams,
} from './customer-list-query.ts';
import {
  type Customer,
  customerExportUrl,
  useCustomerFields,
  useCustomerReference,
  useCustomers,
  useStoreCounts,
} from './customers.api.ts';

type Sorter = Parameters<NonNullable<TableProps<Customer>['onChange']>>[2];

// The table's sorter as the API's sort parameter; only the indexed sorts are offered.
function sortOf(sorter: Sorter): CustomerSort {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = String(single?.columnKey ?? '');
  if (!single?.order || !isOneOf(customerSortFields, field)) return defaultSort;
  return single.order === 'descend' ? `-${field}` : field;
}

function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined };
  }
}

export function CustomersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const can = useCan();
  const canCreate = can('POST /api/v1/customers');
  const canReassign = can('POST /api/v1/customers/reassign');
  const { view, searchKey, update, replace } = useUrlView(parseListView, toSearchParams);
  const [searchText, setSearchText] = useState(view.q);
  // A new view (filters, sort, page size: the URL) starts again at page 1.
  const paging = useCursorPaging<string>(searchKey);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [isCreating, setCreating] = useState(false);
  const [isReassigning, setReassigning] = useState(false);

  const filters = filterQuery(view);
  const storeCounts = useStoreCounts();
  const customers = useCustomers({ ...filters, sort: view.sort, limit: view.limit, cursor: paging.cursor });
  const reference = useCustomerReference();
  const fieldsQuery = useCustomerFields();
  const fields = fieldsQuery.data ?? [];

  const options = useMemo(() => columnOptions(t, fields), [t, fields]);
  const storageKey = columnStorageKey(user.username);
  const [chosenColumns, setChosenColumns] = useState<string[] | null>(null);
  const visibleColumns =
    chosenColumns ??
    loadColumnChoice(
      browserStorage(),
      storageKey,
      options.map((option) => option.key),
    );
  const chooseColumns = (columns: string[]) => {
    setChosenColumns(columns);
    saveColumnChoice(browserStorage(), storageKey, columns);
  };
  const columns = customerColumns({ visible: visibleColumns, fields, sort: view.sort, t, format });

  const updateView = (changes: Partial<CustomerListView>) => {
    update(changes);
    setSelectedIds([]);
  };

  const nextCursor = customers.data?.nextCursor ?? null;
  const total = customers.data?.total ?? 0;

  return (
    <PageContainer
      title={t('customers.title')}
      extra={
        <>
          <ActionButton
            action="POST /api/v1/customers"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
          >
            {t('customers.create')}
          </ActionButton>
          {can('POST /api/v1/customers/import') ? (
            <Link to="/customers/import">
              <ActionButton action="POST /api/v1/customers/import" icon={<UploadOutlined />}>
                {t('customers.import')}
              </ActionButton>
            </Link>
          ) : null}
          <ExportButton urlOf={(format) => customerExportUrl(format, filters)} />
        </>
      }
    >
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('common.search')}
            value={searchText}
            maxLength={50}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateView({ q: value.trim() })}
            style={{ width: 300, maxWidth: '100%' }}
          />
          <CustomerFilters
            view={view}
            reference={reference.data}
            fields={fields}
            onChange={({ custom, ...changes }) => updateView({ ...changes, ...(custom ? { custom } : {}) })}
          />
          {hasFilters(view) ? (
            <Button
              type="link"
              onClick={() => {
                replace({ ...parseListView(new URLSearchParams()), q: view.q });
                setSelectedIds([]);
              }}
            >
              {t('customers.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Text strong>
              {t(customers.data?.totalIsEstimate ? 'customers.totalEstimate' : 'customers.total', {
                total: format.number(total),
              })}
            </Typography.Text>
            {storeCounts.data ? (
              <Tooltip title={t('stores.activeHelp')}>
                <Typography.Text type="secondary" data-testid="store-counts">
                  {t('stores.active', { count: format.number(storeCounts.data.active) })} ·{' '}
                  {t('stores.all', { count: format.number(storeCounts.data.all) })}
                  {t('stores.others', {
                    suspended: format.number(storeCounts.data.byStatus.suspended),
                    closed: format.number(storeCounts.data.byStatus.closed),
                    cancelled: format.number(storeCounts.data.byStatus.cancelled),
                  })}
                </Typography.Text>
              </Tooltip>
            ) : null}
            {canReassign && selectedIds.length > 0 ? (
              <>
                <Typography.Text type="secondary">
                  {t('customers.selected', { count: selectedIds.length })}
                </Typography.Text>
                <ActionButton
                  action="POST /api/v1/customers/reassign"
                  size="small"
                  type="primary"
                  onClick={() => setReassigning(true)}
                >
                  {t('customers.bulkReassign')}
                </ActionButton>
                <Button size="small" type="link" onClick={() => setSelectedIds([])}>
                  {t('customers.clearSelection')}
                </Button>
              </>
            ) : null}
          </Flex>
          <Flex gap={8}>
            <ColumnChooser options={options} visible={visibleColumns} onChange={chooseColumns} />
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={() => void customers.refetch()}
            />
          </Flex>
        </Flex>
        {customers.error ? (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>
            {describeError(customers.error, t)}
          </Typography.Text>
        ) : null}
        <Table<Customer>
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={customers.data?.items ?? []}
          loading={customers.isFetching}
          pagination={false}
          showSorterTooltip={false}
          onChange={(_pagination, _filters, sorter) => updateView({ sort: sortOf(sorter) })}
          rowSelection={
            canReassign
              ? {
                  selectedRowKeys: selectedIds,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelectedIds(keys.map(Number)),
                }
              : undefined
          }
          onRow={(customer) => ({
            onClick: (event) => {
              // Clicks on the checkbox, a link or a button do their own thing.
              if ((event.target as HTMLElement).closest('.ant-table-selection-column, a, button')) return;
              navigate(`/customers/${customer.id}`);
            },
            style: { cursor: 'pointer' },
          })}
        />
        <CursorPager paging={paging} nextCursor={nextCursor} isWaiting={customers.isPlaceholderData}>
          <Select
            aria-label={t('common.page')}
            value={view.limit}
            onChange={(limit) => updateView({ limit })}
            options={pageSizes.map((value) => ({ value, label: `${value} / ${t('common.page')}` }))}
            style={{ width: 110 }}
          />
        </CursorPager>
      </Card>
      {canCreate ? (
        <CustomerFormDrawer
          customer={null}
          isOpen={isCreating}
          onClose={() => setCreating(false)}
          onSaved={(customer) => navigate(`/customers/${customer.id}`)}
        />
      ) : null}
      {canReassign ? (
        <ReassignModal
          customerIds={isReassigning ? selectedIds : null}
          title={t('customers.reassign.titleBulk', { count: selectedIds.length })}
          onClose={() => setReassigning(false)}
          onDone={() => setSelectedIds([])}
        />
      ) : null}
    </PageContainer>
  );
}
