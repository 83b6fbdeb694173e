import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Checkbox, Flex, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitFormSectionProps } from '../../../app/page-module.ts';
import { useCan } from '../../../shared/auth/use-can.ts';
import { describeError } from '../../../shared/error-message.ts';
import {
  type Asset,
  type AssetCondition,
  assetConditions,
  assetKeys,
  auditAsset,
  useStoreAssets,
} from '../assets.api.ts';
import { PhotoUpload } from './AssetDialogs.tsx';
import { AssetFlags } from './AssetTags.tsx';

type Check = { isChecked: boolean; condition: AssetCondition; photoId?: number };

// The audits a visit makes: one per fixture confirmed, with its condition and photo.
export function auditsOf(assets: readonly Asset[], checks: Readonly<Record<number, Check>>, visitId: number) {
  return assets.flatMap((asset) => {
    const check = checks[asset.id];
    if (!check?.isChecked) return [];
    return [
      {
        asset,
        body: { condition: check.condition, visitId, ...(check.photoId ? { photoId: check.photoId } : {}) },
      },
    ];
  });
}

// On the visit form (through the visitFormSections slot): the fixtures the store holds, to confirm
// one by one with their condition and perhaps a photo. When the visit is saved, each confirmed
// fixture is audited on it (POST /assets/:id/audits with the visit's id); a refusal is reported
// and does not undo the visit. Shown only to the roles that audit.
export function VisitAssetCheck({ customerId, onAfterSubmit }: VisitFormSectionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const canAudit = can('POST /api/v1/assets/:id/audits');
  const assets = useStoreAssets(customerId);
  const held = useMemo(() => (assets.data?.items ?? []).filter((asset) => asset.status === 'issued'), [assets.data]);
  const [checks, setChecks] = useState<Record<number, Check>>({});
  const latest = useRef({ held, checks });
  latest.current = { held, checks };

  useEffect(() => {
    if (!canAudit || !onAfterSubmit) return;
    onAfterSubmit('assets', async (visitId) => {
      const audits = auditsOf(latest.current.held, latest.current.checks, visitId);
      if (audits.length === 0) return;
      const results = await Promise.allSettled(audits.map(({ asset, body }) => auditAsset({ id: asset.id, body })));
      results.forEach((result, index) => {
        if (result.status === 'rejected') {
          message.error(
            t('assets.visit.failed', { tag: audits[index].asset.tag, reason: describeError(result.reason, t) }),
          );
        }
      });
      const saved = results.filter((result) => result.status === 'fulfilled').length;
      if (saved > 0) message.success(t('assets.visit.saved', { count: saved }));
      void queryClient.invalidateQueries({ queryKey: assetKeys.all });
    });
    return () => onAfterSubmit('assets', null);
  }, [canAudit, onAfterSubmit, message, t, queryClient]);

  if (!canAudit || held.length === 0) return null;
  const checkOf = (asset: Asset): Check => checks[asset.id] ?? { isChecked: false, condition: asset.condition };
  const change = (asset: Asset, patch: Partial<Check>) =>
    setChecks((current) => ({ ...current, [asset.id]: { ...checkOf(asset), ...current[asset.id], ...patch } }));

  return (
    <Card size="small" title={t('assets.visit.title')} data-testid="visit-asset-check">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('assets.visit.help')}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {held.map((asset) => {
          const check = checkOf(asset);
          const label = [asset.tag, t(`assets.types.${asset.type}`), asset.model].filter(Boolean).join(' · ');
          return (
            <Flex key={asset.id} vertical gap={6} data-testid="visit-asset">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Checkbox
                  checked={check.isChecked}
                  onChange={(event) => change(asset, { isChecked: event.target.checked })}
                >
                  {label}
                </Checkbox>
                <AssetFlags asset={asset} />
              </Flex>
              {check.isChecked ? (
                <Flex gap={8} wrap align="flex-start">
                  <Select
                    style={{ width: 120 }}
                    aria-label={t('assets.dialogs.condition')}
                    value={check.condition}
                    onChange={(condition: AssetCondition) => change(asset, { condition })}
                    options={assetConditions.map((value) => ({ value, label: t(`assets.conditions.${value}`) }))}
                  />
                  <PhotoUpload onUploaded={(photoId) => change(asset, { photoId })} />
                </Flex>
              ) : null}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
