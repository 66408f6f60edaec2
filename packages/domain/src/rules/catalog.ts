import { IDENTIFIER_RULES } from './identifier-rules.js';
import { type RuleDefinition, rule } from './rule-definition.js';

export type { RuleDefinition } from './rule-definition.js';

const LAW_HOUSING = 'Luật Nhà ở 2023 điều 146; Thông tư 05/2024/TT-BXD (trước đó Thông tư 02/2016/TT-BXD)';
const PARTY_CHARTER = 'Điều lệ Đảng và hướng dẫn thi hành';
const GROUP_RULES = 'Luật Thực hiện dân chủ ở cơ sở 2022; Thông tư 04/2012/TT-BNV và quy định của tỉnh';
const DIRECTIVE_05 = 'Thông tri 05-TT/QU (30/9/2021) của Ban Thường vụ Quận ủy Long Biên';

/**
 * The rule catalogue: every rule the platform checks, by its stable code, with its severity, the
 * kind of record it applies to, its legal source and its title (see `RuleDefinition`).
 */
export const RULES = {
  // Periods and identity (field-level integrity, all errors).
  PERIOD_ORDER: rule(
    'PERIOD_ORDER',
    'error',
    'Membership',
    'Nguyên tắc dữ liệu',
    'Ngày kết thúc phải sau ngày bắt đầu',
    'The end date must be after the start date',
  ),
  DATE_FORMAT: rule(
    'DATE_FORMAT',
    'error',
    'Membership',
    'Nguyên tắc dữ liệu',
    'Ngày phải có dạng YYYY-MM-DD và có thật',
    'A date must be a real date written YYYY-MM-DD',
  ),
  REQUIRED_FIELD: rule(
    'REQUIRED_FIELD',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Thiếu thông tin bắt buộc',
    'A required field is missing',
  ),
  INVALID_VALUE: rule('INVALID_VALUE', 'error', 'Person', 'Nguyên tắc dữ liệu', 'Giá trị không hợp lệ', 'The value is not valid'),
  MEMBERSHIP_OVERLAP: rule(
    'MEMBERSHIP_OVERLAP',
    'error',
    'Membership',
    'Nguyên tắc dữ liệu',
    'Một người không giữ cùng một chức vụ hai lần trong cùng thời gian',
    'A person cannot hold the same post twice at the same time',
  ),
  POST_ONE_HOLDER: rule(
    'POST_ONE_HOLDER',
    'error',
    'Membership',
    'Nguyên tắc dữ liệu',
    'Chức danh đứng đầu (trưởng, bí thư) chỉ có một người giữ tại một thời điểm',
    'A head or secretary seat has one holder at a time',
  ),
  MEMBERSHIP_WITHIN_BODY: rule(
    'MEMBERSHIP_WITHIN_BODY',
    'error',
    'Membership',
    'Nguyên tắc dữ liệu',
    'Chức vụ nằm trong thời gian tồn tại của tổ chức và của chức danh',
    'A membership lies within the life of its body and of its post',
  ),
  ORGANIZATION_ONE_PARENT: rule(
    'ORGANIZATION_ONE_PARENT',
    'error',
    'Organization',
    'Nguyên tắc dữ liệu',
    'Mỗi tổ chức chỉ trực thuộc một tổ chức cấp trên tại một thời điểm',
    'A body belongs to one parent body at a time',
  ),
  CITIZEN_ID_UNIQUE: rule(
    'CITIZEN_ID_UNIQUE',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Mỗi số định danh cá nhân thuộc về một người',
    'A citizen ID belongs to one person',
  ),
  RECORD_UNIQUE: rule(
    'RECORD_UNIQUE',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Bản ghi này đã có (trùng số, năm hoặc mã)',
    'Such a record already exists (same number, year or code)',
  ),
  UNIT_ONE_PARENT: rule(
    'UNIT_ONE_PARENT',
    'error',
    'AdministrativeUnit',
    'Nguyên tắc dữ liệu',
    'Mỗi đơn vị chỉ có một đơn vị cấp trên tại một thời điểm',
    'A unit has one parent at a time',
  ),
  UNIT_PARENT_KIND: rule(
    'UNIT_PARENT_KIND',
    'error',
    'AdministrativeUnit',
    'Luật Tổ chức chính quyền địa phương',
    'Cấp của đơn vị cấp trên không phù hợp',
    'The parent unit is of the wrong level',
  ),
  UNIT_NOT_FOUND: rule(
    'UNIT_NOT_FOUND',
    'error',
    'AdministrativeUnit',
    'Nguyên tắc dữ liệu',
    'Không tìm thấy đơn vị vào ngày đã chọn',
    'The unit does not exist on the chosen date',
  ),
  ENTITY_NOT_FOUND: rule(
    'ENTITY_NOT_FOUND',
    'error',
    'Organization',
    'Nguyên tắc dữ liệu',
    'Không tìm thấy bản ghi',
    'The record does not exist',
  ),

  STATE_REFERENCE_MISSING: rule(
    'STATE_REFERENCE_MISSING',
    'error',
    'Organization',
    'Nguyên tắc dữ liệu',
    'Tham chiếu tới bản ghi không có trong dữ liệu',
    'A reference points at a record the state does not hold',
  ),

  // Spreadsheet import.
  IMPORT_NO_HEADER: rule(
    'IMPORT_NO_HEADER',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Không tìm thấy dòng tiêu đề của bảng tính',
    'The header row of the sheet was not found',
  ),
  IMPORT_COLUMN_MISSING: rule(
    'IMPORT_COLUMN_MISSING',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Bảng tính thiếu một cột bắt buộc',
    'The sheet lacks a required column',
  ),
  IMPORT_AS_OF_UNREADABLE: rule(
    'IMPORT_AS_OF_UNREADABLE',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Dòng "Ngày số liệu" của bảng tính không ghi một ngày đọc được',
    'The sheet\'s "Ngày số liệu" (as-of date) line holds no readable date',
  ),
  IMPORT_FIXED_FIELD: rule(
    'IMPORT_FIXED_FIELD',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Nhập lại không đổi được trường cố định của bản ghi đã có (đơn vị cấp trên, mã, …)',
    'A re-import cannot change a fixed field of an existing record (its parent, code, …)',
  ),
  IMPORT_WITHHELD_FILE: rule(
    'IMPORT_WITHHELD_FILE',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Không nhập lại tệp được xuất khi một số dữ liệu bị che hoặc lược bớt',
    'A file exported with values masked or left out cannot be imported back',
  ),
  WRITE_OUTSIDE_OWN_READ: rule(
    'WRITE_OUTSIDE_OWN_READ',
    'error',
    'Person',
    'Nguyên tắc dữ liệu',
    'Bản ghi bạn ghi phải nằm trong phạm vi bạn được xem',
    'A record you write must lie where you may read it',
  ),

  // Identifiers (their own module, so an identifier check does not carry the whole catalogue).
  ...IDENTIFIER_RULES,

  // Management boards.
  BOARD_MIN_MEMBERS: rule(
    'BOARD_MIN_MEMBERS',
    'error',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị tòa nhà một khối phải có ít nhất 3 thành viên',
    'A single-block building board has at least 3 members',
  ),
  BOARD_MIN_MEMBERS_PER_BLOCK: rule(
    'BOARD_MIN_MEMBERS_PER_BLOCK',
    'error',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị tòa nhà nhiều khối phải có ít nhất 1 thành viên mỗi khối',
    'A multi-block building board has at least one member per block',
  ),
  COMPLEX_BOARD_MIN_MEMBERS: rule(
    'COMPLEX_BOARD_MIN_MEMBERS',
    'error',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị cụm nhà chung cư phải có ít nhất 6 thành viên',
    'A complex board has at least 6 members',
  ),
  BOARD_ONE_PER_BUILDING: rule(
    'BOARD_ONE_PER_BUILDING',
    'error',
    'Organization',
    LAW_HOUSING,
    'Mỗi nhà chung cư (hoặc cụm nhà chung cư) có một Ban quản trị tại một thời điểm',
    'A building (or complex) has one management board at a time',
  ),
  BOARD_ONE_HEAD: rule(
    'BOARD_ONE_HEAD',
    'error',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị có đúng 1 trưởng ban',
    'A board has exactly one head',
  ),
  BOARD_DEPUTIES: rule(
    'BOARD_DEPUTIES',
    'error',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị có từ 1 đến 2 phó ban (cụm: mỗi tòa 1–2 phó ban)',
    'A board has 1–2 deputies (a complex: 1–2 per building)',
  ),
  BOARD_MEMBER_OWNER: rule(
    'BOARD_MEMBER_OWNER',
    'error',
    'Membership',
    LAW_HOUSING,
    'Thành viên Ban quản trị phải là chủ sở hữu hoặc người sử dụng căn hộ của tòa nhà',
    'Board members own or are the authorised users of an apartment in the building',
  ),
  BOARD_TERM_LENGTH: rule(
    'BOARD_TERM_LENGTH',
    'error',
    'BoardTerm',
    LAW_HOUSING,
    'Nhiệm kỳ Ban quản trị không quá 3 năm',
    'A board term lasts at most 3 years',
  ),
  BOARD_TERM_EXPIRED: rule(
    'BOARD_TERM_EXPIRED',
    'warning',
    'Organization',
    LAW_HOUSING,
    'Ban quản trị đã hết nhiệm kỳ mà chưa bầu lại',
    'The board term has ended with no successor',
  ),
  BOARD_RECOGNITION_FILING: rule(
    'BOARD_RECOGNITION_FILING',
    'warning',
    'BoardTerm',
    LAW_HOUSING,
    'Ban quản trị phải đề nghị công nhận trong 10 ngày sau khi được bầu',
    'A board files for recognition within 10 days of its election',
  ),
  BOARD_RECOGNITION_DECISION: rule(
    'BOARD_RECOGNITION_DECISION',
    'warning',
    'BoardTerm',
    LAW_HOUSING,
    'UBND phải ra quyết định công nhận trong 7 ngày làm việc',
    "The People's Committee decides on recognition within 7 working days",
  ),
  BOARD_RECOGNITION_LEVEL: rule(
    'BOARD_RECOGNITION_LEVEL',
    'error',
    'BoardTerm',
    LAW_HOUSING,
    'Quyết định công nhận phải do UBND đúng cấp ban hành',
    "Recognition is decided by the People's Committee of the right level",
  ),
  FIRST_CONFERENCE_DUE: rule(
    'FIRST_CONFERENCE_DUE',
    'warning',
    'ApartmentBuilding',
    LAW_HOUSING,
    'Hội nghị nhà chung cư lần đầu phải tổ chức trong 12 tháng từ khi bàn giao 50% căn hộ',
    'The first building conference is due within 12 months of 50 % handover',
  ),

  // Party cells.
  CELL_MIN_OFFICIAL_MEMBERS: rule(
    'CELL_MIN_OFFICIAL_MEMBERS',
    'warning',
    'Organization',
    PARTY_CHARTER,
    'Chi bộ phải có ít nhất 3 đảng viên chính thức',
    'A party cell needs at least 3 official members',
  ),
  CELL_SHOULD_BECOME_COMMITTEE: rule(
    'CELL_SHOULD_BECOME_COMMITTEE',
    'warning',
    'Organization',
    PARTY_CHARTER,
    'Chi bộ có từ 30 đảng viên nên thành lập đảng bộ cơ sở',
    'A cell with 30 or more members should become a grassroots party committee',
  ),
  CELL_LEADERSHIP: rule(
    'CELL_LEADERSHIP',
    'error',
    'Organization',
    PARTY_CHARTER,
    'Chi bộ dưới 9 đảng viên bầu bí thư (và phó bí thư), không bầu chi ủy',
    'A cell under 9 members elects a secretary (and deputy), not a committee',
  ),
  CELL_COMMITTEE_SIZE: rule(
    'CELL_COMMITTEE_SIZE',
    'error',
    'Organization',
    PARTY_CHARTER,
    'Chi ủy có không quá 7 ủy viên',
    'A cell committee has at most 7 members',
  ),
  CELL_ONE_SECRETARY: rule(
    'CELL_ONE_SECRETARY',
    'error',
    'Organization',
    PARTY_CHARTER,
    'Chi bộ có một bí thư',
    'A cell has one secretary',
  ),
  RESIDENCE_CONTACT_REVIEW_DUE: rule(
    'RESIDENCE_CONTACT_REVIEW_DUE',
    'warning',
    'ResidenceContact',
    'Quy định 213-QĐ/TW (2/1/2020)',
    'Đảng viên giữ mối liên hệ nơi cư trú chưa được nhận xét trong năm',
    'A Regulation 213 party member has no comment for the year',
  ),

  // Residential groups.
  GROUP_ONE_HEAD: rule(
    'GROUP_ONE_HEAD',
    'error',
    'Organization',
    GROUP_RULES,
    'Tổ dân phố có một tổ trưởng và một tổ phó',
    'A residential group has one head and one deputy',
  ),
  GROUP_HEAD_AGE: rule(
    'GROUP_HEAD_AGE',
    'error',
    'Membership',
    GROUP_RULES,
    'Tổ trưởng tổ dân phố phải từ đủ 21 tuổi',
    'A group head is at least 21 years old',
  ),
  GROUP_HEAD_RESIDENT: rule(
    'GROUP_HEAD_RESIDENT',
    'error',
    'Membership',
    GROUP_RULES,
    'Tổ trưởng tổ dân phố phải thường trú tại tổ dân phố',
    'A group head is a permanent resident of the group',
  ),
  GROUP_HEAD_TERM: rule(
    'GROUP_HEAD_TERM',
    'error',
    'Membership',
    GROUP_RULES,
    'Nhiệm kỳ tổ trưởng là 2,5 hoặc 5 năm theo quy định của tỉnh',
    'A group head term is 2.5 or 5 years as the province sets',
  ),
  GROUP_INTERIM_HEAD: rule(
    'GROUP_INTERIM_HEAD',
    'error',
    'Membership',
    GROUP_RULES,
    'Tổ trưởng lâm thời giữ chức không quá 6 tháng',
    'An interim group head serves at most 6 months',
  ),

  // Findings of the directive (docs/domain.md §4): never block, always reported.
  GROUP_WITHOUT_CELL: rule(
    'GROUP_WITHOUT_CELL',
    'warning',
    'AdministrativeUnit',
    DIRECTIVE_05,
    'Tổ dân phố có nhà chung cư chưa có chi bộ',
    'A residential group with apartment buildings has no party cell',
  ),
  BUILDING_WITHOUT_BOARD: rule(
    'BUILDING_WITHOUT_BOARD',
    'warning',
    'ApartmentBuilding',
    LAW_HOUSING,
    'Nhà chung cư phải có Ban quản trị nhưng chưa có',
    'A building that needs a management board has none',
  ),
  BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER: rule(
    'BOARD_WITHOUT_POLITICAL_SYSTEM_MEMBER',
    'warning',
    'Organization',
    DIRECTIVE_05,
    'Ban quản trị chưa có thành viên hệ thống chính trị tổ dân phố',
    "A board has no member of the group's political system",
  ),
  BOARD_HEAD_WITHOUT_FIRE_TRAINING: rule(
    'BOARD_HEAD_WITHOUT_FIRE_TRAINING',
    'warning',
    'Person',
    DIRECTIVE_05,
    'Trưởng ban quản trị chưa được tập huấn phòng cháy chữa cháy',
    'A board head has no fire-safety (PCCC) training',
  ),
  GROUP_WITHOUT_COORDINATION_REGULATION: rule(
    'GROUP_WITHOUT_COORDINATION_REGULATION',
    'warning',
    'AdministrativeUnit',
    DIRECTIVE_05,
    'Tổ dân phố có Ban quản trị chưa có quy chế phối hợp',
    'A residential group with a board has no coordination regulation',
  ),
  BOARD_TERM_ENDING_SOON: rule(
    'BOARD_TERM_ENDING_SOON',
    'warning',
    'Organization',
    LAW_HOUSING,
    'Nhiệm kỳ Ban quản trị sắp kết thúc (trong 90 ngày) mà chưa có nhiệm kỳ mới',
    'A board term ends within 90 days and no next term is recorded',
  ),

  // Reorganisations.
  REORGANISATION_INVALID: rule(
    'REORGANISATION_INVALID',
    'error',
    'ReorganisationEvent',
    'Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính',
    'Phương án sắp xếp không hợp lệ',
    'The reorganisation plan is not valid',
  ),
  REORGANISATION_BUILDINGS_LEFT_BEHIND: rule(
    'REORGANISATION_BUILDINGS_LEFT_BEHIND',
    'error',
    'ReorganisationEvent',
    'Nguyên tắc dữ liệu: nhà chung cư thuộc một tổ dân phố',
    'Tổ dân phố kết thúc nhưng vẫn còn nhà chung cư',
    'A residential group ends while apartment buildings still sit in it',
  ),
} as const satisfies Record<string, RuleDefinition>;

/** The code of a catalogued rule: what a violation's `code` is. */
export type RuleCode = keyof typeof RULES;

/** Every rule code of the catalogue, in the catalogue's order. */
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** The catalogue entry of a rule code. */
export function ruleDefinition(code: RuleCode): RuleDefinition {
  return RULES[code];
}
