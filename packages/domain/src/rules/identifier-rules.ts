import { type RuleDefinition, rule } from './rule-definition.js';

/** The rules of identifiers: administrative codes, citizen IDs, mobile numbers. Part of `RULES`. */
export const IDENTIFIER_RULES = {
  ADMIN_CODE_FORMAT: rule(
    'ADMIN_CODE_FORMAT',
    'error',
    'AdministrativeUnit',
    'Quyết định 124/2004/QĐ-TTg (danh mục đơn vị hành chính)',
    'Mã đơn vị hành chính phải có 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số',
    'An administrative code has 2 (province), 3 (district) or 5 (ward) digits',
  ),
  ADMIN_CODE_UNIQUE: rule(
    'ADMIN_CODE_UNIQUE',
    'error',
    'AdministrativeUnit',
    'Quyết định 124/2004/QĐ-TTg',
    'Mã đơn vị hành chính đã được dùng trong cùng thời gian',
    'The administrative code is already in use during that period',
  ),
  CITIZEN_ID_FORMAT: rule(
    'CITIZEN_ID_FORMAT',
    'error',
    'Person',
    'Luật Căn cước 2023; Thông tư 59/2021/TT-BCA',
    'Số định danh cá nhân phải gồm 12 chữ số',
    'A citizen ID has 12 digits',
  ),
  CITIZEN_ID_MISMATCH: rule(
    'CITIZEN_ID_MISMATCH',
    'error',
    'Person',
    'Luật Căn cước 2023; Thông tư 59/2021/TT-BCA',
    'Số định danh không khớp với năm sinh hoặc giới tính',
    'The citizen ID does not agree with the birth year or sex',
  ),
  PHONE_FORMAT: rule(
    'PHONE_FORMAT',
    'error',
    'Person',
    'Quy hoạch kho số viễn thông (Bộ TT&TT)',
    'Số điện thoại di động không hợp lệ',
    'The mobile number is not valid',
  ),
} as const satisfies Record<string, RuleDefinition>;

/** The code of an identifier rule. */
export type IdentifierRuleCode = keyof typeof IDENTIFIER_RULES;
