import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { buildOrgTree, toTreeSelectData } from '../../shared/org-tree.ts';
import { useOrgUnits } from '../../shared/org-units.api.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { roles, staffRoles } from '../../shared/roles.ts';
import { useUrlParams } from '../../shared/url-view.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { ResetPasswordModal } from './components/ResetPasswordModal.tsx';
import { UserFormModal } from './components/UserFormModal.tsx';
import { revokeUserSessions, type UserListRow, type UserRow, usersQueryKey, useUsers } from './users.api.ts';

const pageSizes = [10, 20, 50, 100];

const roleColors: Record<string, string> = {
  admin: 'red',
  marketing: 'gold',
  service: 'cyan',
  inspector: 'purple',
  manager: 'blue',
  retailer: 'default',
};

// Filters and paging live in the URL, so a reload or the back button keeps the view.
function useListState() {
  const { params, set: update } = useUrlParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = pageSizes.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const roleParam = params.get('role');
  const role = roles.find((value) => value === roleParam);
  const orgUnitId = params.get('orgUnitId') ? Number(params.get('orgUnitId')) : undefined;
  const q = params.get('q') ?? '';
  return { page, pageSize, role, orgUnitId, q, update };
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const format = useFormat();
  const list = useListState();
  const [searchText, setSearchText] = useState(list.q);
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const users = useUsers({
    q: list.q || undefined,
    role: list.role,
    orgUnitId: list.orgUnitId,
    limit: list.pageSize,
    offset: (list.page - 1) * list.pageSize,
  });
  const orgUnits = useOrgUnits();
  const orgTree = useMemo(() => toTreeSelectData(buildOrgTree(orgUnits.data ?? [])), [orgUnits.data]);
  const orgUnitNames = useMemo(
    () => new Map((orgUnits.data ?? []).map((unit) => [unit.id, unit.name])),
    [orgUnits.data],
  );

  const revoke = useMutation({
    mutationFn: (user: UserRow) => revokeUserSessions(user.id),
    onSuccess: () => {
      message.success(t('users.sessionsRevoked'));
      // The row no longer has a session to end: its 强制下线 goes.
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
    onError: (error) => message.error(describeError(error, t)),
  });

  const confirmRevoke = (user: UserRow) =>
    modal.confirm({
      title: t('users.revokeSessions'),
      content: t('users.revokeSessionsConfirm', { name: user.displayName }),
      okButtonProps: { danger: true },
      onOk: () => revoke.mutateAsync(user),
    });

  const scopeLabel = (user: UserRow) => {
    if (user.scope.kind === 'own') return t('users.scopeOwn');
    if (user.scope.kind === 'customer') return t('home.scopeCustomer');
    const unitId = user.scope.orgUnitId ?? user.orgUnitId;
    return (unitId ? orgUnitNames.get(unitId) : undefined) ?? user.orgUnitName ?? '—';
  };

  const columns: TableColumnsType<UserListRow> = [
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      render: (_value, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.username}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 130,
      render: (role: UserRow['role']) => <Tag color={roleColors[role]}>{t(`roles.${role}`)}</Tag>,
    },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName', render: (name: string | null) => name ?? '—' },
    { title: t('users.scope'), key: 'scope', render: (_value, user) => scopeLabel(user) },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (disabled: boolean) =>
        disabled ? (
          <Badge status="default" text={t('users.disabled')} />
        ) : (
          <Badge status="success" text={t('users.enabled')} />
        ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (value: string | null) =>
        value ? format.dateTime(value) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_value, user) => (
        <Space size={4} wrap>
          <Button data-action="PATCH /api/v1/users/:id" type="link" size="small" onClick={() => setEditing({ user })}>
            {t('common.edit')}
          </Button>
          <Button
            data-action="POST /api/v1/users/:id/password"
            type="link"
            size="small"
            onClick={() => setResetting(user)}
          >
            {t('users.resetPassword')}
          </Button>
          {user.hasActiveSession ? (
            <Button
              data-action="POST /api/v1/users/:id/revoke-sessions"
              type="link"
              size="small"
              danger
              onClick={() => confirmRevoke(user)}
            >
              {t('users.revokeSessions')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Button
          data-action="POST /api/v1/users"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ user: null })}
        >
          {t('users.create')}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => list.update({ q: value.trim(), page: undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t('users.filterRole')}
            value={list.role}
            onChange={(value) => list.update({ role: value, page: undefined })}
            options={staffRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            style={{ width: 160 }}
          />
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('users.filterOrgUnit')}
            value={list.orgUnitId}
            onChange={(value: number | undefined) => list.update({ orgUnitId: value, page: undefined })}
            treeData={orgTree}
            treeDefaultExpandAll
            style={{ width: 240 }}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void users.refetch()} aria-label={t('common.refresh')} />
        </Flex>
        {users.error ? (
          <Typography.Text type="danger" style={{ display: 'block', marginBottom: 12 }}>
            {describeError(users.error, t)}
          </Typography.Text>
        ) : null}
        <Table<UserListRow>
          rowKey="id"
          size="middle"
          scroll={{ x: 980 }}
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          rowClassName={(user) => (user.disabled ? 'kewo-row-muted' : '')}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: users.data?.total ?? 0,
            pageSizeOptions: pageSizes,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total: format.number(total) }),
            onChange: (page, pageSize) =>
              list.update({ page: page === 1 ? undefined : page, pageSize: pageSize === 20 ? undefined : pageSize }),
          }}
        />
      </Card>
      <UserFormModal
        user={editing?.user ?? null}
        isOpen={editing !== null}
        orgTree={orgTree}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
