import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/auth/use-can.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerOpenSurvey, useCustomerSurveys } from '../customer-surveys.api.ts';
import { SurveyAnswerDrawer } from './SurveyAnswerDrawer.tsx';

// On the visit form (through the visitFormSections slot): the open questionnaires sent to the
// store and not yet answered, each with 现在作答 — the manager asks the owner and fills it in
// (channel 'visit'). Nothing when there is none, or when the user may not answer for stores.
export function VisitSurveys({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const surveys = useCustomerSurveys(customerId);
  const [answering, setAnswering] = useState<CustomerOpenSurvey>();
  const open = surveys.data?.open ?? [];
  if (open.length === 0 || !can('POST /api/v1/surveys/waves/:id/responses')) return null;

  return (
    <Card size="small" title={t('surveysCustomer.visitTitle')} data-testid="visit-surveys">
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('surveysCustomer.visitHelp')}</Typography.Text>
        {open.map((survey) => (
          <Flex key={survey.waveId} justify="space-between" align="center" gap={8} wrap>
            <Flex vertical style={{ minWidth: 0, flex: '1 1 180px' }}>
              <Typography.Text strong>{survey.title}</Typography.Text>
              <Typography.Text type="secondary">
                <Tag>{t(`surveys.kinds.${survey.kind}`)}</Tag>
                {t('surveysCustomer.closesOn', { date: format.day(survey.closesOn) })}
              </Typography.Text>
            </Flex>
            <Button type="primary" icon={<FormOutlined />} onClick={() => setAnswering(survey)}>
              {t('surveysCustomer.answerNow')}
            </Button>
          </Flex>
        ))}
      </Flex>
      <SurveyAnswerDrawer customerId={customerId} survey={answering} onClose={() => setAnswering(undefined)} />
    </Card>
  );
}
