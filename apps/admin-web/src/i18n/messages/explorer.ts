import { defineMessages } from './define-messages';

/** The hierarchy explorer: places and bodies on a date, reorganisations as events. */
export const explorerMessages = defineMessages({}, {});
