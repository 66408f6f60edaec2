import { defineMessages } from './define-messages';

/** Exporting a list page to a spreadsheet (lists/export). */
export const listExportMessages = defineMessages(
  {
    'listExport.xlsx': 'Xuất Excel (.xlsx)',
    'listExport.csv': 'Xuất CSV',
    'listExport.preparing': 'Máy chủ đang lập tệp…',
    'listExport.downloading': 'Đang tải tệp về: {kb} KB',
    'listExport.done': 'Đã lưu tệp “{name}”.',
    'listExport.failedTitle': 'Không xuất được danh sách',
    'listExport.failed': 'Máy chủ trả lời lỗi {status}.',
    'listExport.search': 'Tìm: “{text}”',
    'listExport.order': 'Sắp xếp: {column} ({direction})',
    'listExport.ascending': 'tăng dần',
    'listExport.descending': 'giảm dần',
  },
  {
    'listExport.xlsx': 'Export Excel (.xlsx)',
    'listExport.csv': 'Export CSV',
    'listExport.preparing': 'The server is making the file…',
    'listExport.downloading': 'Downloading the file: {kb} KB',
    'listExport.done': 'Saved “{name}”.',
    'listExport.failedTitle': 'The list could not be exported',
    'listExport.failed': 'The server answered with error {status}.',
    'listExport.search': 'Search: “{text}”',
    'listExport.order': 'Order: {column} ({direction})',
    'listExport.ascending': 'ascending',
    'listExport.descending': 'descending',
  },
);
