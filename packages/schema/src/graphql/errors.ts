import { type Violation, withDisplayDates } from '@coso/domain';
// The classes live with the store that throws them; GraphQL registers them as result types.
import { NotFoundError, ValidationError, VersionConflictError } from '../store/write-errors.js';
import { builder } from './builder.js';

export { NotFoundError, ValidationError, VersionConflictError };

const LocalizedText = builder.objectRef<{ vi: string; en: string }>('LocalizedText').implement({
  description: 'Vietnamese first, English second.',
  // Dates in the texts as the app writes them, in both languages (withDisplayDates).
  fields: (t) => ({
    vi: t.string({ resolve: (text) => withDisplayDates(text.vi) }),
    en: t.string({ resolve: (text) => withDisplayDates(text.en) }),
  }),
});

const ErrorInterface = builder.interfaceRef<ValidationError | NotFoundError | VersionConflictError>('Error').implement({
  description: 'Lỗi nghiệp vụ / A typed business error returned in a mutation result.',
  fields: (t) => ({
    message: t.exposeString('message', { description: '"vi / en", for reading the raw answer; clients show `localizedMessage`.' }),
    localizedMessage: t.field({ type: LocalizedText, description: 'The message in each language.', resolve: (e) => e.localized }),
  }),
});

const ViolationRef = builder.objectRef<Violation<string>>('Violation').implement({
  description: 'Một vi phạm quy tắc / One rule violation: stable code, field path, severity and message.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable rule code, e.g. BOARD_MIN_MEMBERS (see the rule catalogue).' }),
    severity: t.exposeString('severity', { description: '"error" blocks the write; "warning" is reported and does not.' }),
    path: t.stringList({
      description: 'Path of the offending input field, e.g. ["members", "2", "role"].',
      resolve: (v) => v.path.map(String),
    }),
    message: t.field({ type: LocalizedText, resolve: (v) => v.message }),
    entityType: t.string({ nullable: true, resolve: (v) => v.entity?.type ?? null }),
    entityId: t.string({ nullable: true, resolve: (v) => v.entity?.id ?? null }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ValidationError,
  fields: (t) => ({ violations: t.field({ type: [ViolationRef], resolve: (e) => e.violations }) }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof VersionConflictError,
  fields: (t) => ({
    entityType: t.exposeString('entityType'),
    entityId: t.exposeID('entityId'),
    expectedVersion: t.exposeInt('expectedVersion'),
    actualVersion: t.exposeInt('actualVersion'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFoundError,
  fields: (t) => ({ entityType: t.exposeString('entityType'), entityId: t.exposeID('entityId') }),
});

export const WRITE_ERRORS = [ValidationError, NotFoundError, VersionConflictError];
export { LocalizedText as LocalizedTextRef, ViolationRef };
