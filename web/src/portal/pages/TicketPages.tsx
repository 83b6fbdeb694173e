import { LeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { App, Button, Empty, Form, Input, Rate, Segmented, Select, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import {
  confirmTicket,
  fileTicket,
  portalReply,
  type TicketDetail,
  type TicketStatus,
  type TicketType,
  ticketKeys,
  ticketTypes,
  uploadTicketPhoto,
  usePortalTickets,
  useTicket,
  useTicketCategories,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import './tickets.css';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';

const statusColours: Record<TicketStatus, string> = {
  new: 'blue',
  assigned: 'blue',
  in_progress: 'processing',
  resolved: 'orange',
  confirmed: 'green',
  closed: 'default',
};

// A ticket page's title, with the way back to the list on the pages under it.
function PortalPageHead({ title, back }: { title: string; back?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal-page-head">
      {back ? (
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('portalTickets.back')}
          onClick={() => navigate('/portal/tickets')}
        />
      ) : null}
      <h2>{title}</h2>
    </div>
  );
}

// 投诉建议 in the portal: my tickets, newest first, and the button to file one.
export function PortalTicketsPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const navigate = useNavigate();
  const tickets = usePortalTickets();
  if (tickets.isPending) return <FullPageSpin />;
  if (tickets.error) return <FullPageError error={tickets.error} onRetry={() => void tickets.refetch()} />;
  return (
    <div className="portal-page">
      <PortalPageHead title={t('portalTickets.title')} />
      <Button
        type="primary"
        size="large"
        block
        className="portal-big-button"
        onClick={() => navigate('/portal/tickets/new')}
      >
        {t('portalTickets.new')}
      </Button>
      {tickets.data.items.length === 0 ? (
        <section className="portal-card">
          <Empty description={t('portalTickets.empty')} />
        </section>
      ) : (
        tickets.data.items.map((ticket) => (
          <button
            type="button"
            key={ticket.id}
            className="portal-card portal-ticket-card"
            onClick={() => navigate(`/portal/tickets/${ticket.id}`)}
          >
            <div className="portal-ticket-head">
              <strong>
                {t(`tickets.types.${ticket.type}`)} · {builtIn(ticket.categoryName)}
              </strong>
              <Tag color={statusColours[ticket.status]}>{t(`tickets.statuses.${ticket.status}`)}</Tag>
            </div>
            <p className="portal-ticket-text">{ticket.description}</p>
            <span className="portal-ticket-meta">
              #{ticket.id} · {format.dateTime(ticket.createdAt)}
            </span>
          </button>
        ))
      )}
    </div>
  );
}

// Filing: type, category from the complaint library, description, up to 5 photos.
export function PortalNewTicketPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const categories = useTicketCategories();
  const [type, setType] = useState<TicketType>('complaint');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(values: { categoryCode?: string; description: string }) {
    setBusy(true);
    try {
      const created = await fileTicket({ type, categoryCode: values.categoryCode, description: values.description });
      for (const photo of photos) {
        if (photo.originFileObj) await uploadTicketPhoto(created.id, photo.originFileObj);
      }
      message.success(t('portalTickets.submitted'));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.portalList });
      navigate(`/portal/tickets/${created.id}`, { replace: true });
    } catch (error) {
      message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="portal-page">
      <PortalPageHead title={t('portalTickets.new')} back />
      <section className="portal-card">
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('portalTickets.type')}>
            <Segmented
              block
              value={type}
              onChange={(value) => setType(value as TicketType)}
              options={ticketTypes.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('portalTickets.category')}>
            <Select
              size="large"
              virtual={false}
              listHeight={360}
              aria-label={t('portalTickets.category')}
              options={(['service', 'product', 'monopoly', 'other'] as const).map((group) => ({
                label: t(`tickets.groups.${group}`),
                title: group,
                options: (categories.data ?? [])
                  .filter((category) => category.groupCode === group && category.active)
                  .map((category) => ({ value: category.code, label: builtIn(category.name) })),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('portalTickets.description')}
            rules={[{ required: true, whitespace: true, message: t('portalTickets.descriptionRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label={t('portalTickets.photos')}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              maxCount={5}
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList)}
            >
              {photos.length < 5 ? '+' : null}
            </Upload>
          </Form.Item>
          <Button type="primary" size="large" block htmlType="submit" loading={busy}>
            {t('portalTickets.submit')}
          </Button>
        </Form>
      </section>
    </div>
  );
}

// One ticket: its progress (only what the customer may see), a note box, and — once resolved —
// confirm or reject with a rating.
export function PortalTicketPage() {
  const id = Number(useParams().id);
  const ticket = useTicket(id, true);
  if (ticket.isPending) return <FullPageSpin />;
  if (ticket.error) return <FullPageError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  return <PortalTicketView ticket={ticket.data} />;
}

function PortalTicketView({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [rating, setRating] = useState(5);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<TicketDetail>) {
    setBusy(true);
    try {
      const updated = await action();
      queryClient.setQueryData(ticketKeys.portalDetail(ticket.id), updated);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.portalList });
      return true;
    } catch (error) {
      message.error(describeError(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const events = ticket.events.filter((event) => event.kind !== 'sla' && event.kind !== 'escalated');
  return (
    <div className="portal-page">
      <PortalPageHead title={t('portalTickets.detailTitle', { id: ticket.id })} back />
      <section className="portal-card">
        <div className="portal-ticket-head">
          <strong>
            #{ticket.id} {t(`tickets.types.${ticket.type}`)} · {builtIn(ticket.categoryName)}
          </strong>
          <Tag color={statusColours[ticket.status]}>{t(`tickets.statuses.${ticket.status}`)}</Tag>
        </div>
        <p className="portal-ticket-text">{ticket.description}</p>
        {ticket.firstRespondedAt === null ? (
          <span className="portal-ticket-meta">
            {t('portalTickets.dueBy', { time: format.dateTime(ticket.firstResponseDueAt) })}
          </span>
        ) : null}
      </section>

      {ticket.status === 'resolved' ? (
        <section className="portal-card portal-ticket-confirm">
          <h3>{t('portalTickets.confirmTitle')}</h3>
          <Rate value={rating} onChange={setRating} aria-label={t('portalTickets.rating')} style={{ fontSize: 32 }} />
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={async () => {
              if (await run(() => confirmTicket(ticket.id, { accepted: true, rating })))
                message.success(t('portalTickets.thanks'));
            }}
          >
            {t('portalTickets.accept')}
          </Button>
          <Button
            size="large"
            block
            loading={busy}
            onClick={() => void run(() => confirmTicket(ticket.id, { accepted: false, rating }))}
          >
            {t('portalTickets.reject')}
          </Button>
        </section>
      ) : null}
      {ticket.rating && ticket.status !== 'resolved' ? (
        <section className="portal-card">{t('portalTickets.yourRating', { rating: ticket.rating })}</section>
      ) : null}

      <section className="portal-card">
        <h3>{t('portalTickets.progress')}</h3>
        <ol className="portal-ticket-timeline">
          {events.map((event) => (
            <li key={event.id} className={event.author === 'retailer' ? 'is-mine' : ''}>
              <span className="portal-ticket-meta">
                {event.author === 'retailer' ? t('portalTickets.you') : event.actorName} · {format.dateTime(event.at)}
              </span>
              <div>
                {event.kind === 'reply' || event.kind === 'created' || event.kind === 'rated'
                  ? event.body
                  : `${t(`tickets.statuses.${(event.toStatus ?? 'new') as TicketStatus}`)}${event.body ? `：${event.body}` : ''}`}
              </div>
            </li>
          ))}
        </ol>
        {ticket.status !== 'closed' ? (
          <div className="portal-ticket-note">
            <Input.TextArea
              rows={2}
              value={note}
              maxLength={2000}
              placeholder={t('portalTickets.addNote')}
              aria-label={t('portalTickets.addNote')}
              onChange={(event) => setNote(event.target.value)}
            />
            <Button
              size="large"
              block
              disabled={note.trim() === ''}
              loading={busy}
              onClick={async () => {
                if (await run(() => portalReply(ticket.id, note.trim()))) setNote('');
              }}
            >
              {t('tickets.send')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
