import { defineMessages } from './define-messages';

/** The management-board workflows: establish and consolidate. */
export const boardsMessages = defineMessages({}, {});
