import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { alwaysShownColumns, defaultColumns, orderColumns } from '../column-choice.ts';
import type { ColumnOption } from './customer-columns.tsx';

// Which columns the list shows; the page remembers the choice.
export function ColumnChooser({
  options,
  visible,
  onChange,
}: {
  options: readonly ColumnOption[];
  visible: readonly string[];
  onChange: (columns: string[]) => void;
}) {
  const { t } = useTranslation();
  const available = options.map((option) => option.key);
  const content = (
    <Flex vertical gap={8} style={{ maxHeight: 420, overflowY: 'auto', minWidth: 180 }}>
      <Checkbox.Group
        value={[...visible]}
        onChange={(values) => onChange(orderColumns(values as string[], available))}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={options.map((option) => ({
          value: option.key,
          label: option.label,
          disabled: alwaysShownColumns.includes(option.key),
        }))}
      />
      <Button size="small" onClick={() => onChange(orderColumns(defaultColumns, available))}>
        {t('customers.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={content} title={t('customers.columns')}>
      <Button icon={<SettingOutlined />}>{t('customers.columns')}</Button>
    </Popover>
  );
}
