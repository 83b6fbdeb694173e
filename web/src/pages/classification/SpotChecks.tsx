import { DownloadOutlined, ExperimentOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/auth/use-can.ts';
import { type CustomerClass, customerClasses } from '../../shared/customer-codes.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  assessSpotCheckItem,
  createSpotCheck,
  type SpotCheck,
  type SpotCheckItem,
  spotCheckExportUrl,
  useClassificationMutation,
  useSpotCheck,
  useSpotChecks,
} from './classification.api.ts';
import { ClassLabel } from './components/ClassLabel.tsx';

// 抽查: draw a stratified sample (size, seed), re-assess each store, read accuracy, consistency and
// completeness, export the report.
export function SpotChecksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const can = useCan();
  const canCreate = can('POST /api/v1/classification/spot-checks');
  const canAssess = can('PUT /api/v1/classification/spot-checks/:id/items/:customerId');
  const checks = useSpotChecks();
  const [params, setParams] = useSearchParams();
  const items = checks.data?.items ?? [];
  const checkId = Number(params.get('check')) || items[0]?.id;
  const report = useSpotCheck(checkId);
  const [isCreating, setCreating] = useState(false);
  const [form] = Form.useForm<{ size: number; seed?: number }>();
  const create = useClassificationMutation(createSpotCheck);
  const assess = useClassificationMutation(assessSpotCheckItem);
  const percent = (value: number | null) =>
    value === null ? '—' : `${format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({ size: values.size, seed: values.seed ?? undefined });
      message.success(t('classification.spotChecks.created', { size: created.size }));
      setCreating(false);
      setParams({ check: String(created.id) }, { replace: true });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const itemColumns: TableColumnsType<SpotCheckItem> = [
    { title: t('customers.fields.licenceNo'), dataIndex: 'licenceNo', width: 130 },
    { title: t('classification.runs.store'), dataIndex: 'name' },
    { title: t('classification.runs.branch'), dataIndex: 'branchName', width: 120 },
    {
      title: t('classification.spotChecks.sampledClass'),
      key: 'sampled',
      render: (_, item) => <ClassLabel value={item.sampledClass} demoType={item.sampledDemoType} />,
    },
    {
      title: t('classification.spotChecks.rerunClass'),
      dataIndex: 'rerunClass',
      render: (value: CustomerClass) => <ClassLabel value={value} />,
    },
    {
      title: t('classification.spotChecks.complete'),
      dataIndex: 'complete',
      render: (value: boolean) =>
        value ? (
          <Tag color="green">{t('classification.spotChecks.yes')}</Tag>
        ) : (
          <Tag>{t('classification.spotChecks.no')}</Tag>
        ),
    },
    {
      title: t('classification.spotChecks.inspectorClass'),
      key: 'inspector',
      width: 150,
      render: (_, item) =>
        canAssess && report.data ? (
          <Select
            data-action="PUT /api/v1/classification/spot-checks/:id/items/:customerId"
            size="small"
            style={{ width: 130 }}
            value={item.inspectorClass ?? undefined}
            placeholder="—"
            aria-label={`assess-${item.licenceNo}`}
            options={customerClasses.map((value) => ({ value, label: t(`customers.classes.${value}`) }))}
            onChange={async (value: CustomerClass) => {
              try {
                await assess.mutateAsync({
                  spotCheckId: report.data.id,
                  customerId: item.customerId,
                  inspectorClass: value,
                });
              } catch (error) {
                message.error(describeError(error, t));
              }
            }}
          />
        ) : (
          <ClassLabel value={item.inspectorClass} />
        ),
    },
    {
      title: t('classification.spotChecks.agrees'),
      dataIndex: 'agrees',
      width: 70,
      render: (value: boolean | null) =>
        value === null ? (
          '—'
        ) : value ? (
          <Tag color="green">{t('classification.spotChecks.yes')}</Tag>
        ) : (
          <Tag color="red">{t('classification.spotChecks.no')}</Tag>
        ),
    },
  ];

  const data = report.data;
  return (
    <PageContainer
      title={t('classification.spotChecks.title')}
      extra={
        canCreate ? (
          <Button
            data-action="POST /api/v1/classification/spot-checks"
            type="primary"
            icon={<ExperimentOutlined />}
            onClick={() => setCreating(true)}
          >
            {t('classification.spotChecks.create')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Card>
          {checks.error ? <Alert type="error" showIcon title={describeError(checks.error, t)} /> : null}
          <Table<SpotCheck>
            rowKey="id"
            size="small"
            dataSource={items}
            loading={checks.isLoading}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            locale={{ emptyText: t('classification.spotChecks.empty') }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: checkId ? [checkId] : [],
              onChange: (keys) => setParams({ check: String(keys[0]) }, { replace: true }),
            }}
            onRow={(entry) => ({ onClick: () => setParams({ check: String(entry.id) }, { replace: true }) })}
            columns={[
              { title: t('classification.spotChecks.sample'), dataIndex: 'id', width: 80 },
              { title: t('classification.spotChecks.size'), dataIndex: 'size', width: 90 },
              { title: t('classification.spotChecks.seed').split('（')[0].split(' (')[0], dataIndex: 'seed' },
              {
                title: t('classification.runs.createdAt'),
                dataIndex: 'createdAt',
                render: (value: string) => format.dateTime(value),
              },
            ]}
          />
        </Card>
        {data ? (
          <Card
            title={`${t('classification.spotChecks.sample')} ${data.id}`}
            extra={
              <Button icon={<DownloadOutlined />} href={spotCheckExportUrl(data.id)}>
                {t('classification.spotChecks.export')}
              </Button>
            }
          >
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}>
                <Statistic title={t('classification.spotChecks.accuracy')} value={percent(data.stats.accuracy)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('classification.spotChecks.consistency')} value={percent(data.stats.consistency)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('classification.spotChecks.completeness')}
                  value={percent(data.stats.completeness)}
                />
              </Col>
              <Col xs={12} md={6}>
                <Typography.Text type="secondary">
                  {t('classification.spotChecks.assessed', {
                    assessed: data.stats.assessed,
                    sampled: data.stats.sampled,
                  })}
                </Typography.Text>
              </Col>
            </Row>
            <Table<SpotCheckItem>
              rowKey="customerId"
              size="small"
              columns={itemColumns}
              dataSource={data.items}
              pagination={{ pageSize: 20, showSizeChanger: false }}
            />
          </Card>
        ) : (
          <Card>
            <Empty description={t('classification.spotChecks.pickCheck')} />
          </Card>
        )}
      </Flex>
      <Modal
        open={isCreating}
        title={t('classification.spotChecks.create')}
        onCancel={() => setCreating(false)}
        onOk={submit}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ size: 200 }}>
          <Form.Item name="size" label={t('classification.spotChecks.size')} rules={[{ required: true }]}>
            <InputNumber min={1} max={2000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="seed" label={t('classification.spotChecks.seed')}>
            <InputNumber min={0} max={2_147_483_647} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
