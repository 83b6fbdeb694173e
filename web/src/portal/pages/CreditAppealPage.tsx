import type { UploadFile } from 'antd';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatPoints } from '../../shared/credit-format.ts';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { portalCreditPath } from '../portal-routes.tsx';
import { CreditHead } from './CreditPage.tsx';
import { itemKeyOf, uploadAppealPhoto, useFileAppeal, usePortalCredit } from './credit.api.ts';
import './credit.css';
import { PortalPhotoPicker } from '../PortalPhotoPicker.tsx';

// 信用申诉: the disputed item (a ledger item, or the level when none is named), the reason and up
// to 5 photos. The photos are uploaded first, then the appeal names them; one open appeal a store.
export function CreditAppealPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const itemKey = params.get('item');
  const credit = usePortalCredit();
  const file = useFileAppeal();
  const [form] = Form.useForm<{ reason: string }>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  if (credit.isPending) return <FullPageSpin />;
  if (credit.error) return <FullPageError error={credit.error} onRetry={() => void credit.refetch()} />;
  const item = itemKey ? credit.data.items.find((candidate) => itemKeyOf(candidate) === itemKey) : undefined;

  const submit = async () => {
    const checked = await form.validateFields().catch(() => null);
    if (!checked) return;
    const { reason } = checked;
    setUploadError(null);
    setUploading(true);
    const photoIds: number[] = [];
    try {
      for (const photo of photos) {
        if (photo.originFileObj) photoIds.push((await uploadAppealPhoto(photo.originFileObj)).id);
      }
    } catch (error) {
      setUploadError(error);
      setUploading(false);
      return;
    }
    setUploading(false);
    const filed = await file
      .mutateAsync({
        reason: reason.trim(),
        ...(item ? { itemKey: itemKeyOf(item) } : {}),
        ...(photoIds.length > 0 ? { photoIds } : {}),
      })
      .catch(() => null);
    if (!filed) return;
    message.success(t('creditPortal.submitted'));
    navigate(portalCreditPath);
  };

  const error = uploadError ?? file.error;

  return (
    <div className="portal-page">
      <CreditHead title={t('creditPortal.newAppeal')} back={portalCreditPath} />
      {itemKey && !item ? <Alert type="warning" showIcon title={t('creditPortal.notFound')} /> : null}
      <section className="portal-card portal-credit-section">
        <h3>{t('creditPortal.disputed')}</h3>
        <div className="portal-credit-row" data-testid="portal-appeal-item">
          <span className="portal-credit-row-text">
            {item ? item.label : t('creditPortal.disputedLevel', { level: credit.data.level ?? '—' })}
          </span>
          {item ? (
            <span className={`portal-credit-points ${item.points < 0 ? 'is-minus' : 'is-plus'}`}>
              {formatPoints(item.points, format.locale)}
            </span>
          ) : null}
        </div>
      </section>
      <section className="portal-card">
        {error ? <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item
            name="reason"
            label={t('creditPortal.reason')}
            rules={[{ required: true, whitespace: true, message: t('creditPortal.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('creditPortal.reasonPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('creditPortal.photos')}>
            <PortalPhotoPicker photos={photos} onChange={setPhotos} />
          </Form.Item>
          <Button
            type="primary"
            size="large"
            block
            loading={isUploading || file.isPending}
            disabled={itemKey !== null && !item}
            onClick={() => void submit()}
          >
            {t('creditPortal.submit')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
