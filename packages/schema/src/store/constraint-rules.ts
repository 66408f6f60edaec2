import { type LocalizedText, RULES, type RuleCode, type Violation } from '@coso/domain';

/**
 * The database constraints (migrations' `-- coso:` sections, Prisma's unique indexes) and the rule
 * each one backs: a write that the rules would refuse but that raced past them (two gateways, two
 * requests at once) is refused by the database and answered with the same rule code, at the field
 * it concerns. Looked up by the constraint's exact name; a test lists every constraint of the
 * migrated database and fails for one missing here.
 */
export interface ConstraintRule {
  code: RuleCode;
  path: string;
  message: LocalizedText;
}

/**
 * The one answer to a citizen ID that is already recorded, from the rule check and from the
 * database's unique index alike: it says the ID cannot be recorded twice and nothing about the
 * record that holds it (whose, where, which id), so a writer learns no more than that it exists.
 */
export const CITIZEN_ID_RECORDED: LocalizedText = {
  vi: 'Số định danh này đã được ghi nhận trong hệ thống, không ghi lần thứ hai được. Nếu là cùng một người, hãy nhờ quản trị viên tìm hồ sơ đó.',
  en: 'This citizen ID is already recorded and cannot be recorded twice. If it is the same person, ask an administrator to find that record.',
};

const rule = (code: RuleCode, path: string, vi: string, en: string): ConstraintRule => ({ code, path, message: { vi, en } });

/**
 * Every dated table's `<table>_period` check (valid_to after valid_from): one rule for all, by
 * name, so a new dated table's check (written by `db:migration:create`) needs no line here.
 */
