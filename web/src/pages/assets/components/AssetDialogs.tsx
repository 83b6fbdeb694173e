import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { describeError } from '../../../shared/error-message.ts';
import {
  type Asset,
  type AssetCondition,
  type AssetDetail,
  type AssetType,
  assetConditions,
  assetTypes,
  auditAsset,
  issueAsset,
  registerAsset,
  returnAsset,
  transferAsset,
  uploadAssetPhoto,
  useAssetMutation,
  writeOffAsset,
} from '../assets.api.ts';
import { StoreSelect } from './StoreSelect.tsx';

// The register's dialogs: register a fixture, and the five moves of one (issue, transfer, return,
// write off, audit). Each shows the server's refusal in words and writes nothing on it.

export type AssetMove = 'issue' | 'transfer' | 'return' | 'writeOff' | 'audit';

// The route each move calls, as useCan and the page walk read it.
export const moveActions = {
  issue: 'POST /api/v1/assets/:id/issue',
  transfer: 'POST /api/v1/assets/:id/transfers',
  return: 'POST /api/v1/assets/:id/return',
  writeOff: 'POST /api/v1/assets/:id/write-off',
  audit: 'POST /api/v1/assets/:id/audits',
} as const;

// Which moves a fixture in its state allows (the server's rules, assets.rules.ts, decide).
export function movesOf(asset: Pick<Asset, 'status'>): AssetMove[] {
  if (asset.status === 'written_off') return [];
  if (asset.status === 'in_stock') return ['issue', 'audit', 'writeOff'];
  return ['transfer', 'return', 'audit', 'writeOff'];
}

type MoveValues = { customerId?: number; note?: string; reason?: string; condition?: AssetCondition };

const titleKeys = {
  issue: 'assets.dialogs.issueTitle',
  transfer: 'assets.dialogs.transferTitle',
  return: 'assets.dialogs.returnTitle',
  writeOff: 'assets.dialogs.writeOffTitle',
  audit: 'assets.dialogs.auditTitle',
} as const;

