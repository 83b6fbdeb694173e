import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, InputNumber, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { type Category, useCategories, useSaveCategory } from './information.api.ts';

type Row = { id?: number; name: string; position: number; archived: boolean; articles: number };

// 信息服务 › 资讯栏目: the city's categories (营销信息, 行业政策, 新品介绍, 真假识别, 陈列指导 to begin
// with) — renamed, reordered, archived or added by city-wide marketing.
export function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const categories = useCategories();
  const save = useSaveCategory();
  const [edits, setEdits] = useState<Record<string, Row>>({});
  const [adding, setAdding] = useState<Row | null>(null);
  const editable = can('PUT /api/v1/article-categories/:id');

  const rows: Row[] = [...(categories.data?.items ?? []).map((category: Category) => edits[category.id] ?? category)];
  if (adding) rows.push(adding);
  const change = (row: Row, patch: Partial<Row>) =>
    row.id === undefined ? setAdding({ ...row, ...patch }) : setEdits({ ...edits, [row.id]: { ...row, ...patch } });
  const submit = async (row: Row) => {
    try {
      await save.mutateAsync({
        id: row.id,
        input: { name: row.name.trim(), position: row.position, archived: row.archived },
      });
      if (row.id === undefined) setAdding(null);
      else setEdits(Object.fromEntries(Object.entries(edits).filter(([key]) => key !== String(row.id))));
      message.success(t('information.categories.saved'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <PageContainer
      title={t('information.categories.title')}
      extra={
        <ActionButton
          action="POST /api/v1/article-categories"
          icon={<PlusOutlined />}
          disabled={adding !== null}
          onClick={() => setAdding({ name: '', position: 50, archived: false, articles: 0 })}
        >
          {t('information.categories.add')}
        </ActionButton>
      }
    >
      {categories.error ? <Alert type="error" showIcon title={describeError(categories.error, t)} /> : null}
      <Table<Row>
        rowKey={(row) => row.id ?? 'new'}
        size="middle"
        loading={categories.isFetching}
        dataSource={rows}
        pagination={false}
        style={{ maxWidth: 760 }}
        columns={[
          {
            title: t('information.categories.name'),
            dataIndex: 'name',
            render: (name: string, row) =>
              editable ? (
                <Input
                  value={name}
                  maxLength={20}
                  aria-label={t('information.categories.name')}
                  onChange={(event) => change(row, { name: event.target.value })}
                />
              ) : (
                name
              ),
          },
          {
            title: t('information.categories.position'),
            dataIndex: 'position',
            width: 110,
            render: (position: number, row) =>
              editable ? (
                <InputNumber
                  min={0}
                  max={999}
                  value={position}
                  onChange={(value) => change(row, { position: value ?? 0 })}
                />
              ) : (
                position
              ),
          },
          {
            title: t('information.categories.archived'),
            dataIndex: 'archived',
            width: 90,
            render: (archived: boolean, row) => (
              <Switch
                size="small"
                checked={archived}
                disabled={!editable}
                onChange={(value) => change(row, { archived: value })}
              />
            ),
          },
          { title: t('information.categories.articles'), dataIndex: 'articles', width: 90, align: 'right' },
          {
            key: 'actions',
            width: 100,
            render: (_, row) =>
              editable && (row.id === undefined || edits[row.id]) ? (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    disabled={!row.name.trim()}
                    loading={save.isPending}
                    onClick={() => submit(row)}
                  >
                    {t('information.categories.save')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </PageContainer>
  );
}
