import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import {
  fileStaffTicket,
  type StaffTicketInput,
  type StoreHit,
  ticketKeys,
  ticketPriorities,
  ticketTypes,
  uploadTicketPhoto,
  useStoreSearch,
  useTicketCategories,
} from '../../shared/tickets.api.ts';

type Values = Omit<StaffTicketInput, 'customerId'> & { customerId?: number };

// 新建工单: the service centre (or a customer manager for own stores) records a complaint taken
// by phone or on a visit. The store is found by name, licence or owner; photos follow the
// portal's rules (JPEG/PNG/WebP, ≤ 5 MB, ≤ 5) and are uploaded after the ticket exists. After
// saving, the ticket opens.
export function NewTicketPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const categories = useTicketCategories();
  const [q, setQ] = useState('');
  const [store, setStore] = useState<StoreHit | null>(null);
  const search = useStoreSearch(q);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();

  async function submit(values: Values) {
    if (!values.customerId) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await fileStaffTicket({ ...values, customerId: values.customerId });
      // The ticket is saved: a photo refused now is reported, the ticket still opens.
      for (const photo of photos) {
        if (!photo.originFileObj) continue;
        try {
          await uploadTicketPhoto(created.id, photo.originFileObj);
        } catch (error) {
          message.error(`${photo.name}: ${describeError(error, t)}`);
        }
      }
      message.success(t('tickets.entry.saved', { id: created.id }));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      navigate(`/tickets/${created.id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const groups = ['service', 'product', 'monopoly', 'other'] as const;
  return (
    <PageContainer title={t('tickets.entry.title')}>
      <Card style={{ maxWidth: 760 }}>
        {failure ? (
          <Alert type="error" showIcon title={describeError(failure, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ type: 'complaint', channel: 'phone', priority: 'normal' }}
        >
          <Form.Item
            name="customerId"
            label={t('tickets.store')}
            rules={[{ required: true, message: t('tickets.entry.storeRequired') }]}
          >
            <Select
              aria-label={t('tickets.store')}
              showSearch={{ filterOption: false, onSearch: setQ }}
              allowClear
              placeholder={t('tickets.entry.storeSearch')}
              loading={search.isFetching}
              onChange={(_, option) => setStore(option && !Array.isArray(option) ? option.hit : null)}
              options={(search.data?.items ?? []).map((hit) => ({
                value: hit.id,
                hit,
                label: `${hit.name} · ${hit.licenceNo} · ${hit.owner}`,
              }))}
              notFoundContent={q ? undefined : null}
            />
          </Form.Item>
          {store ? (
            <div style={{ marginTop: -16, marginBottom: 16, color: 'rgba(0,0,0,0.45)' }}>
              {store.branchName} · {store.owner}
            </div>
          ) : null}
          <Form.Item name="type" label={t('tickets.columns.type')}>
            <Radio.Group
              optionType="button"
              options={ticketTypes.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('tickets.entry.channel')}>
            <Radio.Group
              optionType="button"
              options={(['phone', 'visit'] as const).map((value) => ({ value, label: t(`tickets.channels.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('tickets.columns.category')}>
            <Select
              aria-label={t('tickets.columns.category')}
              allowClear
              placeholder={t('tickets.entry.categoryDefault')}
              virtual={false}
              options={groups.map((group) => ({
                label: t(`tickets.groups.${group}`),
                title: group,
                options: (categories.data ?? [])
                  .filter((category) => category.groupCode === group && category.active)
                  .map((category) => ({ value: category.code, label: builtIn(category.name) })),
              }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('tickets.entry.priority')}>
            <Radio.Group
              optionType="button"
              options={ticketPriorities.map((value) => ({ value, label: t(`tickets.priorities.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('tickets.description')}
            rules={[{ required: true, whitespace: true, message: t('portalTickets.descriptionRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount aria-label={t('tickets.description')} />
          </Form.Item>
          <Form.Item label={t('portalTickets.photos')} extra={t('tickets.entry.photoRules')}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              maxCount={5}
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList)}
            >
              {photos.length < 5 ? '+' : null}
            </Upload>
          </Form.Item>
          <Button data-action="POST /api/v1/tickets" type="primary" htmlType="submit" loading={busy}>
            {t('tickets.entry.save')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
