import type { ViolationLike } from './violations';

type Bilingual = { vi: string; en: string };

/** What a coso mutation's result union (Success | ValidationError | VersionConflictError | NotFoundError) says. */
export type MutationOutcome<T> =
  | { kind: 'done'; data: T }
  | { kind: 'invalid'; message: Bilingual; violations: ViolationLike[] }
  | { kind: 'conflict'; message: Bilingual; expectedVersion: number; actualVersion: number }
  | { kind: 'not-found'; message: Bilingual };

/** The fields a mutation document selects on its result union (see ../forms/README in the architecture doc). */
export type MutationResult<T> =
  | { __typename?: `Mutation${string}Success`; data: T }
  | { __typename?: 'ValidationError'; localizedMessage: Bilingual; violations: ReadonlyArray<ViolationLike> }
  | { __typename?: 'VersionConflictError'; localizedMessage: Bilingual; expectedVersion: number; actualVersion: number }
  | { __typename?: 'NotFoundError'; localizedMessage: Bilingual };

/** Reads a mutation's result union; documents select `__typename` and the error fields on each member. */
export function mutationOutcome<T>(result: MutationResult<T>): MutationOutcome<T> {
  if ('data' in result) return { kind: 'done', data: result.data };
  if ('violations' in result) return { kind: 'invalid', message: result.localizedMessage, violations: [...result.violations] };
  if ('expectedVersion' in result) {
    return {
      kind: 'conflict',
      message: result.localizedMessage,
      expectedVersion: result.expectedVersion,
      actualVersion: result.actualVersion,
    };
  }
  return { kind: 'not-found', message: result.localizedMessage };
}
