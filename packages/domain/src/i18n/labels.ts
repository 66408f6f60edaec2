import type { BoardChangeKind } from '../model/boards.js';
import type { MassOrganization, OrganizationKind } from '../model/bodies.js';
import type { OwnershipKind } from '../model/buildings.js';
import type {
  CommendationKind,
  NominationOutcome,
  NomineeCategory,
  PetitionKind,
  PetitionStatus,
  PresenterCategory,
  RegulationEventKind,
  ReviewKind,
  TrainingTopic,
} from '../model/directive.js';
import type { PartyStatus, ResidenceContactCategory, Role, Sex } from '../model/people.js';
import type { UnitKind } from '../model/places.js';
import type { ReorganisationKind } from '../model/reorganisation.js';
import type { EntityType, LocalizedText } from '../validation/result.js';

/**
 * Display labels of the model's enums, Vietnamese (as the admin UI and reports print them) and
 * English. Typed as total records, so adding an enum value without a label fails to compile.
 */

/* @__NO_SIDE_EFFECTS__ */
function t(vi: string, en: string): LocalizedText {
  return { vi, en };
}

/** Vietnamese and English names of the kinds of place. */
export const UNIT_KIND_LABELS: Record<UnitKind, LocalizedText> = {
  PROVINCE: t('Tỉnh/Thành phố', 'Province/City'),
  DISTRICT: t('Quận/Huyện', 'District'),
  WARD: t('Phường', 'Ward'),
  COMMUNE: t('Xã', 'Commune'),
  RESIDENTIAL_GROUP: t('Tổ dân phố', 'Residential group'),
};

/** Vietnamese and English names of the kinds of body. */
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, LocalizedText> = {
  CITY_PARTY_COMMITTEE: t('Thành ủy', 'City Party Committee'),
  DISTRICT_PARTY_COMMITTEE: t('Quận ủy', 'District Party Committee'),
  WARD_PARTY_COMMITTEE: t('Đảng ủy phường', 'Ward Party Committee'),
  PARTY_CELL: t('Chi bộ', 'Party cell'),
  PEOPLES_COMMITTEE: t('Ủy ban nhân dân', "People's Committee"),
  PEOPLES_COUNCIL: t('Hội đồng nhân dân', "People's Council"),
  FATHERLAND_FRONT_COMMITTEE: t('Ủy ban Mặt trận Tổ quốc', 'Fatherland Front Committee'),
  FRONT_WORK_COMMITTEE: t('Ban công tác Mặt trận', 'Front work committee'),
  MASS_ORGANIZATION_BRANCH: t('Chi hội đoàn thể', 'Mass-organisation branch'),
  RESIDENTIAL_GROUP_LEADERSHIP: t('Tổ trưởng, tổ phó tổ dân phố', 'Residential group leadership'),
  MANAGEMENT_BOARD: t('Ban quản trị nhà chung cư', 'Apartment management board'),
  GOVERNMENT_OFFICE: t('Phòng chuyên môn', 'Government office'),
};

/** Vietnamese and English names of the mass organisations. */
export const MASS_ORGANIZATION_LABELS: Record<MassOrganization, LocalizedText> = {
  WOMENS_UNION: t('Hội Liên hiệp Phụ nữ', "Women's Union"),
  VETERANS_ASSOCIATION: t('Hội Cựu chiến binh', "Veterans' Association"),
  YOUTH_UNION: t('Đoàn Thanh niên', 'Youth Union'),
  ELDERLY_ASSOCIATION: t('Hội Người cao tuổi', 'Elderly Association'),
  FARMERS_ASSOCIATION: t('Hội Nông dân', "Farmers' Association"),
};

/** A role's label when the kind of body is not known. */
export const ROLE_LABELS: Record<Role, LocalizedText> = {
  HEAD: t('Trưởng', 'Head'),
  DEPUTY_HEAD: t('Phó', 'Deputy head'),
  SECRETARY: t('Bí thư', 'Secretary'),
  DEPUTY_SECRETARY: t('Phó Bí thư', 'Deputy secretary'),
  COMMITTEE_MEMBER: t('Ủy viên', 'Committee member'),
  MEMBER: t('Thành viên', 'Member'),
  INTERIM_HEAD: t('Trưởng (lâm thời)', 'Interim head'),
};

/**
 * What each body calls its roles: HEAD of a board is Trưởng ban, of a residential group Tổ trưởng,
 * of a People's Committee Chủ tịch. Roles a kind of body does not name use `ROLE_LABELS`.
 */
