import { type LocalizedText, withDisplayDates } from '@coso/domain';
import { GraphQLError } from 'graphql';

/**
 * Every error coso writes travels as `{ vi, en }` in `extensions.localizedMessage` — clients pick
 * their language from it and never split strings — with `message` as "vi / en" for readers of the
 * raw JSON. The gateway's formatError gives the same shape to the errors libraries write.
 */
export function bilingualError(code: string, message: LocalizedText, extensions: Record<string, unknown> = {}): GraphQLError {
  // Dates as the app writes them, in both languages (withDisplayDates).
  const shown = { vi: withDisplayDates(message.vi), en: withDisplayDates(message.en) };
  return new GraphQLError(`${shown.vi} / ${shown.en}`, { extensions: { code, ...extensions, localizedMessage: shown } });
}
