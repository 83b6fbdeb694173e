import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api-client.ts';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { designateTrainer, type Trainer, useTrainers, useTrainingMutation } from './training.api.ts';

type StoreHit = { id: number; licenceNo: string; name: string; branchName: string | null };

// 信息服务 › 内训师: the stores of the caller's scope designated as in-house trainers — their topics,
// the sessions they led, the hours and the ratings those sessions got; the organisers designate a
// store, edit its topics, withdraw or reinstate it.
export function TrainersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const trainers = useTrainers();
  const can = useCan();
  const mayDesignate = can('PUT /api/v1/trainings/trainers/:customerId');
  const [editing, setEditing] = useState<Trainer | 'new' | null>(null);
  const { message } = App.useApp();
  const save = useTrainingMutation(designateTrainer);

  const setActive = async (trainer: Trainer, active: boolean) => {
    try {
      await save.mutateAsync({ customerId: trainer.customerId, input: { topics: trainer.topics, active } });
      message.success(t('training.trainers.saved'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <PageContainer
      title={t('training.trainers.title')}
      extra={
        <ActionButton
          action="PUT /api/v1/trainings/trainers/:customerId"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
        >
          {t('training.trainers.designate')}
        </ActionButton>
      }
    >
      {trainers.error ? <Alert type="error" showIcon title={describeError(trainers.error, t)} /> : null}
      <Table<Trainer>
        rowKey="customerId"
        size="middle"
        loading={trainers.isFetching}
        dataSource={trainers.data?.items ?? []}
        locale={{ emptyText: t('training.trainers.empty') }}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('training.trainers.columns.store'),
            key: 'store',
            width: 240,
            render: (_, row) => (
              <Link to={`/customers/${row.customerId}`}>
                {row.customerName}
                <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                  {row.licenceNo}
                </Typography.Text>
              </Link>
            ),
          },
          { title: t('training.trainers.columns.branch'), dataIndex: 'branchName', width: 120 },
          {
            title: t('training.trainers.columns.topics'),
            dataIndex: 'topics',
            width: 240,
            render: (topics: string[]) => topics.map((topic) => <Tag key={topic}>{topic}</Tag>),
          },
          {
            title: t('training.trainers.columns.sessions'),
            dataIndex: 'sessionsLed',
            width: 100,
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.trainers.columns.hours'),
            dataIndex: 'hours',
            width: 100,
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.trainers.columns.rating'),
            key: 'rating',
            width: 130,
            align: 'right',
            render: (_, row) =>
              row.ratingAverage === null ? '—' : `${format.number(row.ratingAverage)}（${format.number(row.ratings)}）`,
          },
          {
            title: t('training.trainers.columns.since'),
            dataIndex: 'designatedAt',
            width: 120,
            render: (value: string) => format.date(value),
          },
          {
            title: t('training.trainers.columns.status'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean) =>
              active ? (
                <Tag color="green">{t('training.trainers.active')}</Tag>
              ) : (
                <Tag>{t('training.trainers.inactive')}</Tag>
              ),
          },
          ...(mayDesignate
            ? [
                {
                  title: t('training.trainers.columns.actions'),
                  key: 'actions',
                  width: 160,
                  render: (_: unknown, row: Trainer) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing(row)}>
                        {t('training.trainers.edit')}
                      </Button>
                      <Button size="small" type="link" onClick={() => void setActive(row, !row.active)}>
                        {row.active ? t('training.trainers.withdraw') : t('training.trainers.reinstate')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <TrainerDialog trainer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}

type Values = { customerId?: number; topics?: string[]; active?: boolean };

function TrainerDialog({ trainer, onClose }: { trainer: Trainer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const save = useTrainingMutation(designateTrainer);
  const stores = useQuery({
    queryKey: ['trainings', 'store-search', q],
    queryFn: ({ signal }) => api.get<{ items: StoreHit[] }>('/customers', { q, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await save.mutateAsync({
        customerId: trainer?.customerId ?? values.customerId ?? 0,
        input: { topics: values.topics ?? [], active: values.active ?? true },
      });
      message.success(t('training.trainers.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={trainer ? trainer.customerName : t('training.trainers.designate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ topics: trainer?.topics ?? [], active: trainer?.active ?? true }}
        onFinish={submit}
      >
        {trainer ? null : (
          <Form.Item
            name="customerId"
            label={t('training.trainers.store')}
            rules={[
              { required: true, message: t('training.editor.required', { field: t('training.trainers.store') }) },
            ]}
          >
            <Select<number>
              showSearch
              filterOption={false}
              onSearch={setQ}
              placeholder={t('training.trainers.storeSearch')}
              options={(stores.data?.items ?? []).map((store) => ({
                value: store.id,
                label: `${store.name} · ${store.licenceNo}${store.branchName ? ` · ${store.branchName}` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="topics" label={t('training.trainers.topics')} extra={t('training.trainers.topicsHelp')}>
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
        <Form.Item name="active" label={t('training.trainers.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
