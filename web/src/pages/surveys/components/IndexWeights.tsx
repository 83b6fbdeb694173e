import { Alert, App, Button, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../../shared/auth/ActionButton.tsx';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import {
  clampWeight,
  equalWeights,
  initialWeights,
  isEqual,
  weightMax,
  weightMin,
  weightShares,
} from '../index-weights.ts';
import { formatRate } from '../survey-format.ts';
import { servqualDimensions, setWaveWeights, useSurveysMutation, useWave, type WaveWeights } from '../surveys.api.ts';

const action = 'PUT /api/v1/surveys/waves/:id/weights';

// The weights the index was computed with (the server's normalised shares), beside the figure.
export function WeightsLine({ weights }: { weights: Record<string, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = servqualDimensions.filter((dimension) => weights[dimension] !== undefined);
  if (shown.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="index-weights">
      {t('surveys.results.weights', {
        weights: shown
          .map(
            (dimension) => `${t(`surveys.dimensions.${dimension}`)} ${formatRate(weights[dimension], format.locale)}`,
          )
          .join(' · '),
      })}
    </Typography.Text>
  );
}

function WeightsForm({ waveId, onClose }: { waveId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const wave = useWave(waveId);
  const [edited, setEdited] = useState<WaveWeights | null>(null);
  const save = useSurveysMutation(setWaveWeights);
  const weights = edited ?? initialWeights(wave.data?.weights);
  const shares = weightShares(weights);
  const submit = async () => {
    const saved = await save.mutateAsync({ id: waveId, weights }).catch(() => null);
    if (!saved) return;
    message.success(t('surveys.results.weightsSaved'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('surveys.results.weightsTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: wave.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('surveys.results.weightsHelp', { min: weightMin, max: weightMax })}
      </Typography.Paragraph>
      {wave.error ? <Alert type="error" showIcon title={describeError(wave.error, t)} /> : null}
      {save.error ? (
        <Alert type="error" showIcon title={describeError(save.error, t)} style={{ marginBottom: 12 }} />
      ) : null}
      <Flex vertical gap={8}>
        {servqualDimensions.map((dimension) => (
          <Flex key={dimension} gap={12} align="center">
            <span style={{ width: 120 }}>{t(`surveys.dimensions.${dimension}`)}</span>
            <InputNumber<number>
              aria-label={t(`surveys.dimensions.${dimension}`)}
              min={weightMin}
              max={weightMax}
              precision={0}
              value={weights[dimension]}
              disabled={wave.isPending}
              onChange={(value) => setEdited({ ...weights, [dimension]: clampWeight(value ?? weightMin) })}
            />
            <Typography.Text type="secondary" data-testid={`weight-share-${dimension}`}>
              {formatRate(shares[dimension], format.locale)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Button
        size="small"
        type="link"
        style={{ paddingInline: 0, marginTop: 8 }}
        disabled={isEqual(weights)}
        onClick={() => setEdited(equalWeights())}
      >
        {t('surveys.results.weightsEqual')}
      </Button>
    </Modal>
  );
}

// 调整权重: marketing and admins set a satisfaction wave's weights; the index is recomputed (every
// surveys query is refreshed after the change).
export function EditWeightsButton({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton action={action} size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setOpen(true)}>
        {t('surveys.results.editWeights')}
      </ActionButton>
      {open ? <WeightsForm waveId={waveId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
