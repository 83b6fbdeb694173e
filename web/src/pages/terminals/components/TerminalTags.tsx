import { Image, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApplicationStatus, type AwardStatus, type InspectionOutcome, photoUrl } from '../terminals.api.ts';

const applicationColours: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  reviewed: 'gold',
  approved: 'cyan',
  awarded: 'green',
  rejected: 'default',
};
const outcomeColours: Record<InspectionOutcome, string> = {
  awarded: 'green',
  pending_approval: 'cyan',
  renewed: 'green',
  not_awarded: 'orange',
  downgraded: 'orange',
  removed: 'red',
};
const awardColours: Record<AwardStatus, string> = {
  active: 'green',
  replaced: 'default',
  downgraded: 'orange',
  removed: 'red',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={applicationColours[status]}>{t(`terminals.applicationStatuses.${status}`)}</Tag>;
}

export function InspectionOutcomeTag({ outcome }: { outcome: InspectionOutcome }) {
  const { t } = useTranslation();
  return <Tag color={outcomeColours[outcome]}>{t(`terminals.outcomes.${outcome}`)}</Tag>;
}

export function AwardStatusTag({ status }: { status: AwardStatus }) {
  const { t } = useTranslation();
  return <Tag color={awardColours[status]}>{t(`terminals.awardStatuses.${status}`)}</Tag>;
}

// Thumbnails of the photos an application or inspection cites; a click opens them large.
export function PhotoStrip({ photoIds, size = 72 }: { photoIds: readonly number[]; size?: number }) {
  const { t } = useTranslation();
  if (photoIds.length === 0) return <span>{t('terminals.noPhotos')}</span>;
  return (
    <Image.PreviewGroup>
      <Space size={6} wrap>
        {photoIds.map((id) => (
          <Image
            key={id}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            src={photoUrl(id)}
            alt={t('terminals.photoAlt', { id })}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