export function AssetMoveModal({
  asset,
  move,
  onClose,
  onDone,
}: {
  asset: Asset;
  move: AssetMove | null;
  onClose: () => void;
  onDone?: (asset: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  const [photoId, setPhotoId] = useState<number | undefined>();
  const mutation = useAssetMutation(async (values: MoveValues): Promise<AssetDetail> => {
    const note = values.note?.trim() || null;
    switch (move) {
      case 'issue':
        return issueAsset({ id: asset.id, body: { customerId: values.customerId ?? 0, note } });
      case 'transfer':
        return transferAsset({ id: asset.id, body: { toCustomerId: values.customerId ?? 0, note } });
      case 'return':
        return returnAsset({ id: asset.id, body: { note } });
      case 'writeOff':
        return writeOffAsset({ id: asset.id, body: { reason: values.reason?.trim() ?? '' } });
      default:
        return auditAsset({
          id: asset.id,
          body: { condition: values.condition ?? 'good', note, ...(photoId ? { photoId } : {}) },
        });
    }
  });
  const close = () => {
    mutation.reset();
    form.resetFields();
    setPhotoId(undefined);
    onClose();
  };
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await mutation.mutateAsync(values).catch(() => null);
    if (!saved) return;
    message.success(t('assets.dialogs.done'));
    onDone?.(saved);
    close();
  };

  return (
    <Modal
      open={move !== null}
      destroyOnHidden
      title={move ? t(titleKeys[move], { tag: asset.tag }) : ''}
      onCancel={close}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={close}>{t('common.cancel')}</Button>
          {move ? (
            <ActionButton
              action={moveActions[move]}
              type="primary"
              danger={move === 'writeOff'}
              loading={mutation.isPending}
              onClick={submit}
            >
              {t(`assets.actions.${move}`)}
            </ActionButton>
          ) : null}
        </Flex>
      }
    >
      {mutation.error ? (
        <Alert type="error" showIcon title={describeError(mutation.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {move === 'writeOff' ? (
        <Alert type="warning" showIcon title={t('assets.dialogs.writeOffWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      {move === 'return' ? (
        <Alert
          type="info"
          showIcon
          title={t('assets.dialogs.returnHelp', { name: asset.customerName ?? '' })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ condition: asset.condition }}>
        {move === 'issue' || move === 'transfer' ? (
          <Form.Item
            name="customerId"
            label={move === 'issue' ? t('assets.dialogs.store') : t('assets.dialogs.toStore')}
            extra={t('assets.dialogs.storeHelp')}
            rules={[{ required: true, message: t('assets.dialogs.storeRequired') }]}
          >
            <StoreSelect ariaLabel={move === 'issue' ? t('assets.dialogs.store') : t('assets.dialogs.toStore')} />
          </Form.Item>
        ) : null}
        {move === 'audit' ? (
          <>
            <Form.Item name="condition" label={t('assets.dialogs.condition')}>
              <Select
                aria-label={t('assets.dialogs.condition')}
                options={assetConditions.map((value) => ({ value, label: t(`assets.conditions.${value}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('assets.dialogs.photo')}>
              <PhotoUpload onUploaded={setPhotoId} />
            </Form.Item>
          </>
        ) : null}
        {move === 'writeOff' ? (
          <Form.Item
            name="reason"
            label={t('assets.dialogs.reason')}
            rules={[{ required: true, whitespace: true, message: t('assets.dialogs.reasonRequired') }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('assets.dialogs.note')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

// One audit photo (POST /assets/photos): JPEG, PNG or WebP; the server checks the bytes.
export function PhotoUpload({ onUploaded }: { onUploaded: (photoId: number | undefined) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept="image/jpeg,image/png,image/webp"
      listType="picture"
      maxCount={1}
      onRemove={() => onUploaded(undefined)}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const photo = await uploadAssetPhoto(file as File);
          onUploaded(photo.id);
          onSuccess?.(photo);
        } catch (error) {
          message.error(describeError(error, t));
          onError?.(error as Error);
        }
      }}
    >
      <Button icon={<CameraOutlined />}>{t('assets.dialogs.addPhoto')}</Button>
    </Upload>
  );
}

type RegisterValues = {
  tag?: string;
  type?: AssetType;
  model?: string;
  valueYuan?: number;
  auditIntervalMonths?: number;
  customerId?: number;
  note?: string;
};

// 登记资产: into the keeper's store room, or issued at once to a store in business.
export function RegisterAssetDrawer({
  isOpen,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  onClose: () => void;
  onSaved: (asset: AssetDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const create = useAssetMutation(registerAsset);
  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await create
      .mutateAsync({
        tag: values.tag?.trim() ?? '',
        type: values.type ?? 'other',
        model: values.model?.trim() || null,
        valueYuan: values.valueYuan ?? 0,
        ...(values.auditIntervalMonths ? { auditIntervalMonths: values.auditIntervalMonths } : {}),
        ...(values.customerId ? { customerId: values.customerId } : {}),
        note: values.note?.trim() || null,
      })
      .catch(() => null);
    if (!saved) return;
    message.success(t('assets.dialogs.done'));
    close();
    onSaved(saved);
  };

  return (
    <Drawer
      open={isOpen}
      onClose={close}
      destroyOnHidden
      size={520}
      title={t('assets.dialogs.registerTitle')}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={close}>{t('common.cancel')}</Button>
          <ActionButton action="POST /api/v1/assets" type="primary" loading={create.isPending} onClick={submit}>
            {t('common.save')}
          </ActionButton>
        </Flex>
      }
    >
      {create.error ? (
        <Alert type="error" showIcon title={describeError(create.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ auditIntervalMonths: 6 }}>
        <Form.Item
          name="tag"
          label={t('assets.dialogs.tag')}
          rules={[
            { required: true, whitespace: true, message: t('assets.dialogs.tagRequired') },
            { pattern: /^\s*[\w\-./]+\s*$/, message: t('assets.dialogs.tagPattern') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('assets.dialogs.type')}
          rules={[{ required: true, message: t('assets.dialogs.typeRequired') }]}
        >
          <Select
            aria-label={t('assets.dialogs.type')}
            options={assetTypes.map((value) => ({ value, label: t(`assets.types.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="model" label={t('assets.dialogs.model')}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="valueYuan"
            label={t('assets.dialogs.value')}
            rules={[{ required: true, message: t('assets.dialogs.valueRequired') }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="auditIntervalMonths" label={t('assets.dialogs.auditInterval')} style={{ flex: 1 }}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="customerId" label={t('assets.dialogs.issueTo')} extra={t('assets.dialogs.storeHelp')}>
          <StoreSelect allowClear ariaLabel={t('assets.dialogs.issueTo')} />
        </Form.Item>
        <Form.Item name="note" label={t('assets.dialogs.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
