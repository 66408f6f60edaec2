import type { LocalizedText, Violation } from '@coso/domain';

/**
 * Typed write errors, thrown by the store and the use-cases, answered by GraphQL as typed results
 * (graphql/errors.ts registers them). A mutation returns a union of its success type and these, so clients
 * switch on `__typename` and every violation carries a rule code, a field path and a message in
 * Vietnamese and English. A refused write changes nothing.
 */
/** An error whose message is written in both languages: `localized`, and `message` as "vi / en". */
abstract class BilingualError extends Error {
  constructor(readonly localized: LocalizedText) {
    super(`${localized.vi} / ${localized.en}`);
  }
}

export class ValidationError extends BilingualError {
  constructor(readonly violations: Violation<string>[]) {
    const first = violations.slice(0, 3);
    super({
      vi: `Dữ liệu không hợp lệ: ${violations.length} lỗi. ${first.map((v) => v.message.vi).join(' ')}`.trim(),
      en: `Invalid input: ${violations.length} violation(s). ${first.map((v) => v.message.en).join(' ')}`.trim(),
    });
    this.name = 'ValidationError';
  }
}

export class VersionConflictError extends BilingualError {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super({
      vi: `Bản ghi đã được người khác sửa (phiên bản ${actualVersion}, bạn sửa từ phiên bản ${expectedVersion}); tải lại rồi thử lại.`,
      en: `The record was changed by someone else (version ${actualVersion}; you edited version ${expectedVersion}); reload and retry.`,
    });
    this.name = 'VersionConflictError';
  }
}

export class NotFoundError extends BilingualError {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super({ vi: `Không tìm thấy ${entityType} "${entityId}".`, en: `${entityType} "${entityId}" was not found.` });
    this.name = 'NotFoundError';
  }
}
