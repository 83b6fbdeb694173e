import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type CreditModel, createModel, type ModelStatus, useCreditModels, useCreditMutation } from './credit.api.ts';

export const modelStatusColours: Record<ModelStatus, string> = {
  draft: 'gold',
  approved: 'green',
  retired: 'default',
};

// 信用模型: the versions, newest first. A new version starts as a copy of the newest (approved) one
// and is edited as a draft until approved; an approved version never changes.
export function CreditModelsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const models = useCreditModels();
  const create = useCreditMutation((from: CreditModel) =>
    createModel({ name: from.name, definition: from.definition }),
  );
  const items = [...(models.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const newest = items.find((model) => model.status === 'approved') ?? items[0];

  const copy = async (from: CreditModel) => {
    const created = await create.mutateAsync(from).catch(() => null);
    if (!created) return;
    message.success(t('credit.models.created'));
    navigate(`/credit/models/${created.id}`);
  };

  return (
    <PageContainer
      title={t('credit.models.title')}
      extra={
        newest ? (
          <ActionButton
            action="POST /api/v1/credit/models"
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => void copy(newest)}
          >
            {t('credit.models.create')}
          </ActionButton>
        ) : null
      }
    >
      {models.error ? <Alert type="error" showIcon title={describeError(models.error, t)} /> : null}
      {create.error ? <Alert type="error" showIcon title={describeError(create.error, t)} /> : null}
      <Table<CreditModel>
        rowKey="id"
        loading={models.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('credit.models.empty') }}
        columns={[
          {
            title: t('credit.models.version'),
            dataIndex: 'version',
            width: 110,
            render: (version: number) => t('credit.models.versionValue', { version }),
          },
          {
            title: t('credit.models.name'),
            dataIndex: 'name',
            render: (name: string, model) => <Link to={`/credit/models/${model.id}`}>{name}</Link>,
          },
          {
            title: t('credit.models.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: ModelStatus) => (
              <Tag color={modelStatusColours[status]}>{t(`credit.modelStatuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('credit.models.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (value: string) => format.dateTime(value),
          },
          {
            title: t('credit.models.approvedAt'),
            dataIndex: 'approvedAt',
            width: 170,
            render: (value: string | null) => format.dateTime(value),
          },
        ]}
      />
    </PageContainer>
  );
}
