import type { LocalizedText } from '../validation/result.js';

function t(vi: string, en: string): LocalizedText {
  return { vi, en };
}

/**
 * Labels of every field of the input schemas, as forms show them and as violation messages name
 * them ("Họ và tên không được để trống."). One label per field name across entities, so names
 * shared by several entities (`kind`, `name`, `on`) get a label that fits all of them.
 */
export const FIELD_LABELS = {
  // Identity and concurrency.
  id: t('Mã bản ghi', 'Record ID'),
  version: t('Phiên bản', 'Version'),

  // Periods.
  validFrom: t('Ngày bắt đầu', 'Start date'),
  validTo: t('Ngày kết thúc', 'End date'),

  // Shared.
  kind: t('Loại', 'Kind'),
  name: t('Tên', 'Name'),
  title: t('Tiêu đề', 'Title'),
  code: t('Mã', 'Code'),
  note: t('Ghi chú', 'Note'),
  on: t('Ngày', 'Date'),
  category: t('Nhóm', 'Category'),
  status: t('Tình trạng', 'Status'),
  role: t('Vai trò', 'Role'),
  decisionNumber: t('Số quyết định', 'Decision number'),
  directiveId: t('Văn bản chỉ đạo', 'Directive'),

  // Places.
  kindLabel: t('Tên loại đơn vị', 'Unit kind label'),
  parentId: t('Đơn vị cấp trên', 'Parent'),
  unitId: t('Đơn vị hành chính', 'Administrative unit'),
  residentialGroupId: t('Tổ dân phố', 'Residential group'),
  scopeUnitId: t('Địa bàn áp dụng', 'Scope'),

  // Bodies.
  organizationId: t('Tổ chức', 'Organisation'),
  massOrganization: t('Đoàn thể', 'Mass organisation'),
  boardId: t('Ban quản trị', 'Management board'),
  issuerId: t('Cơ quan ban hành', 'Issuer'),
  organizerId: t('Đơn vị tổ chức', 'Organiser'),

  // People.
  personId: t('Người', 'Person'),
  fullName: t('Họ và tên', 'Full name'),
  sex: t('Giới tính', 'Sex'),
  birthDate: t('Ngày sinh', 'Date of birth'),
  birthYear: t('Năm sinh', 'Birth year'),
  citizenId: t('Số định danh cá nhân', 'Citizen ID'),
  phone: t('Số điện thoại di động', 'Mobile number'),
  residenceUnitId: t('Nơi thường trú', 'Place of permanent residence'),
  label: t('Tên chức danh', 'Post title'),
  postId: t('Chức danh', 'Post'),
  homeCellId: t('Chi bộ sinh hoạt', 'Home party cell'),
  admittedOn: t('Ngày vào Đảng', 'Date of admission to the party'),
  residenceCellId: t('Chi bộ nơi cư trú', 'Party cell where the member lives'),
  residenceContactId: t('Đảng viên giữ mối liên hệ', 'Residence contact'),
  year: t('Năm', 'Year'),
  reviewedOn: t('Ngày nhận xét', 'Date of the comment'),
  comment: t('Nội dung nhận xét', 'Comment'),

  // Buildings.
  buildingId: t('Nhà chung cư', 'Apartment building'),
  complexId: t('Cụm nhà chung cư', 'Apartment complex'),
  blockId: t('Khối nhà', 'Block'),
  apartmentId: t('Căn hộ', 'Apartment'),
  address: t('Địa chỉ', 'Address'),
  apartmentCount: t('Số căn hộ', 'Number of apartments'),
  blockCount: t('Số khối nhà', 'Number of blocks'),
  multipleOwners: t('Nhiều chủ sở hữu', 'Several owners'),
  handoverStartedOn: t('Ngày bắt đầu bàn giao', 'Handover start date'),
  halfHandedOverOn: t('Ngày bàn giao đủ 50% căn hộ', 'Date 50 % of apartments were handed over'),
  firstConferenceOn: t('Ngày hội nghị nhà chung cư lần đầu', 'Date of the first building conference'),
  number: t('Số căn hộ', 'Apartment number'),
  handedOverOn: t('Ngày bàn giao', 'Handover date'),

  // Boards.
  termNumber: t('Nhiệm kỳ thứ', 'Term number'),
  electedOn: t('Ngày bầu', 'Election date'),
  recognition: t('Quyết định công nhận', 'Recognition decision'),
  filedOn: t('Ngày đề nghị công nhận', 'Date filed for recognition'),
  decidedOn: t('Ngày quyết định', 'Decision date'),
  members: t('Thành viên', 'Members'),
  replace: t('Thay thế thành viên', 'Members replaced'),
  add: t('Bổ sung thành viên', 'Members added'),
  end: t('Thôi giữ chức', 'Memberships ended'),
  membershipId: t('Chức vụ đang giữ', 'Membership'),
  byPersonId: t('Người thay thế', 'Replacement'),

  // Directive work.
  issuedOn: t('Ngày ban hành', 'Date of issue'),
  heldOn: t('Ngày tổ chức', 'Date held'),
  reviewId: t('Hội nghị sơ kết, tổng kết', 'Review conference'),
  presenterOrganizationId: t('Đơn vị trình bày', 'Presenting organisation'),
  presenterPersonId: t('Người trình bày', 'Presenter'),
  recipientOrganizationId: t('Tập thể được khen thưởng', 'Commended collective'),
  recipientPersonId: t('Cá nhân được khen thưởng', 'Commended individual'),
  nominatingOrganizationId: t('Cấp ủy giới thiệu', 'Nominating party committee'),
  nominatedOn: t('Ngày giới thiệu', 'Nomination date'),
  outcome: t('Kết quả', 'Outcome'),
  topics: t('Nội dung tập huấn', 'Training topics'),
  trainingId: t('Lớp tập huấn', 'Training'),
  subject: t('Nội dung đơn', 'Subject'),
  receivedOn: t('Ngày nhận đơn', 'Date received'),
  petitionId: t('Đơn thư', 'Petition'),
  signedOn: t('Ngày ký', 'Date signed'),
  regulationId: t('Quy chế phối hợp', 'Coordination regulation'),

  // Reorganisations.
  effectiveOn: t('Ngày hiệu lực', 'Effective date'),
  legalBasis: t('Căn cứ pháp lý', 'Legal basis'),
  ref: t('Mã tạm trong phương án', 'Reference within the plan'),
  endUnitIds: t('Đơn vị kết thúc', 'Unit ended'),
  newUnits: t('Đơn vị mới', 'New unit'),
  moveUnits: t('Chuyển đơn vị', 'Unit moved'),
  toParentId: t('Cấp trên mới', 'New parent'),
  endOrganizationIds: t('Tổ chức giải thể', 'Body dissolved'),
  newOrganizations: t('Tổ chức mới', 'New body'),
  unitIds: t('Địa bàn phụ trách', 'Place served'),
  moveOrganizationAreas: t('Chuyển địa bàn phụ trách', 'Place of a body moved'),
  fromUnitId: t('Địa bàn cũ', 'Former place'),
  toUnitId: t('Địa bàn mới', 'New place'),
  moveOrganizations: t('Chuyển tổ chức sang cấp trên khác', 'Body moved to another parent'),
  moveMemberships: t('Chuyển chức vụ', 'Membership moved'),
  toOrganizationId: t('Tổ chức chuyển đến', 'Body moved to'),
  movePartyCells: t('Chuyển sinh hoạt đảng', 'Party members transferred'),
  fromCellId: t('Chi bộ cũ', 'Former party cell'),
  toCellId: t('Chi bộ mới', 'New party cell'),
} as const satisfies Record<string, LocalizedText>;

/** A field whose label `FIELD_LABELS` holds. */
export type FieldName = keyof typeof FIELD_LABELS;

/** The input as a whole, for violations that concern no single field. */
export const INPUT_LABEL: LocalizedText = t('Dữ liệu nhập', 'Input');

function isFieldName(key: string): key is FieldName {
  return Object.hasOwn(FIELD_LABELS, key);
}

/** The label of a field; an unknown name is shown as is rather than failing. */
export function fieldLabel(key: string): LocalizedText {
  return isFieldName(key) ? FIELD_LABELS[key] : { vi: key, en: key };
}
