import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { isValidScore } from '../contest-form.ts';
import { type Contest, type Entry, judgeTotal, scoreEntry, useContestMutation } from '../contests.api.ts';

type Values = { scores?: Record<string, number | null>; comment?: string };

// A judge scores one entry on each criterion (0 to its maximum, halves allowed), once and blind:
// the dialog shows the weighted total as the server will compute it, never another judge's.
export function ScoreDialog({ contest, entry, onClose }: { contest: Contest; entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const score = useContestMutation(scoreEntry);
  const watched = Form.useWatch('scores', form) ?? {};
  const current = Object.fromEntries(
    Object.entries(watched).flatMap(([key, value]) => (typeof value === 'number' ? [[key, value]] : [])),
  );
  const total = judgeTotal(contest.criteria, current);

  const submit = async (values: Values) => {
    setFailure(null);
    const scores = Object.fromEntries(
      contest.criteria.map((criterion) => [criterion.key, values.scores?.[criterion.key] ?? 0]),
    );
    try {
      await score.mutateAsync({
        contestId: contest.id,
        entryId: entry.id,
        input: { scores, comment: values.comment?.trim() ? values.comment.trim() : null },
      });
      message.success(t('contests.scoring.scored'));
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Modal
      open
      title={t('contests.scoring.title', { title: entry.title })}
      okText={t('contests.scoring.submit')}
      okButtonProps={{ loading: score.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('contests.scoring.store', { customer: entry.customerName, branch: entry.branchName })}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('contests.scoring.blind')} style={{ marginBottom: 12 }} />
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {contest.criteria.map((criterion) => (
          <Form.Item
            key={criterion.key}
            name={['scores', criterion.key]}
            label={criterion.label}
            extra={t('contests.scoring.range', { max: criterion.maxScore })}
            rules={[
              {
                validator: (_, value: number | null) =>
                  isValidScore(value, criterion.maxScore)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('contests.scoring.range', { max: criterion.maxScore }))),
              },
            ]}
          >
            <InputNumber
              min={0}
              max={criterion.maxScore}
              step={0.5}
              style={{ width: 160 }}
              aria-label={criterion.label}
            />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('contests.scoring.comment')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Typography.Text strong data-testid="score-total">
          {t('contests.scoring.total', { total: format.number(total, { maximumFractionDigits: 2 }) })}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
