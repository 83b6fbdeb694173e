import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LineChartOutlined,
  SlidersOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Skeleton,
  Space,
  Steps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api-client.ts';
import { ActionButton } from '../../shared/auth/ActionButton.tsx';
import { describeError } from '../../shared/error-message.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { IndexTag } from './components/IndexTag.tsx';
import { WarningLevelTag, WarningStatusTag } from './components/WarningTags.tsx';
import {
  fetchAllocationDraft,
  patchWarning,
  usePricesMutation,
  useWarning,
  type Warning,
  type WarningStatus,
  type WarningTransition,
  warningStatuses,
} from './prices.api.ts';
import { formatCount, formatIndex, formatYuan } from './prices-format.ts';
import { allocationLink } from './supply-link.ts';

function BackToWarnings() {
  const { t } = useTranslation();
  return (
    <Link to="/prices/warnings">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('prices.warnings.back')}
      </Button>
    </Link>
  );
}

// Whether a step is open from the warning's status: forward only (a false alarm may be closed at once).
export function canMove(status: WarningStatus, to: WarningTransition): boolean {
  return warningStatuses.indexOf(to) > warningStatuses.indexOf(status);
}

// One warning: its figures and the rule that fired, its status flow with the note of the action,
// and 调整下期投放, which opens the next cycle's allocation of the product with the warning's
// region preselected for a reduced quota.
export function WarningDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const format = useFormat();
  const navigate = useNavigate();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const warning = useWarning(id);
  const move = usePricesMutation(patchWarning);
  const allocate = usePricesMutation(fetchAllocationDraft);
  const [noteFor, setNoteFor] = useState<'action_taken' | 'closed' | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  if (id === 0 || (warning.error && isApiError(warning.error) && warning.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('errors.notFound')}
        subTitle={t('prices.warnings.notFound')}
        extra={<BackToWarnings />}
      />
    );
  }
  if (warning.error) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={describeError(warning.error, t)}
        extra={<BackToWarnings />}
      />
    );
  }
  if (!warning.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data: Warning = warning.data;
  const productName = data.productName;
  const region = data.region.label;

  const run = async (to: WarningTransition, note?: string) => {
    try {
      await move.mutateAsync({ id, patch: { status: to, ...(note ? { note } : {}) } });
      message.success(
        t(
          to === 'acknowledged'
            ? 'prices.warnings.acknowledged'
            : to === 'action_taken'
              ? 'prices.warnings.actionTaken'
              : 'prices.warnings.closed',
        ),
      );
      return true;
    } catch (error) {
      message.error(describeError(error, t));
      return false;
    }
  };

  const adjustSupply = async () => {
    try {
      const draft = await allocate.mutateAsync(id);
      const link = allocationLink(draft);
      if (link) {
        navigate(link);
        return;
      }
      modal.confirm({
        title: t('prices.warnings.noNextCycle'),
        content: draft.createWeekStart
          ? t('prices.warnings.createCycle', { week: format.cycleWeek(draft.createWeekStart) })
          : null,
        okText: t('prices.warnings.goToCycles'),
        onOk: () => navigate('/supply/cycles'),
      });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const stepIndex = warningStatuses.indexOf(data.status);
  const stamps = [data.createdAt, data.acknowledgedAt, data.actionTakenAt, data.closedAt];

  return (
    <div>
      <BackToWarnings />
      <Card style={{ marginTop: 4, marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space size={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('prices.warnings.detailTitle', { product: productName, region })}
            </Typography.Title>
            <WarningLevelTag level={data.level} />
            <WarningStatusTag status={data.status} />
          </Space>
          <Flex gap={8} wrap>
            {data.status === 'new' ? (
              <ActionButton
                action="PATCH /api/v1/prices/warnings/:id"
                type="primary"
                icon={<CheckOutlined />}
                loading={move.isPending && move.variables?.patch.status === 'acknowledged'}
                onClick={() => run('acknowledged')}
              >
                {t('prices.warnings.acknowledge')}
              </ActionButton>
            ) : null}
            {data.status !== 'closed' ? (
              <ActionButton
                action="GET /api/v1/prices/warnings/:id/allocation"
                icon={<SlidersOutlined />}
                loading={allocate.isPending}
                title={t('prices.warnings.adjustSupplyHelp')}
                onClick={adjustSupply}
              >
                {t('prices.warnings.adjustSupply')}
              </ActionButton>
            ) : null}
            {canMove(data.status, 'action_taken') ? (
              <ActionButton
                action="PATCH /api/v1/prices/warnings/:id"
                icon={<EditOutlined />}
                onClick={() => setNoteFor('action_taken')}
              >
                {t('prices.warnings.takeAction')}
              </ActionButton>
            ) : null}
            {canMove(data.status, 'closed') ? (
              <ActionButton
                action="PATCH /api/v1/prices/warnings/:id"
                icon={<CloseCircleOutlined />}
                onClick={() => setNoteFor('closed')}
              >
                {t('prices.warnings.close')}
              </ActionButton>
            ) : null}
          </Flex>
        </Flex>
        <Steps
          size="small"
          style={{ marginTop: 20, marginBottom: 8 }}
          current={stepIndex}
          items={warningStatuses.map((status, at) => ({
            title: t(`prices.warnings.statuses.${status}`),
            description: at <= stepIndex && stamps[at] ? format.dateTime(stamps[at]) : undefined,
          }))}
        />
      </Card>
      <Card
        title={t('prices.warnings.figures')}
        extra={
          <Link
            to={`/prices/index?productId=${data.productId}&week=${data.week}&groupBy=${data.region.kind === 'branch' ? 'branch' : 'district'}`}
          >
            <Button type="link" icon={<LineChartOutlined />}>
              {t('prices.indexPage.title')}
            </Button>
          </Link>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'index', label: t('prices.index'), children: <IndexTag index={data.index} /> },
            {
              key: 'previous',
              label: t('prices.warnings.previousIndex'),
              children: formatIndex(data.previousIndex, format.locale),
            },
            {
              key: 'observations',
              label: t('prices.observations'),
              children: formatCount(data.observations, format.locale),
            },
            { key: 'mean', label: t('prices.meanPackPrice'), children: formatYuan(data.meanPackPrice, format.locale) },
            {
              key: 'suggested',
              label: t('prices.suggestedPackPrice'),
              children: formatYuan(data.suggestedPackPrice, format.locale),
            },
            {
              key: 'weeks',
              label: t('prices.warnings.week'),
              children:
                data.firstWeek !== data.week
                  ? `${format.cycleWeekShort(data.firstWeek)} – ${format.cycleWeekShort(data.week)}（${t('prices.warnings.weeks', { count: data.weeks })}）`
                  : format.cycleWeek(data.week),
            },
            { key: 'rule', label: t('prices.warnings.rule'), span: 3, children: data.rule },
            { key: 'owner', label: t('prices.warnings.owner'), children: data.ownerName ?? '—' },
            {
              key: 'note',
              label: t('prices.warnings.actionNote'),
              span: 2,
              children: data.actionNote ? (
                data.actionNote
              ) : (
                <Typography.Text type="secondary">{t('prices.warnings.noNote')}</Typography.Text>
              ),
            },
          ]}
        />
        {data.status !== 'closed' ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('prices.warnings.adjustSupplyHelp')} />
        ) : null}
      </Card>
      <Modal
        open={noteFor !== null}
        title={noteFor === 'closed' ? t('prices.warnings.close') : t('prices.warnings.takeAction')}
        okText={noteFor === 'closed' ? t('prices.warnings.close') : t('prices.warnings.takeAction')}
        confirmLoading={move.isPending}
        destroyOnHidden
        onCancel={() => setNoteFor(null)}
        onOk={async () => {
          const values = await form.validateFields().catch(() => null);
          if (values && noteFor && (await run(noteFor, values.note?.trim() || undefined))) {
            setNoteFor(null);
            form.resetFields();
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ note: data.actionNote ?? '' }}>
          <Form.Item
            name="note"
            label={t('prices.warnings.actionNote')}
            rules={
              noteFor === 'action_taken'
                ? [{ required: true, whitespace: true, message: t('prices.warnings.noteRequired') }]
                : []
            }
          >
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('prices.warnings.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
