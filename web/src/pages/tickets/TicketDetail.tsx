import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Image,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  editTicket,
  escalateTicket,
  replyToTicket,
  type TicketDetail,
  type TicketJudgement,
  type TicketStatus,
  ticketKeys,
  transitionTicket,
  useServiceFailures,
  useTicket,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { SlaTag, StatusTag } from './ticket-format.tsx';

// One ticket for its handler: the store and the problem, both SLA clocks, the history, a reply
// box, the moves the workflow allows, escalation, and the linked service failure with its remedy.
export function TicketDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  if (ticket.isPending) return <FullPageSpin />;
  if (ticket.error) return <FullPageError error={ticket.error} onRetry={() => void ticket.refetch()} />;
  return (
    <div>
      <Link to="/tickets">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('tickets.backToList')}
        </Button>
      </Link>
      <PageContainer title={t('tickets.detailTitle', { id })}>
        <TicketView ticket={ticket.data} />
      </PageContainer>
    </div>
  );
}

function TicketView({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const failures = useServiceFailures();
  const can = useCan();
  const [body, setBody] = useState('');
  const [visible, setVisible] = useState(true);
  const [awaitCustomer, setAwaitCustomer] = useState(false);
  const [note, setNote] = useState('');
  // 投诉定性 given with a close: founded unless the handler says otherwise.
  const [judgement, setJudgement] = useState<TicketJudgement>('founded');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<TicketDetail>) {
    setBusy(true);
    try {
      const updated = await action();
      queryClient.setQueryData(ticketKeys.detail(ticket.id), updated);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      return true;
    } catch (error) {
      message.error(describeError(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const isClosed = ticket.status === 'closed';
  // Only what the server lets this role do is offered (an inspector reads, and is offered nothing).
  const canReply = can('POST /api/v1/tickets/:id/replies');
  const canMove = can('POST /api/v1/tickets/:id/transitions');
  const canEscalate = can('POST /api/v1/tickets/:id/escalate');
  const canEdit = can('PATCH /api/v1/tickets/:id');
  const moves = canMove ? ticket.allowedTransitions.filter((to) => to !== 'assigned') : [];
  const canAct = moves.length > 0 || (canEscalate && !isClosed);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <StatusTag status={ticket.status} />
            <Tag>{t(`tickets.types.${ticket.type}`)}</Tag>
            <Tag>
              {t(`tickets.groups.${ticket.categoryGroup}` as 'tickets.groups.service')} · {builtIn(ticket.categoryName)}
            </Tag>
            <Tag>{t(`tickets.channels.${ticket.channel}` as 'tickets.channels.portal')}</Tag>
            {ticket.escalated ? <Tag color="volcano">{t('tickets.escalated')}</Tag> : null}
            {ticket.waitingOnCustomer ? <Tag color="gold">{t('tickets.waiting')}</Tag> : null}
            {ticket.rating ? <Tag color="green">{t('portalTickets.yourRating', { rating: ticket.rating })}</Tag> : null}
            {ticket.judgement ? (
              <Tag color={ticket.judgement === 'founded' ? 'default' : 'red'}>
                {t('tickets.judgementTag', { judgement: t(`tickets.judgements.${ticket.judgement}`) })}
              </Tag>
            ) : null}
          </Flex>
          <Typography.Paragraph style={{ fontSize: 15 }}>{ticket.description}</Typography.Paragraph>
          {ticket.attachments.length > 0 ? (
            <Image.PreviewGroup>
              <Space wrap>
                {ticket.attachments.map((photo) => (
                  <Image
                    key={photo.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                    src={`/api/v1/tickets/${ticket.id}/attachments/${photo.id}`}
                    alt={photo.fileName}
                  />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : null}
        </Card>
        <Card title={t('tickets.history')} style={{ marginTop: 16 }}>
          <Timeline
            items={ticket.events.map((event) => ({
              color:
                event.kind === 'escalated' || event.body.includes('超时')
                  ? 'red'
                  : event.kind === 'reply'
                    ? 'blue'
                    : 'gray',
              content: (
                <div>
                  <Typography.Text strong>
                    {t(`tickets.events.${event.kind}` as 'tickets.events.reply')}
                  </Typography.Text>{' '}
                  {event.toStatus && event.kind !== 'created' ? (
                    <StatusTag status={event.toStatus as TicketStatus} />
                  ) : null}
                  {event.kind === 'reply' && !event.visibleToCustomer ? <Tag>{t('tickets.internal')}</Tag> : null}
                  <Typography.Text type="secondary">
                    {event.actorName} · {format.dateTime(event.at)}
                  </Typography.Text>
                  {event.body && event.kind !== 'created' ? (
                    <Typography.Paragraph style={{ margin: '4px 0 0' }}>{event.body}</Typography.Paragraph>
                  ) : null}
                </div>
              ),
            }))}
          />
        </Card>
        {isClosed || !canReply ? null : (
          <Card title={t('tickets.reply')} style={{ marginTop: 16 }}>
            <Input.TextArea
              data-action="POST /api/v1/tickets/:id/replies"
              rows={3}
              value={body}
              maxLength={2000}
              placeholder={t('tickets.replyPlaceholder')}
              onChange={(event) => setBody(event.target.value)}
              aria-label={t('tickets.replyPlaceholder')}
            />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
              <Space wrap>
                <Checkbox checked={visible} onChange={(event) => setVisible(event.target.checked)}>
                  {t('tickets.visibleToCustomer')}
                </Checkbox>
                <Checkbox
                  checked={awaitCustomer}
                  disabled={!visible}
                  onChange={(event) => setAwaitCustomer(event.target.checked)}
                >
                  {t('tickets.awaitCustomer')}
                </Checkbox>
              </Space>
              <ActionButton
                action="POST /api/v1/tickets/:id/replies"
                type="primary"
                loading={busy}
                disabled={body.trim() === ''}
                onClick={async () => {
                  const done = await run(() =>
                    replyToTicket(ticket.id, {
                      body: body.trim(),
                      visibleToCustomer: visible,
                      awaitCustomer: visible && awaitCustomer,
                    }),
                  );
                  if (done) setBody('');
                }}
              >
                {t('tickets.send')}
              </ActionButton>
            </Flex>
          </Card>
        )}
      </Col>
      <Col xs={24} lg={9}>
        <Card>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'store',
                label: t('tickets.store'),
                // The store's 360° view: its orders, visits and other complaints.
                children: (
                  <Link to={`/customers/${ticket.customerId}`}>
                    {ticket.storeName}（{ticket.licenceNo}）
                  </Link>
                ),
              },
              { key: 'phone', label: '☎', children: ticket.storePhone ?? '—' },
              { key: 'branch', label: t('tickets.branch'), children: ticket.branchName },
              { key: 'assignee', label: t('tickets.columns.assignee'), children: ticket.assigneeName ?? '—' },
              { key: 'created', label: t('tickets.columns.createdAt'), children: format.dateTime(ticket.createdAt) },
              {
                key: 'first',
                label: t('tickets.firstResponseDue'),
                children: (
                  <Space size={4}>
                    <SlaTag outcome={ticket.firstResponseSla} />
                    {format.dateTime(ticket.firstResponseDueAt)}
                  </Space>
                ),
              },
              { key: 'responded', label: t('tickets.respondedAt'), children: format.dateTime(ticket.firstRespondedAt) },
              {
                key: 'resolution',
                label: t('tickets.resolutionDue'),
                children: (
                  <Space size={4}>
                    <SlaTag outcome={ticket.resolutionSla} />
                    {format.dateTime(ticket.resolutionDueAt)}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {canAct ? (
          <Card style={{ marginTop: 16 }}>
            <Input
              value={note}
              maxLength={2000}
              placeholder={t('tickets.note')}
              aria-label={t('tickets.note')}
              onChange={(event) => setNote(event.target.value)}
            />
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              {moves.includes('closed') ? (
                <Select
                  style={{ minWidth: 160 }}
                  value={judgement}
                  aria-label={t('tickets.judgement')}
                  title={t('tickets.judgementHint')}
                  onChange={setJudgement}
                  options={(['founded', 'unfounded', 'malicious'] as const).map((value) => ({
                    value,
                    label: `${t('tickets.judgement')}：${t(`tickets.judgements.${value}`)}`,
                  }))}
                />
              ) : null}
              {moves.map((to) => (
                <ActionButton
                  action="POST /api/v1/tickets/:id/transitions"
                  key={to}
                  loading={busy}
                  type={to === 'resolved' ? 'primary' : 'default'}
                  onClick={async () => {
                    if (
                      await run(() =>
                        transitionTicket(ticket.id, to === 'closed' ? { to, note, judgement } : { to, note }),
                      )
                    ) {
                      setNote('');
                    }
                  }}
                >
                  {t('tickets.moveTo', { status: t(`tickets.statuses.${to}`) })}
                </ActionButton>
              ))}
              {isClosed ? null : (
                <ActionButton
                  action="POST /api/v1/tickets/:id/escalate"
                  danger
                  loading={busy}
                  onClick={() => void run(() => escalateTicket(ticket.id, note))}
                >
                  {t('tickets.escalate')}
                </ActionButton>
              )}
            </Flex>
          </Card>
        ) : null}
        <Card title={t('tickets.failure')} style={{ marginTop: 16 }}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('tickets.failurePick')}
            aria-label={t('tickets.failurePick')}
            disabled={!canEdit}
            data-action={canEdit ? 'PATCH /api/v1/tickets/:id' : undefined}
            value={ticket.failure?.code}
            options={(failures.data ?? []).map((failure) => ({ value: failure.code, label: failure.name }))}
            onChange={(value) => void run(() => editTicket(ticket.id, { failureCode: value ?? null }))}
          />
          {ticket.failure ? (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              title={`${t('tickets.remedy')}：${ticket.failure.remedy}`}
              description={
                <div>
                  <div>
                    {t('tickets.prevention')}：{ticket.failure.prevention}
                  </div>
                  <div>
                    {t('tickets.control')}：{ticket.failure.control}
                  </div>
                </div>
              }
            />
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}
