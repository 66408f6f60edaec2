import { FINDING_WORK_STATES } from '@coso/domain';
import type { WorkFilter, WorkState } from '../use-cases/finding-work.js';
import { builder } from './builder.js';
import { dbId } from './ids.js';

/** The work states, from the domain's list (the database enum is checked against it). */
export const FindingWorkStateEnum = builder.enumType('FindingWorkState', {
  description: 'Trạng thái xử lý tồn tại / Work state: OPEN (to do), RESOLVED (fixed), ACCEPTED (will not be fixed).',
  values: FINDING_WORK_STATES,
});

/** The `findings` query's work filters, as the use-case takes them. */
export function workFilter(args: {
  states?: readonly WorkState[] | null | undefined;
  overdue?: boolean | null | undefined;
  assigneeUnitId?: string | null | undefined;
  assigneePersonId?: string | null | undefined;
}): WorkFilter {
  return {
    ...(args.states ? { states: args.states } : {}),
    ...(args.overdue !== null && args.overdue !== undefined ? { overdue: args.overdue } : {}),
    ...(args.assigneeUnitId ? { assigneeUnitId: dbId(args.assigneeUnitId, 'AdministrativeUnit') } : {}),
    ...(args.assigneePersonId ? { assigneePersonId: dbId(args.assigneePersonId, 'Person') } : {}),
  };
}
