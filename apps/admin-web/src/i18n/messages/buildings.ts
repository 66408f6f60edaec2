import { defineMessages } from './define-messages';

/** Apartment buildings: the list and the detail page. */
export const buildingsMessages = defineMessages(
  {
    'buildings.list.title': 'Nhà chung cư',
    'buildings.list.hasBoard': 'Ban quản trị',
    'buildings.list.hasBoard.all': 'Tất cả',
    'buildings.list.hasBoard.yes': 'Đã có Ban quản trị',
    'buildings.list.hasBoard.no': 'Chưa có Ban quản trị',
    'buildings.list.column.name': 'Tên nhà',
    'buildings.list.column.group': 'Tổ dân phố',
    'buildings.list.column.blocks': 'Số khối nhà',
    'buildings.list.column.apartments': 'Số căn hộ',
    'buildings.list.column.board': 'Ban quản trị',
    'buildings.list.establish': 'Thành lập',
    'buildings.list.total': '{count} nhà chung cư',
    'buildings.list.empty': 'Không có nhà chung cư nào khớp với điều kiện đã chọn.',
    'buildings.list.loadError': 'Không tải được danh sách nhà chung cư',
  },
  {
    'buildings.list.title': 'Apartment buildings',
    'buildings.list.hasBoard': 'Management board',
    'buildings.list.hasBoard.all': 'All',
    'buildings.list.hasBoard.yes': 'With a board',
    'buildings.list.hasBoard.no': 'Without a board',
    'buildings.list.column.name': 'Building',
    'buildings.list.column.group': 'Residential group',
    'buildings.list.column.blocks': 'Blocks',
    'buildings.list.column.apartments': 'Apartments',
    'buildings.list.column.board': 'Management board',
    'buildings.list.establish': 'Establish',
    'buildings.list.total': '{count} buildings',
    'buildings.list.empty': 'No building matches the chosen conditions.',
    'buildings.list.loadError': 'Could not load the buildings',
  },
);
