import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { Why } from '../classification.api.ts';

// Why a store got its class: each indicator's value, 0–100 score and weight, the weighted score
// and the threshold (and sub-type rule) that decided.
export function WhyTable({ why }: { why: Why }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t(`customers.classes.${why.threshold.class}`);
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {t('classification.runs.score')} {format.number(why.score, { maximumFractionDigits: 1 })}
        </Typography.Text>
        {' · '}
        {t('classification.runs.threshold', { label, from: why.threshold.from, to: why.threshold.to })}
        {why.demoTypeRule ? (
          <>
            {' · '}
            {t('classification.runs.demoTypeRule', { label: t(`customers.demoTypes.${why.demoTypeRule.demoType}`) })}
            {' ('}
            {why.demoTypeRule.conditions
              .map((condition) => `${t(`classification.indicators.${condition.indicator}`)} ≥ ${condition.min}`)
              .join('，')}
            {')'}
          </>
        ) : null}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="indicator"
        pagination={false}
        dataSource={why.indicators}
        columns={[
          {
            title: t('classification.runs.indicator'),
            dataIndex: 'indicator',
            render: (key: Why['indicators'][number]['indicator']) => t(`classification.indicators.${key}`),
          },
          {
            title: t('classification.runs.value'),
            dataIndex: 'value',
            align: 'right',
            render: (value: number | null, row) =>
              row.missing || value === null ? <Tag>{t('classification.runs.missing')}</Tag> : format.number(value),
          },
          {
            title: t('classification.runs.indicatorScore'),
            dataIndex: 'score',
            align: 'right',
            render: (value: number) => format.number(value, { maximumFractionDigits: 1 }),
          },
          { title: t('classification.runs.weight'), dataIndex: 'weight', align: 'right' },
        ]}
      />
    </div>
  );
}
