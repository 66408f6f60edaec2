import { Alert, Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { formsMessages } from '../i18n/messages/forms';

/**
 * The end of a board form: what stops the submission (incomplete, refused by the server, general
 * messages, a request error), then submit and cancel. `notice` comes first (the version conflict).
 */
export function BoardSubmitArea(props: {
  notice?: ReactNode;
  incomplete: boolean;
  refused: boolean;
  attempted: boolean;
  general: readonly string[];
  requestError: { text: string } | null;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useMessages(boardsMessages, formsMessages);
  const { general, saving } = props;
  return (
    <Flex vertical gap={12}>
      {props.notice}
      {props.incomplete && <Alert type="warning" showIcon title={t('boards.incomplete')} />}
      {props.refused && (
        <Alert
          type="error"
          showIcon
          title={t('forms.invalid')}
          description={
            <>
              <div>{t('boards.refused')}</div>
              {general.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </>
          }
        />
      )}
      {!props.refused && props.attempted && general.length > 0 && (
        <Alert type="warning" showIcon title={general.map((m) => <div key={m}>{m}</div>)} />
      )}
      {props.requestError && <Alert type="error" showIcon title={props.requestError.text} />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {saving ? t('forms.saving') : props.submitLabel}
        </Button>
        <Button onClick={props.onCancel} disabled={saving}>
          {t('forms.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
