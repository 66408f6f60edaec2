import { accountsMessages } from './messages/accounts';
import { boardsMessages } from './messages/boards';
import { coreMessages } from './messages/core';
import { dashboardMessages } from './messages/dashboard';
import { explorerMessages } from './messages/explorer';
import { findingsMessages } from './messages/findings';
import { formsMessages } from './messages/forms';
import { importMessages } from './messages/imports';
import { listExportMessages } from './messages/list-export';
import { listsMessages } from './messages/lists';
import { organizationsMessages } from './messages/organizations';
import { peopleMessages } from './messages/people';
import { peopleListMessages } from './messages/people-list';
import { recordsMessages } from './messages/records';
import { reorganisationMessages } from './messages/reorganisation';
import { reportMessages } from './messages/report';

/**
 * Every feature's messages, for the dictionary test and for the type of every key. The app never
 * imports this at run time: the first screen carries only the base messages (dictionary.ts), and
 * each page brings its feature's module with it (useMessages).
 */
export const MESSAGE_MODULES = {
  core: coreMessages,
  lists: listsMessages,
  listExport: listExportMessages,
  dashboard: dashboardMessages,
  explorer: explorerMessages,
  organizations: organizationsMessages,
  people: peopleMessages,
  peopleList: peopleListMessages,
  boards: boardsMessages,
  reorganisation: reorganisationMessages,
  report: reportMessages,
  findings: findingsMessages,
  records: recordsMessages,
  forms: formsMessages,
  accounts: accountsMessages,
  imports: importMessages,
} as const;

export type AllMessageModules = typeof MESSAGE_MODULES;
