import { Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { formatNumber } from '../../shared/format.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { formatYuan } from './order-format.ts';
import { PortalPricesHead } from './PriceReportPage.tsx';
import { type PortalMarginRow, usePortalMargin, useSuggestedPrices } from './prices.api.ts';
import './prices.css';

const sourceKeys = ['own', 'district', 'suggested'] as const;

// The retail price a row's margin used, in words: the largest share's source.
function mainSource(row: PortalMarginRow): (typeof sourceKeys)[number] | null {
  if (!row.sources) return null;
  const sources = row.sources;
  return [...sourceKeys].sort((a, b) => sources[b] - sources[a])[0] ?? null;
}

// 我的毛利: my gross margin over the last 13 weeks (beside the same weeks last year), by week or by
// brand, saying which retail price applied; then the suggested retail prices of what I buy.
export function PortalMarginPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<'week' | 'brand'>('week');
  const margin = usePortalMargin(by);
  const suggested = useSuggestedPrices();
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined
      ? '—'
      : formatNumber(value, format.locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

  if (margin.isPending) return <FullPageSpin />;
  if (margin.error) return <FullPageError error={margin.error} onRetry={() => void margin.refetch()} />;
  const { total, rows } = margin.data;

  return (
    <div className="portal-page">
      <PortalPricesHead title={t('pricesPortal.marginTitle')} />
      <section className="portal-card">
        <p className="portal-muted">{t('pricesPortal.marginYtd')}</p>
        <div className="portal-prices-figure" data-testid="portal-margin-total">
          {percent(total.margin)}
        </div>
        <p className="portal-muted">{t('pricesPortal.marginLastYear', { margin: percent(total.lastYear?.margin) })}</p>
        <p className="portal-muted" style={{ fontSize: 12 }}>
          {t('pricesPortal.retailSourceNote')}
        </p>
      </section>
      <Segmented
        block
        value={by}
        onChange={(value) => setBy(value as 'week' | 'brand')}
        options={[
          { value: 'week', label: t('pricesPortal.byWeek') },
          { value: 'brand', label: t('pricesPortal.byBrand') },
        ]}
      />
      <section className="portal-card portal-list">
        {rows.length === 0 ? <p className="portal-muted">{t('pricesPortal.empty')}</p> : null}
        {[...rows].reverse().map((row) => {
          const source = mainSource(row);
          return (
            <div key={row.key} className="portal-list-row" data-testid="portal-margin-row">
              <span>
                {by === 'week' ? format.cycleWeekShort(row.label) : row.label}
                {source ? (
                  <Tag style={{ marginInlineStart: 6 }} color={source === 'own' ? 'blue' : undefined}>
                    {t(`prices.retailSources.${source}`)}
                  </Tag>
                ) : null}
              </span>
              <span>
                <strong>{percent(row.margin)}</strong>
                <span className="portal-muted" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {formatYuan(row.retailAmount, format.locale)}
                </span>
              </span>
            </div>
          );
        })}
      </section>
      <section className="portal-card portal-list">
        <h3>{t('pricesPortal.suggestedPrices')}</h3>
        {(suggested.data?.items ?? []).map((item) => (
          <Link
            key={item.productId}
            className="portal-list-row"
            to={`/portal/mine/report-price?productId=${item.productId}`}
            data-testid="portal-suggested-row"
          >
            <span>
              {item.name}
              <div className="portal-muted" style={{ fontSize: 12 }}>
                {t('pricesPortal.perCarton', { price: formatYuan(item.suggestedCartonPrice, format.locale) })} ·{' '}
                {t('prices.margin.margin')} {percent(item.marginAtSuggested)}
              </div>
            </span>
            <span>{formatYuan(item.suggestedPackPrice, format.locale)}</span>
          </Link>
        ))}
      </section>
    </div>
  );
}
