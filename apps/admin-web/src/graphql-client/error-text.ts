import { CombinedGraphQLErrors } from '@apollo/client';
import { type Language, serverErrorText, translate } from '../i18n/dictionary';

/** What to tell the user about a failed request, in their language. */
export function errorText(error: unknown, language: Language): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return first ? serverErrorText(first, language) : translate(language, 'common.unexpectedError');
  }
  return translate(language, 'common.networkError');
}
