import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import {
  type AssignmentRule,
  addCategory,
  editCategory,
  saveAssignmentRules,
  type TicketCategory,
  useAssignmentRules,
  useTicketCategories,
} from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';

const groups = ['service', 'product', 'monopoly', 'other'] as const;
type Group = (typeof groups)[number];

// 客户抱怨库: the 4 groups and their items; the keepers add an item, rename it or disable it (a
// disabled item stays on old tickets and is no longer offered).
export function CategoryEditor() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const can = useCan();
  const canAdd = can('POST /api/v1/ticket-categories');
  const canEdit = can('PATCH /api/v1/ticket-categories/:code');
  const categories = useTicketCategories();
  const [renaming, setRenaming] = useState<{ code: string; name: string } | null>(null);
  const [newGroup, setNewGroup] = useState<Group>('service');
  const [newName, setNewName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ['ticket-categories'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-sla-policies'] });
      message.success(t('tickets.library.saved'));
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    }
  }

  const rows = [...(categories.data ?? [])].sort(
    (a, b) => groups.indexOf(a.groupCode) - groups.indexOf(b.groupCode) || a.position - b.position,
  );
  const hours = (minutes: number) => format.number(minutes / 60);
  return (
    <Card size="small" title={t('tickets.categories')}>
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      {canAdd ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('tickets.library.group')}
            value={newGroup}
            onChange={setNewGroup}
            options={groups.map((group) => ({ value: group, label: t(`tickets.groups.${group}`) }))}
            style={{ width: 110 }}
          />
          <Input
            aria-label={t('tickets.library.newName')}
            placeholder={t('tickets.library.newName')}
            value={newName}
            maxLength={40}
            onChange={(event) => setNewName(event.target.value)}
            style={{ width: 200 }}
          />
          <Button
            data-action="POST /api/v1/ticket-categories"
            icon={<PlusOutlined />}
            disabled={!newName.trim()}
            onClick={async () => {
              if (await run(() => addCategory({ groupCode: newGroup, name: newName.trim() }))) setNewName('');
            }}
          >
            {t('tickets.library.add')}
          </Button>
        </Space>
      ) : null}
      <Table<TicketCategory>
        rowKey="code"
        size="small"
        pagination={false}
        loading={categories.isPending}
        dataSource={rows}
        columns={[
          {
            title: t('tickets.library.group'),
            dataIndex: 'groupCode',
            width: 100,
            render: (group: Group) => <Tag>{t(`tickets.groups.${group}`)}</Tag>,
          },
          {
            title: t('tickets.library.name'),
            dataIndex: 'name',
            render: (name: string, row) =>
              renaming?.code === row.code ? (
                <Space>
                  <Input
                    size="small"
                    autoFocus
                    aria-label={t('tickets.library.rename')}
                    value={renaming.name}
                    maxLength={40}
                    onChange={(event) => setRenaming({ code: row.code, name: event.target.value })}
                    style={{ width: 180 }}
                  />
                  <Button
                    data-action="PATCH /api/v1/ticket-categories/:code"
                    size="small"
                    type="primary"
                    disabled={!renaming.name.trim()}
                    onClick={async () => {
                      if (await run(() => editCategory(row.code, { name: renaming.name.trim() }))) setRenaming(null);
                    }}
                  >
                    {t('tickets.library.ok')}
                  </Button>
                  <Button size="small" onClick={() => setRenaming(null)}>
                    {t('tickets.library.cancel')}
                  </Button>
                </Space>
              ) : (
                <Space>
                  <Typography.Text type={row.active ? undefined : 'secondary'}>{name}</Typography.Text>
                  {canEdit ? (
                    <Button
                      data-action="PATCH /api/v1/ticket-categories/:code"
                      size="small"
                      type="link"
                      onClick={() => setRenaming({ code: row.code, name })}
                    >
                      {t('tickets.library.rename')}
                    </Button>
                  ) : null}
                </Space>
              ),
          },
          {
            title: t('tickets.targets'),
            width: 220,
            render: (_, row) => `${hours(row.firstResponseMinutes)} / ${hours(row.resolutionMinutes)}`,
          },
          {
            title: t('tickets.library.active'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean, row) => (
              <Switch
                size="small"
                checked={active}
                disabled={!canEdit}
                data-action={canEdit ? 'PATCH /api/v1/ticket-categories/:code' : undefined}
                aria-label={`${row.name} ${t('tickets.library.active')}`}
                onChange={(value) => void run(() => editCategory(row.code, { active: value }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

type DraftRule = Omit<AssignmentRule, 'id' | 'position'> & { key: number };

// 分派规则: the first row that matches a new ticket's category (or its group; empty = any)
// decides who gets it — the store's customer manager, the service centre, or a named user.
export function AssignmentRulesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = useCan()('PUT /api/v1/ticket-assignment-rules');
  const rules = useAssignmentRules();
  const categories = useTicketCategories();
  const [draft, setDraft] = useState<DraftRule[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDraft((rules.data ?? []).map(({ id, position: _, ...rule }) => ({ key: id, ...rule })));
  }, [rules.data]);

  const matchOptions = [
    { value: '*', label: t('tickets.library.anyCategory') },
    ...groups.map((group) => ({
      label: t(`tickets.groups.${group}`),
      title: group,
      options: [
        { value: `group:${group}`, label: t('tickets.library.wholeGroup', { group: t(`tickets.groups.${group}`) }) },
        ...(categories.data ?? [])
          .filter((category) => category.groupCode === group)
          .map((category) => ({ value: `category:${category.code}`, label: category.name })),
      ],
    })),
  ];
  const matchOf = (rule: DraftRule) =>
    rule.categoryCode ? `category:${rule.categoryCode}` : rule.groupCode ? `group:${rule.groupCode}` : '*';
  const update = (key: number, changes: Partial<DraftRule>) =>
    setDraft((current) => current.map((rule) => (rule.key === key ? { ...rule, ...changes } : rule)));
  const move = (index: number, by: number) =>
    setDraft((current) => {
      const next = [...current];
      const [rule] = next.splice(index, 1);
      next.splice(index + by, 0, rule);
      return next;
    });
  const incomplete = draft.some((rule) => rule.target === 'user' && !rule.userId);

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await saveAssignmentRules(
        draft.map(({ key: _, ...rule }) => ({ ...rule, userId: rule.target === 'user' ? rule.userId : null })),
      );
      queryClient.setQueryData(['ticket-assignment-rules'], saved);
      message.success(t('tickets.library.saved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      title={t('tickets.assignmentRules')}
      style={{ marginTop: 16 }}
      extra={
        canEdit ? (
          <Space>
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setDraft((current) => [
                  ...current,
                  { key: -Date.now(), groupCode: null, categoryCode: null, target: 'service_centre', userId: null },
                ])
              }
            >
              {t('tickets.library.addRule')}
            </Button>
            <Button
              data-action="PUT /api/v1/ticket-assignment-rules"
              type="primary"
              loading={busy}
              disabled={incomplete}
              onClick={save}
            >
              {t('tickets.library.saveRules')}
            </Button>
          </Space>
        ) : null
      }
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Table<DraftRule>
        rowKey="key"
        size="small"
        pagination={false}
        loading={rules.isPending}
        dataSource={draft}
        columns={[
          { title: '#', width: 50, render: (_, __, index) => index + 1 },
          {
            title: t('tickets.columns.category'),
            render: (_, rule) => (
              <Select
                size="small"
                disabled={!canEdit}
                aria-label={t('tickets.columns.category')}
                value={matchOf(rule)}
                onChange={(value: string) => {
                  const [kind, code] = value.split(':');
                  const group =
                    kind === 'group'
                      ? (code as Group)
                      : kind === 'category'
                        ? (categories.data?.find((category) => category.code === code)?.groupCode ?? null)
                        : null;
                  update(rule.key, { groupCode: group, categoryCode: kind === 'category' ? code : null });
                }}
                options={matchOptions}
                virtual={false}
                style={{ width: 220 }}
              />
            ),
          },
          {
            title: t('tickets.columns.assignee'),
            render: (_, rule) => (
              <Space>
                <Select
                  size="small"
                  disabled={!canEdit}
                  aria-label={t('tickets.columns.assignee')}
                  value={rule.target}
                  onChange={(target) => update(rule.key, { target })}
                  options={(['customer_manager', 'service_centre', 'user'] as const).map((target) => ({
                    value: target,
                    label: t(`tickets.assignTo.${target}`),
                  }))}
                  style={{ width: 160 }}
                />
                {rule.target === 'user' ? (
                  <InputNumber
                    size="small"
                    min={1}
                    precision={0}
                    disabled={!canEdit}
                    placeholder={t('tickets.library.userId')}
                    aria-label={t('tickets.library.userId')}
                    value={rule.userId}
                    onChange={(userId) => update(rule.key, { userId })}
                    style={{ width: 120 }}
                  />
                ) : null}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 130,
                  render: (_: unknown, rule: DraftRule, index: number) => (
                    <Space size={0}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('tickets.library.up')}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('tickets.library.down')}
                        disabled={index === draft.length - 1}
                        onClick={() => move(index, 1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('tickets.library.remove')}
                        onClick={() => setDraft((current) => current.filter((other) => other.key !== rule.key))}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
