import { Alert, Card, Flex, Table, type TableColumnsType, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { type DistributionReport, useDistribution } from './classification.api.ts';
import { DistributionView } from './components/DistributionView.tsx';

type Group = DistributionReport['branches'][number];

// 分类分布: the current classes in the caller's scope, overall, per branch and per district.
export function DistributionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useDistribution();
  const percent = (share: number) => `${format.number(share, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
  const columns: TableColumnsType<Group> = [
    { title: t('classification.distribution.group'), dataIndex: 'name', fixed: 'left', width: 140 },
    {
      title: t('classification.distribution.total'),
      dataIndex: 'total',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    ...(['demonstration', 'growth', 'ordinary', 'special'] as const).map((name, index) => ({
      key: name,
      title: t(`customers.classes.${name}`),
      align: 'right' as const,
      render: (_: unknown, group: Group) =>
        `${format.number(group.classes[index].count)}（${percent(group.classes[index].share)}）`,
    })),
    ...(['brand', 'terminal', 'information'] as const).map((name, index) => ({
      key: name,
      title: t(`customers.demoTypes.${name}`),
      align: 'right' as const,
      render: (_: unknown, group: Group) => format.number(group.demoTypes[index].count),
    })),
  ];
  const data = report.data;
  return (
    <PageContainer
      title={t('classification.distribution.title')}
      // The rules and runs are the centres' pages (not in everyone's menu): the classes shown here
      // come from them, and a customer manager reviews a pending run's proposals there.
      extra={
        <Flex gap={16}>
          <Link to="/classification/rule-sets">{t('classification.distribution.rulesLink')}</Link>
          <Link to="/classification/runs">{t('classification.distribution.runsLink')}</Link>
        </Flex>
      }
    >
      {report.error ? <Alert type="error" showIcon title={describeError(report.error, t)} /> : null}
      {data ? (
        <Flex vertical gap={16}>
          <Card title={t('classification.distribution.chart')}>
            <DistributionView distribution={data} height={280} />
            {data.unclassified > 0 ? (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                title={`${t('classification.distribution.unclassified')}：${format.number(data.unclassified)}`}
              />
            ) : null}
          </Card>
          <Card>
            <Tabs
              items={[
                {
                  key: 'branches',
                  label: t('classification.distribution.byBranch'),
                  children: (
                    <Table<Group>
                      rowKey="key"
                      size="small"
                      columns={columns}
                      dataSource={data.branches}
                      pagination={false}
                      scroll={{ x: 1000 }}
                    />
                  ),
                },
                {
                  key: 'districts',
                  label: t('classification.distribution.byDistrict'),
                  children: (
                    <Table<Group>
                      rowKey="key"
                      size="small"
                      columns={columns}
                      dataSource={data.districts}
                      pagination={false}
                      scroll={{ x: 1000 }}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Flex>
      ) : (
        <Card loading />
      )}
    </PageContainer>
  );
}
