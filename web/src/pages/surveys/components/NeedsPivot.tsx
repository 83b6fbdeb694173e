import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { formatCount, formatRate, formatScore } from '../survey-format.ts';
import {
  type NeedsCell,
  type NeedsRow,
  type NeedsSummary,
  needsSummaryXlsxUrl,
  type Segmentation,
  segmentations,
  useNeedsSummaries,
  useNeedsSummary,
} from '../surveys.api.ts';

export type PivotColumn = { key: string; label: string; n: number };
export type PivotGroup = PivotColumn & { columns: PivotColumn[] };

// The summary's columns: a segment each, or, crossed, each row segment with the column segments
// under it (the cells' segments "row|col", as the server lists them).
export function pivotGroups(summary: NeedsSummary | undefined): PivotGroup[] {
  if (!summary) return [];
  if (!summary.cols) return summary.rowSegments.map((segment) => ({ ...segment, columns: [] }));
  const labelOf = new Map(summary.colSegments.map((segment) => [segment.key, segment.label]));
  return summary.rowSegments.map((row) => ({
    ...row,
    columns: summary.cellSegments
      .filter((cell) => cell.row === row.key)
      .map((cell) => ({ key: cell.key, label: labelOf.get(cell.col ?? '') ?? cell.label, n: cell.n })),
  }));
}

const cellStyles = {
  small: { color: 'rgba(0, 0, 0, 0.35)', background: '#f5f5f5' },
  highlight: { background: '#fff1b8', fontWeight: 600 },
  plain: {},
};

// One cell: the share (and the count of stores that chose the item over n), greyed when n < 30,
// highlighted when the segment chose it clearly and significantly more than everyone.
function PivotCell({ cell, label }: { cell: NeedsCell | undefined; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cell) return <span>—</span>;
  const state = cell.small ? 'small' : cell.highlight ? 'highlight' : 'plain';
  const title = [
    t('surveys.results.cellTitle', {
      segment: label,
      chosen: formatCount(cell.chosen, format.locale),
      n: formatCount(cell.n, format.locale),
      share: formatRate(cell.share, format.locale),
    }),
    cell.small ? t('surveys.results.smallCell') : null,
    cell.highlight
      ? `${t('surveys.results.highlightCell')}${cell.p !== undefined && cell.p !== null ? ` (p = ${cell.p < 0.001 ? '< 0.001' : cell.p.toFixed(3)})` : ''}`
      : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip title={title}>
      <div data-cell={state} style={{ ...cellStyles[state], padding: '2px 6px', borderRadius: 4, textAlign: 'right' }}>
        <div>{formatRate(cell.share, format.locale)}</div>
        <div style={{ fontSize: 11, opacity: 0.75 }}>n={formatCount(cell.n, format.locale)}</div>
      </div>
    </Tooltip>
  );
}

function ColumnTitle({ column }: { column: PivotColumn }) {
  const format = useFormat();
  return (
    <div style={{ textAlign: 'right' }}>
      <div>{column.label}</div>
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        n={formatCount(column.n, format.locale)}
      </Typography.Text>
    </div>
  );
}

const segmentColumn = (column: PivotColumn, label: string) => ({
  key: column.key,
  title: <ColumnTitle column={column} />,
  width: 110,
  render: (_: unknown, row: NeedsRow) => (
    <PivotCell cell={row.cells.find((cell) => cell.segment === column.key)} label={label} />
  ),
});

// 服务需求识别汇总表: per need item, how many respondents chose it and its mean urgency rank, then
// the same across a segmentation (or two crossed), with the responsible department; xlsx export.
// The four segmentations come in one request (one scan on the server); only a crossed pivot asks
// for its own.
export function NeedsPivot({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [rows, setRows] = useState<Segmentation>('format');
  const [cols, setCols] = useState<Segmentation | undefined>(undefined);
  const all = useNeedsSummaries(waveId);
  const crossed = useNeedsSummary(cols ? waveId : undefined, rows, cols);
  const summary = cols ? crossed : { data: all.data?.[rows], error: all.error, isFetching: all.isFetching };
  const groups = pivotGroups(summary.data);
  const columnCount = groups.reduce((count, group) => count + Math.max(group.columns.length, 1), 0);
  const segmentationOptions = segmentations.map((value) => ({ value, label: t(`surveys.segmentations.${value}`) }));

  const tableColumns: TableColumnsType<NeedsRow> = [
    { title: t('surveys.results.needItem'), dataIndex: 'label', fixed: 'left', width: 180 },
    { title: t('surveys.results.department'), dataIndex: 'department', width: 110 },
    {
      title: `${t('surveys.results.overall')} n=${formatCount(summary.data?.n, format.locale)}`,
      children: [
        {
          title: t('surveys.results.chosen'),
          dataIndex: 'chosen',
          align: 'right',
          width: 90,
          render: (value: number) => formatCount(value, format.locale),
        },
        {
          title: t('surveys.results.share'),
          dataIndex: 'share',
          align: 'right',
          width: 90,
          render: (value: number | null) => formatRate(value, format.locale),
        },
        {
          title: t('surveys.results.meanRank'),
          dataIndex: 'meanRank',
          align: 'right',
          width: 100,
          render: (value: number | null) => formatScore(value, format.locale),
        },
      ],
    },
    ...groups.map((group) =>
      group.columns.length === 0
        ? segmentColumn(group, group.label)
        : {
            key: group.key,
            title: <ColumnTitle column={group} />,
            children: group.columns.map((column) => segmentColumn(column, `${group.label} · ${column.label}`)),
          },
    ),
  ];

  return (
    <Card
      title={t('surveys.results.needs')}
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<DownloadOutlined />} href={needsSummaryXlsxUrl(waveId, rows, cols)} download>
          {t('surveys.results.exportXlsx')}
        </Button>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<Segmentation>
          style={{ width: 150 }}
          aria-label={t('surveys.results.rows')}
          prefix={t('surveys.results.rows')}
          value={rows}
          onChange={(value) => {
            setRows(value);
            if (cols === value) setCols(undefined);
          }}
          options={segmentationOptions}
        />
        <Select<Segmentation | 'none'>
          style={{ width: 170 }}
          aria-label={t('surveys.results.cols')}
          prefix={t('surveys.results.cols')}
          value={cols ?? 'none'}
          onChange={(value) => setCols(value === 'none' ? undefined : value)}
          options={[
            { value: 'none', label: t('surveys.results.noCols') },
            ...segmentationOptions.filter((option) => option.value !== rows),
          ]}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.needsHelp')}
      </Typography.Paragraph>
      {summary.error ? <Alert type="error" showIcon title={describeError(summary.error, t)} /> : null}
      <Table<NeedsRow>
        data-testid="needs-pivot"
        rowKey="code"
        size="small"
        bordered
        loading={summary.isFetching}
        dataSource={summary.data?.items ?? []}
        columns={tableColumns}
        pagination={false}
        scroll={{ x: 570 + columnCount * 110 }}
        locale={{ emptyText: t('surveys.results.needsEmpty') }}
      />
    </Card>
  );
}
