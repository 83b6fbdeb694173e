import { DownloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Input,
  List,
  Segmented,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { buildUrl } from '../../shared/api-client.ts';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { useCustomerReference } from '../../shared/customer-reference.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { RouteMap } from './components/RouteMap.tsx';
import { VisitStandards } from './components/VisitStandards.tsx';
import { hasUnclassifiedStores, planItemState, planStateColours } from './month-plan.ts';
import { VisitForm } from './VisitForm.tsx';
import {
  dropPlanItem,
  generatePlan,
  type PlanItem,
  type ReportRow,
  type RouteStop,
  usePlan,
  useReport,
  useRoute,
  useVisits,
  useVisitsMutation,
  type VisitSummary,
} from './visits.api.ts';

const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

// 走访: today's route and the visit form (phone-first), the month's plan, the records, and the
// completion report. The tab is in the URL (?tab=).
export function VisitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const user = useSignedInUser();
  // A manager's day starts on their route; everyone else oversees the plans.
  const tab = params.get('tab') ?? (user.role === 'manager' ? 'today' : 'plan');
  return (
    <PageContainer title={t('visits.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'today', label: t('visits.tabs.today'), children: <TodayRoute /> },
          { key: 'plan', label: t('visits.tabs.plan'), children: <MonthPlan /> },
          { key: 'records', label: t('visits.tabs.records'), children: <VisitRecords /> },
          { key: 'report', label: t('visits.tabs.report'), children: <CompletionReport /> },
          { key: 'standards', label: t('visits.tabs.standards'), children: <VisitStandards /> },
        ]}
      />
    </PageContainer>
  );
}

function TodayRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const isManager = user.role === 'manager';
  const canVisit = useCan()('POST /api/v1/visits');
  const today = beijingToday();
  // Others look at a manager's route: they pick the manager (the server answers for one manager).
  const [managerId, setManagerId] = useState<number | undefined>();
  const route = useRoute(today, isManager ? undefined : managerId, isManager || managerId !== undefined);
  const [visiting, setVisiting] = useState<RouteStop | null>(null);
  const [view, setView] = useState<'list' | 'map'>('list');
  const stops = route.data?.stops ?? [];
  const picker = isManager ? null : <ManagerPicker value={managerId} onChange={setManagerId} />;
  if (!isManager && managerId === undefined) {
    return (
      <Flex vertical gap={12} style={{ maxWidth: 560 }}>
        {picker}
        <Empty description={t('visits.route.managersOnly')} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      {picker}
      <Flex gap={12} wrap>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic title={t('visits.route.kmBefore')} value={route.data?.kmBefore ?? 0} precision={1} suffix="km" />
        </Card>
        <Card size="small" style={{ flex: 1 }}>
          <Statistic title={t('visits.route.kmAfter')} value={route.data?.kmAfter ?? 0} precision={1} suffix="km" />
        </Card>
      </Flex>
      {route.data && route.data.stops.length > 0 ? (
        <Segmented
          value={view}
          onChange={(value) => setView(value as 'list' | 'map')}
          options={[
            { value: 'list', label: t('visits.route.list') },
            { value: 'map', label: t('visits.route.map') },
          ]}
        />
      ) : null}
      {view === 'map' && route.data ? <RouteMap route={route.data} /> : null}
      <List
        loading={route.isLoading}
        bordered
        locale={{ emptyText: t('visits.route.empty') }}
        dataSource={stops}
        renderItem={(stop) => (
          <List.Item
            data-testid="route-stop"
            actions={[
              // Only on one's own route (a manager's): someone looking at another's records nothing.
              stop.status === 'planned' && isManager && canVisit ? (
                <Button data-action="POST /api/v1/visits" key="go" type="primary" onClick={() => setVisiting(stop)}>
                  {t('visits.route.start')}
                </Button>
              ) : (
                <Tag key="done" color="green">
                  {t(`visits.status.${stop.status}`)}
                </Tag>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${stop.sequence}. ${stop.customerName}`}
              description={
                <>
                  {stop.address}
                  {stop.legKm !== null && stop.sequence > 1
                    ? ` · ${t('visits.route.leg', { km: stop.legKm.toFixed(1) })}`
                    : ''}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Drawer
        open={visiting !== null}
        onClose={() => setVisiting(null)}
        placement="bottom"
        height="100%"
        destroyOnHidden
        title={t('visits.form.title')}
      >
        {visiting ? (
          <VisitForm
            customerId={visiting.customerId}
            customerName={visiting.customerName}
            planItemId={visiting.planItemId}
            onDone={() => setVisiting(null)}
          />
        ) : null}
      </Drawer>
    </Flex>
  );
}

// Staff other than managers pick whose route or plan to look at.
function ManagerPicker({ value, onChange }: { value: number | undefined; onChange: (id: number | undefined) => void }) {
  const { t } = useTranslation();
  const reference = useCustomerReference();
  return (
    <Select
      showSearch
      allowClear
      style={{ width: 360, maxWidth: '100%' }}
      placeholder={t('visits.route.pickManager')}
      aria-label={t('visits.route.pickManager')}
      loading={reference.isLoading}
      value={value}
      onChange={(id: number | undefined) => onChange(id)}
      optionFilterProp="label"
      options={(reference.data?.managers ?? []).map((manager) => ({
        value: manager.id,
        label: `${manager.name}（${manager.username}）`,
      }))}
    />
  );
}

function MonthPlan() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const can = useCan();
  const isManager = useSignedInUser().role === 'manager';
  const today = beijingToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  // A manager's own plan; other staff pick the manager (generating still covers everyone in scope).
  const [managerId, setManagerId] = useState<number | undefined>();
  const choosing = !isManager && managerId === undefined;
  const plan = usePlan(month, isManager ? undefined : managerId, !choosing);
  const generate = useVisitsMutation(generatePlan);
  const drop = useVisitsMutation(dropPlanItem);
  const items = plan.data?.items ?? [];
  const byDay = new Map<string, PlanItem[]>();
  for (const item of items) byDay.set(item.date, [...(byDay.get(item.date) ?? []), item]);
  const done = items.filter((item) => item.status === 'done').length;
  const active = items.filter((item) => item.status !== 'dropped').length;
  const canGenerate = can('POST /api/v1/visits/plans/generate');
  // A plan lists only stores in the caller's scope (a manager's own): the row needs no check of its own.
  const canDrop = can('POST /api/v1/visits/plan/items/:id/drop');

  const askDrop = (item: PlanItem) => {
    let reason = '';
    modal.confirm({
      title: t('visits.plan.dropTitle', { name: item.customerName }),
      content: <Input placeholder={t('visits.plan.reason')} onChange={(event) => (reason = event.target.value)} />,
      onOk: async () => {
        try {
          await drop.mutateAsync({ id: item.id, reason: reason || t('visits.plan.noReason') });
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input type="month" value={month} onChange={(event) => setMonth(event.target.value)} style={{ width: 160 }} />
        {isManager ? null : <ManagerPicker value={managerId} onChange={setManagerId} />}
        {canGenerate ? (
          <Button
            data-action="POST /api/v1/visits/plans/generate"
            icon={<ThunderboltOutlined />}
            loading={generate.isPending}
            onClick={async () => {
              const run = async (replace: boolean) => {
                try {
                  const result = await generate.mutateAsync({ month, managerId, replace });
                  message.success(t('visits.plan.generated', { count: result.items }));
                } catch (error) {
                  message.error(describeError(error, t));
                }
              };
              // Everyone's plan at once: planned visits are replaced, done and dropped ones stay.
              if (choosing)
                modal.confirm({ title: t('visits.plan.generateAllConfirm', { month }), onOk: () => run(true) });
              else await run(items.length > 0);
            }}
          >
            {choosing
              ? t('visits.plan.generateAll')
              : items.length > 0
                ? t('visits.plan.regenerate')
                : t('visits.plan.generate')}
          </Button>
        ) : null}
        {choosing ? null : (
          <Typography.Text data-testid="plan-completion">
            {t('visits.plan.completion', { done, planned: active })}
          </Typography.Text>
        )}
      </Flex>
      {choosing ? <Empty description={t('visits.plan.pickManager')} /> : null}
      {hasUnclassifiedStores(items) ? (
        <Typography.Text type="secondary">{t('visits.plan.unclassifiedNote')}</Typography.Text>
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 8 }}>
        {(plan.data?.workingDays ?? []).map((day) => {
          const dayItems = byDay.get(day) ?? [];
          return (
            <Card key={day} size="small" title={format.day(day)} data-testid="plan-day">
              {dayItems.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
              {dayItems.slice(0, 8).map((item) => {
                const state = planItemState(item, today);
                return (
                  <Flex key={item.id} justify="space-between" gap={4}>
                    <Typography.Text delete={state === 'dropped'} ellipsis style={{ maxWidth: 120 }}>
                      {item.customerName}
                    </Typography.Text>
                    {state === 'planned' && canDrop ? (
                      <Button
                        data-action="POST /api/v1/visits/plan/items/:id/drop"
                        size="small"
                        type="link"
                        onClick={() => askDrop(item)}
                      >
                        {t('visits.plan.drop')}
                      </Button>
                    ) : (
                      <Tag color={planStateColours[state]}>{t(`visits.status.${state}`)}</Tag>
                    )}
                  </Flex>
                );
              })}
              {dayItems.length > 8 ? (
                <Typography.Text type="secondary">
                  {t('visits.plan.more', { count: dayItems.length - 8 })}
                </Typography.Text>
              ) : null}
            </Card>
          );
        })}
      </div>
    </Flex>
  );
}

function VisitRecords() {
  const { t } = useTranslation();
  const format = useFormat();
  // The server keeps a manager to correcting their own visits; the list shows no one else's.
  const canCorrect = useCan()('POST /api/v1/visits/:id/corrections');
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const visits = useVisits(month);
  const [correcting, setCorrecting] = useState<VisitSummary | null>(null);
  const columns: TableColumnsType<VisitSummary> = [
    {
      title: t('visits.records.store'),
      dataIndex: 'customerName',
      render: (name: string, visit) => <Link to={`/customers/${visit.customerId}?tab=visits`}>{name}</Link>,
    },
    { title: t('visits.records.manager'), dataIndex: 'managerName', responsive: ['md'] },
    { title: t('visits.records.checkIn'), dataIndex: 'checkInAt', render: (value: string) => format.dateTime(value) },
    {
      title: t('visits.records.minutes'),
      dataIndex: 'durationSeconds',
      render: (value: number) => format.number(Math.round(value / 60)),
    },
    { title: t('visits.records.imageScore'), dataIndex: 'imageScore' },
    {
      title: t('visits.records.flags'),
      key: 'flags',
      render: (_, visit) => (
        <>
          {visit.correctsVisitId ? (
            <Tag color="blue">{t('visits.records.correction', { id: visit.correctsVisitId })}</Tag>
          ) : null}
          {visit.isSuperseded ? <Tag>{t('visits.records.superseded')}</Tag> : null}
          {visit.flags.map((flag) => (
            <Tag key={flag} color="orange">
              {t(`visits.flags.${flag}`)}
            </Tag>
          ))}
        </>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, visit) =>
        canCorrect && !visit.isSuperseded ? (
          <Button data-action="POST /api/v1/visits/:id/corrections" size="small" onClick={() => setCorrecting(visit)}>
            {t('visits.records.correct')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Input type="month" value={month} onChange={(event) => setMonth(event.target.value)} style={{ width: 160 }} />
      <Table
        rowKey="id"
        size="small"
        loading={visits.isLoading}
        dataSource={visits.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
      />
      <Drawer
        open={correcting !== null}
        onClose={() => setCorrecting(null)}
        placement="bottom"
        height="100%"
        destroyOnHidden
        title={t('visits.records.correct')}
      >
        {correcting ? (
          <VisitForm
            customerId={correcting.customerId}
            customerName={correcting.customerName}
            correcting={correcting.id}
            onDone={() => setCorrecting(null)}
          />
        ) : null}
      </Drawer>
    </Flex>
  );
}

function CompletionReport() {
  const { t } = useTranslation();
  const format = useFormat();
  const [month, setMonth] = useState(beijingToday().slice(0, 7));
  const [groupBy, setGroupBy] = useState<'manager' | 'branch' | 'class'>('manager');
  const report = useReport(month, groupBy);
  const percent = (value: number | null) =>
    value === null ? '—' : format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const columns: TableColumnsType<ReportRow> = [
    {
      title: t(`visits.report.group.${groupBy}`),
      dataIndex: 'label',
      render: (label: string) =>
        groupBy === 'class' ? t(`visits.classes.${label}` as 'visits.classes.ordinary') : label,
    },
    { title: t('visits.report.stores'), dataIndex: 'stores', render: (value: number) => format.number(value) },
    { title: t('visits.report.planned'), dataIndex: 'planned', render: (value: number) => format.number(value) },
    { title: t('visits.report.done'), dataIndex: 'done', render: (value: number) => format.number(value) },
    { title: t('visits.report.completion'), dataIndex: 'completionRate', render: percent },
    { title: t('visits.report.coverage'), dataIndex: 'coverageRate', render: percent },
    { title: t('visits.report.flagged'), dataIndex: 'flagged', render: (value: number) => format.number(value) },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <Input type="month" value={month} onChange={(event) => setMonth(event.target.value)} style={{ width: 160 }} />
        <Segmented
          value={groupBy}
          onChange={(value) => setGroupBy(value as typeof groupBy)}
          options={(['manager', 'branch', 'class'] as const).map((key) => ({
            value: key,
            label: t(`visits.report.group.${key}`),
          }))}
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/visits/report/export', { month, groupBy })}>
          {t('visits.report.export')}
        </Button>
      </Flex>
      <Table
        rowKey="key"
        size="small"
        loading={report.isLoading}
        dataSource={report.data?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 50 }}
        scroll={{ x: true }}
      />
    </Flex>
  );
}