export const ROLE_LABELS_BY_ORGANIZATION_KIND: Record<OrganizationKind, Partial<Record<Role, LocalizedText>>> = {
  CITY_PARTY_COMMITTEE: {
    SECRETARY: t('Bí thư Thành ủy', 'Secretary of the City Party Committee'),
    DEPUTY_SECRETARY: t('Phó Bí thư Thành ủy', 'Deputy secretary of the City Party Committee'),
    COMMITTEE_MEMBER: t('Thành ủy viên', 'Member of the City Party Committee'),
  },
  DISTRICT_PARTY_COMMITTEE: {
    SECRETARY: t('Bí thư Quận ủy', 'Secretary of the District Party Committee'),
    DEPUTY_SECRETARY: t('Phó Bí thư Quận ủy', 'Deputy secretary of the District Party Committee'),
    COMMITTEE_MEMBER: t('Quận ủy viên', 'Member of the District Party Committee'),
  },
  WARD_PARTY_COMMITTEE: {
    SECRETARY: t('Bí thư Đảng ủy', 'Secretary of the Ward Party Committee'),
    DEPUTY_SECRETARY: t('Phó Bí thư Đảng ủy', 'Deputy secretary of the Ward Party Committee'),
    COMMITTEE_MEMBER: t('Đảng ủy viên', 'Member of the Ward Party Committee'),
    MEMBER: t('Đảng viên', 'Party member'),
  },
  PARTY_CELL: {
    SECRETARY: t('Bí thư chi bộ', 'Cell secretary'),
    DEPUTY_SECRETARY: t('Phó Bí thư chi bộ', 'Deputy cell secretary'),
    COMMITTEE_MEMBER: t('Chi ủy viên', 'Cell committee member'),
    MEMBER: t('Đảng viên', 'Party member'),
  },
  PEOPLES_COMMITTEE: {
    HEAD: t('Chủ tịch UBND', "Chairperson of the People's Committee"),
    DEPUTY_HEAD: t('Phó Chủ tịch UBND', "Vice-chairperson of the People's Committee"),
    COMMITTEE_MEMBER: t('Ủy viên UBND', "Member of the People's Committee"),
    MEMBER: t('Ủy viên UBND', "Member of the People's Committee"),
  },
  PEOPLES_COUNCIL: {
    HEAD: t('Chủ tịch HĐND', "Chairperson of the People's Council"),
    DEPUTY_HEAD: t('Phó Chủ tịch HĐND', "Vice-chairperson of the People's Council"),
    MEMBER: t('Đại biểu HĐND', "Delegate to the People's Council"),
  },
  FATHERLAND_FRONT_COMMITTEE: {
    HEAD: t('Chủ tịch Ủy ban MTTQ', 'Chairperson of the Fatherland Front Committee'),
    DEPUTY_HEAD: t('Phó Chủ tịch Ủy ban MTTQ', 'Vice-chairperson of the Fatherland Front Committee'),
    COMMITTEE_MEMBER: t('Ủy viên Ủy ban MTTQ', 'Member of the Fatherland Front Committee'),
    MEMBER: t('Ủy viên Ủy ban MTTQ', 'Member of the Fatherland Front Committee'),
  },
  FRONT_WORK_COMMITTEE: {
    HEAD: t('Trưởng ban công tác Mặt trận', 'Head of the Front work committee'),
    DEPUTY_HEAD: t('Phó trưởng ban công tác Mặt trận', 'Deputy head of the Front work committee'),
    MEMBER: t('Ủy viên Ban công tác Mặt trận', 'Member of the Front work committee'),
  },
  MASS_ORGANIZATION_BRANCH: {
    HEAD: t('Chi hội trưởng', 'Branch head'),
    DEPUTY_HEAD: t('Chi hội phó', 'Deputy branch head'),
    // The Youth Union's branches (chi đoàn) are led by a secretary.
    SECRETARY: t('Bí thư chi đoàn', 'Youth Union branch secretary'),
    DEPUTY_SECRETARY: t('Phó Bí thư chi đoàn', 'Deputy Youth Union branch secretary'),
    MEMBER: t('Hội viên', 'Branch member'),
  },
  RESIDENTIAL_GROUP_LEADERSHIP: {
    HEAD: t('Tổ trưởng', 'Group head'),
    DEPUTY_HEAD: t('Tổ phó', 'Deputy group head'),
    INTERIM_HEAD: t('Tổ trưởng lâm thời', 'Interim group head'),
  },
  MANAGEMENT_BOARD: {
    HEAD: t('Trưởng ban', 'Board head'),
    DEPUTY_HEAD: t('Phó ban', 'Deputy board head'),
    MEMBER: t('Ủy viên', 'Board member'),
    COMMITTEE_MEMBER: t('Ủy viên', 'Board member'),
    INTERIM_HEAD: t('Trưởng ban lâm thời', 'Interim board head'),
  },
  GOVERNMENT_OFFICE: {
    HEAD: t('Trưởng phòng', 'Head of office'),
    DEPUTY_HEAD: t('Phó trưởng phòng', 'Deputy head of office'),
    MEMBER: t('Cán bộ', 'Staff member'),
  },
};

