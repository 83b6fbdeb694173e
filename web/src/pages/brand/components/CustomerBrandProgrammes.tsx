import { CheckCircleTwoTone, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/error-message.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { useCustomerProgrammes } from '../brand.api.ts';
import { formatCount, formatRatio } from '../brand-format.ts';
import { ProgrammeStatusTag } from './ProgrammeStatusTag.tsx';

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {value ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <MinusCircleOutlined style={{ color: '#bfbfbf' }} />}
      {value ? t('brand.customer.yes') : t('brand.customer.no')}
    </Space>
  );
}

// The 360° view's 品牌培育 tab: the store's programmes (active, and recently closed) and its own
// three figures in each — shelved (by orders and on the shelf), re-ordering, and 存销比.
export function CustomerBrandProgrammes({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const programmes = useCustomerProgrammes(customerId);
  if (programmes.isPending) return <Skeleton active />;
  if (programmes.error) return <Alert type="error" showIcon title={describeError(programmes.error, t)} />;
  const items = programmes.data.items;
  if (items.length === 0) return <Empty description={t('brand.customer.empty')} />;

  return (
    <Flex vertical gap={12}>
      {items.map((programme) => (
        <Card
          key={programme.programmeId}
          size="small"
          data-testid="customer-brand-programme"
          title={
            <Space>
              <Link to={`/brand-programmes/${programme.programmeId}`}>{programme.name}</Link>
              <ProgrammeStatusTag status={programme.status} />
            </Space>
          }
          extra={
            <Typography.Text type="secondary">
              {format.dateRange(programme.startDate, programme.endDate)}
            </Typography.Text>
          }
        >
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t('brand.customer.shelved')}>
              <YesNo value={programme.shelved} />
            </Descriptions.Item>
            <Descriptions.Item label={t('brand.customer.shelvedObserved')}>
              <YesNo value={programme.shelvedObserved} />
            </Descriptions.Item>
            <Descriptions.Item label={t('brand.customer.reordered')}>
              <YesNo value={programme.reordered} />
            </Descriptions.Item>
            <Descriptions.Item label={t('brand.customer.ratio')}>
              <Space size={4} wrap>
                <span data-testid="customer-brand-ratio">
                  {formatRatio(programme.stockToSalesRatio, format.locale)}
                </span>
                {(programme.flags ?? [])
                  .filter((flag) => flag === 'over_stock' || flag === 'out_of_stock')
                  .map((flag) => (
                    <Tag key={flag} color={flag === 'over_stock' ? 'orange' : 'red'}>
                      {t(`brand.storeStatuses.${flag}`)}
                    </Tag>
                  ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            {programme.products.map((product) => product.name).join('、')} ·{' '}
            {t('brand.customer.orderedCartons', { cartons: formatCount(programme.orderedCartons, format.locale) })}
            {programme.stockCartons !== null
              ? ` · ${t('brand.customer.stock')} ${formatCount(programme.stockCartons, format.locale)}`
              : ''}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
}
