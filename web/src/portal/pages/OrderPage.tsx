import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Result } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat, useLocale } from '../../shared/use-locale.ts';
import { OrderProductRow } from './OrderProductRow.tsx';
import { OrderReceiptView } from './OrderReceiptView.tsx';
import { OrderWindowCard } from './OrderWindowCard.tsx';
import {
  changeOrder,
  type OrderReceipt,
  type PortalCycle,
  portalCycleQueryKey,
  portalOrdersQueryKey,
  submitOrder,
  usePortalCycle,
  usePortalOrders,
} from './order.api.ts';
import {
  type Cart,
  cartLines,
  cartTotals,
  groupByBrand,
  linesOverLimit,
  matchesSearch,
  quantityLimit,
  setCartQuantity,
} from './order-cart.ts';
import { emptyDraft, loadDraft, saveDraft } from './order-draft.ts';
import { formatYuan } from './order-format.ts';
import {
  attemptFor,
  isAnswered,
  mapOrderError,
  type OrderProblem,
  type SubmissionAttempt,
} from './order-submission.ts';
import { useWindowPhase } from './order-window.ts';
import './order.css';

export const orderPath = '/portal/order';
export const ordersPath = '/portal/orders';

// 订货: this cycle's products, a quantity each, a running total, submit. `?edit=ID` changes an
// order of the open cycle instead (PUT), starting from its quantities.
export function OrderPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams] = useSearchParams();
  const editId = Number(searchParams.get('edit')) || null;
  const cycle = usePortalCycle();

  if (cycle.isPending) return <FullPageSpin />;
  if (cycle.error) return <FullPageError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (!cycle.data) {
    return (
      <div className="portal-page">
        <section className="portal-card">
          <Result status="info" title={t('portalOrder.noCycleTitle')} subTitle={t('portalOrder.noCycleDetail')} />
        </section>
        <Link to={ordersPath} className="order-link-card">
          <span>{t('portalOrder.viewOrders')}</span>
          <RightOutlined />
        </Link>
      </div>
    );
  }
  // A store added after the allocation was published has no quotas in this cycle.
  if (cycle.data.items.length === 0) {
    return (
      <div className="portal-page">
        <section className="portal-card">
          <Result
            status="info"
            title={t('portalOrder.noQuotaTitle', {
              code: cycle.data.cycleCode ? format.cycleWeekShort(cycle.data.cycleCode) : t('portalOrder.cycleFallback'),
            })}
            subTitle={t('portalOrder.noQuotaDetail')}
          />
        </section>
        <Link to={ordersPath} className="order-link-card">
          <span>{t('portalOrder.viewOrders')}</span>
          <RightOutlined />
        </Link>
      </div>
    );
  }
  return <OrderForm key={`${cycle.data.cycleId}:${editId ?? 'new'}`} cycle={cycle.data} editId={editId} />;
}

type Confirmation = { receipt: OrderReceipt; isChange: boolean };