/** The label of `role` in a body of kind `organizationKind` (Tổ trưởng, Trưởng ban, Bí thư chi bộ…). */
export function roleLabel(role: Role, organizationKind?: OrganizationKind | null): LocalizedText {
  const specific = organizationKind ? ROLE_LABELS_BY_ORGANIZATION_KIND[organizationKind][role] : undefined;
  return specific ?? ROLE_LABELS[role];
}

/** Vietnamese and English names of the party statuses. */
export const PARTY_STATUS_LABELS: Record<PartyStatus, LocalizedText> = {
  PROBATIONARY: t('Dự bị', 'Probationary'),
  OFFICIAL: t('Chính thức', 'Official'),
};

/** Vietnamese and English names of the states of work on a finding (`FINDING_WORK_STATES`). */
export const FINDING_WORK_STATE_LABELS: Record<'OPEN' | 'RESOLVED' | 'ACCEPTED', LocalizedText> = {
  OPEN: t('Đang mở', 'Open'),
  RESOLVED: t('Đã xử lý', 'Resolved'),
  ACCEPTED: t('Chấp nhận, không xử lý', 'Accepted, will not be fixed'),
};

/** Vietnamese and English names of the Regulation 213 categories. */
export const RESIDENCE_CONTACT_CATEGORY_LABELS: Record<ResidenceContactCategory, LocalizedText> = {
  NORMAL: t('Bình thường', 'Normal'),
  EXEMPT_FROM_ACTIVITIES: t('Miễn sinh hoạt', 'Exempt from activities'),
  EXEMPT_FROM_INTRODUCTION: t('Miễn giới thiệu về nơi cư trú', 'Exempt from introduction'),
};

/** Vietnamese and English names of the sexes. */
export const SEX_LABELS: Record<Sex, LocalizedText> = {
  MALE: t('Nam', 'Male'),
  FEMALE: t('Nữ', 'Female'),
};

/** Vietnamese and English names of the board change kinds. */
export const BOARD_CHANGE_KIND_LABELS: Record<BoardChangeKind, LocalizedText> = {
  ESTABLISHMENT: t('Thành lập mới', 'Establishment'),
  CONSOLIDATION: t('Rà soát, kiện toàn', 'Review and consolidation'),
};

/** Vietnamese and English names of the ownership kinds. */
export const OWNERSHIP_KIND_LABELS: Record<OwnershipKind, LocalizedText> = {
  OWNER: t('Chủ sở hữu', 'Owner'),
  AUTHORISED_USER: t('Người sử dụng được ủy quyền', 'Authorised user'),
};

/** Vietnamese and English names of the nominee categories. */
export const NOMINEE_CATEGORY_LABELS: Record<NomineeCategory, LocalizedText> = {
  PARTY_MEMBER: t('Đảng viên', 'Party member'),
  POLITICAL_SYSTEM_MEMBER: t('Thành viên hệ thống chính trị', 'Political-system member'),
  RESIDENCE_CONTACT_MEMBER: t('Đảng viên giữ mối liên hệ nơi cư trú', 'Party member keeping contact where they live'),
};

/** Vietnamese and English names of the nomination outcomes. */
export const NOMINATION_OUTCOME_LABELS: Record<NominationOutcome, LocalizedText> = {
  PENDING: t('Chờ kết quả', 'Pending'),
  ELECTED: t('Trúng cử', 'Elected'),
  NOT_ELECTED: t('Không trúng cử', 'Not elected'),
};

/** Vietnamese and English names of the training topics. */
export const TRAINING_TOPIC_LABELS: Record<TrainingTopic, LocalizedText> = {
  FIRE_SAFETY: t('Phòng cháy chữa cháy', 'Fire prevention and fighting'),
  RESCUE: t('Cứu nạn, cứu hộ', 'Rescue'),
  BUILDING_OPERATION: t('Vận hành nhà chung cư', 'Building operation'),
};

/** Vietnamese and English names of the petition kinds. */
export const PETITION_KIND_LABELS: Record<PetitionKind, LocalizedText> = {
  COMPLAINT: t('Khiếu nại', 'Complaint'),
  DENUNCIATION: t('Tố cáo', 'Denunciation'),
  PROPOSAL: t('Kiến nghị', 'Proposal'),
  REPORT: t('Phản ánh', 'Report'),
};

/** Vietnamese and English names of the petition statuses. */
export const PETITION_STATUS_LABELS: Record<PetitionStatus, LocalizedText> = {
  RECEIVED: t('Đã tiếp nhận', 'Received'),
  IN_PROGRESS: t('Đang giải quyết', 'In progress'),
  RESOLVED: t('Đã giải quyết', 'Resolved'),
  REJECTED: t('Không thụ lý', 'Rejected'),
};

