import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Select, Spin, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { type StoreHit, submitEntry, uploadContestPhoto, useContestMutation, useStoreSearch } from '../contests.api.ts';

type Values = { customerId?: number; title?: string; description?: string };

// 代客户投稿: a manager (or marketing, an administrator) enters a store of their scope with 1–6
// photos, each uploaded as it is chosen (POST /contests/photos) and cited by its id.
export function EntryDialog({ contestId, onClose }: { contestId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [q, setQ] = useState('');
  const stores = useStoreSearch(q);
  const submit = useContestMutation(submitEntry);
  const photoIds = photos.flatMap((photo) =>
    photo.status === 'done' && typeof photo.response?.id === 'number' ? [photo.response.id as number] : [],
  );

  const finish = async (values: Values) => {
    setFailure(null);
    try {
      await submit.mutateAsync({
        contestId,
        input: {
          customerId: values.customerId as number,
          title: (values.title ?? '').trim(),
          description: values.description?.trim() ? values.description.trim() : null,
          photoIds,
        },
      });
      message.success(t('contests.entryForm.submitted'));
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  const labelOf = (store: StoreHit) => `${store.name}（${store.licenceNo}）`;
  return (
    <Modal
      open
      title={t('contests.entryForm.title')}
      okText={t('contests.entryForm.submit')}
      okButtonProps={{ loading: submit.isPending, disabled: photoIds.length === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={finish}>
        <Form.Item
          name="customerId"
          label={t('contests.entryForm.store')}
          rules={[{ required: true, message: t('contests.entryForm.storePlaceholder') }]}
        >
          <Select<number>
            showSearch
            filterOption={false}
            onSearch={setQ}
            notFoundContent={stores.isFetching ? <Spin size="small" /> : null}
            placeholder={t('contests.entryForm.storePlaceholder')}
            options={(stores.data?.items ?? []).map((store) => ({ value: store.id, label: labelOf(store) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('contests.entryForm.entryTitle')}
          rules={[{ required: true, whitespace: true, message: t('contestsPortal.titleRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('contests.entryForm.description')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label={t('contests.entryForm.photos')} extra={t('contests.entryForm.photosHelp')} required>
          <Upload
            listType="picture-card"
            accept="image/jpeg,image/png"
            maxCount={6}
            fileList={photos}
            onChange={({ fileList }) => setPhotos(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              uploadContestPhoto(file as File).then(
                (photo) => onSuccess?.(photo),
                (error: Error) => {
                  message.error(describeError(error, t));
                  onError?.(error);
                },
              );
            }}
          >
            {photos.length < 6 ? (
              <button type="button" style={{ border: 0, background: 'none' }}>
                <PlusOutlined />
                <div style={{ marginTop: 8 }}>{t('contests.entryForm.upload')}</div>
              </button>
            ) : null}
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
