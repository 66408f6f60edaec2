/**
 * The admin web's own words, Vietnamese first (NFC, with diacritics) and English. Labels of the
 * model's enums (unit kinds, roles in bodies…) come from @coso/domain, not from here.
 * `{name}` in a message is a parameter; both languages use the same ones (a test checks).
 */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const vi = {
  'app.name': 'coso — Quản trị',
  'app.tagline': 'Dữ liệu hệ thống chính trị cơ sở',

  'common.loading': 'Đang tải…',
  'common.retry': 'Thử lại',
  'common.networkError': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'common.unexpectedError': 'Đã có lỗi xảy ra.',

  'language.label': 'Ngôn ngữ',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.usernameRequired': 'Nhập tên đăng nhập',
  'login.passwordRequired': 'Nhập mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.failed': 'Đăng nhập không thành công',
  'login.sessionEnded': 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',

  'shell.logout': 'Đăng xuất',
  'shell.scope': 'Địa bàn: {name}',
  'shell.scopeAll': 'Địa bàn: toàn bộ',
  'shell.menu': 'Danh mục chức năng',

  'role.SYSTEM_ADMIN': 'Quản trị hệ thống',
  'role.DISTRICT_STAFF': 'Cán bộ quận',
  'role.WARD_STAFF': 'Cán bộ phường',
  'role.ANALYST': 'Chuyên viên phân tích',
  'role.VIEWER': 'Người xem',

  'menu.dashboard': 'Tổng quan',
  'menu.units': 'Đơn vị hành chính',
  'menu.explorer': 'Tra cứu địa bàn',
  'menu.organizations': 'Tổ chức',
  'menu.people': 'Nhân sự',
  'menu.buildings': 'Nhà chung cư',
  'menu.directiveReport': 'Báo cáo Chỉ thị 05',
  'menu.findings': 'Vấn đề cần xử lý',
  'menu.accounts': 'Tài khoản',

  'comingSoon.title': 'Đang xây dựng',
  'comingSoon.text': 'Chức năng “{feature}” sẽ có trong phiên bản sau.',
  'comingSoon.toUnits': 'Xem danh sách đơn vị hành chính',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.text': 'Địa chỉ này không có trong ứng dụng.',
  'notFound.home': 'Về trang chính',

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
  'units.scopeEnded': 'Địa bàn {name} đã kết thúc từ ngày {ended}; danh sách mặc định xem theo ngày {lastDay}, ngày cuối cùng của địa bàn.',

  'pager.previous': 'Trang trước',
  'pager.next': 'Trang sau',
  'pager.page': 'Trang {page}/{pages}',
  'pager.pageSize': '{size} dòng/trang',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Dictionary = Record<MessageKey, string>;

export const en: Dictionary = {
  'app.name': 'coso — Admin',
  'app.tagline': 'Grassroots political-system data',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.networkError': 'Cannot reach the server. Check the network and try again.',
  'common.unexpectedError': 'Something went wrong.',

  'language.label': 'Language',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',

  'shell.logout': 'Sign out',
  'shell.scope': 'Territory: {name}',
  'shell.scopeAll': 'Territory: everything',
  'shell.menu': 'Menu',

  'role.SYSTEM_ADMIN': 'System administrator',
  'role.DISTRICT_STAFF': 'District staff',
  'role.WARD_STAFF': 'Ward staff',
  'role.ANALYST': 'Analyst',
  'role.VIEWER': 'Viewer',

  'menu.dashboard': 'Overview',
  'menu.units': 'Administrative units',
  'menu.explorer': 'Place explorer',
  'menu.organizations': 'Organisations',
  'menu.people': 'People',
  'menu.buildings': 'Apartment buildings',
  'menu.directiveReport': 'Directive 05 report',
  'menu.findings': 'Findings',
  'menu.accounts': 'Accounts',

  'comingSoon.title': 'Coming soon',
  'comingSoon.text': '“{feature}” is coming in a later version.',
  'comingSoon.toUnits': 'Go to the administrative units',

  'notFound.title': 'Page not found',
  'notFound.text': 'This address is not part of the app.',
  'notFound.home': 'Go to the main page',

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

  'pager.previous': 'Previous page',
  'pager.next': 'Next page',
  'pager.page': 'Page {page} of {pages}',
  'pager.pageSize': '{size} per page',
};

export const DICTIONARIES: Record<Language, Dictionary> = { vi, en };

export type MessageParams = Record<string, string | number>;

/** The message `key` in `language`, with `{name}` parameters filled in. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The names of the `{name}` parameters a message uses. */
export function messageParams(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * coso's server messages are bilingual, "Tiếng Việt / English": the part for `language` (the
 * whole message when it has no separator).
 */
export function localizedServerMessage(message: string, language: Language): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return language === 'vi' ? message.slice(0, at) : message.slice(at + 3);
}
