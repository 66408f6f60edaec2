import type { Violation } from '@coso/domain';

/**
 * Typed write errors, thrown by the store and the use-cases, answered by GraphQL as typed results
 * (graphql/errors.ts registers them). A mutation returns a union of its success type and these, so clients
 * switch on `__typename` and every violation carries a rule code, a field path and a message in
 * Vietnamese and English. A refused write changes nothing.
 */
export class ValidationError extends Error {
  constructor(readonly violations: Violation[]) {
    super(
      `Dữ liệu không hợp lệ: ${violations.length} lỗi. / Invalid input: ${violations.length} violation(s). ${violations
        .slice(0, 3)
        .map((v) => v.message.en)
        .join(' ')}`.trim(),
    );
    this.name = 'ValidationError';
  }
}

export class VersionConflictError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `Bản ghi đã được người khác sửa (phiên bản ${actualVersion}, bạn sửa từ phiên bản ${expectedVersion}); tải lại rồi thử lại. / The record was changed by someone else (version ${actualVersion}; you edited version ${expectedVersion}); reload and retry.`,
    );
    this.name = 'VersionConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super(`Không tìm thấy ${entityType} "${entityId}". / ${entityType} "${entityId}" was not found.`);
    this.name = 'NotFoundError';
  }
}
