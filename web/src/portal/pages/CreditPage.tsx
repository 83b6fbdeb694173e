import { LeftOutlined } from '@ant-design/icons';
import { Button, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  asLevel,
  type CreditLevel,
  indicatorUnit,
  isKnownIndicator,
  levelColour,
  levelColours,
  sourceText,
} from '../../shared/credit.ts';
import { formatMonth, formatPoints, formatScore } from '../../shared/credit-format.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalCreditAppealPath } from '../portal-routes.tsx';
import { itemKeyOf, type LedgerItem, type PortalCredit, type StoreAppeal, usePortalCredit } from './credit.api.ts';
import './credit-home.css';
import './credit.css';

const appealColours = { open: 'processing', accepted: 'green', rejected: 'red' } as const;

export function CreditHead({ title, back }: { title: string; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal-surveys-head">
      <Button type="text" icon={<LeftOutlined />} aria-label={t('creditPortal.back')} onClick={() => navigate(back)} />
      <h2>{title}</h2>
    </div>
  );
}

export function LevelBadge({ level }: { level: CreditLevel | null }) {
  return (
    <span className="portal-credit-badge" style={{ background: level ? levelColours[level] : '#8c8c8c' }}>
      {level}
    </span>
  );
}

// 我的信用: the level and score in force, the indicators with their values and what would raise
// them, the ledger (every point with the event it comes from, each one open to appeal), the
// history and the appeal's status, deadline and outcome. Phone-first, one column.
export function CreditPage() {
  const { t } = useTranslation();
  const credit = usePortalCredit();
  if (credit.isPending) return <FullPageSpin />;
  if (credit.error) return <FullPageError error={credit.error} onRetry={() => void credit.refetch()} />;
  const data = credit.data;

  return (
    <div className="portal-page">
      <CreditHead title={t('creditPortal.title')} back="/portal/mine" />
      {data.level === null || data.score === null ? (
        <section className="portal-card">
          <Empty description={t('creditPortal.none')} />
        </section>
      ) : (
        <CreditView data={data} level={asLevel(data.level)} score={data.score} />
      )}
    </div>
  );
}

