import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { diffAuditValues, formatJsonValue } from '../../../shared/json-diff.ts';
import type { AuditEntry } from '../audit.api.ts';
import './audit-diff.css';

// Before and after, side by side, one aligned line per field; changed fields highlighted.
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffAuditValues(entry.before, entry.after);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />;
  const changedCount = rows.filter((row) => row.isChanged).length;

  return (
    <div className="kewo-audit-diff">
      <div className="kewo-audit-diff-header">
        <span>{t('audit.field')}</span>
        <span>{t('audit.before')}</span>
        <span>{t('audit.after')}</span>
      </div>
      {rows.map((row) => (
        <div key={row.key} className={row.isChanged ? 'kewo-audit-diff-row is-changed' : 'kewo-audit-diff-row'}>
          <span className="kewo-audit-diff-key">
            <Typography.Text code>{row.key}</Typography.Text>
            {row.isChanged ? (
              <Tag color="orange" variant="filled" style={{ marginInlineStart: 6 }}>
                {t('audit.changed')}
              </Tag>
            ) : null}
          </span>
          <pre className={row.isInBefore ? 'kewo-audit-diff-before' : 'kewo-audit-diff-before is-absent'}>
            {row.isInBefore ? formatJsonValue(row.before) : <em>{t('audit.empty')}</em>}
          </pre>
          <pre className={row.isInAfter ? 'kewo-audit-diff-after' : 'kewo-audit-diff-after is-absent'}>
            {row.isInAfter ? formatJsonValue(row.after) : <em>{t('audit.empty')}</em>}
          </pre>
        </div>
      ))}
      {changedCount === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
          {t('audit.noChanges')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
