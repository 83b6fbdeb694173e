import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CustomerClass, classColors, type DemoType } from '../../../shared/customer-codes.ts';

// A class (and a demonstration store's sub-type) as a coloured tag; null: 未分类.
export function ClassLabel({ value, demoType }: { value: CustomerClass | null; demoType?: DemoType | null }) {
  const { t } = useTranslation();
  if (!value) return <Tag>{t('customers.classes.none')}</Tag>;
  return (
    <Tag color={classColors[value]}>
      {t(`customers.classes.${value}`)}
      {demoType ? ` · ${t(`customers.demoTypes.${demoType}`)}` : ''}
    </Tag>
  );
}
