import { Alert, Descriptions, Drawer, Empty, Flex, Image, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/error-message.ts';
import { useBuiltInName } from '../../../shared/i18n/built-in-names.ts';
import { useFormat } from '../../../shared/use-locale.ts';
import { correctionLinksOf, observationRowsOf, serviceNamesOf, visitMinutes, yuanOf } from '../visit-record.ts';
import { photoUrl, useServiceItems, useVisitDetail } from '../visits.api.ts';

// One submitted visit, read-only (痕迹化): times and position, the checklist, stock counts and
// observed prices, services delivered, photos, and its place in the correction chain — the
// original and the corrections open in the same drawer.
export function VisitRecordDrawer({
  visitId,
  onOpen,
}: {
  visitId: number | null;
  onOpen: (id: number | null) => void;
}) {
  const { t } = useTranslation();
  const builtIn = useBuiltInName();
  const format = useFormat();
  const detail = useVisitDetail(visitId);
  const menu = useServiceItems().data?.items ?? [];
  const visit = detail.data;
  const links = visit ? correctionLinksOf(visit) : null;
  const link = (id: number) => (
    <Typography.Link key={id} onClick={() => onOpen(id)} data-testid="visit-link">
      #{id}
    </Typography.Link>
  );
  const yesNo = (value: boolean) =>
    value ? <Tag color="green">{t('visits.records.yes')}</Tag> : <Tag color="red">{t('visits.records.no')}</Tag>;

  return (
    <Drawer
      open={visitId !== null}
      onClose={() => onOpen(null)}
      width={640}
      styles={{ wrapper: { maxWidth: '100vw' } }}
      title={visitId ? t('visits.records.detailTitle', { id: visitId }) : null}
      destroyOnHidden
    >
      {detail.error ? <Alert type="error" showIcon message={describeError(detail.error, t)} /> : null}
      {!visit ? (
        detail.isLoading ? (
          <Skeleton active />
        ) : null
      ) : (
        <Flex vertical gap={16} data-testid="visit-record">
          <Alert type="info" showIcon message={t('visits.records.readOnly')} />
          {links?.isCorrection ? (
            <Alert
              type="warning"
              showIcon
              message={
                <>
                  {t('visits.records.corrects', { id: links.correctsVisitId })} {link(links.correctsVisitId as number)}
                </>
              }
              description={`${t('visits.records.correctionReason')}：${visit.correctionReason ?? ''}`}
            />
          ) : null}
          {links && links.correctedBy.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={
                <Flex gap={8} wrap>
                  {t('visits.records.correctedBy')} {links.correctedBy.map(link)}
                </Flex>
              }
            />
          ) : null}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('visits.records.store')}>{visit.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('visits.records.checkIn')}>
              {format.dateTime(visit.checkInAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.checkOut')}>
              {format.dateTime(visit.checkOutAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.duration')}>
              {t('visits.records.minutesValue', {
                count: visitMinutes((Date.parse(visit.checkOutAt) - Date.parse(visit.checkInAt)) / 1000),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.distance')}>
              {visit.checkInLatitude === null
                ? t('visits.records.noPositionValue')
                : visit.checkInDistanceM === null
                  ? '—'
                  : t('visits.records.distanceValue', { count: visit.checkInDistanceM })}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.flags')}>
              {visit.flags.length === 0
                ? '—'
                : visit.flags.map((flag) => (
                    <Tag key={flag} color="orange">
                      {t(`visits.flags.${flag}`)}
                    </Tag>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.imageScore')}>
              {format.number(visit.imageScore)}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" column={1} bordered title={t('visits.form.checklist')}>
            <Descriptions.Item label={t('visits.checklist.displayStandard')}>
              {yesNo(visit.checklist.displayStandard)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.checklist.pricesMarked')}>
              {yesNo(visit.checklist.pricesMarked)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.checklist.targetBrandsOnShelf')}>
              {yesNo(visit.checklist.targetBrandsOnShelf)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.checklist.issues')}>{visit.checklist.issues || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('visits.records.services')}>
              {visit.servicesDelivered.length === 0
                ? '—'
                : serviceNamesOf(visit.servicesDelivered, menu).map((name) => <Tag key={name}>{builtIn(name)}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.records.requestsFulfilled')}>
              {visit.requestsFulfilled.length === 0 ? '—' : visit.requestsFulfilled.map((id) => `#${id}`).join('、')}
            </Descriptions.Item>
          </Descriptions>
          {visit.brandChecks.length > 0 ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              title={t('visits.records.brandChecks')}
              data-testid="visit-brand-checks"
            >
              {visit.brandChecks.map((check) => (
                <Descriptions.Item
                  key={`${check.programmeId}:${check.kind}:${check.title}`}
                  label={`${t(`visits.records.brandCheckKinds.${check.kind}`)} · ${check.title}`}
                >
                  {check.done ? (
                    <Tag color="green">{t('visits.records.brandCheckDone')}</Tag>
                  ) : (
                    <Tag>{t('visits.records.brandCheckNotDone')}</Tag>
                  )}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('visits.form.observations')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="productId"
            pagination={false}
            locale={{ emptyText: t('visits.records.noObservations') }}
            dataSource={observationRowsOf(visit)}
            columns={[
              { title: t('visits.form.product'), dataIndex: 'name' },
              {
                title: t('visits.records.stockCounts'),
                dataIndex: 'cartons',
                align: 'right',
                render: (value: number | null) => (value === null ? '—' : format.number(value)),
              },
              {
                title: t('visits.records.prices'),
                dataIndex: 'packPriceFen',
                align: 'right',
                render: (value: number | null) =>
                  value === null ? '—' : format.number(yuanOf(value), { minimumFractionDigits: 2 }),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('visits.records.photos')}
          </Typography.Title>
          {visit.photoIds.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.records.noPhotos')} />
          ) : (
            <Image.PreviewGroup>
              <Flex gap={8} wrap>
                {visit.photoIds.map((id) => (
                  <Image key={id} src={photoUrl(id)} width={120} height={90} style={{ objectFit: 'cover' }} />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
