import { Tag, Typography } from 'antd';
import { useFormat } from '../../../shared/use-locale.ts';
import { formatIndex, type IndexBands, levelOf } from '../prices-format.ts';

// An index figure, coloured by where it lies against the bands: plain inside yellow, amber
// outside it, red outside red; — when there is no figure.
export function IndexTag({ index, bands }: { index: number | null | undefined; bands?: IndexBands }) {
  const format = useFormat();
  const level = levelOf(index, bands);
  if (level === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = formatIndex(index, format.locale);
  if (level === 'ok') return <span data-level="ok">{text}</span>;
  return (
    <Tag color={level === 'red' ? 'red' : 'gold'} data-level={level} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
