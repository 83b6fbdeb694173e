import { Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import type { CustomerClass, RunDetail } from '../classification.api.ts';

// The words of a diff's sides, by what it compares with.
export function diffLabels(comparison: DiffComparison, t: TFunction) {
  if (comparison === 'current') {
    return {
      diff: t('classification.runs.diff'),
      from: t('classification.runs.from'),
      to: t('classification.runs.to'),
      matrixHint: t('classification.runs.matrixHint'),
    };
  }
  return {
    diff: t('classification.runs.inEffect.diff'),
    from: t(comparison === 'mixed' ? 'classification.runs.inEffect.fromMixed' : 'classification.runs.inEffect.from'),
    to: t('classification.runs.inEffect.to'),
    matrixHint: t('classification.runs.inEffect.matrixHint'),
  };
}

const toClasses: CustomerClass[] = ['demonstration', 'growth', 'ordinary', 'special'];
const fromClasses: (CustomerClass | 'none')[] = ['none', ...toClasses];

type Row = { from: CustomerClass | 'none'; cells: Record<string, number>; total: number };

// Which classes a run's diff compares with: the current ones, or — where the run is in effect — the
// classes before it (the server's diff says which per branch: `applied`).
export type DiffComparison = 'current' | 'beforeRun' | 'mixed';

export function comparisonOf(diff: RunDetail['diff']): DiffComparison {
  const applied = diff.filter((branch) => branch.applied).length;
  if (applied === 0) return 'current';
  return applied === diff.length ? 'beforeRun' : 'mixed';
}

// The counts of a run's diff as a grid: compared class (rows) × the run's class (columns), for the
// whole scope or one branch. The diagonal keeps its class; every other cell is a move. Clicking a
// cell asks for its stores (onPick).
export function DiffMatrix({
  diff,
  onPick,
}: {
  diff: RunDetail['diff'];
  onPick?: (pick: { branchId?: number; from: CustomerClass | 'none'; to: CustomerClass }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [branchId, setBranchId] = useState<number | undefined>();
  const rows: Row[] = fromClasses.map((from) => ({ from, cells: {}, total: 0 }));
  for (const branch of diff) {
    if (branchId !== undefined && branch.branchId !== branchId) continue;
    for (const move of branch.moves) {
      const row = rows.find((entry) => entry.from === (move.from ?? 'none'));
      if (!row) continue;
      row.cells[move.to] = (row.cells[move.to] ?? 0) + move.count;
      row.total += move.count;
    }
  }
  const shown = rows.filter((row) => row.total > 0);
  const classLabel = (value: CustomerClass | 'none') => t(`customers.classes.${value}` as 'customers.classes.growth');
  const labels = diffLabels(comparisonOf(diff), t);
  const columns: TableColumnsType<Row> = [
    {
      title: `${labels.from} ＼ ${labels.to}`,
      dataIndex: 'from',
      width: 140,
      render: (value: Row['from']) => classLabel(value),
    },
    ...toClasses.map((to) => ({
      title: classLabel(to),
      key: to,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const count = row.cells[to] ?? 0;
        if (count === 0) return <Typography.Text type="secondary">–</Typography.Text>;
        const stays = row.from === to;
        const text = format.number(count);
        return stays ? (
          <Typography.Text type="secondary">{text}</Typography.Text>
        ) : onPick ? (
          <Typography.Link strong onClick={() => onPick({ branchId, from: row.from, to })}>
            {text}
          </Typography.Link>
        ) : (
          <Typography.Text strong>{text}</Typography.Text>
        );
      },
    })),
    {
      title: t('classification.runs.matrixTotal'),
      key: 'total',
      align: 'right',
      render: (_, row) => format.number(row.total),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{t('classification.runs.matrix')}</Typography.Text>
        <Select
          allowClear
          placeholder={t('classification.runs.allBranches')}
          style={{ width: 180 }}
          value={branchId}
          onChange={(value: number | undefined) => setBranchId(value)}
          options={diff.map((branch) => ({ value: branch.branchId, label: branch.branchName }))}
          aria-label={t('classification.runs.matrixBranch')}
        />
      </Flex>
      <Table<Row>
        rowKey="from"
        size="small"
        bordered
        columns={columns}
        dataSource={shown}
        pagination={false}
        summary={() => {
          const totals = toClasses.map((to) => shown.reduce((sum, row) => sum + (row.cells[to] ?? 0), 0));
          return (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('classification.runs.matrixTotal')}</Table.Summary.Cell>
              {totals.map((total, index) => (
                <Table.Summary.Cell key={toClasses[index]} index={index + 1} align="right">
                  {format.number(total)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={toClasses.length + 1} align="right">
                {format.number(totals.reduce((sum, total) => sum + total, 0))}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          );
        }}
      />
      <Typography.Text type="secondary">{labels.matrixHint}</Typography.Text>
    </Flex>
  );
}
