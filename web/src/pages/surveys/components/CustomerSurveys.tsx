import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/auth/use-can.ts';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerOpenSurvey, useCustomerSurveys } from '../customer-surveys.api.ts';
import { SurveyAnswerDrawer } from './SurveyAnswerDrawer.tsx';

// The 360° view's 问卷调研 tab: the questionnaires the store answered (newest first, by the store
// on the portal or by its manager during a visit), each opening to its answers; and those sent to
// it still unanswered, which its manager can answer for it here as on a visit.
export function CustomerSurveys({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const surveys = useCustomerSurveys(customerId);
  const [answering, setAnswering] = useState<CustomerOpenSurvey>();
  if (surveys.isPending) return <Skeleton active />;
  if (surveys.error) return <Alert type="error" showIcon title={describeError(surveys.error, t)} />;
  const answered = [...surveys.data.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const open = surveys.data.open ?? [];
  const canAnswer = can('POST /api/v1/surveys/waves/:id/responses');

  return (
    <Flex vertical gap={16}>
      {open.length > 0 ? (
        <Card size="small" title={t('surveysCustomer.open')} data-testid="customer-surveys-open">
          <List
            dataSource={open}
            rowKey="waveId"
            renderItem={(survey) => (
              <List.Item
                actions={
                  canAnswer
                    ? [
                        <Button key="answer" icon={<FormOutlined />} onClick={() => setAnswering(survey)}>
                          {t('surveysCustomer.answerNow')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={survey.title}
                  description={
                    <>
                      <Tag>{t(`surveys.kinds.${survey.kind}`)}</Tag>
                      <Tag color="orange">{t('surveysCustomer.noAnswer')}</Tag>
                      {t('surveysCustomer.closesOn', { date: format.day(survey.closesOn) })}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('surveysCustomer.answered')} data-testid="customer-surveys-answered">
        {answered.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveysCustomer.none')} />
        ) : (
          <Collapse
            ghost
            items={answered.map((response) => ({
              key: response.responseId,
              label: (
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>{response.title}</Typography.Text>
                  <span>
                    <Tag>{t(`surveys.kinds.${response.kind}`)}</Tag>
                    <Tag color={response.channel === 'visit' ? 'blue' : 'green'}>
                      {t(`surveysCustomer.channel.${response.channel}`)}
                    </Tag>
                    <Typography.Text type="secondary">
                      {t('surveysCustomer.submittedAt', { time: format.dateTime(response.submittedAt) })}
                    </Typography.Text>
                  </span>
                </Flex>
              ),
              children: (
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={response.answers.map((answer, index) => ({
                    key: String(index),
                    label: answer.title,
                    children: answer.value,
                  }))}
                />
              ),
            }))}
          />
        )}
      </Card>
      <SurveyAnswerDrawer customerId={customerId} survey={answering} onClose={() => setAnswering(undefined)} />
    </Flex>
  );
}
