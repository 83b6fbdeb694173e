import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { asLevel, levelColours } from '../../../shared/credit.ts';

// A credit level as a coloured tag (AAA green … D red); "未评级" when the store has none.
export function LevelTag({ level: given }: { level: string | null | undefined }) {
  const { t } = useTranslation();
  const level = asLevel(given);
  if (!level) return <Tag>{given || t('credit.noLevel')}</Tag>;
  return (
    <Tag color={levelColours[level]} style={{ minWidth: 40, textAlign: 'center', fontWeight: 600 }}>
      {level}
    </Tag>
  );
}
