import { DownloadOutlined, EditOutlined, LeftOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  QRCode,
  Rate,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCustomerReference } from '../../shared/customer-reference.ts';
import { describeError } from '../../shared/error-message.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { SessionEditor } from './components/SessionEditor.tsx';
import {
  cancelSession,
  certificateUrl,
  checkInLinkOf,
  kindColours,
  markAttendance,
  type Session,
  type Signup,
  useCheckInCode,
  useSession,
  useSignups,
  useTrainingMutation,
} from './training.api.ts';

// A session: what, when, where, who teaches and for whom; the sign-ups with their check-in, test
// and rating (the trainer marks attendance here), the waitlist in order, the check-in code and its
// QR code to show at the session, and the post-test with its answers.
export function SessionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : 0;
  const session = useSession(id);
  const signups = useSignups(session.data ? id : 0);
  const { modal, message } = App.useApp();
  const cancel = useTrainingMutation(cancelSession);
  const [isEditing, setEditing] = useState(false);

  if (session.isPending) return <Spin />;
  if (session.error)
    return <Alert type="error" showIcon title={describeError(session.error, t)} data-testid="session-problem" />;
  const data = session.data;
  const isOpen = data.status === 'open';
  const mayShowCode = data.canManage || data.isTrainer;
  const rows = signups.data?.items ?? [];
  const active = rows.filter((row) => row.status === 'confirmed');
  const waitlist = rows.filter((row) => row.status === 'waitlisted');

  const confirmCancel = () =>
    modal.confirm({
      title: t('training.detail.cancelSession'),
      content: t('training.detail.cancelConfirm'),
      onOk: async () => {
        try {
          await cancel.mutateAsync(data.id);
          message.success(t('training.detail.cancelled'));
        } catch (error) {
          message.error(describeError(error, t));
        }
      },
    });

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          <Link to="/trainings" aria-label={t('training.detail.back')}>
            <LeftOutlined />
          </Link>
          {data.title}
          <Tag color={kindColours[data.kind]}>{t(`training.kinds.${data.kind}`)}</Tag>
          {isOpen ? null : <Tag>{t('training.statuses.cancelled')}</Tag>}
        </Flex>
      }
      extra={
        data.canManage && isOpen ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('training.detail.edit')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={confirmCancel}>
              {t('training.detail.cancelSession')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('training.detail.time')}>
            {format.dateTimeRange(data.startsAt, data.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.place')}>{data.place}</Descriptions.Item>
          <Descriptions.Item label={t('training.detail.trainer')}>
            {data.trainer.name}
            {data.trainer.kind === 'store' ? (
              <Tag color="cyan" style={{ marginLeft: 4 }}>
                {t('training.list.inHouse')}
              </Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.signupDeadline')}>
            {format.dateTime(data.signupDeadline)}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.cancelDeadline')}>
            {format.dateTime(data.cancelDeadline)}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.organiser')}>
            {data.branchName ?? t('training.list.cityWide')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.target')}>
            {data.segment ? <SegmentSummary segment={data.segment} /> : t('training.detail.everyone')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.detail.capacity')} span={2}>
            {t('training.detail.figures', {
              confirmed: data.confirmed,
              capacity: data.capacity,
              waitlisted: data.waitlisted,
              checkedIn: data.checkedIn,
              passed: data.passed,
            })}
            {' · '}
            {data.ratingAverage === null
              ? t('training.detail.noRating')
              : t('training.detail.rating', { average: format.number(data.ratingAverage), count: data.ratings })}
          </Descriptions.Item>
        </Descriptions>
        {data.description ? (
          <Typography.Paragraph style={{ marginTop: 8 }}>{data.description}</Typography.Paragraph>
        ) : null}
      </Card>
      {signups.error ? <Alert type="error" showIcon title={describeError(signups.error, t)} /> : null}
      <Tabs
        items={[
          {
            key: 'signups',
            label: `${t('training.detail.tabs.signups')} (${active.length})`,
            children: <SignupTable session={data} rows={active} loading={signups.isFetching} />,
          },
          {
            key: 'waitlist',
            label: `${t('training.detail.tabs.waitlist')} (${waitlist.length})`,
            children: <WaitlistTable rows={waitlist} />,
          },
          {
            key: 'code',
            label: t('training.detail.tabs.code'),
            children: mayShowCode ? (
              <CheckInCodePanel session={data} />
            ) : (
              <Alert type="info" title={t('training.detail.codeHidden')} />
            ),
          },
          {
            key: 'test',
            label: t('training.detail.tabs.test'),
            children: <TestPanel session={data} />,
          },
        ]}
      />
      {isEditing ? (
        <SessionEditor session={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
    </PageContainer>
  );
}

// The stores a session is for, in words: each condition's values (branches by name).
function SegmentSummary({ segment }: { segment: Record<string, unknown> }) {
  const { t } = useTranslation();
  const reference = useCustomerReference();
  const branchName = new Map((reference.data?.branches ?? []).map((branch) => [branch.id, branch.name]));
  const valueLabel = (key: string, value: unknown): string => {
    switch (key) {
      case 'classes':
        return t(`customers.classes.${value as 'growth'}`);
      case 'demoTypes':
        return t(`customers.demoTypes.${value as 'brand'}`);
      case 'formats':
        return t(`customers.formats.${value as 'other'}`);
      case 'urbanRural':
        return t(`customers.urbanRuralKinds.${value as 'urban'}`);
      case 'branchIds':
        return branchName.get(Number(value)) ?? String(value);
      default:
        return String(value);
    }
  };
  const keyLabel: Record<string, string> = {
    classes: t('segment.classes'),
    demoTypes: t('segment.demoTypes'),
    formats: t('segment.formats'),
    branchIds: t('segment.branches'),
    districtCodes: t('segment.districts'),
    urbanRural: t('segment.urbanRural'),
    gradeMin: t('segment.gradeMin'),
    gradeMax: t('segment.gradeMax'),
  };
  const parts = Object.entries(segment).map(
    ([key, value]) =>
      `${keyLabel[key] ?? key}：${Array.isArray(value) ? value.map((item) => valueLabel(key, item)).join('、') : String(value)}`,
  );
  return <span>{parts.join('；')}</span>;
}

function SignupTable({ session, rows, loading }: { session: Session; rows: Signup[]; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const mark = useTrainingMutation(markAttendance);
  const mayMark = (session.canManage || session.isTrainer) && session.status === 'open';

  const setPresent = async (customerId: number, present: boolean) => {
    try {
      await mark.mutateAsync({ id: session.id, input: { customerId, present } });
      message.success(t('training.detail.marked'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <Table<Signup>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('training.detail.emptySignups') }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('training.detail.columns.store'),
          key: 'store',
          width: 220,
          render: (_, row) => (
            <Link to={`/customers/${row.customerId}`}>
              {row.customerName}
              <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                {row.licenceNo}
              </Typography.Text>
            </Link>
          ),
        },
        { title: t('training.detail.columns.branch'), dataIndex: 'branchName', width: 120 },
        {
          title: t('training.detail.columns.signedUpAt'),
          dataIndex: 'signedUpAt',
          width: 150,
          render: (value: string) => format.dateTime(value),
        },
        {
          title: t('training.detail.columns.checkIn'),
          key: 'checkIn',
          width: 190,
          render: (_, row) =>
            row.checkedInAt ? (
              <Space size={4}>
                <Tag color="green">{format.dateTime(row.checkedInAt)}</Tag>
                {row.checkInMethod ? (
                  <Typography.Text type="secondary">{t(`training.methods.${row.checkInMethod}`)}</Typography.Text>
                ) : null}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('training.detail.notCheckedIn')}</Typography.Text>
            ),
        },
        {
          title: t('training.detail.columns.test'),
          key: 'test',
          width: 120,
          render: (_, row) =>
            row.testScore === null ? (
              '—'
            ) : (
              <Tag color={row.testPassed ? 'green' : 'red'}>
                {t(row.testPassed ? 'training.detail.passed' : 'training.detail.failed', { score: row.testScore })}
              </Tag>
            ),
        },
        {
          title: t('training.detail.columns.rating'),
          key: 'rating',
          width: 170,
          render: (_, row) =>
            row.rating === null ? (
              '—'
            ) : (
              <Space direction="vertical" size={0}>
                <Rate disabled value={row.rating} style={{ fontSize: 14 }} />
                {row.ratingComment ? <Typography.Text type="secondary">{row.ratingComment}</Typography.Text> : null}
              </Space>
            ),
        },
        {
          title: t('training.detail.columns.actions'),
          key: 'actions',
          width: 200,
          render: (_, row) => (
            <Space size={4} wrap>
              {mayMark ? (
                <Button size="small" onClick={() => void setPresent(row.customerId, !row.checkedInAt)}>
                  {row.checkedInAt ? t('training.detail.markAbsent') : t('training.detail.markPresent')}
                </Button>
              ) : null}
              {row.certificate ? (
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  href={certificateUrl(session.id, row.customerId)}
                  download
                >
                  {t('training.detail.certificate')}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function WaitlistTable({ rows }: { rows: Signup[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table<Signup>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('training.detail.emptyWaitlist') }}
      columns={[
        { title: t('training.detail.columns.position'), dataIndex: 'waitlistPosition', width: 100 },
        { title: t('training.detail.columns.store'), dataIndex: 'customerName', width: 240 },
        { title: t('training.detail.columns.branch'), dataIndex: 'branchName', width: 140 },
        {
          title: t('training.detail.columns.signedUpAt'),
          dataIndex: 'signedUpAt',
          render: (value: string) => format.dateTime(value),
        },
      ]}
    />
  );
}

function CheckInCodePanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const format = useFormat();
  const code = useCheckInCode(session.id, true);
  if (code.error) return <Alert type="error" showIcon title={describeError(code.error, t)} />;
  if (!code.data) return <Spin />;
  return (
    <Flex gap={32} align="center" wrap data-testid="check-in-code">
      <QRCode value={checkInLinkOf(code.data.link)} size={240} bordered />
      <Flex vertical gap={8}>
        <Typography.Title level={1} style={{ letterSpacing: 12, margin: 0 }} data-testid="check-in-code-digits">
          {code.data.code}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('training.detail.codeValidUntil', { time: format.dateTime(code.data.validUntil) })}
        </Typography.Text>
        <Typography.Paragraph style={{ maxWidth: 420 }}>{t('training.detail.codeHelp')}</Typography.Paragraph>
      </Flex>
    </Flex>
  );
}

function TestPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (session.questions.length === 0) return <Empty description={t('training.detail.noQuestions')} />;
  return (
    <ol>
      {session.questions.map((question) => (
        <li key={question.text} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{question.text}</Typography.Text>
          <div>
            {question.options.map((option, optionIndex) => (
              <Tag key={option} color={optionIndex === question.answer ? 'green' : undefined}>
                {String.fromCharCode(65 + optionIndex)}. {option}
              </Tag>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
