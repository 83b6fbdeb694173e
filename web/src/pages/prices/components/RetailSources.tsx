import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.ts';
import { useFormat } from '../../../shared/use-locale.ts';

type Shares = { own: number; district: number; suggested: number } | null;

const colors = { own: '#1f5fbf', district: '#13a8a8', suggested: '#bfbfbf' } as const;

// Which retail price the margin used, as shares of the cartons: the store's own observed price,
// its district's mean, or the suggested price (a stacked bar with the three figures beside it).
export function RetailSources({ sources }: { sources: Shares }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!sources) return <Typography.Text type="secondary">—</Typography.Text>;
  const parts = (['own', 'district', 'suggested'] as const).filter((key) => sources[key] > 0);
  // Shares of cartons, to the whole per cent (they are a guide to how the figure was made).
  const share = (value: number) => formatNumber(value, format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const text = t('prices.margin.sourceShare', {
    own: share(sources.own),
    district: share(sources.district),
    suggested: share(sources.suggested),
  });
  return (
    <Tooltip title={text}>
      <div data-testid="retail-sources" style={{ minWidth: 140 }}>
        <div style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}>
          {parts.map((key) => (
            <div key={key} style={{ width: `${sources[key] * 100}%`, background: colors[key] }} />
          ))}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {text}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}
