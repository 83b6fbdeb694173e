import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShare, formatSharePoints } from '../../../shared/credit-format.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CreditLevel, type LevelCount, levelsInOrder } from '../credit.api.ts';
import { LevelTag } from './LevelTag.tsx';

// Stores and share per level, with last month's beside them when given; a count opens its stores.
export function LevelTable({
  levels,
  previous,
  onOpen,
}: {
  levels: readonly LevelCount[];
  previous?: readonly LevelCount[] | null;
  onOpen?: (level: CreditLevel) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const before = previous ? levelsInOrder(previous) : null;
  const rows = levelsInOrder(levels).map((entry, index) => ({ ...entry, before: before?.[index] ?? null }));
  return (
    <Table
      size="small"
      rowKey="level"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('credit.stores.level'),
          dataIndex: 'level',
          width: 90,
          render: (level: CreditLevel) => <LevelTag level={level} />,
        },
        ...(before
          ? [
              {
                title: `${t('credit.runs.previous')} · ${t('credit.count')}`,
                key: 'beforeCount',
                align: 'right' as const,
                render: (_: unknown, row: (typeof rows)[number]) => format.number(row.before?.count ?? 0),
              },
              {
                title: `${t('credit.runs.previous')} · ${t('credit.share')}`,
                key: 'beforeShare',
                align: 'right' as const,
                render: (_: unknown, row: (typeof rows)[number]) => formatShare(row.before?.share ?? 0, format.locale),
              },
            ]
          : []),
        {
          title: t('credit.count'),
          dataIndex: 'count',
          align: 'right',
          render: (count: number, row) =>
            onOpen && count > 0 ? (
              <Button type="link" size="small" onClick={() => onOpen(row.level)} style={{ padding: 0 }}>
                {format.number(count)}
              </Button>
            ) : (
              format.number(count)
            ),
        },
        {
          title: t('credit.share'),
          dataIndex: 'share',
          align: 'right',
          render: (share: number) => formatShare(share, format.locale),
        },
        ...(before
          ? [
              {
                title: t('credit.runs.change'),
                key: 'change',
                align: 'right' as const,
                render: (_: unknown, row: (typeof rows)[number]) =>
                  t('credit.runs.changeValue', {
                    value: formatSharePoints(row.before?.share ?? 0, row.share, format.locale),
                  }),
              },
            ]
          : []),
      ]}
    />
  );
}