const PERIOD_RULE = rule('PERIOD_ORDER', 'validTo', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must be after the start date.');

export const CONSTRAINT_RULES: Readonly<Record<string, ConstraintRule>> = {
  commendations_recipient_matches_kind: rule(
    'REQUIRED_FIELD',
    'kind',
    'Khen thưởng tập thể cần đúng một tập thể được khen; khen thưởng cá nhân cần đúng một cá nhân được khen.',
    'A collective commendation names exactly one body; an individual one names exactly one person.',
  ),
  memberships_no_overlap: rule(
    'MEMBERSHIP_OVERLAP',
    'validFrom',
    'Người này đã giữ chức vụ này trong cùng thời gian.',
    'This person already holds this post in that period.',
  ),
  memberships_one_holder_per_seat: rule(
    'POST_ONE_HOLDER',
    'role',
    'Chức vụ này đã có người khác giữ trong cùng thời gian; mỗi lúc chỉ một người giữ.',
    'Someone else holds this seat in that period; it has one holder at a time.',
  ),
  memberships_within_body_life: rule(
    'MEMBERSHIP_WITHIN_BODY',
    'validFrom',
    'Chức vụ nằm ngoài thời gian tồn tại của tổ chức.',
    'The membership lies outside the life of its body.',
  ),
  memberships_within_post_life: rule(
    'MEMBERSHIP_WITHIN_BODY',
    'postId',
    'Chức vụ nằm ngoài thời gian tồn tại của chức danh.',
    'The membership lies outside the life of its post.',
  ),
  organizations_cover_memberships: rule(
    'MEMBERSHIP_WITHIN_BODY',
    'validTo',
    'Tổ chức còn chức vụ kéo dài ra ngoài thời gian tồn tại mới; hãy kết thúc các chức vụ đó trước.',
    'The body has memberships that would outlast its new life; end them first.',
  ),
  posts_cover_memberships: rule(
    'MEMBERSHIP_WITHIN_BODY',
    'validTo',
    'Chức danh còn người giữ ngoài thời gian tồn tại mới; hãy kết thúc các chức vụ đó trước.',
    'The post has memberships that would outlast its new life; end them first.',
  ),
  unit_parents_one_at_a_time: rule(
    'UNIT_ONE_PARENT',
    'parentId',
    'Đơn vị đã có đơn vị cấp trên trong thời gian này.',
    'The unit already has a parent in that period.',
  ),
  unit_codes_one_holder_at_a_time: rule(
    'ADMIN_CODE_UNIQUE',
    'code',
    'Mã đơn vị hành chính đã được dùng trong cùng thời gian.',
    'The administrative code is already in use in that period.',
  ),
  unit_codes_one_per_unit_at_a_time: rule(
    'ADMIN_CODE_UNIQUE',
    'code',
    'Đơn vị đã có mã trong thời gian này.',
    'The unit already has a code in that period.',
  ),
  unit_codes_format: rule(
    'ADMIN_CODE_FORMAT',
    'code',
    'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số.',
    'An administrative code has 2, 3 or 5 digits.',
  ),
  organization_parents_one_at_a_time: rule(
    'ORGANIZATION_ONE_PARENT',
    'parentId',
    'Tổ chức đã có tổ chức cấp trên trong thời gian này.',
    'The body already has a parent body in that period.',
  ),
  organizations_one_board_per_building: rule(
    'BOARD_ONE_PER_BUILDING',
    'buildingId',
    'Nhà chung cư đã có Ban quản trị trong thời gian này; hãy kiện toàn Ban quản trị đó.',
    'The building already has a management board in that period; consolidate that board.',
  ),
  organizations_one_board_per_complex: rule(
    'BOARD_ONE_PER_BUILDING',
    'complexId',
    'Cụm nhà chung cư đã có Ban quản trị trong thời gian này; hãy kiện toàn Ban quản trị đó.',
    'The complex already has a management board in that period; consolidate that board.',
  ),
  organizations_board_target: rule(
    'INVALID_VALUE',
    'buildingId',
    'Ban quản trị quản lý đúng một nhà chung cư hoặc một cụm nhà chung cư.',
    'A management board manages exactly one building or one complex.',
  ),
  party_memberships_one_at_a_time: rule(
    'MEMBERSHIP_OVERLAP',
    'validFrom',
    'Người này đã có đảng tịch trong thời gian này.',
    'This person already has a party-membership record in that period.',
  ),
  people_citizen_id_key: { code: 'CITIZEN_ID_UNIQUE', path: 'citizenId', message: CITIZEN_ID_RECORDED },
  people_citizen_id_format: rule('CITIZEN_ID_FORMAT', 'citizenId', 'Số định danh cá nhân gồm 12 chữ số.', 'A citizen ID has 12 digits.'),
  people_phone_format: rule('PHONE_FORMAT', 'phone', 'Số điện thoại di động không hợp lệ.', 'The mobile number is not valid.'),
  people_birth_year: rule('INVALID_VALUE', 'birthYear', 'Năm sinh không hợp lệ.', 'The birth year is not valid.'),
  apartment_buildings_counts: rule(
    'INVALID_VALUE',
    'apartmentCount',
    'Số căn hộ và số khối nhà phải là số dương.',
    'The numbers of apartments and blocks must be positive.',
  ),
  board_terms_number: rule('INVALID_VALUE', 'termNumber', 'Số nhiệm kỳ phải là số dương.', 'The term number must be positive.'),
  board_terms_board_id_term_number_key: rule(
    'RECORD_UNIQUE',
    'termNumber',
    'Ban quản trị đã có nhiệm kỳ số này.',
    'The board already has a term with this number.',
  ),
  apartments_building_id_number_key: rule(
    'RECORD_UNIQUE',
    'number',
    'Nhà chung cư đã có căn hộ số này.',
    'The building already has an apartment with this number.',
  ),
  directives_code_issued_on_key: rule(
    'RECORD_UNIQUE',
    'code',
    'Đã có văn bản cùng số, ký hiệu và ngày ban hành.',
    'A document with this number and date already exists.',
  ),
  training_attendances_training_id_person_id_key: rule(
    'RECORD_UNIQUE',
    'personId',
    'Người này đã có tên trong danh sách dự lớp.',
    'This person is already on the attendance list.',
  ),
  residence_contact_reviews_residence_contact_id_year_key: rule(
    'RECORD_UNIQUE',
    'year',
    'Đã có nhận xét của năm này.',
    'There is already a review for this year.',
  ),
  // PostgreSQL cuts names at 63 characters: the unique (directive, scope, period) of report_tasks.
  report_tasks_directive_id_scope_unit_id_period_from_period__key: rule(
    'RECORD_UNIQUE',
    'from',
    'Báo cáo này đã có phần nhiệm vụ cho kỳ này (vừa được lưu ở nơi khác): tải lại rồi lưu lại.',
    'This report already has its tasks for this period (just saved elsewhere): reload, then save again.',
  ),
  // One work record per finding (its key): two first assignments at once, the second is told to reload.
  finding_work_finding_key_key: rule(
    'RECORD_UNIQUE',
    'key',
    'Tồn tại này vừa được giao hoặc xử lý ở nơi khác: tải lại rồi thử lại.',
    'This finding was just assigned or closed elsewhere: reload, then try again.',
  ),
  accounts_username_key: rule('RECORD_UNIQUE', 'username', 'Tên đăng nhập đã được dùng.', 'The username is taken.'),
  accounts_scope: rule(
    'INVALID_VALUE',
    'scopeUnitId',
    'Cán bộ quận, phường cần địa bàn; các vai trò khác không có.',
    'District and ward staff need a territory; other roles have none.',
  ),
};

/** Constraints no input can violate (written only by the system): a violation there is a bug, not bad input. */
export const INTERNAL_CONSTRAINTS: ReadonlySet<string> = new Set([
  'sessions_token_hash_key',
  // The sign-in throttle's counters (auth/login-throttle.ts): one row per counter, never negative.
  'login_throttles_kind_key',
  'login_throttles_failures_check',
]);

// PostgreSQL's own wording of a violation names the constraint in quotes; the triggers raise the same.
const NAMED_IN_MESSAGE = /violates (?:exclusion|check|unique|foreign key) constraint "([^"]+)"/;

/** The name of the constraint a database error reports, from Prisma's structured error or PostgreSQL's message. */
export function violatedConstraint(error: unknown): string | null {
  const causes: unknown[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && causes.length < 8; ) {
    causes.push(e);
    const next = e as { meta?: { driverAdapterError?: unknown }; cause?: unknown };
    e = next.meta?.driverAdapterError ?? next.cause;
  }
  for (const c of causes) {
    const cause = c as { constraint?: { index?: unknown; name?: unknown } | string; originalMessage?: unknown; message?: unknown };
    if (typeof cause.constraint === 'string') return cause.constraint;
    const structured = cause.constraint?.index ?? cause.constraint?.name;
    if (typeof structured === 'string') return structured;
    for (const text of [cause.originalMessage, cause.message]) {
      const named = typeof text === 'string' ? NAMED_IN_MESSAGE.exec(text)?.[1] : undefined;
      if (named) return named;
    }
  }
  return null;
}

/** The rule a constraint of the database holds, by its name. */
export function ruleOfConstraint(name: string): ConstraintRule | undefined {
  return CONSTRAINT_RULES[name] ?? (name.endsWith('_period') ? PERIOD_RULE : undefined);
}

/** The typed violation for a database error that a constraint raised, or null for any other error. */
export function constraintViolation(error: unknown): Violation | null {
  const name = violatedConstraint(error);
  const rule = name ? ruleOfConstraint(name) : undefined;
  if (!rule) return null;
  return { code: rule.code, severity: RULES[rule.code].severity, path: [rule.path], message: rule.message };
}
