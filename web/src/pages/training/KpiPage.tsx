import { Alert, DatePicker, Flex, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { percent, type TrainingKpis, useTrainingKpis } from './training.api.ts';

type Row = TrainingKpis['rows'][number];

// 信息服务 › 培训指标: attendance rate (check-ins ÷ confirmed sign-ups) and trainer hours by branch, for
// a period (default: this year), within the caller's scope.
export function KpiPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs().endOf('year')]);
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].add(1, 'day').format('YYYY-MM-DD');
  const kpis = useTrainingKpis(from, to);
  const data = kpis.data;

  return (
    <PageContainer title={t('training.kpis.title')}>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('training.kpis.period')}</Typography.Text>
        <DatePicker.RangePicker
          aria-label={t('training.kpis.period')}
          value={period}
          allowClear={false}
          onChange={(value) => {
            if (value?.[0] && value[1]) setPeriod([value[0], value[1]]);
          }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('training.kpis.help')}</Typography.Paragraph>
      {kpis.error ? <Alert type="error" showIcon title={describeError(kpis.error, t)} /> : null}
      <Table<Row>
        rowKey="key"
        size="middle"
        loading={kpis.isFetching}
        dataSource={data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('training.kpis.empty') }}
        columns={[
          { title: t('training.kpis.columns.branch'), dataIndex: 'label', width: 180 },
          {
            title: t('training.kpis.columns.sessions'),
            dataIndex: 'sessions',
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.kpis.columns.signups'),
            dataIndex: 'signups',
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.kpis.columns.checkIns'),
            dataIndex: 'checkIns',
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.kpis.columns.rate'),
            dataIndex: 'attendanceRate',
            align: 'right',
            render: (value: number | null) => percent(value),
          },
          {
            title: t('training.kpis.columns.hours'),
            dataIndex: 'trainerHours',
            align: 'right',
            render: (value: number) => format.number(value),
          },
          {
            title: t('training.kpis.columns.inHouse'),
            dataIndex: 'inHouseTrainerHours',
            align: 'right',
            render: (value: number) => format.number(value),
          },
        ]}
        summary={() =>
          data && data.rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('training.kpis.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} align="right">
                {format.number(data.total.signups)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {format.number(data.total.checkIns)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{percent(data.total.attendanceRate)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {format.number(data.total.trainerHours)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </PageContainer>
  );
}
