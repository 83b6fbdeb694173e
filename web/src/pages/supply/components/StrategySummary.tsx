import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerReference } from '../../../shared/customer-reference.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { strategyPieces } from '../strategy-form.ts';
import type { AllocationStrategy } from '../supply.api.ts';

// A strategy as a row of tags: 按档位 3 档 · 示范客户 ×1.2 · 区域 漳浦县 ×0.8 · 限点 2 项 · 限量 6.
export function StrategySummary({ strategy }: { strategy: AllocationStrategy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reference = useCustomerReference();
  const regionName = (region: 'district' | 'branch', key: string) =>
    (region === 'district'
      ? reference.data?.districts.find((district) => district.code === key)?.name
      : reference.data?.branches.find((branch) => String(branch.id) === key)?.name) ?? key;
  return (
    <Flex gap={4} wrap>
      {strategyPieces(strategy).map((piece) => {
        switch (piece.kind) {
          case 'base':
            return (
              <Tag key="base" color="blue">
                {t(`supply.strategy.baseKinds.${piece.base}`)}
                {piece.base === 'grade_table' ? ` · ${t('supply.strategy.pieces.bands', { count: piece.bands })}` : ''}
              </Tag>
            );
          case 'classMultiplier':
            return (
              <Tag key={`class-${piece.customerClass}`}>
                {t(`supply.strategy.customerClasses.${piece.customerClass}`)} ×{format.number(piece.value)}
              </Tag>
            );
          case 'creditMultiplier':
            return (
              <Tag key={`credit-${piece.level}`}>
                {piece.level} ×{format.number(piece.value)}
              </Tag>
            );
          case 'regionMultiplier':
            return (
              <Tag key={`region-${piece.region}-${piece.key}`} color="gold">
                {t('supply.strategy.pieces.region', {
                  name: regionName(piece.region, piece.key),
                  value: format.number(piece.value),
                })}
              </Tag>
            );
          case 'eligibility':
            return (
              <Tag key="eligibility" color="orange">
                {t('supply.strategy.pieces.eligibility', { count: piece.rules })}
              </Tag>
            );
          case 'cap':
            return (
              <Tag key="cap" color="purple">
                {t('supply.strategy.pieces.cap', { value: format.number(piece.value) })}
              </Tag>
            );
        }
        return null;
      })}
    </Flex>
  );
}
