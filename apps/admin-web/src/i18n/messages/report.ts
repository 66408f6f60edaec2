import { defineMessages } from './define-messages';

/** The Directive 05 review report page: figures, drill-down, export. */
export const reportMessages = defineMessages({}, {});
