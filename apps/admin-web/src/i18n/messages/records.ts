import { defineMessages } from './define-messages';

/** What every detail page shares: periods, history, audit trail, end-dating. */
export const recordsMessages = defineMessages({}, {});
