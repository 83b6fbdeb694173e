import { CameraOutlined, EnvironmentOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterVisitSubmit, VisitBrandCheck } from '../../app/page-module.ts';
import { visitFormSections } from '../../app/page-modules.ts';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { useFormat } from '../../shared/use-locale.ts';
import {
  correctVisit,
  submitVisit,
  uploadPhoto,
  useProducts,
  useServiceItems,
  useServiceRequests,
  useVisitsMutation,
  type VisitInput,
} from './visits.api.ts';

type Position = { latitude: number; longitude: number } | null;

function readPosition(): Promise<Position> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (result) => resolve({ latitude: result.coords.latitude, longitude: result.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  });
}

type Line = { key: number; productId?: number; cartons?: number; priceYuan?: number };

// 走访记录 on a phone: check in (time + position), the checklist, stock counts and shelf prices,
// services delivered, photos, check out and submit. With `correcting`, the same form submits a
// correction of that visit (append-only: the original stays).
export function VisitForm({
  customerId,
  customerName,
  planItemId,
  correcting,
  onDone,
}: {
  customerId: number;
  customerName: string;
  planItemId?: number;
  correcting?: number;
  onDone: (id: number) => void;
}) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const { message } = App.useApp();
  const products = useProducts();
  const menu = useServiceItems();
  const requests = useServiceRequests(customerId);
  const [checkIn, setCheckIn] = useState<{ at: string; position: Position } | null>(null);
  const [checklist, setChecklist] = useState({
    displayStandard: false,
    pricesMarked: false,
    targetBrandsOnShelf: false,
    issues: '',
  });
  const [lines, setLines] = useState<Line[]>([{ key: 0 }]);
  const [services, setServices] = useState<number[]>([]);
  const [fulfilled, setFulfilled] = useState<number[]>([]);
  const [photoIds, setPhotoIds] = useState<number[]>([]);
  const [brandChecks, setBrandChecks] = useState<VisitBrandCheck[]>([]);
  // What the sections save once the visit has its id (the fixtures' audits).
  const afterSubmit = useRef(new Map<string, AfterVisitSubmit>());
  const onAfterSubmit = useCallback((key: string, run: AfterVisitSubmit | null) => {
    if (run) afterSubmit.current.set(key, run);
    else afterSubmit.current.delete(key);
  }, []);
  const [reason, setReason] = useState('');
  const submit = useVisitsMutation(submitVisit);
  const correct = useVisitsMutation(correctVisit);

  const doCheckIn = async () => setCheckIn({ at: new Date().toISOString(), position: await readPosition() });

  const doSubmit = async () => {
    if (!checkIn) return;
    const position = await readPosition();
    const filled = lines.filter((line) => line.productId !== undefined);
    const body: Omit<VisitInput, 'customerId' | 'planItemId'> = {
      checkInAt: checkIn.at,
      checkOutAt: new Date().toISOString(),
      checkInPosition: checkIn.position,
      checkOutPosition: position,
      checklist,
      stockCounts: filled
        .filter((line) => line.cartons !== undefined && line.cartons !== null)
        .map((line) => ({ productId: line.productId as number, cartons: line.cartons as number })),
      prices: filled
        .filter((line) => line.priceYuan)
        .map((line) => ({
          productId: line.productId as number,
          packPriceFen: Math.round((line.priceYuan as number) * 100),
        })),
      servicesDelivered: services,
      requestsFulfilled: fulfilled,
      photoIds,
      brandChecks,
    };
    try {
      const result = correcting
        ? await correct.mutateAsync({ id: correcting, body: { ...body, reason } })
        : await submit.mutateAsync({ ...body, customerId, planItemId });
      message.success(t('visits.form.submitted'));
      await Promise.all([...afterSubmit.current.values()].map((run) => run(result.id)));
      onDone(result.id);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="visit-form">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {correcting ? t('visits.form.correctTitle', { id: correcting }) : customerName}
      </Typography.Title>
      <Card size="small">
        {checkIn ? (
          <Space direction="vertical" size={4}>
            <Typography.Text>
              <LoginOutlined /> {t('visits.form.checkedIn', { time: format.dateTimeSeconds(checkIn.at) })}
            </Typography.Text>
            <Typography.Text type={checkIn.position ? undefined : 'warning'}>
              <EnvironmentOutlined />{' '}
              {checkIn.position
                ? `${checkIn.position.latitude.toFixed(5)}, ${checkIn.position.longitude.toFixed(5)}`
                : t('visits.form.noPosition')}
            </Typography.Text>
          </Space>
        ) : (
          <Button type="primary" size="large" block icon={<LoginOutlined />} onClick={doCheckIn}>
            {t('visits.form.checkIn')}
          </Button>
        )}
      </Card>
      {checkIn ? (
        <>
          <Card size="small" title={t('visits.form.checklist')}>
            <Flex vertical gap={10}>
              {(['displayStandard', 'pricesMarked', 'targetBrandsOnShelf'] as const).map((key) => (
                <Flex key={key} justify="space-between" align="center">
                  <Typography.Text>{t(`visits.checklist.${key}`)}</Typography.Text>
                  <Switch
                    aria-label={t(`visits.checklist.${key}`)}
                    checked={checklist[key]}
                    onChange={(value) => setChecklist({ ...checklist, [key]: value })}
                  />
                </Flex>
              ))}
              <Input.TextArea
                placeholder={t('visits.checklist.issues')}
                value={checklist.issues}
                maxLength={1000}
                autoSize={{ minRows: 2 }}
                onChange={(event) => setChecklist({ ...checklist, issues: event.target.value })}
              />
            </Flex>
          </Card>
          {visitFormSections.map(({ key, component: Section }) => (
            <Suspense key={key} fallback={null}>
              <Section customerId={customerId} onBrandChecks={setBrandChecks} onAfterSubmit={onAfterSubmit} />
            </Suspense>
          ))}
          <Card size="small" title={t('visits.form.observations')}>
            <Flex vertical gap={8}>
              {lines.map((line, index) => (
                <Flex key={line.key} gap={6} wrap>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ flex: '1 1 100%' }}
                    placeholder={t('visits.form.product')}
                    value={line.productId}
                    options={(products.data?.items ?? []).map((product) => ({
                      value: product.id,
                      label: product.name,
                    }))}
                    onChange={(value) =>
                      setLines(lines.map((entry, at) => (at === index ? { ...entry, productId: value } : entry)))
                    }
                  />
                  <InputNumber
                    min={0}
                    step={0.5}
                    style={{ flex: 1 }}
                    placeholder={t('visits.form.cartons')}
                    value={line.cartons}
                    onChange={(value) =>
                      setLines(
                        lines.map((entry, at) => (at === index ? { ...entry, cartons: value ?? undefined } : entry)),
                      )
                    }
                  />
                  <InputNumber
                    min={0.01}
                    step={0.5}
                    style={{ flex: 1 }}
                    placeholder={t('visits.form.packPrice')}
                    value={line.priceYuan}
                    onChange={(value) =>
                      setLines(
                        lines.map((entry, at) => (at === index ? { ...entry, priceYuan: value ?? undefined } : entry)),
                      )
                    }
                  />
                </Flex>
              ))}
              <Button onClick={() => setLines([...lines, { key: lines.length }])}>{t('visits.form.addProduct')}</Button>
            </Flex>
          </Card>
          <Card size="small" title={t('visits.form.services')}>
            <Checkbox.Group
              value={services}
              onChange={(value) => setServices(value as number[])}
              options={(menu.data?.items ?? [])
                .filter((item) => item.active)
                .map((item) => ({ value: item.id, label: builtIn(item.name) }))}
            />
            {(requests.data?.items ?? []).length > 0 ? (
              <>
                <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
                  {t('visits.form.requests')}
                </Typography.Paragraph>
                <Checkbox.Group
                  value={fulfilled}
                  onChange={(value) => setFulfilled(value as number[])}
                  options={(requests.data?.items ?? []).map((request) => ({
                    value: request.id,
                    label: `${builtIn(request.itemName)}${request.note ? `（${request.note}）` : ''}`,
                  }))}
                />
              </>
            ) : null}
          </Card>
          <Card size="small" title={t('visits.form.photos')}>
            <Upload
              accept="image/jpeg,image/png,image/webp"
              listType="picture"
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const photo = await uploadPhoto(file as File);
                  setPhotoIds((ids) => [...ids, photo.id]);
                  onSuccess?.(photo);
                } catch (error) {
                  message.error((error as Error).message);
                  onError?.(error as Error);
                }
              }}
            >
              <Button icon={<CameraOutlined />}>{t('visits.form.addPhoto')}</Button>
            </Upload>
          </Card>
          {correcting ? (
            <Input
              placeholder={t('visits.form.correctionReason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          <Alert type="info" showIcon message={t('visits.form.appendOnly')} />
          <Button
            type="primary"
            size="large"
            block
            icon={<LogoutOutlined />}
            loading={submit.isPending || correct.isPending}
            disabled={correcting !== undefined && reason.trim() === ''}
            onClick={doSubmit}
          >
            {t('visits.form.checkOutSubmit')}
          </Button>
        </>
      ) : null}
    </Flex>
  );
}
