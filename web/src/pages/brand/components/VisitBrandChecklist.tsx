import { Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitBrandCheck, VisitFormSectionProps } from '../../../app/page-module.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { type CustomerProgramme, useCustomerProgrammes } from '../brand.api.ts';

type Item = { value: string; check: Omit<VisitBrandCheck, 'done'> };

// Every item of the store's active programmes' checklists, keyed for the checkbox group.
export function checklistItemsOf(programmes: readonly CustomerProgramme[]): Item[] {
  return programmes.flatMap((programme) => [
    ...programme.products.map((product) => ({
      value: `${programme.programmeId}:product:${product.id}`,
      check: { programmeId: programme.programmeId, kind: 'product' as const, title: product.name },
    })),
    ...programme.checklist.map((action, index) => ({
      value: `${programme.programmeId}:action:${index}`,
      check: { programmeId: programme.programmeId, kind: action.kind, title: action.title },
    })),
  ]);
}

// On the visit form (through the visitFormSections slot): what the store's active brand
// programmes ask of this visit — their target products on the shelf and their actions. The manager
// ticks them off in the store; every item, ticked or not, is saved with the visit (brandChecks).
export function VisitBrandChecklist({ customerId, onBrandChecks }: VisitFormSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const programmes = useCustomerProgrammes(customerId);
  const [checked, setChecked] = useState<string[]>([]);
  const active = useMemo(
    () => (programmes.data?.items ?? []).filter((programme) => programme.status === 'active'),
    [programmes.data],
  );
  const items = useMemo(() => checklistItemsOf(active), [active]);

  useEffect(() => {
    const ticked = new Set(checked);
    onBrandChecks?.(items.map((item) => ({ ...item.check, done: ticked.has(item.value) })));
  }, [items, checked, onBrandChecks]);

  if (active.length === 0) return null;

  return (
    <Card size="small" title={t('brand.checklist.title')} data-testid="visit-brand-checklist">
      <Checkbox.Group value={checked} onChange={(values) => setChecked(values as string[])} style={{ width: '100%' }}>
        <Flex vertical gap={10} style={{ width: '100%' }}>
          {active.map((programme) => (
            <Flex key={programme.programmeId} vertical gap={4}>
              <Typography.Text strong>{programme.name}</Typography.Text>
              {programme.products.map((product) => (
                <Checkbox key={`p${product.id}`} value={`${programme.programmeId}:product:${product.id}`}>
                  {t('brand.checklist.products', { name: product.name })}
                </Checkbox>
              ))}
              {programme.checklist.map((action, index) => (
                <Checkbox
                  // biome-ignore lint/suspicious/noArrayIndexKey: a programme's actions have no id; their order is fixed
                  key={`a${index}`}
                  value={`${programme.programmeId}:action:${index}`}
                >
                  <Tag>{t(`brand.actionKinds.${action.kind}`)}</Tag>
                  {action.title}
                  {action.date ? <Typography.Text type="secondary"> {format.day(action.date)}</Typography.Text> : null}
                </Checkbox>
              ))}
            </Flex>
          ))}
        </Flex>
      </Checkbox.Group>
    </Card>
  );
}
