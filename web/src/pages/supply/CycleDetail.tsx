import { ArrowLeftOutlined, EyeOutlined, PlusOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { summariseOutcome } from './allocation-outcome.ts';
import { AddProductModal } from './components/AddProductModal.tsx';
import { CycleStatusTag } from './components/CycleStatusTag.tsx';
import { CycleWindow } from './components/CycleWindow.tsx';
import { DemandTab } from './components/DemandTab.tsx';
import { OnlineRateTab } from './components/OnlineRateTab.tsx';
import { PreviewPanel } from './components/PreviewPanel.tsx';
import { StrategyDrawer } from './components/StrategyDrawer.tsx';
import { StrategySummary } from './components/StrategySummary.tsx';
import { emptyDraft, parseStrategyLink, type StrategyLink, strategyLinkParams, toStrategy } from './strategy-form.ts';
import {
  type AllocationStrategy,
  type CycleDetail,
  type CyclePreview,
  type CycleProduct,
  type CycleProductsRequest,
  previewCycle,
  publishCycle,
  saveCycleProducts,
  useCycle,
  useSupplyMutation,
} from './supply.api.ts';

function BackToCycles() {
  const { t } = useTranslation();
  return (
    <Link to="/supply/cycles">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('supply.detail.back')}
      </Button>
    </Link>
  );
}

type ProductEntry = CycleProductsRequest['products'][number];

const entryOf = (product: CycleProduct): ProductEntry => ({
  productId: product.productId,
  supply: product.supply,
  strategy: product.strategy,
});

// A new product's strategy: the editor's default (one band for every grade, one carton each).
function defaultEntry(productId: number): ProductEntry {
  const result = toStrategy(emptyDraft());
  if (!result.isValid) throw new Error('The default strategy must be valid');
  return { productId, supply: result.supply, strategy: result.strategy };
}

// What an empty product list says: only a draft its reader may edit invites adding (the add button
// is beside it); a published or ended cycle is read-only and says what it offered.
export function emptyProductsKey(status: CycleDetail['status'], canEdit: boolean) {
  if (status === 'closed') return 'supply.detail.noProductsEnded';
  if (status === 'published') return 'supply.detail.noProductsOffered';
  return canEdit ? 'supply.detail.noProducts' : 'supply.detail.noProductsYet';
}

