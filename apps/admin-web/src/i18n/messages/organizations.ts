import { defineMessages } from './define-messages';

/** Bodies: the organisations, management boards and party cells lists and their detail pages. */
export const organizationsMessages = defineMessages(
  {
    'organizations.list.title': 'Tổ chức trong hệ thống chính trị cơ sở',
    'organizations.list.boardsTitle': 'Ban quản trị nhà chung cư',
    'organizations.list.cellsTitle': 'Chi bộ tổ dân phố',
    'organizations.list.kind': 'Loại tổ chức',
    'organizations.list.allKinds': 'Tất cả các loại',
    'organizations.list.column.name': 'Tên tổ chức',
    'organizations.list.column.kind': 'Loại',
    'organizations.list.column.serves': 'Địa bàn phụ trách',
    'organizations.list.column.parent': 'Trực thuộc',
    'organizations.list.column.members': 'Số thành viên',
    'organizations.list.column.since': 'Thành lập',
    'organizations.list.establishBoard': 'Thành lập Ban quản trị',
    'organizations.list.total': '{count} tổ chức',
    'organizations.list.empty': 'Không có tổ chức nào khớp với điều kiện đã chọn.',
    'organizations.list.loadError': 'Không tải được danh sách tổ chức',
  },
  {
    'organizations.list.title': 'Grassroots political-system bodies',
    'organizations.list.boardsTitle': 'Apartment management boards',
    'organizations.list.cellsTitle': 'Residential-group party cells',
    'organizations.list.kind': 'Kind of body',
    'organizations.list.allKinds': 'All kinds',
    'organizations.list.column.name': 'Body',
    'organizations.list.column.kind': 'Kind',
    'organizations.list.column.serves': 'Serves',
    'organizations.list.column.parent': 'Part of',
    'organizations.list.column.members': 'Members',
    'organizations.list.column.since': 'Since',
    'organizations.list.establishBoard': 'Establish a board',
    'organizations.list.total': '{count} bodies',
    'organizations.list.empty': 'No body matches the chosen conditions.',
    'organizations.list.loadError': 'Could not load the bodies',
  },
);
