import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { Alert, Button, Card, Flex, Input, InputNumber, Radio, Result, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api-client.ts';
import { describeError } from '../../shared/error-message.ts';
import { useFormat } from '../../shared/use-locale.ts';
import { InspectionOutcomeTag } from './components/TerminalTags.tsx';
import {
  type InspectionCreated,
  minimumInspectionPhotos,
  recordInspection,
  type Tier,
  terminalKeys,
  uploadTerminalPhoto,
  useTiers,
} from './terminals.api.ts';

type ItemResult = { passed: boolean | null; score: number | null };

// The score so far: the scored items' points, and whether every mandatory item passed.
export function tallyInspection(tier: Tier, results: Record<string, ItemResult>) {
  let score = 0;
  let isMandatoryFailed = false;
  let isComplete = true;
  for (const item of tier.items) {
    const result = results[item.id];
    if (!result || result.passed === null || (item.maxScore > 0 && result.score === null)) isComplete = false;
    if (item.mandatory && result?.passed === false) isMandatoryFailed = true;
    if (item.maxScore > 0) score += result?.score ?? 0;
  }
  score = Math.round(score * 10) / 10;
  return { score, isComplete, isMandatoryFailed, isPassing: !isMandatoryFailed && score >= tier.passScore };
}

function useStoreName(customerId: number) {
  return useQuery({
    queryKey: ['terminals', 'store-name', customerId],
    queryFn: ({ signal }) =>
      api.get<{ name: string; licenceNo: string }>(`/customers/${customerId}`, undefined, { signal }),
    enabled: customerId > 0,
  });
}

// 标杆店验收 on a phone: one column, the tier's checklist item by item (达标 / 未达标, and a score
// for a scored item), at least three photos, then the result: awarded or not, and the score.
export function InspectionFormPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const customerId = Number(params.get('customerId')) || 0;
  const tiers = useTiers();
  const store = useStoreName(customerId);
  const [tierId, setTierId] = useState<number | null>(Number(params.get('tierId')) || null);
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [note, setNote] = useState('');
  const [created, setCreated] = useState<InspectionCreated | null>(null);
  const tier = tiers.data?.items.find((candidate) => candidate.id === tierId) ?? null;

  const submit = useMutation({
    mutationFn: async () => {
      if (!tier) throw new Error('no tier');
      const photoIds: number[] = [];
      for (const photo of photos) {
        if (photo.originFileObj) photoIds.push((await uploadTerminalPhoto(photo.originFileObj)).id);
      }
      return recordInspection({
        customerId,
        tierId: tier.id,
        results: tier.items.map((item) => ({
          itemId: item.id,
          passed: results[item.id]?.passed === true,
          ...(item.maxScore > 0 ? { score: results[item.id]?.score ?? 0 } : {}),
        })),
        photoIds,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    },
    onSuccess: (answer) => {
      setCreated(answer);
      void queryClient.invalidateQueries({ queryKey: terminalKeys.all });
    },
  });

  if (customerId === 0) return <Alert type="warning" showIcon title={t('terminals.inspection.noStore')} />;
  if (created)
    return (
      <Result
        status={created.awarded ? 'success' : 'warning'}
        title={t(created.awarded ? 'terminals.inspection.awarded' : 'terminals.inspection.notAwarded')}
        subTitle={
          <Flex vertical gap={4} align="center">
            <span data-testid="inspection-score">
              {t('terminals.scoreOf', { score: format.number(created.score), pass: format.number(created.passScore) })}
            </span>
            <InspectionOutcomeTag outcome={created.outcome} />
            {created.reason ? <span>{created.reason}</span> : null}
          </Flex>
        }
        extra={<Link to={`/customers/${customerId}?tab=terminal`}>{t('terminals.inspection.backToStore')}</Link>}
      />
    );

  const tally = tier ? tallyInspection(tier, results) : null;
  const setResult = (itemId: string, change: Partial<ItemResult>) =>
    setResults((current) => ({
      ...current,
      [itemId]: { ...(current[itemId] ?? { passed: null, score: null }), ...change },
    }));
  const canSubmit = tally?.isComplete === true && photos.length >= minimumInspectionPhotos;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('terminals.inspection.title')}
      </Typography.Title>
      <Typography.Text>
        {store.data ? `${store.data.name}（${store.data.licenceNo}）` : `#${customerId}`}
      </Typography.Text>
      <Select
        aria-label={t('terminals.columns.tier')}
        placeholder={t('terminals.inspection.chooseTier')}
        value={tierId ?? undefined}
        onChange={(value) => {
          setTierId(value);
          setResults({});
        }}
        options={(tiers.data?.items ?? [])
          .filter((candidate) => candidate.active)
          .map((candidate) => ({ value: candidate.id, label: candidate.name }))}
      />
      {tier?.items.map((item) => {
        const result = results[item.id];
        return (
          <Card key={item.id} size="small" data-testid="inspection-item">
            <Flex vertical gap={8}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{item.name}</Typography.Text>
                <span>
                  <Tag>{t(`terminals.categories.${item.category}`)}</Tag>
                  {item.mandatory ? <Tag color="red">{t('terminals.tiers.mandatory')}</Tag> : null}
                </span>
              </Flex>
              <Radio.Group
                block
                optionType="button"
                buttonStyle="solid"
                aria-label={item.name}
                value={result?.passed === null || result?.passed === undefined ? undefined : String(result.passed)}
                onChange={(event) => setResult(item.id, { passed: event.target.value === 'true' })}
                options={[
                  { value: 'true', label: t('terminals.inspection.passed') },
                  { value: 'false', label: t('terminals.inspection.failed') },
                ]}
              />
              {item.maxScore > 0 ? (
                <InputNumber
                  style={{ width: '100%' }}
                  inputMode="decimal"
                  min={0}
                  max={item.maxScore}
                  step={1}
                  aria-label={t('terminals.inspection.scoreFor', { item: item.name })}
                  placeholder={t('terminals.inspection.scorePlaceholder', { max: item.maxScore })}
                  value={result?.score ?? null}
                  onChange={(value) => setResult(item.id, { score: value === null ? null : Number(value) })}
                />
              ) : null}
            </Flex>
          </Card>
        );
      })}
      {tier ? (
        <>
          <Card size="small" title={t('terminals.inspection.photos', { count: minimumInspectionPhotos })}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              multiple
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, 20))}
            >
              {photos.length < 20 ? '+' : null}
            </Upload>
          </Card>
          <Input.TextArea
            rows={3}
            maxLength={500}
            aria-label={t('terminals.columns.note')}
            placeholder={t('terminals.columns.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <Alert
            type={tally?.isPassing ? 'success' : 'info'}
            data-testid="inspection-tally"
            title={t('terminals.inspection.tally', {
              score: format.number(tally?.score ?? 0),
              pass: format.number(tier.passScore),
            })}
            description={tally?.isMandatoryFailed ? t('terminals.inspection.mandatoryFailed') : undefined}
          />
          {submit.error ? <Alert type="error" showIcon title={describeError(submit.error, t)} /> : null}
          <Button
            type="primary"
            size="large"
            block
            disabled={!canSubmit}
            loading={submit.isPending}
            data-action="POST /api/v1/terminals/inspections"
            onClick={() => submit.mutate()}
          >
            {t('terminals.inspection.submit')}
          </Button>
          {!canSubmit ? (
            <Typography.Text type="secondary">{t('terminals.inspection.incomplete')}</Typography.Text>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
