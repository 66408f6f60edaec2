import { defineMessages } from './define-messages';

/** The app, the shell, sign-in, the menu and the pager every list uses. */
export const coreMessages = defineMessages(
  {
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
    'shell.openMenu': 'Mở danh mục chức năng',
    'shell.demoAccountsTitle': 'Cảnh báo: tài khoản demo đang mở',
    'shell.demoAccounts':
      'Các tài khoản demo {names} vẫn đăng nhập được bằng mật khẩu đã công bố. Trước khi dùng với dữ liệu thật, hãy khóa chúng (Tài khoản → Kết thúc) hoặc đổi mật khẩu.',

    'search.label': 'Tìm người, địa bàn, nhà chung cư, tổ chức',
    'search.placeholder': 'Tìm người, địa bàn, nhà, tổ chức…',
    'search.group.people': 'Người',
    'search.group.places': 'Địa bàn',
    'search.group.buildings': 'Nhà chung cư',
    'search.group.bodies': 'Tổ chức',
    'search.more': '{shown} trong {total} kết quả, gõ thêm để thu hẹp',
    'search.none': 'Không tìm thấy người, địa bàn, nhà chung cư hay tổ chức nào khớp với “{text}”.',
    'search.error': 'Không tìm được lúc này. Thử lại sau.',

    'menu.dashboard': 'Tổng quan',
    'menu.explorer': 'Tra cứu địa bàn',
    'menu.boards': 'Ban quản trị',
    'menu.partyCells': 'Chi bộ tổ dân phố',
    'menu.organizations': 'Tổ chức',
    'menu.people': 'Nhân sự',
    'menu.directiveReport': 'Báo cáo sơ kết',
    'menu.findings': 'Tồn tại, hạn chế',
    'menu.accounts': 'Tài khoản',
    'menu.imports': 'Nhập từ Excel',

    'notFound.title': 'Không tìm thấy trang',
    'notFound.text': 'Địa chỉ này không có trong ứng dụng.',
    'notFound.home': 'Về trang chính',

    'pager.previous': 'Trang trước',
    'pager.next': 'Trang sau',
    'pager.page': 'Trang {page}/{pages}',
    'pager.pageSize': '{size} dòng/trang',
  },
  {
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
    'shell.openMenu': 'Open the menu',
    'shell.demoAccountsTitle': 'Warning: demo accounts are open',
    'shell.demoAccounts':
      'The demo accounts {names} still sign in with their published passwords. Before using real data, end them (Accounts → End) or change their passwords.',

    'search.label': 'Search people, places, buildings, bodies',
    'search.placeholder': 'Search people, places, buildings…',
    'search.group.people': 'People',
    'search.group.places': 'Places',
    'search.group.buildings': 'Apartment buildings',
    'search.group.bodies': 'Bodies',
    'search.more': '{shown} of {total} results, type more to narrow',
    'search.none': 'No person, place, building or body matches “{text}”.',
    'search.error': 'The search failed. Try again later.',

    'menu.dashboard': 'Overview',
    'menu.explorer': 'Place explorer',
    'menu.boards': 'Management boards',
    'menu.partyCells': 'Party cells',
    'menu.organizations': 'Organisations',
    'menu.people': 'People',
    'menu.directiveReport': 'Review report',
    'menu.findings': 'Findings',
    'menu.accounts': 'Accounts',
    'menu.imports': 'Import from Excel',

    'notFound.title': 'Page not found',
    'notFound.text': 'This address is not part of the app.',
    'notFound.home': 'Go to the main page',

    'pager.previous': 'Previous page',
    'pager.next': 'Next page',
    'pager.page': 'Page {page} of {pages}',
    'pager.pageSize': '{size} per page',
  },
);
