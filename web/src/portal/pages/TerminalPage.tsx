import { LeftOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  type PortalTerminal,
  tiersToApplyFor,
  uploadApplicationPhoto,
  useApplyForTier,
  usePortalTerminal,
} from './terminal.api.ts';
import './terminal.css';
import { PortalPhotoPicker } from '../PortalPhotoPicker.tsx';

const openStatuses = ['submitted', 'reviewed', 'approved'];
const applicationColours: Record<string, string> = {
  submitted: 'processing',
  reviewed: 'gold',
  approved: 'cyan',
  awarded: 'green',
  rejected: 'default',
};

function ApplyForm({ terminal }: { terminal: PortalTerminal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const apply = useApplyForTier();
  const [form] = Form.useForm<{ tierId: number; note?: string }>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const tierId = Form.useWatch('tierId', form);
  const choices = tiersToApplyFor(terminal);
  const chosen = choices.find((tier) => tier.id === tierId);
  if (choices.length === 0) return <p className="portal-muted">{t('terminalsPortal.noneToApply')}</p>;

  const submit = async () => {
    const checked = await form.validateFields().catch(() => null);
    if (!checked) return;
    setUploadError(null);
    setUploading(true);
    const photoIds: number[] = [];
    try {
      for (const photo of photos) {
        if (photo.originFileObj) photoIds.push((await uploadApplicationPhoto(photo.originFileObj)).id);
      }
    } catch (error) {
      setUploadError(error);
      setUploading(false);
      return;
    }
    setUploading(false);
    const note = checked.note?.trim();
    const sent = await apply
      .mutateAsync({ tierId: checked.tierId, ...(note ? { note } : {}), ...(photoIds.length > 0 ? { photoIds } : {}) })
      .catch(() => null);
    if (!sent) return;
    form.resetFields();
    setPhotos([]);
    message.success(t('terminalsPortal.submitted'));
  };
  const error = uploadError ?? apply.error;

  return (
    <Form form={form} layout="vertical" requiredMark={false}>
      {error ? <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="tierId"
        label={t('terminalsPortal.tier')}
        rules={[{ required: true, message: t('terminalsPortal.tierRequired') }]}
        extra={
          chosen
            ? t('terminalsPortal.standard', {
                pass: format.number(chosen.passScore),
                funding: format.number(chosen.fundingYuan),
                fixtures: chosen.fixtures.join('、'),
              })
            : undefined
        }
      >
        <Select size="large" options={choices.map((tier) => ({ value: tier.id, label: tier.name }))} />
      </Form.Item>
      <Form.Item name="note" label={t('terminalsPortal.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('terminalsPortal.notePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('terminalsPortal.photos')}>
        <PortalPhotoPicker photos={photos} onChange={setPhotos} />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        className="portal-big-button"
        loading={isUploading || apply.isPending}
        onClick={() => void submit()}
      >
        {t('terminalsPortal.submit')}
      </Button>
    </Form>
  );
}

// 我的标杆店: the tier the store holds and when it is re-inspected, its application in progress
// (or the form to apply, with photos from the phone), and its applications and inspections.
export function TerminalPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const terminal = usePortalTerminal();
  if (terminal.isPending) return <FullPageSpin />;
  if (terminal.error) return <FullPageError error={terminal.error} onRetry={() => void terminal.refetch()} />;
  const data = terminal.data;
  const open = data.applications.find((application) => openStatuses.includes(application.status));

  return (
    <div className="portal-page">
      <div className="portal-terminal-head">
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('terminalsPortal.back')}
          onClick={() => navigate('/portal/mine')}
        />
        <h2>{t('terminalsPortal.title')}</h2>
      </div>

      <section className="portal-card portal-terminal-tier" data-testid="portal-terminal-tier">
        <p className="portal-muted">{t('terminalsPortal.current')}</p>
        {data.award ? (
          <>
            <strong>{data.award.tierName}</strong>
            <p className="portal-muted">
              {t('terminalsPortal.dueOn', { date: format.day(data.award.dueOn) })}
              {data.award.overdue ? <Tag color="red">{t('terminalsPortal.overdue')}</Tag> : null}
            </p>
          </>
        ) : (
          <strong>{t('terminalsPortal.none')}</strong>
        )}
      </section>

      <section className="portal-card">
        <h3>{t('terminalsPortal.apply')}</h3>
        {open ? (
          <Alert
            type="info"
            showIcon
            title={t('terminalsPortal.openApplication', {
              tier: open.tierName,
              status: t(`terminals.applicationStatuses.${open.status}`),
            })}
          />
        ) : (
          <ApplyForm terminal={data} />
        )}
      </section>

      <section className="portal-card">
        <h3>{t('terminalsPortal.applications')}</h3>
        {data.applications.length === 0 ? <p className="portal-muted">{t('terminalsPortal.empty')}</p> : null}
        {data.applications.map((application) => (
          <div key={application.id} className="portal-terminal-record" data-testid="portal-terminal-application">
            <div className="portal-terminal-record-line">
              <span>{application.tierName}</span>
              <Tag color={applicationColours[application.status]}>
                {t(`terminals.applicationStatuses.${application.status}`)}
              </Tag>
            </div>
            <span className="portal-muted">{format.dateTime(application.createdAt)}</span>
            {application.decisionNote || application.reviewNote ? (
              <span className="portal-muted">{application.decisionNote ?? application.reviewNote}</span>
            ) : null}
          </div>
        ))}
      </section>

      <section className="portal-card">
        <h3>{t('terminalsPortal.inspections')}</h3>
        {data.inspections.length === 0 ? <p className="portal-muted">{t('terminalsPortal.empty')}</p> : null}
        {data.inspections.map((inspection) => (
          <div key={inspection.id} className="portal-terminal-record">
            <div className="portal-terminal-record-line">
              <span>{inspection.tierName}</span>
              <Tag color={inspection.awarded ? 'green' : 'orange'}>{t(`terminals.outcomes.${inspection.outcome}`)}</Tag>
            </div>
            <span className="portal-muted">
              {format.date(inspection.inspectedAt)} ·{' '}
              {t('terminalsPortal.score', {
                score: format.number(inspection.score),
                pass: format.number(inspection.passScore),
              })}
            </span>
            {inspection.reason ? <span className="portal-muted">{inspection.reason}</span> : null}
          </div>
        ))}
      </section>
    </div>
  );
}