/** Vietnamese and English names of the presenter categories. */
export const PRESENTER_CATEGORY_LABELS: Record<PresenterCategory, LocalizedText> = {
  PARTY_COMMITTEE: t('Cấp ủy đảng', 'Party committee'),
  GOVERNMENT_OFFICE: t('Cơ quan chuyên môn', 'Government office'),
  FATHERLAND_FRONT: t('Mặt trận Tổ quốc', 'Fatherland Front'),
  RESIDENTIAL_GROUP: t('Tổ dân phố', 'Residential group'),
  MANAGEMENT_BOARD: t('Ban quản trị nhà chung cư', 'Management board'),
};

/** Vietnamese and English names of the commendation kinds. */
export const COMMENDATION_KIND_LABELS: Record<CommendationKind, LocalizedText> = {
  COLLECTIVE: t('Tập thể', 'Collective'),
  INDIVIDUAL: t('Cá nhân', 'Individual'),
};

/** Vietnamese and English names of the reorganisation kinds. */
export const REORGANISATION_KIND_LABELS: Record<ReorganisationKind, LocalizedText> = {
  MERGE: t('Nhập', 'Merge'),
  SPLIT: t('Chia tách', 'Split'),
  RENAME: t('Đổi tên', 'Rename'),
  TRANSFER_PART: t('Điều chỉnh một phần', 'Transfer of part'),
  DISSOLVE: t('Giải thể', 'Dissolution'),
  ESTABLISH: t('Thành lập', 'Establishment'),
  RESTRUCTURE: t('Sắp xếp lại', 'Restructuring'),
};

/** Vietnamese and English names of the review kinds. */
export const REVIEW_KIND_LABELS: Record<ReviewKind, LocalizedText> = {
  INTERIM: t('Sơ kết', 'Interim review'),
  FINAL: t('Tổng kết', 'Final review'),
};

/** Vietnamese and English names of the regulation event kinds. */
export const REGULATION_EVENT_KIND_LABELS: Record<RegulationEventKind, LocalizedText> = {
  REVIEWED: t('Rà soát', 'Reviewed'),
  AMENDED: t('Sửa đổi, bổ sung', 'Amended'),
};

/** What a record is, as reports and exports name it (a counted record's kind, never the type's name). */
export const ENTITY_TYPE_LABELS: Record<EntityType, LocalizedText> = {
  AdministrativeUnit: t('Đơn vị hành chính', 'Administrative unit'),
  Organization: t('Tổ chức', 'Body'),
  Person: t('Người', 'Person'),
  Membership: t('Thành viên', 'Membership'),
  PartyMembership: t('Đảng viên', 'Party membership'),
  ResidenceContact: t('Giữ mối liên hệ nơi cư trú', 'Residence contact'),
  ApartmentBuilding: t('Nhà chung cư', 'Apartment building'),
  ApartmentComplex: t('Khu chung cư', 'Apartment complex'),
  BoardTerm: t('Nhiệm kỳ Ban quản trị', 'Board term'),
  BoardChange: t('Thành lập, kiện toàn Ban quản trị', 'Board change'),
  Nomination: t('Giới thiệu tham gia Ban quản trị', 'Nomination'),
  Training: t('Tập huấn', 'Training'),
  Petition: t('Kiến nghị', 'Petition'),
  CoordinationRegulation: t('Quy chế phối hợp', 'Coordination regulation'),
  Directive: t('Văn bản chỉ đạo', 'Directive'),
  ImplementationReview: t('Hội nghị sơ kết, tổng kết', 'Implementation review'),
  Presentation: t('Tham luận', 'Presentation'),
  Commendation: t('Khen thưởng', 'Commendation'),
  ReorganisationEvent: t('Sắp xếp đơn vị hành chính', 'Reorganisation'),
};

/** The columns of the report's tables and workbook, as they are headed. */
export const REPORT_COLUMN_LABELS = {
  figure: t('Chỉ tiêu', 'Figure'),
  value: t('Số liệu', 'Value'),
  numerator: t('Tử số', 'Numerator'),
  denominator: t('Mẫu số', 'Denominator'),
  definition: t('Định nghĩa', 'Definition'),
  ward: t('Phường', 'Ward'),
  total: t('Tổng', 'Total'),
  part: t('Phần', 'Part'),
  recordKind: t('Loại bản ghi', 'Record kind'),
  name: t('Tên', 'Name'),
  counted: t('Được đếm (tử số)', 'Counted'),
  inDenominator: t('Mẫu số', 'Denominator'),
} as const satisfies Record<string, LocalizedText>;
