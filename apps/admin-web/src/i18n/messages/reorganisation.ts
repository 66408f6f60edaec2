import { defineMessages } from './define-messages';

/** The record-a-reorganisation workflow. */
export const reorganisationMessages = defineMessages({}, {});
