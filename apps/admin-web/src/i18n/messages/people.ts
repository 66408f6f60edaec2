import { defineMessages } from './define-messages';

/** People: the list, the detail page and the person form. */
export const peopleMessages = defineMessages({}, {});
