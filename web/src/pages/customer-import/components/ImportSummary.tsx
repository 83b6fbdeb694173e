import { Button, Col, Result, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/use-locale.ts';
import type { ImportResult } from '../customer-import.api.ts';

// 200: how many rows were read, and what became of them.
export function ImportSummary({ result, onImportAnother }: { result: ImportResult; onImportAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = [
    { key: 'rows', title: t('customerImport.rows'), value: result.rows },
    { key: 'created', title: t('customerImport.created'), value: result.created },
    { key: 'updated', title: t('customerImport.updated'), value: result.updated },
    { key: 'unchanged', title: t('customerImport.unchanged'), value: result.unchanged },
  ];
  return (
    <Result
      status="success"
      title={t('customerImport.successTitle')}
      subTitle={t('customerImport.successSubtitle', { rows: format.number(result.rows) })}
      extra={[
        <Link key="list" to="/customers">
          <Button type="primary">{t('customerImport.backToList')}</Button>
        </Link>,
        <Button key="again" onClick={onImportAnother}>
          {t('customerImport.importAnother')}
        </Button>,
      ]}
    >
      <Row gutter={24} justify="center" data-testid="import-summary">
        {counts.map((count) => (
          <Col key={count.key} xs={12} sm={6} style={{ textAlign: 'center' }}>
            <Statistic title={count.title} value={count.value} formatter={(value) => format.number(Number(value))} />
          </Col>
        ))}
      </Row>
    </Result>
  );
}