function OrderForm({ cycle, editId }: { cycle: PortalCycle; editId: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orders = usePortalOrders(cycle.cycleId);
  const phase = useWindowPhase(cycle.window, cycle.isOpen) ?? 'closed';

  const editing = editId === null ? undefined : orders.data?.find((order) => order.orderId === editId);
  const editable = editing?.status === 'submitted' ? editing : undefined;
  const alreadyInOrder = useMemo(
    () => new Map((editable?.lines ?? []).map((line) => [line.productId, line.qty])),
    [editable],
  );

  // A new order picks up where the store left it (another tab, a reload); a change starts from the order.
  const [draft] = useState(() => (editId === null ? loadDraft(sessionStorage, cycle.cycleId) : emptyDraft));
  const [cart, setCart] = useState<Cart>(draft.cart);
  const [search, setSearch] = useState('');
  const [brand, setBrand] = useState<string | null>(null);
  const [problem, setProblem] = useState<OrderProblem | null>(() =>
    draft.unanswered ? { kind: 'retry', message: t('portalOrder.errors.unconfirmed') } : null,
  );
  const [isSubmitting, setSubmitting] = useState(false);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  // The last submission the server has not answered (network, 5xx): a retry reuses its key.
  const unanswered = useRef<SubmissionAttempt | null>(draft.unanswered);
  const keepDraft = useCallback(
    (current: Cart) => {
      if (editId === null) saveDraft(sessionStorage, cycle.cycleId, { cart: current, unanswered: unanswered.current });
    },
    [editId, cycle.cycleId],
  );
  useEffect(() => keepDraft(cart), [cart, keepDraft]);

  // Changing an order starts from its quantities, once they have loaded.
  const startedFrom = useRef<number | null>(null);
  useEffect(() => {
    if (!editable || startedFrom.current === editable.orderId) return;
    startedFrom.current = editable.orderId;
    setCart(new Map(alreadyInOrder));
  }, [editable, alreadyInOrder]);

  const onQuantityChange = useCallback((productId: number, quantity: number) => {
    setCart((current) => setCartQuantity(current, productId, quantity));
  }, []);

  const groups = useMemo(() => {
    const visible = cycle.items.filter(
      (item) => matchesSearch(item, search) && (brand === null || (item.brand?.trim() || '') === brand),
    );
    return groupByBrand(visible, t('portalOrder.otherBrand'));
  }, [cycle.items, search, brand, t]);
  const brands = useMemo(
    () =>
      groupByBrand(cycle.items, '')
        .map((group) => group.brand)
        .filter(Boolean),
    [cycle.items],
  );

  const totals = cartTotals(cart, cycle.items);
  const overLimit = linesOverLimit(cart, cycle.items, alreadyInOrder, cycle.lineCap);
  const refusedProductId =
    problem && (problem.kind === 'quotaExceeded' || problem.kind === 'notInCycle') ? problem.productId : null;
  const isOpen = phase === 'open';
  const isEditMissing = editId !== null && !orders.isPending && !editable;
  const canSubmit = isOpen && !isSubmitting && (editId === null || Boolean(editable)) && totals.cartons > 0;
  const submittedThisCycle = (orders.data ?? []).filter((order) => order.status === 'submitted').length;

  // Bring the refused line into view: the message by the cart bar names it, the row shows it.
  useEffect(() => {
    if (refusedProductId === null) return;
    document.querySelector(`[data-product-id="${refusedProductId}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [refusedProductId]);

  async function submit() {
    const lines = cartLines(cart, cycle.items);
    setProblem(null);
    setSubmitting(true);
    try {
      let receipt: OrderReceipt;
      if (editable) {
        receipt = await changeOrder(editable.orderId, lines);
      } else {
        const attempt = attemptFor(unanswered.current, lines);
        unanswered.current = attempt;
        keepDraft(cart);
        receipt = await submitOrder(lines, attempt.key);
      }
      unanswered.current = null;
      setCart(new Map());
      setConfirmation({ receipt, isChange: Boolean(editable) });
      window.scrollTo?.({ top: 0 });
      void queryClient.invalidateQueries({ queryKey: portalCycleQueryKey });
      void queryClient.invalidateQueries({ queryKey: portalOrdersQueryKey });
    } catch (error) {
      if (isAnswered(error)) {
        unanswered.current = null;
        keepDraft(cart);
      }
      const mapped = mapOrderError(error, cycle.items, t);
      setProblem(mapped);
      // The quota, the cycle or the window moved under the page: show what is true now.
      if (mapped.kind !== 'retry' && mapped.kind !== 'other') {
        void queryClient.invalidateQueries({ queryKey: portalCycleQueryKey });
        void queryClient.invalidateQueries({ queryKey: portalOrdersQueryKey });
      }
    } finally {
      setSubmitting(false);
    }
  }

  if (confirmation) {
    return (
      <OrderReceiptView
        receipt={confirmation.receipt}
        isChange={confirmation.isChange}
        onViewOrders={() => navigate(ordersPath)}
        onContinue={() => {
          setConfirmation(null);
          if (editId !== null) navigate(orderPath);
        }}
      />
    );
  }

  return (
    <div className="portal-page order-page">
      <OrderWindowCard cycle={cycle} phase={phase} />

      {editId !== null ? (
        <Alert
          type={isEditMissing ? 'error' : 'info'}
          showIcon
          title={isEditMissing ? t('portalOrder.editNotFound') : t('portalOrder.editing', { id: editId })}
          action={
            <Button size="small" onClick={() => navigate(ordersPath)}>
              {t('portalOrder.discardChanges')}
            </Button>
          }
        />
      ) : submittedThisCycle > 0 ? (
        <Link to={ordersPath} className="order-link-card">
          <span>{t('portalOrder.alreadyOrdered', { count: submittedThisCycle })}</span>
          <span className="order-link-action">
            {t('portalOrder.viewOrders')} <RightOutlined />
          </span>
        </Link>
      ) : null}

      <div className="order-filters">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('portalOrder.searchPlaceholder')}
          aria-label={t('portalOrder.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {brands.length > 1 ? (
          <div className="order-brands" role="toolbar" aria-label={t('portalOrder.brandFilter')}>
            {[null, ...brands].map((name) => (
              <button
                key={name ?? '*'}
                type="button"
                className={brand === name ? 'order-brand is-active' : 'order-brand'}
                aria-pressed={brand === name}
                onClick={() => setBrand(name)}
              >
                {name ?? t('portalOrder.allBrands')}
              </button>
            ))}
          </div>
        ) : null}
      </div>

      {groups.length === 0 ? <Empty description={t('portalOrder.noMatch')} /> : null}
      {groups.map((group) => (
        <section key={group.brand} className="order-brand-group" aria-label={group.brand}>
          <h3 className="order-brand-title">{group.brand}</h3>
          {group.items.map((item) => (
            <OrderProductRow
              key={item.productId}
              item={item}
              quantity={cart.get(item.productId) ?? 0}
              limit={quantityLimit(item, alreadyInOrder.get(item.productId), cycle.lineCap)}
              disabled={!isOpen || isSubmitting}
              isRefused={refusedProductId === item.productId}
              onChange={onQuantityChange}
            />
          ))}
        </section>
      ))}

      {/* Fixed above the tab bar, where the thumb that pressed submit is: the refusal shows there too. */}
      <div className="order-dock">
        {problem ? (
          <OrderProblemAlert
            problem={problem}
            onRetry={submit}
            onClose={() => setProblem(null)}
            isSubmitting={isSubmitting}
          />
        ) : null}
        <div className="order-cart-bar" aria-live="polite">
          <div className="order-cart-summary">
            <span className="order-cart-total">
              {t('portalOrder.total')} <strong>{formatYuan(totals.total, locale)}</strong>
            </span>
            <span className={overLimit.length > 0 ? 'order-cart-warning' : 'portal-muted'}>
              {overLimit.length > 0
                ? t('portalOrder.overLimitCount', { count: overLimit.length })
                : totals.cartons > 0
                  ? t('portalOrder.summary', { products: totals.products, cartons: totals.cartons })
                  : editable
                    ? t('portalOrder.allZero')
                    : t('portalOrder.emptyCart')}
            </span>
          </div>
          <Button
            type="primary"
            size="large"
            className="order-cart-submit"
            loading={isSubmitting}
            disabled={!canSubmit}
            onClick={() => void submit()}
          >
            {!isOpen ? t('portalOrder.closed') : editable ? t('portalOrder.submitChange') : t('portalOrder.submit')}
          </Button>
        </div>
      </div>
    </div>
  );
}

function OrderProblemAlert({
  problem,
  onRetry,
  onClose,
  isSubmitting,
}: {
  problem: OrderProblem;
  onRetry: () => Promise<void>;
  onClose: () => void;
  isSubmitting: boolean;
}) {
  const { t } = useTranslation();
  const titles: Record<OrderProblem['kind'], string> = {
    quotaExceeded: t('portalOrder.errors.quotaTitle'),
    notInCycle: t('portalOrder.errors.notInCycleTitle'),
    windowClosed: t('portalOrder.errors.windowClosedTitle'),
    noCycle: t('portalOrder.noCycleTitle'),
    retry: t('portalOrder.errors.failedTitle'),
    other: t('portalOrder.errors.failedTitle'),
  };
  return (
    <Alert
      role="alert"
      type={problem.kind === 'retry' ? 'warning' : 'error'}
      showIcon
      className="order-problem"
      title={titles[problem.kind]}
      description={problem.message}
      closable={{ onClose, 'aria-label': t('portalOrder.dismiss') }}
      action={
        problem.kind === 'retry' ? (
          <Button size="small" type="primary" loading={isSubmitting} onClick={() => void onRetry()}>
            {t('portalOrder.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
