import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerReference } from '../customers.api.ts';

// Picks a customer manager of the caller's scope, searchable by name or username.
export function ManagerSelect({
  reference,
  value,
  onChange,
  id,
}: {
  reference: CustomerReference | undefined;
  value?: number;
  onChange?: (managerId: number) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const branchNames = new Map((reference?.branches ?? []).map((branch) => [branch.id, branch.name]));
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'search' }}
      placeholder={t('customers.reassign.managerPlaceholder')}
      value={value}
      onChange={onChange}
      loading={!reference}
      options={(reference?.managers ?? []).map((manager) => ({
        value: manager.id,
        label: `${manager.name}（${manager.username}）${branchNames.get(manager.branchId) ? ` · ${branchNames.get(manager.branchId)}` : ''}`,
        search: `${manager.name} ${manager.username}`,
      }))}
    />
  );
}
