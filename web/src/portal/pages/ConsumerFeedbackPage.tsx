import { LeftOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { FullPageError, FullPageSpin } from '../../shared/FullPageStatus.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import { PortalPhotoPicker } from '../PortalPhotoPicker.tsx';
import {
  type PortalFeedbackItem,
  portalFeedbackTopics,
  uploadFeedbackPhoto,
  useFeedbackProductChoices,
  usePortalFeedback,
  useRelayFeedback,
} from './consumer-feedback.api.ts';
import './consumer-feedback.css';

const stateColours: Record<PortalFeedbackItem['state'], string> = {
  open: 'processing',
  overdue: 'orange',
  answered: 'green',
};

type Values = { productId?: number; topic: (typeof portalFeedbackTopics)[number]; text: string };

function RelayForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const relay = useRelayFeedback();
  const products = useFeedbackProductChoices();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [isUploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setUploadError(null);
    let photoId: number | undefined;
    const file = photos[0]?.originFileObj;
    if (file) {
      setUploading(true);
      try {
        photoId = (await uploadFeedbackPhoto(file)).id;
      } catch (error) {
        setUploadError(error);
        setUploading(false);
        return;
      }
      setUploading(false);
    }
    const sent = await relay
      .mutateAsync({
        topic: values.topic,
        text: values.text,
        ...(values.productId ? { productId: values.productId } : {}),
        ...(photoId ? { photoId } : {}),
      })
      .catch(() => null);
    if (!sent) return;
    form.resetFields();
    setPhotos([]);
    message.success(t('consumerFeedbackPortal.submitted', { due: format.dateTime(sent.responseDueAt) }));
  };
  const error = uploadError ?? relay.error;

  return (
    <Form form={form} layout="vertical" requiredMark={false}>
      {error ? <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="topic"
        label={t('consumerFeedbackPortal.topic')}
        rules={[{ required: true, message: t('consumerFeedbackPortal.topicRequired') }]}
      >
        <Select
          size="large"
          options={portalFeedbackTopics.map((topic) => ({
            value: topic,
            label: t(`consumerFeedbackPortal.topics.${topic}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="productId" label={t('consumerFeedbackPortal.product')}>
        <Select
          size="large"
          allowClear
          showSearch
          optionFilterProp="label"
          loading={products.isPending}
          placeholder={t('consumerFeedbackPortal.productPlaceholder')}
          options={(products.data ?? []).map((product) => ({ value: product.id, label: product.name }))}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('consumerFeedbackPortal.text')}
        rules={[{ required: true, whitespace: true, message: t('consumerFeedbackPortal.textRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('consumerFeedbackPortal.textPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('consumerFeedbackPortal.photo')}>
        <PortalPhotoPicker photos={photos} onChange={setPhotos} max={1} />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        block
        className="portal-big-button"
        loading={isUploading || relay.isPending}
        onClick={() => void submit()}
      >
        {t('consumerFeedbackPortal.submit')}
      </Button>
    </Form>
  );
}

// 消费者意见: relay what a consumer said (topic, product, words, a photo), and the store's items
// with the service centre's answers.
export function ConsumerFeedbackPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const mine = usePortalFeedback();
  if (mine.isPending) return <FullPageSpin />;
  if (mine.error) return <FullPageError error={mine.error} onRetry={() => void mine.refetch()} />;

  return (
    <div className="portal-page">
      <div className="portal-feedback-head">
        <Button
          type="text"
          icon={<LeftOutlined />}
          aria-label={t('consumerFeedbackPortal.back')}
          onClick={() => navigate('/portal/mine')}
        />
        <h2>{t('consumerFeedbackPortal.title')}</h2>
      </div>

      <section className="portal-card">
        <p className="portal-muted">{t('consumerFeedbackPortal.intro')}</p>
        <RelayForm />
      </section>

      <section className="portal-card">
        <h3>{t('consumerFeedbackPortal.mine')}</h3>
        {mine.data.items.length === 0 ? <p className="portal-muted">{t('consumerFeedbackPortal.empty')}</p> : null}
        {mine.data.items.map((item) => (
          <div key={item.id} className="portal-feedback-item" data-testid="portal-feedback-item">
            <div className="portal-feedback-line">
              <span>
                {t(`consumerFeedbackPortal.topics.${item.topic}`)} ·{' '}
                {item.productName ?? t('consumerFeedbackPortal.noProduct')}
              </span>
              <Tag color={stateColours[item.state]}>{t(`consumerFeedbackPortal.states.${item.state}`)}</Tag>
            </div>
            <p className="portal-feedback-text">{item.text}</p>
            <span className="portal-muted">{format.dateTime(item.createdAt)}</span>
            {item.answer ? (
              <div className="portal-feedback-answer" data-testid="portal-feedback-answer">
                <strong>{t('consumerFeedbackPortal.answer')}</strong>
                <p>{item.answer}</p>
                <span className="portal-muted">{format.dateTime(item.answeredAt)}</span>
              </div>
            ) : (
              <span className="portal-muted">
                {t('consumerFeedbackPortal.waiting', { due: format.dateTime(item.responseDueAt) })}
              </span>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
