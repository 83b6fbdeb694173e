import { ApartmentOutlined, BankOutlined, ClusterOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type Key, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageError } from '../../shared/FullPageStatus.tsx';
import { buildOrgTree, type OrgUnitNode, parentIds } from '../../shared/org-tree.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { type OrgUnitEdit, OrgUnitFormModal } from './components/OrgUnitFormModal.tsx';
import { type OrgUnitKind, useOrgUnits } from './org-units.api.ts';

const kindAppearance: Record<OrgUnitKind, { color: string; icon: ReactNode }> = {
  city: { color: 'red', icon: <BankOutlined /> },
  branch: { color: 'blue', icon: <ClusterOutlined /> },
  department: { color: 'default', icon: <ApartmentOutlined /> },
};

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(orgUnits.data ?? []), [orgUnits.data]);
  const allParentIds = useMemo(() => parentIds(tree), [tree]);
  const [expandedKeys, setExpandedKeys] = useState<readonly Key[] | null>(null);
  const [edit, setEdit] = useState<OrgUnitEdit | null>(null);

  // Everything open at first; the tree of a city company is small.
  useEffect(() => {
    if (expandedKeys === null && allParentIds.length > 0) setExpandedKeys(allParentIds);
  }, [allParentIds, expandedKeys]);

  if (orgUnits.error) return <FullPageError error={orgUnits.error} onRetry={() => void orgUnits.refetch()} />;

  const columns: TableColumnsType<OrgUnitNode> = [
    {
      title: t('orgUnits.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Space size={8}>
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{kindAppearance[unit.kind].icon}</span>
          <Typography.Text strong={unit.kind !== 'department'}>{name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('orgUnits.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: OrgUnitKind) => <Tag color={kindAppearance[kind].color}>{t(`orgUnits.kinds.${kind}`)}</Tag>,
    },
    {
      title: t('orgUnits.code'),
      dataIndex: 'code',
      width: 180,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_value, unit) => (
        <Space size={4}>
          <Button
            data-action="POST /api/v1/org-units"
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEdit({ mode: 'create', parent: unit })}
          >
            {t('orgUnits.createChild')}
          </Button>
          <Button
            data-action="PATCH /api/v1/org-units/:id"
            type="link"
            size="small"
            onClick={() => setEdit({ mode: 'edit', unit })}
          >
            {t('common.edit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('orgUnits.title')}
      extra={
        <>
          <Button onClick={() => setExpandedKeys(allParentIds)}>{t('orgUnits.expandAll')}</Button>
          <Button onClick={() => setExpandedKeys([])}>{t('orgUnits.collapseAll')}</Button>
        </>
      }
    >
      <Card>
        <Table<OrgUnitNode>
          rowKey="id"
          scroll={{ x: 760 }}
          columns={columns}
          dataSource={tree}
          loading={orgUnits.isPending}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys ?? [],
            onExpandedRowsChange: (keys) => setExpandedKeys(keys),
            indentSize: 24,
          }}
          locale={{ emptyText: <Empty description={t('orgUnits.empty')} /> }}
        />
      </Card>
      <OrgUnitFormModal
        edit={edit}
        onClose={() => setEdit(null)}
        // Open the parent so the new unit is visible straight away.
        onCreated={(unit) =>
          unit.parentId !== null && setExpandedKeys((keys) => [...(keys ?? []), unit.parentId as number])
        }
      />
    </PageContainer>
  );
}
