import { defineMessages } from './define-messages';

/** Apartment buildings: the list and the detail page. */
export const buildingsMessages = defineMessages({}, {});
