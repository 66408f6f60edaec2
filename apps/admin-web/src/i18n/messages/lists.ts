import { defineMessages } from './define-messages';

/** What the list pages share: filters, actions, validity. */
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
  },
);
