import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { TierEditor } from './components/TierEditor.tsx';
import { type Tier, type TierItem, useTiers } from './terminals.api.ts';

// 终端建设 › 等级标准: the benchmark tiers, highest first, each with its standard (检查项, pass mark,
// funding, fixtures, re-inspection interval). Everyone reads them; the marketing centre edits.
export function TiersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const tiers = useTiers();
  const [editing, setEditing] = useState<Tier | 'new' | null>(null);

  return (
    <PageContainer
      title={t('terminals.tiers.title')}
      extra={
        <ActionButton
          action="POST /api/v1/terminals/tiers"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
        >
          {t('terminals.tiers.new')}
        </ActionButton>
      }
    >
      {tiers.error ? <Alert type="error" showIcon title={describeError(tiers.error, t)} /> : null}
      {tiers.isPending ? <Skeleton active /> : null}
      <Flex vertical gap={16}>
        {(tiers.data?.items ?? []).map((tier) => (
          <Card
            key={tier.id}
            size="small"
            data-testid="tier-card"
            title={
              <Space>
                {tier.name}
                {tier.active ? null : <Tag>{t('terminals.tiers.inactive')}</Tag>}
              </Space>
            }
            extra={
              <ActionButton
                action="PUT /api/v1/terminals/tiers/:id"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(tier)}
              >
                {t('terminals.edit')}
              </ActionButton>
            }
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 5 }}>
              <Descriptions.Item label={t('terminals.tiers.rank')}>{format.number(tier.rank)}</Descriptions.Item>
              <Descriptions.Item label={t('terminals.tiers.passScore')}>
                {t('terminals.tiers.passOf', {
                  pass: format.number(tier.passScore),
                  max: format.number(tier.maxScore),
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('terminals.tiers.fundingYuan')}>
                {t('terminals.yuan', { amount: format.number(tier.fundingYuan) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('terminals.tiers.reinspectionMonths')}>
                {t('terminals.months', { count: tier.reinspectionMonths })}
              </Descriptions.Item>
              <Descriptions.Item label={t('terminals.tiers.fixtures')}>
                {tier.fixtures.length > 0 ? tier.fixtures.join('、') : '—'}
              </Descriptions.Item>
            </Descriptions>
            <Table<TierItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={tier.items}
              columns={[
                { title: t('terminals.tiers.itemName'), dataIndex: 'name' },
                {
                  title: t('terminals.tiers.category'),
                  dataIndex: 'category',
                  width: 120,
                  render: (value: TierItem['category']) => t(`terminals.categories.${value}`),
                },
                {
                  title: t('terminals.tiers.mandatory'),
                  dataIndex: 'mandatory',
                  width: 90,
                  render: (value: boolean) => (value ? <Tag color="red">{t('terminals.tiers.mandatory')}</Tag> : '—'),
                },
                {
                  title: t('terminals.tiers.maxScore'),
                  dataIndex: 'maxScore',
                  width: 90,
                  align: 'right',
                  render: (value: number) => (value > 0 ? format.number(value) : '—'),
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
      {editing ? <TierEditor tier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
