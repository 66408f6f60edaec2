import { defineMessages } from './define-messages';

/** The dashboard: directive progress per ward. */
export const dashboardMessages = defineMessages(
  {
    'dashboard.title': 'Tổng quan',
    'dashboard.subtitle': 'Tiến độ thực hiện Thông tri {code} — {scope}, tính đến ngày {date}',
    'dashboard.toReport': 'Mở báo cáo sơ kết',
    'dashboard.toFindings': 'Xem tồn tại, hạn chế',
    'dashboard.findings': 'Tồn tại, hạn chế',
    'dashboard.seeFindings': 'Xem danh sách',
    'dashboard.byWard': 'Tiến độ theo phường',
    'dashboard.chartFigure': 'Chỉ tiêu hiển thị trên biểu đồ',
    'dashboard.wardNumbers': 'Số liệu theo phường',
    'dashboard.noWards': 'Địa bàn này không có phường nào.',
    'dashboard.notApplicable': 'Không áp dụng (0/0)',
    'dashboard.total': 'Tổng cộng',
  },
  {
    'dashboard.title': 'Overview',
    'dashboard.subtitle': 'Progress of directive {code} — {scope}, as of {date}',
    'dashboard.toReport': 'Open the review report',
    'dashboard.toFindings': 'See the gaps',
    'dashboard.findings': 'Gaps',
    'dashboard.seeFindings': 'See the list',
    'dashboard.byWard': 'Progress by ward',
    'dashboard.chartFigure': 'Figure shown in the chart',
    'dashboard.wardNumbers': 'Figures by ward',
    'dashboard.noWards': 'This place has no ward.',
    'dashboard.notApplicable': 'Not applicable (0/0)',
    'dashboard.total': 'Total',
  },
);
