import { CombinedGraphQLErrors } from '@apollo/client';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { errorText } from '../graphql-client/error-text';
import type { Language } from '../i18n/dictionary';
import type { Translate } from '../i18n/language';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';

/** For an account that may not write (analyst, viewer): the board workflows are not theirs. */
export function NoWriteResult() {
  const { t } = useMessages(boardsMessages);
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('boards.noWrite.title')}
      subTitle={t('boards.noWrite.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/boards')}>
          {t('boards.toList')}
        </Button>
      }
    />
  );
}

/**
 * A request the server refused outright: outside the account's territory (FORBIDDEN) says so
 * plainly; anything else in the server's words.
 */
export function refusalText(
  error: unknown,
  language: Language,
  t: Translate<typeof boardsMessages>,
  when: 'read' | 'write' = 'write',
): { forbidden: boolean; text: string } {
  const forbidden = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'FORBIDDEN');
  if (!forbidden) return { forbidden, text: errorText(error, language) };
  return { forbidden, text: t(when === 'read' ? 'boards.forbiddenRead' : 'boards.forbidden') };
}