function CreditView({ data, level, score }: { data: PortalCredit; level: CreditLevel | null; score: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isAppealOpen = data.appeal?.status === 'open';

  return (
    <>
      <section className="portal-card portal-credit-hero" data-testid="portal-credit-hero">
        <LevelBadge level={level} />
        <div>
          <p className="portal-muted">{t('creditPortal.level')}</p>
          <h3>{t('credit.levelValue', { level: level ?? data.level })}</h3>
          <p>
            {t('creditPortal.score')} <strong>{formatScore(score, format.locale)}</strong>
          </p>
          <p className="portal-muted">{t('creditPortal.effective', { date: format.day(data.effectiveFrom) })}</p>
          {data.activity !== null && data.activity !== undefined ? (
            <p className="portal-muted">{t('creditPortal.activity', { value: data.activity })}</p>
          ) : null}
        </div>
      </section>
      {data.caps.map((cap) => (
        <p key={cap.rule} className="portal-alert">
          {t('creditPortal.caps', { rule: cap.label ?? cap.rule, level: cap.capLevel })}
        </p>
      ))}

      {data.appeal ? (
        <AppealCard appeal={data.appeal} item={data.items.find((item) => item.key === data.appeal?.itemKey)} />
      ) : null}

      {data.indicators && data.indicators.length > 0 ? (
        <section className="portal-card portal-credit-section">
          <h3>{t('creditPortal.indicators')}</h3>
          {data.indicators.map((indicator) => (
            <div key={indicator.indicator} className="portal-credit-row">
              <span className="portal-credit-row-text">
                <span>
                  {isKnownIndicator(indicator.indicator)
                    ? t(`credit.indicators.${indicator.indicator}`)
                    : indicator.label}
                </span>
                <span className="portal-muted">
                  {indicator.value === null
                    ? '—'
                    : indicatorUnit(indicator.indicator) === 'percent'
                      ? format.number(indicator.value / 100, { style: 'percent', maximumFractionDigits: 1 })
                      : indicatorUnit(indicator.indicator) === 'months'
                        ? t('credit.customer.monthsValue', { count: indicator.value })
                        : format.number(indicator.value)}
                </span>
              </span>
              <Points points={indicator.points} />
            </div>
          ))}
          {data.howToRaise && data.howToRaise.length > 0 ? (
            <>
              <p className="portal-muted" style={{ margin: '8px 0 0' }}>
                {t('creditPortal.howToRaise')}
              </p>
              <ul className="portal-credit-tips" data-testid="portal-credit-tips">
                {data.howToRaise.map((tip) => (
                  <li key={tip.text}>{tip.text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="portal-card portal-credit-section">
        <h3>{t('creditPortal.ledger')}</h3>
        <p className="portal-muted" style={{ margin: 0 }}>
          {t('creditPortal.ledgerHelp', {
            base: formatScore(data.base, format.locale),
            score: formatScore(score, format.locale),
          })}
        </p>
        {data.items.length === 0 ? <p className="portal-muted">{t('creditPortal.noItems')}</p> : null}
        {data.items.map((item) => (
          <div key={itemKeyOf(item)} className="portal-credit-row" data-testid="portal-credit-item">
            <span className="portal-credit-row-text">
              <span>{item.label}</span>
              <span className="portal-muted">
                {sourceText(t, item.source)}
                {item.source.at ? ` · ${format.day(item.source.at.slice(0, 10))}` : ''}
              </span>
              {item.frozen ? (
                <span>
                  <Tag color="purple">{t('creditPortal.frozen')}</Tag>
                </span>
              ) : null}
            </span>
            <Points points={item.points} />
            {!isAppealOpen && item.points < 0 ? (
              <Link
                className="portal-credit-card-action"
                to={`${portalCreditAppealPath}?item=${encodeURIComponent(itemKeyOf(item))}`}
              >
                {t('creditPortal.appealItem')}
              </Link>
            ) : null}
          </div>
        ))}
        {!isAppealOpen ? (
          <Link className="portal-button" to={portalCreditAppealPath}>
            {t('creditPortal.appealLevel')}
          </Link>
        ) : null}
      </section>

      {data.history.length > 0 ? (
        <section className="portal-card portal-credit-section">
          <h3>{t('creditPortal.history')}</h3>
          {[...data.history]
            .sort((a, b) => b.month.localeCompare(a.month))
            .map((entry) => (
              <div key={entry.month} className="portal-credit-row">
                <span className="portal-credit-row-text">{formatMonth(entry.month, format.locale)}</span>
                <Tag color={levelColour(entry.level)}>{entry.level}</Tag>
                <span className="portal-credit-points">{formatScore(entry.score, format.locale)}</span>
              </div>
            ))}
        </section>
      ) : null}
    </>
  );
}

function Points({ points }: { points: number }) {
  const format = useFormat();
  return (
    <span className={`portal-credit-points ${points < 0 ? 'is-minus' : points > 0 ? 'is-plus' : ''}`}>
      {formatPoints(points, format.locale)}
    </span>
  );
}

function AppealCard({ appeal, item }: { appeal: StoreAppeal; item: LedgerItem | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="portal-card portal-credit-section" data-testid="portal-credit-appeal">
      <h3>{t('creditPortal.appeal')}</h3>
      <div className="portal-credit-row">
        <span className="portal-credit-row-text">
          <span>
            {item ? item.label : appeal.itemKey ? t('creditPortal.disputedItem') : t('creditPortal.disputedLevelOnly')}
          </span>
          <span className="portal-muted">{appeal.reason}</span>
        </span>
        <Tag color={appealColours[appeal.status]}>{t(`credit.appealStatuses.${appeal.status}`)}</Tag>
      </div>
      {appeal.status === 'open' ? (
        <>
          <p className="portal-muted" style={{ margin: 0 }}>
            {t('creditPortal.appealDue', { date: format.day(appeal.dueOn) })}
          </p>
          <p className="portal-muted" style={{ margin: '4px 0 0' }}>
            {t('creditPortal.appealOpenNote')}
          </p>
        </>
      ) : (
        <p style={{ margin: 0 }}>
          {t('creditPortal.appealOutcome')}：{appeal.note ?? '—'}
          <span className="portal-muted">（{format.dateTime(appeal.decidedAt)}）</span>
        </p>
      )}
    </section>
  );
}
