import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Card, Descriptions, Flex, Form, Image, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { formatScore } from '../../shared/credit-format.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { appealStatusColours, DueText } from './components/AppealDue.tsx';
import { DisputedItem } from './components/DisputedItem.tsx';
import { LevelTag } from './components/LevelTag.tsx';
import { SourceLink } from './components/SourceLink.tsx';
import { type Appeal, decideAppeal, useAppeal, useCreditMutation } from './credit.api.ts';

// A photo of an appeal, served by the credit module (the store's own upload).
export function appealPhotoUrl(appealId: number, photoId: number): string {
  return `/api/v1/credit/appeals/${appealId}/photos/${photoId}`;
}

// An appeal: the disputed item, the store's reason and photos, the deadline; an inspector or the
// administrator accepts (the fact is corrected and the store re-scored) or rejects it, with a note.
export function AppealDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const appeal = useAppeal(Number(id));
  if (appeal.error)
    return (
      <PageContainer title={t('credit.appeals.title')}>
        <Alert type="error" showIcon title={describeError(appeal.error, t)} />
      </PageContainer>
    );
  if (!appeal.data) return <Skeleton active />;
  return <AppealView appeal={appeal.data} />;
}

function AppealView({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const decide = useCreditMutation(decideAppeal);
  const photoIds = appeal.photoIds;
  const store = appeal.customerName;

  const submit = async (outcome: 'accepted' | 'rejected') => {
    const checked = await form.validateFields().catch(() => null);
    if (!checked) return;
    const { note } = checked;
    const done = await decide.mutateAsync({ id: appeal.id, outcome, note: note.trim() }).catch(() => null);
    if (done) message.success(t('credit.appeals.decided'));
  };

  return (
    <PageContainer
      title={
        <Space>
          <Link to="/credit/appeals" aria-label={t('credit.appeals.back')}>
            <ArrowLeftOutlined />
          </Link>
          {t('credit.appeals.detailTitle', { store })}
          <Tag color={appealStatusColours[appeal.status]}>{t(`credit.appealStatuses.${appeal.status}`)}</Tag>
        </Space>
      }
    >
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <Card size="small">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              {
                key: 'store',
                label: t('credit.store'),
                children: <Link to={`/customers/${appeal.customerId}?tab=credit`}>{store}</Link>,
              },
              { key: 'created', label: t('credit.appeals.createdAt'), children: format.dateTime(appeal.createdAt) },
              {
                key: 'level',
                label: t('credit.stores.level'),
                children: (
                  <Space size={4}>
                    <LevelTag level={appeal.level} />
                    {appeal.score !== null
                      ? t('credit.scoreValue', { score: formatScore(appeal.score, format.locale) })
                      : null}
                  </Space>
                ),
              },
              { key: 'item', label: t('credit.appeals.disputed'), children: <DisputedItem appeal={appeal} /> },
              ...(appeal.item
                ? [
                    {
                      key: 'source',
                      label: t('credit.customer.source'),
                      children: <SourceLink source={appeal.item.source} />,
                    },
                  ]
                : []),
              { key: 'due', label: t('credit.appeals.dueOn'), children: <DueText appeal={appeal} /> },
              ...(appeal.status === 'open' && appeal.item
                ? [{ key: 'frozen', label: t('credit.customer.frozen'), children: t('credit.appeals.frozen') }]
                : []),
              { key: 'reason', label: t('credit.appeals.reason'), span: 'filled' as const, children: appeal.reason },
              {
                key: 'photos',
                label: t('credit.appeals.photos'),
                span: 'filled' as const,
                children:
                  photoIds.length > 0 ? (
                    <Image.PreviewGroup>
                      <Space wrap>
                        {photoIds.map((photoId) => (
                          <Image
                            key={photoId}
                            width={96}
                            height={96}
                            style={{ objectFit: 'cover' }}
                            src={appealPhotoUrl(appeal.id, photoId)}
                          />
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  ) : (
                    <Typography.Text type="secondary">{t('credit.appeals.noPhotos')}</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
        {appeal.status === 'open' ? (
          <Card size="small" title={t('credit.appeals.decision')}>
            {decide.error ? (
              <Alert type="error" showIcon title={describeError(decide.error, t)} style={{ marginBottom: 12 }} />
            ) : null}
            <Typography.Paragraph type="secondary">{t('credit.appeals.acceptHelp')}</Typography.Paragraph>
            <Form form={form} layout="vertical">
              <Form.Item
                name="note"
                label={t('credit.appeals.note')}
                rules={[{ required: true, whitespace: true, message: t('credit.appeals.noteRequired') }, { max: 1000 }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </Form>
            <Flex gap={8}>
              <ActionButton
                action="POST /api/v1/credit/appeals/:id/decision"
                type="primary"
                loading={decide.isPending && decide.variables?.outcome === 'accepted'}
                onClick={() => void submit('accepted')}
              >
                {t('credit.appeals.accept')}
              </ActionButton>
              <ActionButton
                action="POST /api/v1/credit/appeals/:id/decision"
                danger
                loading={decide.isPending && decide.variables?.outcome === 'rejected'}
                onClick={() => void submit('rejected')}
              >
                {t('credit.appeals.reject')}
              </ActionButton>
            </Flex>
          </Card>
        ) : (
          <Card size="small" title={t('credit.appeals.decision')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'outcome',
                  label: t('credit.models.status'),
                  children: (
                    <Tag color={appealStatusColours[appeal.status]}>{t(`credit.appealStatuses.${appeal.status}`)}</Tag>
                  ),
                },
                { key: 'by', label: t('credit.appeals.decidedBy'), children: appeal.decidedByName ?? '—' },
                { key: 'at', label: t('credit.appeals.decidedAt'), children: format.dateTime(appeal.decidedAt) },
                { key: 'note', label: t('credit.appeals.note'), children: appeal.note ?? '—' },
              ]}
            />
          </Card>
        )}
      </Flex>
    </PageContainer>
  );
}
