import { CheckCircleOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { SettlementCell, SettlementImportButton } from './components/OrderSettlement.tsx';
import {
  filterQuotas,
  type KeyedDraft,
  keyFor,
  lineProblems,
  orderLinesOf,
  orderSignature,
  orderTotal,
  remainingOf,
} from './phone-order.ts';
import {
  type CustomerHit,
  type OrderResult,
  type StaffOrder,
  type StoreQuota,
  submitPhoneOrder,
  useCustomerSearch,
  useCycles,
  useInvalidateSupply,
  useStoreOrders,
  useStoreQuotas,
  useSupplyMutation,
} from './supply.api.ts';
import { formatYuan, isUnlimitedQuota } from './supply-format.ts';

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

// 电话订货: the service centre picks a store, sees its quotas in the open cycle (with why), types
// quantities and submits on the store's behalf (channel 'phone').
export function PhoneOrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { modal } = App.useApp();
  const cycles = useCycles();
  const openCycles = useMemo(
    () =>
      (cycles.data?.items ?? [])
        .filter((cycle) => cycle.status === 'published')
        .sort((a, b) => b.weekStart.localeCompare(a.weekStart)),
    [cycles.data],
  );
  const [chosenCycleId, setCycleId] = useState<number | undefined>();
  const cycleId = chosenCycleId ?? openCycles[0]?.id;
  const [q, setQ] = useState('');
  const [store, setStore] = useState<CustomerHit | null>(null);
  const search = useCustomerSearch(q);
  const quotas = useStoreQuotas(cycleId, store?.id);
  const orders = useStoreOrders(cycleId, store?.id);
  const [quantities, setQuantities] = useState<Record<number, number | null>>({});
  const [result, setResult] = useState<OrderResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const keyedDraft = useRef<KeyedDraft | null>(null);
  const invalidateSupply = useInvalidateSupply();
  const submit = useSupplyMutation(
    (input: { customerId: number; lines: ReturnType<typeof orderLinesOf>; key: string }) =>
      submitPhoneOrder(input.customerId, input.lines, input.key),
  );

  const items = quotas.data?.items ?? [];
  // A cycle offers a few hundred products: the filter finds the ones the store asks for by phone.
  const [productFilter, setProductFilter] = useState('');
  const shownItems = filterQuotas(items, productFilter);
  const lines = orderLinesOf(items, quantities);
  const problems = lineProblems(items, lines);
  const total = orderTotal(items, lines);
  const cartons = lines.reduce((sum, line) => sum + line.qty, 0);

  const chooseStore = (hit: CustomerHit | null) => {
    setStore(hit);
    setQuantities({});
    setResult(null);
    setFailure(null);
    keyedDraft.current = null;
  };

  const send = () => {
    if (!store || !cycleId || lines.length === 0 || problems.length > 0) return;
    modal.confirm({
      title: t('supply.phone.submitConfirm', { name: store.name, count: lines.length, qty: format.number(cartons) }),
      okText: t('supply.phone.submit'),
      onOk: async () => {
        // The same store and lines again (a retry after a timeout) keep their key: one order, not two.
        keyedDraft.current = keyFor(keyedDraft.current, orderSignature(store.id, cycleId, lines), newIdempotencyKey);
        setFailure(null);
        try {
          const order = await submit.mutateAsync({ customerId: store.id, lines, key: keyedDraft.current.key });
          setResult(order);
          setQuantities({});
          keyedDraft.current = null;
        } catch (error) {
          setFailure(error);
          // Another channel may have ordered meanwhile: show what is left now.
          void invalidateSupply();
        }
      },
    });
  };

  const columns: TableColumnsType<StoreQuota> = [
    {
      title: t('supply.phone.product'),
      dataIndex: 'name',
      render: (name: string, quota) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          {quota.code ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {quota.code}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('supply.phone.price'),
      dataIndex: 'wholesalePrice',
      align: 'right',
      width: 130,
      render: (price: number | undefined) =>
        price === undefined ? '—' : format.number(price, { minimumFractionDigits: 2 }),
    },
    {
      title: t('supply.phone.quota'),
      dataIndex: 'quota',
      align: 'right',
      width: 80,
      render: (quota: number | null) => (isUnlimitedQuota(quota) ? t('supply.phone.unlimited') : format.number(quota)),
    },
    {
      title: t('supply.phone.ordered'),
      dataIndex: 'ordered',
      align: 'right',
      width: 80,
      render: (value: number) => format.number(value),
    },
    {
      title: t('supply.phone.remaining'),
      key: 'remaining',
      align: 'right',
      width: 80,
      render: (_, quota) => {
        const remaining = remainingOf(quota);
        return remaining === null ? t('supply.phone.unlimited') : format.number(remaining);
      },
    },
    {
      title: t('supply.phone.explanation'),
      dataIndex: 'explanation',
      render: (explanation: string) => <Typography.Text type="secondary">{explanation}</Typography.Text>,
    },
    {
      title: t('supply.phone.qty'),
      key: 'qty',
      width: 150,
      render: (_, quota) => {
        const remaining = remainingOf(quota);
        const hasProblem = problems.some((problem) => problem.productId === quota.productId);
        return (
          <InputNumber<number>
            aria-label={`${t('supply.phone.qty')} ${quota.name}`}
            min={0}
            precision={0}
            max={remaining ?? undefined}
            // Nothing left: closed, unless a quantity is already typed (it must stay clearable).
            disabled={remaining === 0 && !quantities[quota.productId]}
            status={hasProblem ? 'error' : undefined}
            value={quantities[quota.productId] ?? null}
            onChange={(value) => {
              setQuantities((current) => ({ ...current, [quota.productId]: value }));
              setResult(null);
            }}
            style={{ width: '100%' }}
          />
        );
      },
    },
  ];

  const orderColumns: TableColumnsType<StaffOrder> = [
    { title: t('supply.phone.orderId'), dataIndex: 'orderId', width: 100 },
    {
      title: t('supply.phone.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (channel: StaffOrder['channel']) => <Tag>{t(`supply.phone.channels.${channel}`)}</Tag>,
    },
    {
      title: t('supply.cycles.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: StaffOrder['status']) => (
        <Tag color={status === 'submitted' ? 'green' : 'default'}>{t(`supply.phone.orderStatuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('supply.phone.lines'),
      dataIndex: 'lines',
      render: (orderLines: StaffOrder['lines']) => orderLines.map((line) => `${line.name} × ${line.qty}`).join('，'),
    },
    {
      title: t('supply.phone.amount'),
      dataIndex: 'total',
      align: 'right',
      width: 130,
      render: (value: number) => formatYuan(value, format.locale),
    },
    {
      title: t('supply.phone.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => format.dateTime(at),
    },
    {
      title: t('supply.settlement.title'),
      dataIndex: 'settlement',
      width: 120,
      render: (settlement: StaffOrder['settlement'], order) => (
        <SettlementCell
          orderId={order.orderId}
          orderStatus={order.status}
          status={settlement?.status ?? null}
          lateDays={settlement?.lateDays ?? null}
        />
      ),
    },
  ];

  const failureCode = isApiError(failure) ? failure.code : null;

  return (
    <PageContainer title={t('supply.phone.title')} extra={<SettlementImportButton />}>
      {cycles.error ? (
        <Alert type="error" showIcon title={describeError(cycles.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {!cycles.isLoading && openCycles.length === 0 && !cycles.error ? (
        <Alert type="warning" showIcon title={t('supply.phone.noOpenCycle')} style={{ marginBottom: 16 }} />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('supply.phone.cycle')}>
            <Select
              aria-label={t('supply.phone.cycle')}
              value={cycleId}
              onChange={(value: number) => {
                setCycleId(value);
                setQuantities({});
                setResult(null);
                setFailure(null);
              }}
              // The week as the store owner on the phone says it, with the code staff use.
              options={openCycles.map((cycle) => ({
                value: cycle.id,
                label: `${format.cycleWeekShort(cycle.weekStart)}（${cycle.code}）`,
              }))}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('supply.phone.store')}>
            <Select
              aria-label={t('supply.phone.store')}
              showSearch={{ filterOption: false, onSearch: setQ }}
              allowClear
              placeholder={t('supply.phone.storeSearch')}
              loading={search.isFetching}
              value={store?.id}
              onChange={(_, option) => chooseStore(option && !Array.isArray(option) ? option.hit : null)}
              options={(search.data?.items ?? []).map((hit) => ({
                value: hit.id,
                hit,
                label: `${hit.name} · ${hit.licenceNo} · ${hit.owner}`,
              }))}
              notFoundContent={q ? undefined : null}
              style={{ width: 460 }}
            />
          </Form.Item>
        </Form>
      </Card>
      {!store ? (
        <Card>
          <Empty description={t('supply.phone.pickStore')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Card title={`${store.name}（${store.licenceNo}）`} extra={store.branchName}>
            {quotas.error ? (
              <Alert type="error" showIcon title={describeError(quotas.error, t)} style={{ marginBottom: 16 }} />
            ) : null}
            {result ? (
              <Result
                status="success"
                icon={<CheckCircleOutlined />}
                title={t('supply.phone.success')}
                subTitle={t('supply.phone.successDetail', {
                  orderId: result.orderId,
                  total: formatYuan(result.total, format.locale),
                })}
                extra={
                  <Flex vertical align="center" gap={12}>
                    <Typography.Text>
                      {result.lines.map((line) => `${line.name} × ${line.qty}`).join('，')}
                    </Typography.Text>
                    <Button onClick={() => chooseStore(null)}>{t('supply.phone.newOrder')}</Button>
                  </Flex>
                }
              />
            ) : null}
            {failure ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  failureCode === 'QUOTA_EXCEEDED'
                    ? t('supply.phone.quotaExceeded')
                    : failureCode === 'ORDER_WINDOW_CLOSED'
                      ? t('supply.phone.windowClosed')
                      : describeError(failure, t)
                }
                description={
                  failureCode === 'QUOTA_EXCEEDED' || failureCode === 'ORDER_WINDOW_CLOSED'
                    ? describeError(failure, t)
                    : undefined
                }
              />
            ) : null}
            <Input.Search
              allowClear
              aria-label={t('supply.phone.productFilter')}
              placeholder={t('supply.phone.productFilter')}
              value={productFilter}
              onChange={(event) => setProductFilter(event.target.value)}
              style={{ width: 320, marginBottom: 12 }}
            />
            {quotas.data?.inCycle === false ? (
              <Alert type="warning" showIcon title={t('supply.phone.notInCycle')} style={{ marginBottom: 16 }} />
            ) : null}
            <Table<StoreQuota>
              rowKey="productId"
              size="middle"
              columns={columns}
              dataSource={shownItems}
              loading={quotas.isLoading}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            />
            {problems.map((problem) => (
              <Typography.Paragraph key={problem.productId} type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
                {problem.kind === 'overQuota'
                  ? t('supply.phone.overQuota', { name: problem.name, remaining: problem.remaining ?? 0 })
                  : t('supply.phone.notWhole', { name: problem.name })}
              </Typography.Paragraph>
            ))}
            <Flex justify="flex-end" align="center" gap={16} style={{ marginTop: 16 }}>
              <Typography.Text>
                {lines.length === 0
                  ? t('supply.phone.nothingToOrder')
                  : t('supply.phone.total', {
                      count: lines.length,
                      qty: format.number(cartons),
                      amount: total === null ? '—' : formatYuan(total, format.locale),
                    })}
              </Typography.Text>
              <Button
                data-action="POST /api/v1/supply/orders"
                type="primary"
                icon={<ShoppingCartOutlined />}
                disabled={lines.length === 0 || problems.length > 0 || !cycleId}
                loading={submit.isPending}
                onClick={send}
              >
                {t('supply.phone.submit')}
              </Button>
            </Flex>
          </Card>
          <Card title={t('supply.phone.ordersOfStore')} size="small">
            <Table<StaffOrder>
              rowKey="orderId"
              size="small"
              columns={orderColumns}
              dataSource={orders.data?.items ?? []}
              loading={orders.isLoading}
              pagination={false}
              locale={{ emptyText: t('supply.phone.noOrders') }}
            />
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}
