import { defineMessages } from './define-messages';

/** The findings page: the directive's gaps, each linked to its record. */
export const findingsMessages = defineMessages({}, {});
