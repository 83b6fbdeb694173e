import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { OrderLinesList } from './OrderReceiptView.tsx';
import {
  cancelOrder,
  type PortalCycle,
  type PortalOrder,
  portalCycleQueryKey,
  portalOrdersQueryKey,
  usePortalCycle,
  usePortalOrders,
} from './order.api.ts';
import { formatYuan } from './order-format.ts';
import { isOrderChangeable, newestFirst } from './order-history.ts';
import { useWindowPhase } from './order-window.ts';
import './order.css';

// 我的订单: every order of the store, newest first; the open cycle's can change until cutoff.
export function OrderHistoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = usePortalOrders();
  const cycle = usePortalCycle();
  const phase = useWindowPhase(cycle.data?.window, cycle.data?.isOpen);

  if (orders.isPending) return <FullPageSpin />;
  if (orders.error) return <FullPageError error={orders.error} onRetry={() => void orders.refetch()} />;
  if (orders.data.length === 0) {
    return (
      <div className="portal-page">
        <section className="portal-card">
          <Empty description={t('portalOrder.orders.empty')}>
            <Button type="primary" size="large" onClick={() => navigate('/portal/order')}>
              {t('portalOrder.orders.goOrder')}
            </Button>
          </Empty>
        </section>
      </div>
    );
  }
  return (
    <div className="portal-page">
      {newestFirst(orders.data).map((order) => (
        <OrderCard
          key={order.orderId}
          order={order}
          openCycle={cycle.data ?? null}
          isChangeable={isOrderChangeable(order, cycle.data ?? null, phase)}
        />
      ))}
    </div>
  );
}

function OrderCard({
  order,
  openCycle,
  isChangeable,
}: {
  order: PortalOrder;
  openCycle: PortalCycle | null;
  isChangeable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const [isExpanded, setExpanded] = useState(false);
  const cartons = order.lines.reduce((sum, line) => sum + line.qty, 0);
  const isCancelled = order.status === 'cancelled';

  function confirmCancel() {
    modal.confirm({
      title: t('portalOrder.orders.cancelConfirm'),
      content: t('portalOrder.orders.cancelConfirmDetail'),
      okText: t('portalOrder.orders.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('portalOrder.orders.keep'),
      centered: true,
      onOk: async () => {
        try {
          await cancelOrder(order.orderId);
          void message.success(t('portalOrder.orders.cancelled'));
        } catch (error) {
          void message.error(describeError(error, t));
        } finally {
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: portalOrdersQueryKey }),
            queryClient.invalidateQueries({ queryKey: portalCycleQueryKey }),
          ]);
        }
      },
    });
  }

  return (
    <article className={isCancelled ? 'portal-card order-card is-cancelled' : 'portal-card order-card'}>
      <header className="order-card-header">
        <h3 title={format.cycleWeek(order.cycleCode)}>{format.cycleWeekShort(order.cycleCode)}</h3>
        <Tag>{t(`portalOrder.orders.channels.${order.channel}`)}</Tag>
        <Tag color={isCancelled ? 'default' : 'green'}>{t(`portalOrder.orders.statuses.${order.status}`)}</Tag>
        <strong className="order-card-total">{formatYuan(order.total, format.locale)}</strong>
      </header>
      <p className="portal-muted">
        {t('portalOrder.orders.orderNo', { id: order.orderId })} ·{' '}
        {t('portalOrder.orders.submittedAt', { time: format.dateTime(order.createdAt) })}
      </p>
      <p className="portal-muted">{t('portalOrder.orders.lines', { products: order.lines.length, cartons })}</p>
      {isChangeable && openCycle ? (
        <p className="order-card-deadline">
          {t('portalOrder.orders.changeableUntil', { time: format.dateTime(openCycle.window.closesAt) })}
        </p>
      ) : null}
      {isExpanded ? <OrderLinesList lines={order.lines} /> : null}
      <div className="order-card-actions">
        <Button
          type="text"
          icon={isExpanded ? <UpOutlined /> : <DownOutlined />}
          iconPlacement="end"
          aria-expanded={isExpanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {isExpanded ? t('portalOrder.orders.hideLines') : t('portalOrder.orders.showLines')}
        </Button>
        {isChangeable ? (
          <>
            <Button danger onClick={confirmCancel}>
              {t('portalOrder.orders.cancel')}
            </Button>
            <Button type="primary" onClick={() => navigate(`/portal/order?edit=${order.orderId}`)}>
              {t('portalOrder.orders.change')}
            </Button>
          </>
        ) : null}
      </div>
    </article>
  );
}
