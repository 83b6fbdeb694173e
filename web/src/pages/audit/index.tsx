import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuditLabels } from '../../shared/audit-labels.ts';
import { useSignedInUser } from '../../shared/auth/SignedInUser.tsx';
import { CursorPager, useCursorPaging } from '../../shared/CursorPager.tsx';
import { describeError } from '../../shared/error-message.ts';
import { auditLabelMessages } from '../../shared/i18n/audit-labels.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type AuditEntry, type AuditFilters, useAuditLog } from './audit.api.ts';
import { periodToRange } from './audit-period.ts';
import { ActorSelect } from './components/ActorSelect.tsx';
import { AuditDiff } from './components/AuditDiff.tsx';

// The filters offer every entity type and action the server's audit catalogues declare.
const { audit: labels } = auditLabelMessages['zh-CN'];
const knownEntities = Object.keys(labels.entities) as (keyof typeof labels.entities)[];
const knownActions = Object.keys(labels.actions) as (keyof typeof labels.actions)[];

const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  edit: 'blue',
  delete: 'red',
  sign_in: 'cyan',
  sign_out: 'default',
  change_password: 'purple',
  reset_password: 'purple',
  revoke: 'orange',
  revoke_sessions: 'orange',
  publish: 'geekblue',
  approve: 'geekblue',
  seed_demo: 'gold',
};

// Objects with a page of their own open it.
const objectPaths: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
  ticket: (id) => `/tickets/${id}`,
  order_cycle: (id) => `/supply/cycles/${id}`,
};

type FilterForm = {
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
};

function toFilters(values: FilterForm): AuditFilters {
  const [start, end] = values.period ?? [];
  return {
    entity: values.entity?.trim() || undefined,
    entityId: values.entityId?.trim() || undefined,
    actorId: values.actorId,
    action: values.action?.trim() || undefined,
    ...periodToRange(start?.format('YYYY-MM-DD'), end?.format('YYYY-MM-DD')),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canPickActor = useSignedInUser().role === 'admin';
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [limit, setLimit] = useState(20);
  // Other filters or another page size start again at page 1.
  const paging = useCursorPaging<number>(JSON.stringify([filters, limit]));
  const audit = useAuditLog(filters, limit, paging.cursor);
  const nextCursor = audit.data?.nextCursor ?? null;

  const label = useAuditLabels();

  const applyFilters = (values: FilterForm) => {
    setFilters(toFilters(values));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => format.dateTimeSeconds(at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string, entry) =>
        entry.actorId === null ? (
          <Typography.Text type="secondary">{label.actor(name, null)}</Typography.Text>
        ) : (
          name || `#${entry.actorId}`
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => <Tag color={actionColors[action] ?? 'default'}>{label.action(action)}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 140, render: (entity: string) => label.entity(entity) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (entityId: string, entry) => {
        const id = label.objectId(entityId);
        // A change to a whole set (the SLA policies, the demo's seeded stores) names no one object.
        if (id === null) return '—';
        const path = objectPaths[entry.entity];
        return (
          <Typography.Text code copyable={{ text: id }}>
            {path ? <Link to={path(id)}>{id}</Link> : id}
          </Typography.Text>
        );
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 150, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <PageContainer title={t('audit.title')}>
      <Card>
        <Form<FilterForm> form={form} layout="inline" onFinish={applyFilters} style={{ rowGap: 12, marginBottom: 16 }}>
          <Form.Item name="entity">
            <AutoComplete
              allowClear
              placeholder={t('audit.entity')}
              options={knownEntities.map((entity) => ({
                value: entity,
                label: `${label.entity(entity)}（${entity}）`,
              }))}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="entityId">
            <Input allowClear placeholder={t('audit.entityId')} style={{ width: 140 }} />
          </Form.Item>
          {/* The people directory (GET /users) is the administrator's; inspectors filter by the rest. */}
          {canPickActor && (
            <Form.Item name="actorId">
              <ActorSelect />
            </Form.Item>
          )}
          <Form.Item name="action">
            <Select
              allowClear
              placeholder={t('audit.action')}
              showSearch={{ optionFilterProp: 'label' }}
              options={knownActions.map((action) => ({ value: action, label: label.action(action) }))}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="period">
            <DatePicker.RangePicker placeholder={[t('audit.startDate'), t('audit.endDate')]} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  applyFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
              <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void audit.refetch()} />
            </Flex>
          </Form.Item>
        </Form>
        {audit.error ? (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>
            {describeError(audit.error, t)}
          </Typography.Text>
        ) : null}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          scroll={{ x: 980 }}
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          pagination={false}
          expandable={{
            expandedRowRender: (entry) => <AuditDiff entry={entry} />,
            // Sign-ins and the like record no before/after: nothing to open.
            rowExpandable: (entry) => entry.before != null || entry.after != null,
          }}
        />
        <CursorPager paging={paging} nextCursor={nextCursor} isWaiting={audit.isPlaceholderData}>
          <Select
            value={limit}
            onChange={setLimit}
            options={[20, 50, 100].map((value) => ({ value, label: `${value} / ${t('common.page')}` }))}
            style={{ width: 110 }}
          />
        </CursorPager>
      </Card>
    </PageContainer>
  );
}
