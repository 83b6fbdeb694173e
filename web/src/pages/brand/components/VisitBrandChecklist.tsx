import { Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/use-locale.ts';
import { useCustomerProgrammes } from '../brand.api.ts';

// On the visit form (through the visitFormSections slot): what the store's active brand
// programmes ask of this visit — their target products on the shelf and their actions. A guide
// the manager ticks off while in the store; the visit record itself has no place for it yet.
export function VisitBrandChecklist({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const programmes = useCustomerProgrammes(customerId);
  const [checked, setChecked] = useState<string[]>([]);
  const active = (programmes.data?.items ?? []).filter((programme) => programme.status === 'active');
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
