import { Alert, Button } from 'antd';
import { errorText } from '../graphql-client/error-text';
import { useI18n } from '../i18n/language';

/** A failed load: what went wrong, in the user's language, and a retry button. */
export function LoadErrorAlert({ title, error, onRetry }: { title: string; error: unknown; onRetry(): void }) {
  const { t, language } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorText(error, language)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
