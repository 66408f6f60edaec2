import { defineMessages } from './define-messages';

/**
 * People: the list, the detail page and the person form. Keys are grouped by page
 * (`people.detail.`, `people.form.`; the list's `people.list.` keys come with the list).
 */
export const peopleMessages = defineMessages(
  {
    // ——— detail page ———
    'people.detail.kind': 'Người',
    'people.detail.facts': 'Thông tin cá nhân',
    'people.detail.birth': 'Ngày sinh / năm sinh',
    'people.detail.birthYearOnly': 'Năm {year}',
    'people.detail.residenceNone': 'Chưa ghi nhận',
    'people.detail.period': 'Hồ sơ có hiệu lực',
    'people.detail.edit': 'Sửa thông tin',
    'people.detail.end': 'Kết thúc hồ sơ',
    'people.detail.endWhat': 'hồ sơ người',
    'people.detail.endConsequence': 'Các chức vụ người này đang giữ cũng kết thúc từ ngày này.',
    'people.detail.saved': 'Đã lưu thông tin của {name}.',
    'people.detail.created': 'Đã thêm {name}.',
    'people.detail.memberships': 'Chức vụ qua các thời kỳ',
    'people.detail.membershipsEmpty': 'Chưa giữ chức vụ nào (hoặc các chức vụ không hiển thị với vai trò của tài khoản).',
    'people.detail.membership.organization': 'Tổ chức',
    'people.detail.membership.role': 'Chức vụ',
    'people.detail.membership.post': 'Chức danh',
    'people.detail.membership.current': 'Đang giữ vào ngày xem',
    'people.detail.partyMemberships': 'Đảng tịch',
    'people.detail.partyMembershipsEmpty': 'Không có đảng tịch nào được ghi nhận.',
    'people.detail.residenceContacts': 'Sinh hoạt nơi cư trú (Quy định 213)',
    'people.detail.residenceContactsEmpty': 'Không có ghi nhận sinh hoạt nơi cư trú.',
    'people.detail.notVisible': 'Không hiển thị: vai trò của tài khoản không được xem thông tin về đảng viên.',

    // ——— form ———
    'people.form.newTitle': 'Thêm người',
    'people.form.editTitle': 'Sửa thông tin: {name}',
    'people.form.sexPlaceholder': 'Chọn giới tính',
    'people.form.birthYearHelp': 'Bắt buộc; phải khớp với số định danh cá nhân.',
    'people.form.birthDateHelp': 'Nếu biết; năm của ngày sinh phải là năm sinh.',
    'people.form.citizenIdHelp': '12 chữ số (có thể gõ cách nhóm: 001 085 012 345); phải khớp năm sinh và giới tính.',
    'people.form.phoneHelp': 'Số di động: 0… hoặc +84…; sẽ được chuẩn hóa.',
    'people.form.residencePlaceholder': 'Gõ tên tổ dân phố để tìm, ví dụ “tổ 5 giang biên”',
    'people.form.noChanges': 'Không có thay đổi nào để lưu.',
    'people.form.ended': 'Hồ sơ này đã kết thúc từ ngày {on}; vẫn có thể sửa thông tin ghi sai.',
  },
  {
    // ——— detail page ———
    'people.detail.kind': 'Person',
    'people.detail.facts': 'Personal details',
    'people.detail.birth': 'Date / year of birth',
    'people.detail.birthYearOnly': 'Year {year}',
    'people.detail.residenceNone': 'Not recorded',
    'people.detail.period': 'Record in force',
    'people.detail.edit': 'Edit',
    'people.detail.end': 'End the record',
    'people.detail.endWhat': 'person record',
    'people.detail.endConsequence': 'The posts this person holds end from that date too.',
    'people.detail.saved': 'The details of {name} are saved.',
    'people.detail.created': '{name} has been added.',
    'people.detail.memberships': 'Posts over time',
    'people.detail.membershipsEmpty': 'No post held (or the posts are not visible to the account’s role).',
    'people.detail.membership.organization': 'Body',
    'people.detail.membership.role': 'Role',
    'people.detail.membership.post': 'Post',
    'people.detail.membership.current': 'Held on the date viewed',
    'people.detail.partyMemberships': 'Party membership',
    'people.detail.partyMembershipsEmpty': 'No party membership recorded.',
    'people.detail.residenceContacts': 'Residence contact (Regulation 213)',
    'people.detail.residenceContactsEmpty': 'No residence contact recorded.',
    'people.detail.notVisible': 'Not shown: the account’s role may not see party-member information.',

    // ——— form ———
    'people.form.newTitle': 'Add a person',
    'people.form.editTitle': 'Edit: {name}',
    'people.form.sexPlaceholder': 'Choose the sex',
    'people.form.birthYearHelp': 'Required; must agree with the citizen ID.',
    'people.form.birthDateHelp': 'If known; its year must be the birth year.',
    'people.form.citizenIdHelp': '12 digits (groups with spaces are fine: 001 085 012 345); must agree with birth year and sex.',
    'people.form.phoneHelp': 'Mobile: 0… or +84…; it is normalised.',
    'people.form.residencePlaceholder': 'Type the residential group’s name, e.g. “tổ 5 giang biên”',
    'people.form.noChanges': 'Nothing changed, nothing to save.',
    'people.form.ended': 'This record ended on {on}; wrongly recorded details can still be corrected.',
  },
);
