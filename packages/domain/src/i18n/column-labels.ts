import { FIELD_LABELS } from '../inputs/field-labels.js';
import type { LocalizedText } from '../validation/result.js';
import { ENTITY_TYPE_LABELS } from './labels.js';

function t(vi: string, en: string): LocalizedText {
  return { vi, en };
}

/**
 * Labels of the fields records are read with but never written (a finding's ward name), for the
 * columns of list exports. Fields that are also written take their input label (FIELD_LABELS).
 */
export const OUTPUT_FIELD_LABELS = {
  entityName: t('Đối tượng', 'Record'),
  entityType: t('Loại đối tượng', 'Kind of record'),
  type: t('Loại bản ghi', 'Kind of record'),
  severity: t('Mức độ', 'Severity'),
  wardName: t('Phường, xã', 'Ward or commune'),
  message: t('Nội dung', 'Description'),
  children: t('Đơn vị trực thuộc', 'Units below'),
  areas: t('Địa bàn phụ trách', 'Places served'),
  username: t('Tên đăng nhập', 'Username'),
  displayName: t('Tên hiển thị', 'Display name'),
  partyOrganisation: t('Cán bộ tổ chức Đảng', 'Party-organisation staff'),
  lockedAt: t('Khóa lúc', 'Locked at'),
  buildings: t('Nhà chung cư', 'Apartment buildings'),
  partyMembers: t('Đảng viên', 'Party members'),
  key: t('Mã tồn tại', 'Finding key'),
  current: t('Còn trên dữ liệu', 'Still shown by the data'),
  state: t('Trạng thái xử lý', 'Work state'),
  overdue: t('Quá hạn', 'Overdue'),
  closedAutomatically: t('Tự đóng khi dữ liệu được sửa', 'Closed by the change that fixed it'),
  dueOn: t('Hạn xử lý', 'Due on'),
  assigneeName: t('Được giao cho', 'Assigned to'),
  resolution: t('Cách xử lý hoặc lý do', 'How it was fixed, or why not'),
  resolvedBy: t('Người xử lý', 'Resolved by'),
  resolvedOn: t('Ngày xử lý', 'Resolved on'),
} as const satisfies Record<string, LocalizedText>;

/** Words for the values of text fields that hold one of a fixed set (a finding's kind of record). */
export const OUTPUT_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>> = {
  entityType: ENTITY_TYPE_LABELS,
  type: ENTITY_TYPE_LABELS,
  severity: { warning: t('Cảnh báo', 'Warning') },
};

/**
 * The header of a column holding the field `name`: its input label, the label of the reference it
 * reads (`parent` → `parentId`'s "Đơn vị cấp trên"), or its output label; undefined when the field
 * has none (a list export refuses such a column rather than head it with a key).
 */
export function columnLabel(name: string): LocalizedText | undefined {
  const labels: Readonly<Record<string, LocalizedText>> = { ...FIELD_LABELS, ...OUTPUT_FIELD_LABELS };
  if (Object.hasOwn(labels, name)) return labels[name];
  const reference = `${name}Id`;
  return Object.hasOwn(labels, reference) ? labels[reference] : undefined;
}
