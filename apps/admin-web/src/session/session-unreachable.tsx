import { Button, Result } from 'antd';
import { useI18n } from '../i18n/language';

/** The server could not be asked who is signed in (loaded only then, to keep the first screen small). */
export function SessionUnreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t('common.networkError')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
