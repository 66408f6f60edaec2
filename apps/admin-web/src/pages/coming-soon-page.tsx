import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { BaseKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/language';

/** "Đang xây dựng": where each menu entry that is not built yet leads. */
export function ComingSoonPage({ feature }: { feature: BaseKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      icon={<ToolOutlined />}
      title={`${t(feature)} — ${t('comingSoon.title')}`}
      subTitle={t('comingSoon.text', { feature: t(feature) })}
      extra={
        <Button type="primary" onClick={() => navigate('/units')}>
          {t('comingSoon.toUnits')}
        </Button>
      }
    />
  );
}
