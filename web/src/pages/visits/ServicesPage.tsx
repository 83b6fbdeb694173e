import { App, Select, Switch, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth/use-can.ts';
import { describeError } from '../../shared/error-message.ts';
import { useBuiltInName } from '../../shared/i18n/built-in-names.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useFormat } from '../../shared/use-locale.ts';
import {
  editServiceItem,
  type MethodScore,
  type ServiceItem,
  type ServiceItemChanges,
  type ServiceRequest,
  useMethodRanking,
  useServiceItems,
  useServiceRequests,
  useVisitsMutation,
} from './visits.api.ts';

const creditLevelCodes = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
type CreditLevelCode = (typeof creditLevelCodes)[number];

// 菜单式服务: the menu (marketing edits entitlements and retires items), the 服务方式库 ranking,
// and the open requests of the stores in scope.
export function ServicesPage() {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const { message } = App.useApp();
  const canEdit = useCan()('PATCH /api/v1/services/items/:id');
  const items = useServiceItems();
  const ranking = useMethodRanking();
  const requests = useServiceRequests();
  const edit = useVisitsMutation(editServiceItem);
  const classes: ServiceItem['entitledClasses'] = ['demonstration', 'growth', 'ordinary', 'special'];

  const save = async (id: number, changes: ServiceItemChanges) => {
    try {
      await edit.mutateAsync({ id, changes });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const menuColumns: TableColumnsType<ServiceItem> = [
    {
      title: t('services.category'),
      dataIndex: 'category',
      render: (value: string) => t(`services.categories.${value}` as 'services.categories.brand'),
    },
    { title: t('services.name'), dataIndex: 'name', render: builtIn },
    { title: t('services.standard'), dataIndex: 'standard', responsive: ['md'], render: builtIn },
    { title: t('services.frequency'), dataIndex: 'frequency', render: builtIn },
    { title: t('services.performedBy'), dataIndex: 'performedBy', responsive: ['lg'], render: builtIn },
    {
      title: t('services.entitled'),
      key: 'entitled',
      render: (_, item) =>
        classes.map((classCode) => {
          const isOn = item.entitledClasses.includes(classCode);
          return (
            <Tag.CheckableTag
              key={classCode}
              checked={isOn}
              onChange={(checked) =>
                canEdit &&
                save(item.id, {
                  entitledClasses: checked
                    ? [...item.entitledClasses, classCode]
                    : item.entitledClasses.filter((entry) => entry !== classCode),
                })
              }
            >
              {t(`visits.classes.${classCode}` as 'visits.classes.ordinary')}
            </Tag.CheckableTag>
          );
        }),
    },
    {
      title: t('services.creditLevels'),
      dataIndex: 'creditLevels',
      render: (levels: ServiceItem['creditLevels'], item) =>
        canEdit ? (
          <Select
            mode="multiple"
            size="small"
            allowClear
            style={{ minWidth: 130 }}
            aria-label={t('services.creditLevels')}
            title={t('services.creditLevelsHint')}
            placeholder={t('services.anyLevel')}
            data-action="PATCH /api/v1/services/items/:id"
            value={(levels ?? []) as CreditLevelCode[]}
            onChange={(value: CreditLevelCode[]) => save(item.id, { creditLevels: value.length > 0 ? value : null })}
            options={creditLevelCodes.map((level) => ({ value: level, label: level }))}
          />
        ) : levels && levels.length > 0 ? (
          levels.map((level) => <Tag key={level}>{level}</Tag>)
        ) : (
          <Typography.Text type="secondary">{t('services.anyLevel')}</Typography.Text>
        ),
    },
    {
      title: t('services.active'),
      dataIndex: 'active',
      render: (active: boolean, item) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canEdit}
          data-action={canEdit ? 'PATCH /api/v1/services/items/:id' : undefined}
          onChange={(value) => save(item.id, { active: value })}
        />
      ),
    },
  ];
  const score = (value: number | null) => (value === null ? '—' : format.number(value, { maximumFractionDigits: 2 }));
  const rankingColumns: TableColumnsType<MethodScore> = [
    { title: t('services.name'), dataIndex: 'name', render: builtIn },
    { title: t('services.ratings'), dataIndex: 'ratings' },
    { title: t('services.effectiveness'), dataIndex: 'effectiveness', render: score },
    { title: t('services.pertinence'), dataIndex: 'pertinence', render: score },
    { title: t('services.economy'), dataIndex: 'economy', render: score },
    { title: t('services.overall'), dataIndex: 'overall', render: score },
    {
      title: '',
      dataIndex: 'isFlaggedForRetirement',
      render: (flagged: boolean) => (flagged ? <Tag color="red">{t('services.retire')}</Tag> : null),
    },
  ];
  const requestColumns: TableColumnsType<ServiceRequest> = [
    { title: t('services.store'), dataIndex: 'customerName' },
    { title: t('services.name'), dataIndex: 'itemName', render: builtIn },
    { title: t('services.note'), dataIndex: 'note' },
    { title: t('services.requestedAt'), dataIndex: 'requestedAt', render: (value: string) => format.dateTime(value) },
  ];
  return (
    <PageContainer title={t('services.title')}>
      <Tabs
        items={[
          {
            key: 'menu',
            label: t('services.tabs.menu'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={items.isLoading}
                dataSource={items.data?.items ?? []}
                columns={menuColumns}
                pagination={false}
                scroll={{ x: true }}
              />
            ),
          },
          {
            key: 'methods',
            label: t('services.tabs.methods'),
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  {t('services.threshold', { threshold: ranking.data?.threshold ?? 2.5 })}
                </Typography.Paragraph>
                <Table
                  rowKey="itemId"
                  size="small"
                  loading={ranking.isLoading}
                  dataSource={ranking.data?.items ?? []}
                  columns={rankingColumns}
                  pagination={false}
                  scroll={{ x: true }}
                />
              </>
            ),
          },
          {
            key: 'requests',
            label: t('services.tabs.requests'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={requests.isLoading}
                dataSource={requests.data?.items ?? []}
                columns={requestColumns}
                scroll={{ x: true }}
              />
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
