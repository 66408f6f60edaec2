import { defineMessages } from './define-messages';

/** The administrative units list. */
export const unitsMessages = defineMessages(
  {
    'units.title': 'Đơn vị hành chính',
    'units.search': 'Tìm theo tên, có dấu hay không dấu',
    'units.kind': 'Loại đơn vị',
    'units.allKinds': 'Tất cả các loại',
    'units.asOf': 'Ngày xem dữ liệu',
    'units.column.name': 'Tên',
    'units.column.kind': 'Loại',
    'units.column.code': 'Mã',
    'units.column.parent': 'Trực thuộc',
    'units.column.period': 'Hiệu lực',
    'units.periodOpen': 'từ {from}',
    'units.periodClosed': '{from} – {to}',
    'units.periodHint': 'Ngày cuối cùng còn hiệu lực được ghi sau dấu gạch.',
    'units.total': '{count} đơn vị',
    'units.empty': 'Không có đơn vị nào khớp với điều kiện đã chọn.',
    'units.loadError': 'Không tải được danh sách đơn vị',
    'units.afterScopeEnded':
      'Địa bàn {name} đã kết thúc từ ngày {ended}, trước ngày đang xem ({asOf}): các đơn vị hình thành sau đó nằm ngoài địa bàn của tài khoản.',
    'units.outsideTerritory': 'Ngoài địa bàn',
    'units.partialData': 'Một số thông tin liên quan nằm ngoài địa bàn của tài khoản nên không hiển thị.',
    'units.scopeEnded':
      'Địa bàn {name} đã kết thúc từ ngày {ended}; danh sách mặc định xem theo ngày {lastDay}, ngày cuối cùng của địa bàn.',
  },
  {
    'units.title': 'Administrative units',
    'units.search': 'Search by name, with or without diacritics',
    'units.kind': 'Kind of unit',
    'units.allKinds': 'All kinds',
    'units.asOf': 'As of',
    'units.column.name': 'Name',
    'units.column.kind': 'Kind',
    'units.column.code': 'Code',
    'units.column.parent': 'Part of',
    'units.column.period': 'Valid',
    'units.periodOpen': 'from {from}',
    'units.periodClosed': '{from} – {to}',
    'units.periodHint': 'The date after the dash is the last day in force.',
    'units.total': '{count} units',
    'units.empty': 'No unit matches the chosen conditions.',
    'units.loadError': 'Could not load the units',
    'units.afterScopeEnded':
      'The territory {name} ended on {ended}, before the date shown ({asOf}): units formed since lie outside your territory.',
    'units.outsideTerritory': 'Outside your territory',
    'units.partialData': 'Some related data lies outside your territory and is not shown.',
    'units.scopeEnded': 'The territory {name} ended on {ended}; the list opens as of {lastDay}, its last day.',
  },
);
