export { compareFindings, computeFindings, findingsQueryViolations } from './compute.js';
export { type FindingArgs, makeFinding } from './context.js';
export { FINDING_IDENTITY, FINDING_WORK_STATES, type FindingWorkState, findingKey, findingKeyCode } from './keys.js';
export { FINDING_MESSAGES } from './messages.js';
export {
  compareTermReminders,
  computeReminders,
  REMINDER_CODES,
  REMINDER_MESSAGES,
  type Reminder,
  type ReminderCode,
  type RemindersQuery,
  TERM_REMINDER_DAYS,
} from './reminders.js';
export * from './types.js';
