import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  type BusinessCalendar,
  editCategory,
  type SlaPolicies,
  saveCalendar,
  saveSlaPolicies,
  slaPolicyKey,
  type TicketPriority,
  ticketPriorities,
  useSlaPolicies,
} from '../../shared/tickets.api.ts';
import { cellsOf, draftOf, type HoursDraft } from './sla-policy-form.ts';

// 时限策略: first-response and resolution targets per category × priority (hours), whether each
// category counts in business hours, and the business-hours calendar. Every staff member reads;
// the keepers of the library (admin, marketing, service) edit. A change applies to tickets filed
// after it; tickets already filed keep their due times.
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  return (
    <PageContainer title={t('tickets.slaPolicy.title')}>
      {policies.isPending ? (
        <FullPageSpin />
      ) : policies.error ? (
        <FullPageError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <>
          <PolicyTable policies={policies.data} />
          <CalendarCard calendar={policies.data.calendar} />
        </>
      )}
    </PageContainer>
  );
}

type Row = SlaPolicies['categories'][number];

function PolicyTable({ policies }: { policies: SlaPolicies }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const can = useCan();
  const canEdit = can('PUT /api/v1/ticket-sla-policies');
  const canEditCategory = can('PATCH /api/v1/ticket-categories/:code');
  const [draft, setDraft] = useState<HoursDraft>(() => draftOf(policies));
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(policies)), [policies]);
  const { cells, problems } = cellsOf(draft);
  const problemOf = (code: string, priority: TicketPriority) =>
    problems.find((problem) => problem.categoryCode === code && problem.priority === priority);

  const set = (code: string, priority: TicketPriority, field: 'firstResponse' | 'resolution', value: number | null) =>
    setDraft((current) => ({
      ...current,
      [code]: { ...current[code], [priority]: { ...current[code][priority], [field]: value } },
    }));

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await saveSlaPolicies(cells);
      queryClient.setQueryData(slaPolicyKey, saved);
      message.success(t('tickets.slaPolicy.saved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function toggleBusinessHours(row: Row, value: boolean) {
    try {
      await editCategory(row.code, { businessHours: value });
      await queryClient.invalidateQueries({ queryKey: slaPolicyKey });
      void queryClient.invalidateQueries({ queryKey: ['ticket-categories'] });
    } catch (error) {
      message.error(describeError(error, t));
    }
  }

  const rows = [...policies.categories].sort(
    (a, b) => groupOrder.indexOf(a.groupCode) - groupOrder.indexOf(b.groupCode),
  );
  return (
    <Card
      size="small"
      title={t('tickets.slaPolicy.targets')}
      extra={
        canEdit ? (
          <Button
            data-action="PUT /api/v1/ticket-sla-policies"
            type="primary"
            onClick={save}
            loading={busy}
            disabled={problems.length > 0}
          >
            {t('tickets.slaPolicy.save')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('tickets.slaPolicy.hint')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      {problems.length > 0 ? (
        <Alert type="warning" showIcon title={t('tickets.slaPolicy.problems')} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={rows}
        columns={[
          {
            title: t('tickets.columns.category'),
            fixed: 'left',
            width: 170,
            render: (_, row) => (
              <Space size={4}>
                <Tag>{t(`tickets.groups.${row.groupCode}`)}</Tag>
                <Typography.Text type={row.active ? undefined : 'secondary'} delete={!row.active}>
                  {row.name}
                </Typography.Text>
              </Space>
            ),
          },
          ...ticketPriorities.map((priority) => ({
            title: t(`tickets.priorities.${priority}`),
            key: priority,
            render: (_: unknown, row: Row) => {
              const cell = draft[row.code]?.[priority];
              if (!cell) return null;
              const problem = problemOf(row.code, priority);
              const status = problem ? ('error' as const) : undefined;
              return (
                <Space orientation="vertical" size={2}>
                  <InputNumber
                    size="small"
                    min={0}
                    step={0.5}
                    precision={2}
                    disabled={!canEdit}
                    status={problem?.kind === 'order' ? undefined : status}
                    value={cell.firstResponse}
                    onChange={(value) => set(row.code, priority, 'firstResponse', value)}
                    aria-label={`${row.name} ${t(`tickets.priorities.${priority}`)} ${t('tickets.slaPolicy.firstResponse')}`}
                    prefix={t('tickets.slaPolicy.firstResponseShort')}
                    suffix="h"
                    style={{ width: 130 }}
                  />
                  <InputNumber
                    size="small"
                    min={0}
                    step={1}
                    precision={2}
                    disabled={!canEdit}
                    status={status}
                    value={cell.resolution}
                    onChange={(value) => set(row.code, priority, 'resolution', value)}
                    aria-label={`${row.name} ${t(`tickets.priorities.${priority}`)} ${t('tickets.slaPolicy.resolution')}`}
                    prefix={t('tickets.slaPolicy.resolutionShort')}
                    suffix="h"
                    style={{ width: 130 }}
                  />
                  {row.targets[priority].custom ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('tickets.slaPolicy.custom')}
                    </Typography.Text>
                  ) : null}
                  {problem ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t(`tickets.slaPolicy.problem.${problem.kind}`)}
                    </Typography.Text>
                  ) : null}
                </Space>
              );
            },
          })),
          {
            title: t('tickets.businessHours'),
            width: 110,
            render: (_, row) => (
              <Switch
                size="small"
                checked={row.businessHours}
                disabled={!canEditCategory}
                data-action={canEditCategory ? 'PATCH /api/v1/ticket-categories/:code' : undefined}
                aria-label={`${row.name} ${t('tickets.businessHours')}`}
                onChange={(value) => void toggleBusinessHours(row, value)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

const groupOrder = ['service', 'product', 'monopoly', 'other'];
const times = Array.from({ length: 48 }, (_, index) => {
  const hours = String(Math.floor(index / 2)).padStart(2, '0');
  return `${hours}:${index % 2 === 0 ? '00' : '30'}`;
});
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function CalendarCard({ calendar }: { calendar: BusinessCalendar }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = useCan()('PUT /api/v1/ticket-calendar');
  const [draft, setDraft] = useState(calendar);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(calendar), [calendar]);
  const badDates = [...draft.holidays, ...draft.extraWorkdays].filter((date) => !datePattern.test(date));

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      queryClient.setQueryData(slaPolicyKey, await saveCalendar(draft));
      message.success(t('tickets.slaPolicy.calendarSaved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const weekdays = [1, 2, 3, 4, 5, 6, 7];
  return (
    <Card
      size="small"
      title={t('tickets.slaPolicy.calendar')}
      style={{ marginTop: 16 }}
      extra={
        canEdit ? (
          <Button
            data-action="PUT /api/v1/ticket-calendar"
            type="primary"
            onClick={save}
            loading={busy}
            disabled={badDates.length > 0}
          >
            {t('tickets.slaPolicy.saveCalendar')}
          </Button>
        ) : null
      }
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Flex vertical gap={12}>
        <Space wrap>
          <span>{t('tickets.slaPolicy.hours')}</span>
          <Select
            aria-label={t('tickets.slaPolicy.opens')}
            disabled={!canEdit}
            value={draft.opens}
            onChange={(opens) => setDraft({ ...draft, opens })}
            options={times.map((value) => ({ value, label: value }))}
            style={{ width: 100 }}
          />
          –
          <Select
            aria-label={t('tickets.slaPolicy.closes')}
            disabled={!canEdit}
            value={draft.closes}
            onChange={(closes) => setDraft({ ...draft, closes })}
            options={times.map((value) => ({ value, label: value }))}
            style={{ width: 100 }}
          />
        </Space>
        <Space wrap>
          <span>{t('tickets.slaPolicy.weekdays')}</span>
          <Checkbox.Group
            disabled={!canEdit}
            value={draft.weekdays}
            onChange={(values) => setDraft({ ...draft, weekdays: values as number[] })}
            options={weekdays.map((value) => ({
              value,
              label: t(`tickets.slaPolicy.weekday.d${value}` as 'tickets.slaPolicy.weekday.d1'),
            }))}
          />
        </Space>
        <div>
          <div style={{ marginBottom: 4 }}>{t('tickets.slaPolicy.holidays')}</div>
          <Select
            mode="tags"
            aria-label={t('tickets.slaPolicy.holidays')}
            disabled={!canEdit}
            value={draft.holidays}
            onChange={(holidays) => setDraft({ ...draft, holidays })}
            tokenSeparators={[',', ' ', '，']}
            placeholder="2027-02-10"
            open={false}
            style={{ width: '100%' }}
          />
        </div>
        <div>
          <div style={{ marginBottom: 4 }}>{t('tickets.slaPolicy.extraWorkdays')}</div>
          <Select
            mode="tags"
            aria-label={t('tickets.slaPolicy.extraWorkdays')}
            disabled={!canEdit}
            value={draft.extraWorkdays}
            onChange={(extraWorkdays) => setDraft({ ...draft, extraWorkdays })}
            tokenSeparators={[',', ' ', '，']}
            placeholder="2027-02-07"
            open={false}
            style={{ width: '100%' }}
          />
        </div>
        {badDates.length > 0 ? (
          <Typography.Text type="danger">
            {t('tickets.slaPolicy.badDates', { dates: badDates.join('、') })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary">{t('tickets.slaPolicy.calendarHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