// A cycle: its products and their strategies (editable while a draft), the allocation preview,
// then publish; once published, demand and the online-ordering rate.
export function CycleDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const format = useFormat();
  const can = useCan();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const cycle = useCycle(id);
  const [searchParams, setSearchParams] = useSearchParams();
  const [editingId, setEditingId] = useState<number | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [preview, setPreview] = useState<CyclePreview | null>(null);

  const save = useSupplyMutation((products: ProductEntry[]) => saveCycleProducts(id, { products }));
  const runPreview = useSupplyMutation(() => previewCycle(id));
  const publish = useSupplyMutation(() => publishCycle(id));

  // Opened from a link (a price warning's 限点限量: ?product=&reduceDistricts=&reduceBranches=&factor=
  // &from=warning:<id>): once the cycle is here, that product's strategy opens with the regions preset.
  // Nothing is saved until the user saves; closing the drawer drops the link from the address.
  const link = useMemo(() => parseStrategyLink(searchParams), [searchParams]);
  const [openedLink, setOpenedLink] = useState<StrategyLink | null>(null);
  const [handledLink, setHandledLink] = useState<string | null>(null);
  const linkKey = link ? strategyLinkParams.map((key) => searchParams.get(key) ?? '').join('|') : null;
  useEffect(() => {
    if (!link || !cycle.data || handledLink === linkKey) return;
    setHandledLink(linkKey);
    if (cycle.data.products.some((product) => product.productId === link.productId)) {
      setOpenedLink(link);
      setEditingId(link.productId);
    }
  }, [link, linkKey, cycle.data, handledLink]);
  const dropLink = () => {
    setOpenedLink(null);
    if (!link) return;
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of strategyLinkParams) next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const closeDrawer = () => {
    setEditingId(null);
    dropLink();
  };

  if (id === 0 || (cycle.error && isApiError(cycle.error) && cycle.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('errors.notFound')}
        subTitle={t('supply.detail.notFound')}
        extra={<BackToCycles />}
      />
    );
  }
  if (cycle.error) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={describeError(cycle.error, t)}
        extra={<BackToCycles />}
      />
    );
  }
  if (!cycle.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data: CycleDetail = cycle.data;
  const isDraft = data.status === 'draft';
  const canEdit = isDraft && can('PUT /api/v1/supply/cycles/:id/products');
  const editing = data.products.find((product) => product.productId === editingId) ?? null;

  const saveProducts = async (products: ProductEntry[], done: string) => {
    try {
      await save.mutateAsync(products);
      setPreview(null); // a preview of other strategies would mislead
      message.success(done);
      return true;
    } catch (error) {
      message.error(describeError(error, t));
      return false;
    }
  };

  const saveStrategy = async (supply: number | null, strategy: AllocationStrategy) => {
    if (!editing) return;
    const products = data.products.map((product) =>
      product.productId === editing.productId ? { productId: product.productId, supply, strategy } : entryOf(product),
    );
    if (await saveProducts(products, t('supply.detail.saved'))) closeDrawer();
  };

  const startPreview = async () => {
    try {
      setPreview(await runPreview.mutateAsync(undefined));
      setSearchParams({ tab: 'preview' }, { replace: true });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const confirmPublish = () =>
    modal.confirm({
      title: t('supply.detail.publishTitle', { code: data.code }),
      content: t('supply.detail.publishContent'),
      okText: t('supply.detail.publish'),
      onOk: async () => {
        try {
          await publish.mutateAsync(undefined);
          setPreview(null);
          message.success(t('supply.detail.published', { code: data.code }));
          setSearchParams({}, { replace: true });
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });

  const columns: TableColumnsType<CycleProduct> = [
    {
      title: t('supply.detail.product'),
      dataIndex: 'name',
      render: (name: string, product) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {product.brand} · {product.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('supply.detail.priceClass'),
      dataIndex: 'priceClass',
      width: 90,
      render: (priceClass: number) =>
        t('supply.detail.priceClasses', {
          class: format.locale === 'zh-CN' ? ('一二三四五'[priceClass - 1] ?? priceClass) : priceClass,
        }),
    },
    {
      title: t('supply.detail.supply'),
      dataIndex: 'supply',
      align: 'right',
      width: 130,
      render: (supply: number | null) => (supply === null ? t('supply.detail.unlimitedSupply') : format.number(supply)),
    },
    {
      title: t('supply.detail.strategy'),
      dataIndex: 'strategy',
      render: (strategy: AllocationStrategy) => <StrategySummary strategy={strategy} />,
    },
    ...(isDraft
      ? []
      : [
          {
            title: t('supply.detail.outcome'),
            dataIndex: 'outcome',
            render: (_: CycleProduct['outcome'], product: CycleProduct) => {
              const summary = summariseOutcome(product);
              if (!summary) return '—';
              if (summary.kind === 'unlimited') {
                return t('supply.detail.outcomeUnlimited', { eligible: format.number(summary.eligibleStores) });
              }
              const allocated = t('supply.detail.outcomeText', {
                allocated: format.number(summary.allocated),
                eligible: format.number(summary.eligibleStores),
              });
              return summary.storesWithout > 0
                ? `${allocated} · ${t('supply.detail.outcomeWithout', { count: format.number(summary.storesWithout) })}`
                : allocated;
            },
          },
        ]),
    {
      title: t('common.actions'),
      key: 'actions',
      width: canEdit ? 150 : 90,
      render: (_, product) => (
        <Flex gap={4}>
          <Button
            size="small"
            icon={canEdit ? <SettingOutlined /> : <EyeOutlined />}
            onClick={() => setEditingId(product.productId)}
          >
            {canEdit ? t('supply.detail.editStrategy') : t('supply.detail.viewStrategy')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={t('supply.detail.removeConfirm', { name: product.name })}
              onConfirm={() =>
                saveProducts(
                  data.products.filter((other) => other.productId !== product.productId).map(entryOf),
                  t('supply.detail.productRemoved', { name: product.name }),
                )
              }
            >
              <Button data-action="PUT /api/v1/supply/cycles/:id/products" size="small" type="text" danger>
                {t('supply.detail.remove')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    },
  ];

  const strategiesTab = (
    <Flex vertical gap={12}>
      {canEdit ? (
        <Flex justify="flex-end">
          <Button
            data-action="PUT /api/v1/supply/cycles/:id/products"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
          >
            {t('supply.detail.addProduct')}
          </Button>
        </Flex>
      ) : null}
      <Table<CycleProduct>
        rowKey="productId"
        columns={columns}
        dataSource={data.products}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t(emptyProductsKey(data.status, canEdit))} /> }}
      />
    </Flex>
  );

  const tabs = [
    { key: 'strategies', label: t('supply.detail.tabStrategies'), children: strategiesTab },
    ...(isDraft
      ? [
          {
            key: 'preview',
            label: t('supply.detail.tabPreview'),
            children: preview ? <PreviewPanel preview={preview} /> : <Empty description={t('supply.preview.empty')} />,
          },
        ]
      : [
          { key: 'demand', label: t('supply.detail.tabDemand'), children: <DemandTab cycleId={id} /> },
          { key: 'online-rate', label: t('supply.detail.tabOnlineRate'), children: <OnlineRateTab cycleId={id} /> },
        ]),
  ];
  const tabKey = tabs.some((tab) => tab.key === searchParams.get('tab'))
    ? (searchParams.get('tab') as string)
    : tabs[0].key;

  return (
    <div>
      <BackToCycles />
      <Card style={{ marginBottom: 16, marginTop: 4 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex vertical gap={8}>
            <Flex align="center" gap={8}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('supply.cycles.code')} {data.code}
              </Typography.Title>
              <CycleStatusTag status={data.status} />
            </Flex>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: 'week',
                  label: t('supply.cycles.week'),
                  children: format.cycleWeek(data.weekStart),
                },
                { key: 'window', label: t('supply.cycles.window'), children: <CycleWindow cycle={data} /> },
                {
                  key: 'published',
                  label: t('supply.cycles.publishedAt'),
                  children: format.dateTime(data.publishedAt),
                },
              ]}
            />
          </Flex>
          {canEdit ? (
            <Flex gap={8}>
              <ActionButton
                action="POST /api/v1/supply/cycles/:id/preview"
                icon={<EyeOutlined />}
                loading={runPreview.isPending}
                disabled={data.products.length === 0}
                title={t('supply.detail.previewHelp')}
                onClick={startPreview}
              >
                {t('supply.detail.preview')}
              </ActionButton>
              <ActionButton
                action="POST /api/v1/supply/cycles/:id/publish"
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                disabled={data.products.length === 0}
                onClick={confirmPublish}
              >
                {t('supply.detail.publish')}
              </ActionButton>
            </Flex>
          ) : null}
        </Flex>
        {link && handledLink === linkKey && !data.products.some((product) => product.productId === link.productId) ? (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={dropLink}
            title={t('supply.detail.fromWarningMissing', { id: link.warningId ?? '—', productId: link.productId })}
            style={{ marginTop: 12 }}
          />
        ) : null}
        {!isDraft && can('PUT /api/v1/supply/cycles/:id/products') ? (
          <Alert
            type="info"
            showIcon
            title={t(data.status === 'closed' ? 'supply.detail.readOnlyEnded' : 'supply.detail.readOnly')}
            style={{ marginTop: 12 }}
          />
        ) : null}
      </Card>
      <Card>
        <Tabs
          activeKey={tabKey}
          onChange={(key) => setSearchParams(key === tabs[0].key ? {} : { tab: key }, { replace: true })}
          items={tabs}
          destroyOnHidden
        />
      </Card>
      <StrategyDrawer
        product={editing}
        isReadOnly={!canEdit}
        isSaving={save.isPending}
        onSave={saveStrategy}
        onClose={closeDrawer}
        link={openedLink}
      />
      {canEdit ? (
        <AddProductModal
          isOpen={isAdding}
          excludedIds={data.products.map((product) => product.productId)}
          isSaving={save.isPending}
          onAdd={async (product) => {
            const added = await saveProducts(
              [...data.products.map(entryOf), defaultEntry(product.id)],
              t('supply.detail.productAdded', { name: product.name }),
            );
            if (added) setAdding(false);
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}
