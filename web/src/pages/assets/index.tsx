import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCustomerReference } from '../../shared/customer-reference.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useUrlView } from '../../shared/url-view.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { assetViewParams, filtersOf, parseAssetView } from './asset-filters.ts';
import {
  type Asset,
  type AssetCondition,
  type AssetStatus,
  type AssetType,
  assetExportUrl,
  assetPageSize,
  assetStatuses,
  assetTypes,
  useAssets,
} from './assets.api.ts';
import { RegisterAssetDrawer } from './components/AssetDialogs.tsx';
import { AssetImportModal } from './components/AssetImportModal.tsx';
import { AssetConditionTag, AssetFlags, AssetStatusTag } from './components/AssetTags.tsx';
import { StoreSelect } from './components/StoreSelect.tsx';

// 终端建设 › 资产台账: the fixtures in the caller's scope, filtered by type, status, branch, store
// and tag, or to the two work lists — audits overdue (most overdue first) and fixtures at closed
// stores to recover. The keepers register, import and export here; a fixture's page moves it.
export function AssetRegisterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { view, update } = useUrlView(parseAssetView, assetViewParams);
  const filters = filtersOf(view);
  const assets = useAssets(filters, view.page);
  const reference = useCustomerReference();
  const branches = reference.data?.branches ?? [];
  const [tagInput, setTagInput] = useState(view.tag ?? '');
  const [isRegistering, setRegistering] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const storeName = view.customerId
    ? assets.data?.items.find((asset) => asset.customerId === view.customerId)?.customerName
    : undefined;

  return (
    <PageContainer
      title={t('assets.title')}
      extra={
        <>
          <ExportButton urlOf={(kind) => assetExportUrl(filters, kind)} />
          <ActionButton
            action="POST /api/v1/assets/import"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
          >
            {t('assets.list.import')}
          </ActionButton>
          <ActionButton
            action="POST /api/v1/assets"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
          >
            {t('assets.list.register')}
          </ActionButton>
        </>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 130 }}
          aria-label={t('assets.list.columns.type')}
          placeholder={t('assets.list.allTypes')}
          value={view.type}
          onChange={(type?: AssetType) => update({ type, page: 1 })}
          options={assetTypes.map((value) => ({ value, label: t(`assets.types.${value}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          aria-label={t('assets.list.columns.status')}
          placeholder={t('assets.list.allStatuses')}
          value={view.status}
          onChange={(status?: AssetStatus) => update({ status, page: 1 })}
          options={assetStatuses.map((value) => ({ value, label: t(`assets.statuses.${value}`) }))}
        />
        {branches.length > 1 ? (
          <Select
            allowClear
            style={{ width: 160 }}
            aria-label={t('assets.list.allBranches')}
            placeholder={t('assets.list.allBranches')}
            value={view.branchId}
            onChange={(branchId?: number) => update({ branchId, page: 1 })}
            options={branches.map((branch) => ({ value: branch.id, label: branch.name }))}
          />
        ) : null}
        <StoreSelect
          allowClear
          style={{ width: 240 }}
          ariaLabel={t('assets.list.store')}
          value={view.customerId}
          selectedLabel={storeName}
          onChange={(customerId) => update({ customerId, page: 1 })}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          aria-label={t('assets.list.tagPlaceholder')}
          placeholder={t('assets.list.tagPlaceholder')}
          maxLength={40}
          value={tagInput}
          onChange={(event) => setTagInput(event.target.value)}
          onSearch={(value) => update({ tag: value.trim() || undefined, page: 1 })}
        />
        <Checkbox
          checked={view.auditOverdue ?? false}
          onChange={(event) => update({ auditOverdue: event.target.checked || undefined, page: 1 })}
        >
          {t('assets.list.overdueOnly')}
        </Checkbox>
        <Checkbox
          checked={view.recovery ?? false}
          onChange={(event) => update({ recovery: event.target.checked || undefined, page: 1 })}
        >
          {t('assets.list.recoveryOnly')}
        </Checkbox>
      </Flex>
      {assets.error ? <Alert type="error" showIcon title={describeError(assets.error, t)} /> : null}
      <Table<Asset>
        rowKey="id"
        size="middle"
        loading={assets.isFetching}
        dataSource={assets.data?.items ?? []}
        locale={{ emptyText: t('assets.list.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: view.page,
          pageSize: assetPageSize,
          total: assets.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('assets.list.total', { total: format.number(total) }),
          onChange: (page) => update({ page }),
        }}
        columns={[
          {
            title: t('assets.list.columns.tag'),
            dataIndex: 'tag',
            render: (tag: string, row) => <Link to={`/terminal-assets/${row.id}`}>{tag}</Link>,
          },
          {
            title: t('assets.list.columns.type'),
            dataIndex: 'type',
            render: (type: AssetType) => t(`assets.types.${type}`),
          },
          { title: t('assets.list.columns.model'), dataIndex: 'model', render: (model: string | null) => model ?? '—' },
          {
            title: t('assets.list.columns.value'),
            dataIndex: 'valueYuan',
            align: 'right',
            render: (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          },
          {
            title: t('assets.list.columns.status'),
            dataIndex: 'status',
            render: (status: AssetStatus, row) => (
              <Flex gap={4} wrap>
                <AssetStatusTag status={status} />
                <AssetFlags asset={row} />
              </Flex>
            ),
          },
          {
            title: t('assets.list.columns.store'),
            key: 'store',
            render: (_, row) =>
              row.customerId ? (
                <Link to={`/customers/${row.customerId}?tab=assets`}>{row.customerName}</Link>
              ) : (
                <Typography.Text type="secondary">
                  {row.status === 'in_stock' ? t('assets.storeRoom') : '—'}
                </Typography.Text>
              ),
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
              <Typography.Text type={row.auditOverdue ? 'danger' : undefined}>{format.day(day)}</Typography.Text>
            ),
          },
        ]}
      />
      <RegisterAssetDrawer
        isOpen={isRegistering}
        onClose={() => setRegistering(false)}
        onSaved={(asset) => navigate(`/terminal-assets/${asset.id}`)}
      />
      <AssetImportModal isOpen={isImporting} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
