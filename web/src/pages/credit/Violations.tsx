import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useStoreSearch } from '../../shared/tickets.api.ts';
import { useFormat } from '../../shared/use-locale.ts';
import {
  createViolation,
  uploadViolationImport,
  useCreditMutation,
  useViolations,
  type Violation,
  type ViolationSeverity,
  type ViolationType,
  violationSeverities,
  violationTemplateUrl,
  violationTypes,
  voidViolation,
} from './credit.api.ts';

const pageSize = 20;
const severityColours: Record<ViolationSeverity, string> = { minor: 'default', major: 'orange', severe: 'red' };

// 违规记录: the 专卖 violations the score deducts for, entered by inspectors or imported from an
// xlsx (all rows or none); a record entered in error is voided with a reason, never deleted.
export function ViolationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [search] = useSearchParams();
  const highlighted = search.get('id');
  const [page, setPage] = useState(1);
  const [showVoided, setShowVoided] = useState(false);
  const violations = useViolations({
    page,
    pageSize,
    ...(showVoided ? { includeVoided: 'true' } : {}),
  });
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [voiding, setVoiding] = useState<Violation | null>(null);

  return (
    <PageContainer
      title={t('credit.violations.title')}
      extra={
        <>
          <ActionButton
            action="POST /api/v1/credit/violations/import"
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
          >
            {t('credit.violations.import')}
          </ActionButton>
          <ActionButton
            action="POST /api/v1/credit/violations"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
          >
            {t('credit.violations.create')}
          </ActionButton>
        </>
      }
    >
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap>
        <Checkbox
          checked={showVoided}
          onChange={(event) => {
            setShowVoided(event.target.checked);
            setPage(1);
          }}
        >
          {t('credit.violations.showVoided')}
        </Checkbox>
      </Flex>
      {violations.error ? <Alert type="error" showIcon title={describeError(violations.error, t)} /> : null}
      <Table<Violation>
        rowKey="id"
        size="middle"
        loading={violations.isFetching}
        dataSource={violations.data?.items ?? []}
        locale={{ emptyText: t('credit.violations.empty') }}
        rowClassName={(row) => (String(row.id) === highlighted ? 'ant-table-row-selected' : '')}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: violations.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('credit.violations.occurredOn'),
            dataIndex: 'occurredOn',
            width: 120,
            render: (value: string) => format.day(value),
          },
          {
            title: t('credit.violations.customer'),
            dataIndex: 'customerName',
            render: (name: string, row) => <Link to={`/customers/${row.customerId}?tab=credit`}>{name}</Link>,
          },
          {
            title: t('credit.violations.type'),
            dataIndex: 'type',
            width: 120,
            render: (value: ViolationType) => t(`credit.violationTypes.${value}`),
          },
          {
            title: t('credit.violations.severity'),
            dataIndex: 'severity',
            width: 100,
            render: (value: ViolationSeverity) => (
              <Tag color={severityColours[value]}>{t(`credit.severities.${value}`)}</Tag>
            ),
          },
          { title: t('credit.violations.documentNo'), dataIndex: 'documentNo', width: 160 },
          {
            title: t('credit.violations.source'),
            dataIndex: 'source',
            width: 80,
            render: (value: Violation['source']) => t(`credit.violationSources.${value}`),
          },
          {
            title: t('credit.violations.status'),
            key: 'status',
            width: 200,
            render: (_: unknown, row) =>
              row.voidedAt ? (
                <Typography.Text type="secondary">
                  {t('credit.violations.voided')}：{row.voidReason}
                </Typography.Text>
              ) : (
                <Tag color="blue">{t('credit.violations.active')}</Tag>
              ),
          },
          ...(can('POST /api/v1/credit/violations/:id/void')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, row: Violation) =>
                    row.voidedAt ? null : (
                      <Button
                        type="link"
                        size="small"
                        danger
                        data-action="POST /api/v1/credit/violations/:id/void"
                        onClick={() => setVoiding(row)}
                      >
                        {t('credit.violations.void')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <CreateViolationDrawer isOpen={isCreating} onClose={() => setCreating(false)} />
      <ImportViolationsModal isOpen={isImporting} onClose={() => setImporting(false)} />
      <VoidModal violation={voiding} onClose={() => setVoiding(null)} />
    </PageContainer>
  );
}

