import { defineMessages } from './define-messages';

/** What the list pages share: filters, actions, validity, the territory's end. */
export const listsMessages = defineMessages(
  {
    'lists.allWards': 'Tất cả các phường',
    'lists.ward': 'Phường',
    'lists.search': 'Tìm theo tên, có dấu hay không dấu',
    'lists.asOf': 'Ngày xem dữ liệu',
    'lists.partialData': 'Một số thông tin liên quan nằm ngoài địa bàn của tài khoản nên không hiển thị.',
    'lists.outsideTerritory': 'Ngoài địa bàn',
    'lists.none': 'Chưa có',
    'lists.from': 'từ {from}',
    'lists.periodClosed': '{from} – {to}',
    'lists.scopeEnded':
      'Địa bàn {name} đã kết thúc từ ngày {ended}; danh sách mặc định xem theo ngày {lastDay}, ngày cuối cùng của địa bàn.',
    'lists.afterScopeEnded':
      'Địa bàn {name} đã kết thúc từ ngày {ended}, trước ngày đang xem ({asOf}): những gì hình thành sau đó nằm ngoài địa bàn của tài khoản.',
  },
  {
    'lists.allWards': 'All wards',
    'lists.ward': 'Ward',
    'lists.search': 'Search by name, with or without diacritics',
    'lists.asOf': 'As of',
    'lists.partialData': 'Some related data lies outside your territory and is not shown.',
    'lists.outsideTerritory': 'Outside your territory',
    'lists.none': 'None',
    'lists.from': 'from {from}',
    'lists.periodClosed': '{from} – {to}',
    'lists.scopeEnded': 'The territory {name} ended on {ended}; the list opens as of {lastDay}, its last day.',
    'lists.afterScopeEnded':
      'The territory {name} ended on {ended}, before the date shown ({asOf}): what was formed since lies outside your territory.',
  },
);
