import { Alert, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type Contest, type RankingRow, useRanking } from '../contests.api.ts';

// The ranking, recomputed by the server from the stored scores: mean of the judges, and for each
// entry what placed it below the one above (the documented tie-break, in words).
export function RankingTable({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ranking = useRanking(contest.id, true);
  const labelOf = (key: string) => contest.criteria.find((criterion) => criterion.key === key)?.label ?? key;
  const separation = (code: string | null) => {
    if (code === null) return '—';
    if (code.startsWith('criterion:'))
      return t('contests.ranking.separatedBy.criterion', { label: labelOf(code.slice('criterion:'.length)) });
    const known = ['score', 'judges', 'submittedAt', 'entryId'] as const;
    const match = known.find((candidate) => candidate === code);
    return match ? t(`contests.ranking.separatedBy.${match}`) : '—';
  };

  if (ranking.isPending) return <Spin />;
  if (ranking.error) return <Alert type="warning" showIcon title={describeError(ranking.error, t)} />;
  return (
    <>
      <Alert type="info" showIcon title={t('contests.ranking.rule')} style={{ marginBottom: 12 }} />
      <Table<RankingRow>
        rowKey="entryId"
        size="middle"
        dataSource={ranking.data.items}
        locale={{ emptyText: t('contests.ranking.empty') }}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="contest-ranking"
        columns={[
          {
            title: t('contests.ranking.columns.rank'),
            dataIndex: 'rank',
            width: 90,
            render: (rank: number | null, row) =>
              rank === null ? (
                <Typography.Text type="secondary">{t('contests.ranking.unranked')}</Typography.Text>
              ) : (
                <>
                  {format.number(rank)}
                  {row.winner ? (
                    <Tag color="gold" style={{ marginLeft: 6 }}>
                      {t('contests.ranking.winner')}
                    </Tag>
                  ) : null}
                </>
              ),
          },
          { title: t('contests.ranking.columns.store'), dataIndex: 'customerName', width: 200 },
          { title: t('contests.ranking.columns.title'), dataIndex: 'title', width: 200 },
          {
            title: t('contests.ranking.columns.score'),
            dataIndex: 'score',
            width: 90,
            align: 'right',
            render: (score: number | null) =>
              score === null ? '—' : format.number(score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          },
          {
            title: t('contests.ranking.columns.judges'),
            dataIndex: 'judges',
            width: 80,
            align: 'right',
            render: (value: number) => format.number(value),
          },
          ...contest.criteria.map((criterion) => ({
            title: criterion.label,
            key: `criterion-${criterion.key}`,
            width: 100,
            align: 'right' as const,
            render: (_: unknown, row: RankingRow) =>
              row.rank === null
                ? '—'
                : format.number((row.criteria[criterion.key] ?? 0) * criterion.maxScore, { maximumFractionDigits: 2 }),
          })),
          {
            title: t('contests.ranking.columns.separatedBy'),
            dataIndex: 'separatedBy',
            width: 170,
            render: (code: string | null) => separation(code),
          },
        ]}
      />
    </>
  );
}
