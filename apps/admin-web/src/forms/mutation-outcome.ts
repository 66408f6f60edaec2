import type { ViolationLike } from './violations';

/** What a coso mutation's result union (Success | ValidationError | VersionConflictError | NotFoundError) says. */
export type MutationOutcome<T> =
  | { kind: 'done'; data: T }
  | { kind: 'invalid'; message: string; violations: ViolationLike[] }
  | { kind: 'conflict'; message: string; expectedVersion: number; actualVersion: number }
  | { kind: 'not-found'; message: string };

/** The fields a mutation document selects on its result union (see ../forms/README in the architecture doc). */
export type MutationResult<T> =
  | { __typename?: `Mutation${string}Success`; data: T }
  | { __typename?: 'ValidationError'; message: string; violations: ReadonlyArray<ViolationLike> }
  | { __typename?: 'VersionConflictError'; message: string; expectedVersion: number; actualVersion: number }
  | { __typename?: 'NotFoundError'; message: string };

/** Reads a mutation's result union; documents select `__typename` and the error fields on each member. */
export function mutationOutcome<T>(result: MutationResult<T>): MutationOutcome<T> {
  if ('data' in result) return { kind: 'done', data: result.data };
  if ('violations' in result) return { kind: 'invalid', message: result.message, violations: [...result.violations] };
  if ('expectedVersion' in result) {
    return { kind: 'conflict', message: result.message, expectedVersion: result.expectedVersion, actualVersion: result.actualVersion };
  }
  return { kind: 'not-found', message: result.message };
}
