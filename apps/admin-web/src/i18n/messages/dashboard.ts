import { defineMessages } from './define-messages';

/** The dashboard: directive progress per ward. */
export const dashboardMessages = defineMessages({}, {});
