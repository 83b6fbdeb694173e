import { LeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

// A survey page's title row, with the way back.
export function SurveysHead({ title, back }: { title: string; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="portal-surveys-head">
      <Button type="text" icon={<LeftOutlined />} aria-label={t('portalSurveys.back')} onClick={() => navigate(back)} />
      <h2>{title}</h2>
    </div>
  );
}