type CreateValues = {
  customerId?: number;
  occurredOn?: Dayjs | null;
  type?: ViolationType;
  severity?: ViolationSeverity;
  documentNo?: string;
  note?: string;
};

function CreateViolationDrawer({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [q, setQ] = useState('');
  const stores = useStoreSearch(q);
  const create = useCreditMutation(createViolation);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const created = await create
      .mutateAsync({
        customerId: values.customerId ?? 0,
        occurredOn: values.occurredOn?.format('YYYY-MM-DD') ?? '',
        type: values.type ?? 'other',
        severity: values.severity ?? 'minor',
        documentNo: values.documentNo?.trim() ?? '',
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      })
      .catch(() => null);
    if (!created) return;
    message.success(t('credit.violations.created'));
    form.resetFields();
    onClose();
  };

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      destroyOnHidden
      size={520}
      title={t('credit.violations.createTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <ActionButton
            action="POST /api/v1/credit/violations"
            type="primary"
            loading={create.isPending}
            onClick={submit}
          >
            {t('common.save')}
          </ActionButton>
        </Flex>
      }
    >
      {create.error ? (
        <Alert type="error" showIcon title={describeError(create.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues> form={form} layout="vertical">
        <Form.Item
          name="customerId"
          label={t('credit.violations.customer')}
          rules={[{ required: true, message: t('credit.violations.customerRequired') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            notFoundContent={null}
            aria-label={t('credit.violations.customer')}
            placeholder={t('credit.violations.customerSearch')}
            loading={stores.isFetching}
            options={(stores.data?.items ?? []).map((store) => ({
              value: store.id,
              label: `${store.name}（${store.licenceNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('credit.violations.occurredOn')}
          rules={[{ required: true, message: t('credit.violations.dateRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('credit.violations.type')}
          rules={[{ required: true, message: t('credit.violations.typeRequired') }]}
        >
          <Select options={violationTypes.map((value) => ({ value, label: t(`credit.violationTypes.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="severity"
          label={t('credit.violations.severity')}
          rules={[{ required: true, message: t('credit.violations.severityRequired') }]}
        >
          <Select options={violationSeverities.map((value) => ({ value, label: t(`credit.severities.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t('credit.violations.documentNo')}
          rules={[{ required: true, whitespace: true, message: t('credit.violations.documentRequired') }, { max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={t('credit.violations.note')} rules={[{ max: 500 }]}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function VoidModal({ violation, onClose }: { violation: Violation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const voiding = useCreditMutation(voidViolation);
  const submit = async () => {
    if (!violation) return;
    const checked = await form.validateFields().catch(() => null);
    if (!checked) return;
    const { reason } = checked;
    const done = await voiding.mutateAsync({ id: violation.id, reason: reason.trim() }).catch(() => null);
    if (!done) return;
    message.success(t('credit.violations.voidDone'));
    onClose();
  };
  return (
    <Modal
      open={violation !== null}
      title={t('credit.violations.voidTitle')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('credit.violations.void')}
      okButtonProps={{ danger: true, loading: voiding.isPending }}
      onOk={submit}
    >
      {voiding.error ? (
        <Alert type="error" showIcon title={describeError(voiding.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('credit.violations.voidReason')}
          rules={[
            { required: true, whitespace: true, message: t('credit.violations.voidReasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportViolationsModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const upload = useCreditMutation(uploadViolationImport);
  return (
    <ImportDialog
      isOpen={isOpen}
      onClose={onClose}
      accept=".xlsx"
      template={{ href: violationTemplateUrl, label: t('credit.violations.importTemplate') }}
      upload={upload}
      startAction="POST /api/v1/credit/violations/import"
      texts={{
        title: t('credit.violations.importTitle'),
        help: t('credit.violations.importHelp'),
        choose: t('credit.violations.importChoose'),
        start: t('credit.violations.importStart'),
        errorsTitle: (count) => t('credit.violations.importErrors', { count }),
        errorRow: t('credit.violations.errorRow'),
        errorColumn: t('credit.violations.errorColumn'),
        errorValue: t('credit.violations.errorValue'),
        errorMessage: t('credit.violations.errorMessage'),
        emptyValue: t('credit.violations.emptyValue'),
      }}
      doneText={(result) =>
        t('credit.violations.importDone', { created: format.number(result.created), rows: format.number(result.rows) })
      }
    />
  );
}
