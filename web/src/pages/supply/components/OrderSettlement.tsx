import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, InputNumber, Popover, Select, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/auth/use-can.ts';
import { describeError } from '../../../shared/error-message.ts';
import {
  type SettlementStatus,
  setOrderSettlement,
  settlementImportErrorsOf,
  uploadSettlementImport,
  useInvalidateSupply,
} from '../supply.api.ts';

const statuses: SettlementStatus[] = ['on_time', 'late', 'failed'];
const colorOf: Record<SettlementStatus, string> = { on_time: 'green', late: 'orange', failed: 'red' };

// 结算: how an order was paid, as a tag (未登记 until set or imported).
export function SettlementTag({ status, lateDays }: { status: SettlementStatus | null; lateDays: number | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag>{t('supply.settlement.none')}</Tag>;
  return (
    <Tag color={colorOf[status]}>
      {status === 'late'
        ? t('supply.settlement.lateDays', { days: lateDays ?? 0 })
        : t(`supply.settlement.statuses.${status}`)}
    </Tag>
  );
}

// The tag, and for the service centre and admins a small form that sets it (a submitted order only).
export function SettlementCell(props: {
  orderId: number;
  orderStatus: 'submitted' | 'cancelled';
  status: SettlementStatus | null;
  lateDays: number | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const invalidate = useInvalidateSupply();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<SettlementStatus>(props.status ?? 'on_time');
  const [lateDays, setLateDays] = useState<number | null>(props.lateDays);
  const [busy, setBusy] = useState(false);
  const tag = <SettlementTag status={props.status} lateDays={props.lateDays} />;
  if (props.orderStatus !== 'submitted' || !can('PUT /api/v1/orders/:id/settlement')) return tag;

  async function save() {
    setBusy(true);
    try {
      await setOrderSettlement(props.orderId, { status, lateDays: status === 'late' ? lateDays : null });
      message.success(t('supply.settlement.saved'));
      setOpen(false);
      void invalidate();
    } catch (error) {
      message.error(describeError(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('supply.settlement.set')}
      content={
        <Flex vertical gap={8} style={{ width: 200 }}>
          <Select<SettlementStatus>
            aria-label={t('supply.settlement.title')}
            value={status}
            onChange={setStatus}
            options={statuses.map((value) => ({ value, label: t(`supply.settlement.statuses.${value}`) }))}
          />
          {status === 'late' ? (
            <InputNumber
              aria-label={t('supply.settlement.days')}
              placeholder={t('supply.settlement.days')}
              min={1}
              max={365}
              precision={0}
              value={lateDays}
              onChange={(value) => setLateDays(value)}
              style={{ width: '100%' }}
            />
          ) : null}
          <Button
            type="primary"
            size="small"
            loading={busy}
            data-action="PUT /api/v1/orders/:id/settlement"
            onClick={save}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Button type="link" size="small" style={{ padding: 0 }} aria-label={t('supply.settlement.set')}>
        {tag}
      </Button>
    </Popover>
  );
}

// 导入结算: the bank / settlement system's file (订单号, 结算状态, 逾期天数), all or nothing.
export function SettlementImportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const invalidate = useInvalidateSupply();
  const [busy, setBusy] = useState(false);
  const [rowErrors, setRowErrors] = useState<ReturnType<typeof settlementImportErrorsOf>>([]);
  if (!can('POST /api/v1/orders/settlements/import')) return null;
  return (
    <Flex vertical gap={8}>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={async (file) => {
          setBusy(true);
          setRowErrors([]);
          try {
            const result = await uploadSettlementImport(file);
            const imported = t('supply.settlement.imported', { rows: result.rows, updated: result.updated });
            message.success(
              result.keptByAppeal > 0
                ? `${imported}${t('supply.settlement.keptByAppeal', { count: result.keptByAppeal })}`
                : imported,
            );
            void invalidate();
          } catch (error) {
            setRowErrors(settlementImportErrorsOf(error));
            message.error(describeError(error, t));
          } finally {
            setBusy(false);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-action="POST /api/v1/orders/settlements/import">
          {t('supply.settlement.import')}
        </Button>
      </Upload>
      {rowErrors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('supply.settlement.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {rowErrors.map((error) => (
                <li key={`${error.row}-${error.column}`}>
                  {t('supply.settlement.rowError', { row: error.row, column: error.column, message: error.message })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}
