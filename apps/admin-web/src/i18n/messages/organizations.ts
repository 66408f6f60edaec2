import { defineMessages } from './define-messages';

/** Bodies: the organisations, management boards and party cells lists and their detail pages. */
export const organizationsMessages = defineMessages({}, {});
