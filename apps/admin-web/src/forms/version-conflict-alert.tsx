import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/language';
import { formsMessages } from '../i18n/messages/forms';

export interface VersionConflictAlertProps {
  /** Reads the record again (refetch); the form keeps what the user typed. */
  onReload(): Promise<unknown>;
}

/**
 * Someone saved the record after this form read it: nothing was written. Explains it, and
 * reloads the latest version on request without touching the fields the user typed, so
 * "Lưu" can be pressed again against the new version.
 */
export function VersionConflictAlert({ onReload }: VersionConflictAlertProps) {
  const { t } = useMessages(formsMessages);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('forms.conflict.title')}
      description={reloaded ? t('forms.conflict.reloaded') : t('forms.conflict.text')}
      action={
        reloaded ? undefined : (
          <Button
            size="small"
            loading={reloading}
            onClick={() => {
              setReloading(true);
              void onReload().finally(() => {
                setReloading(false);
                setReloaded(true);
              });
            }}
          >
            {t('forms.conflict.reload')}
          </Button>
        )
      }
    />
  );
}
