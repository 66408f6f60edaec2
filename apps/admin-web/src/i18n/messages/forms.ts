import { defineMessages } from './define-messages';

/** What every form shares: validation, server errors, version conflicts, progress. */
export const formsMessages = defineMessages(
  {
    'forms.save': 'Lưu',
    'forms.cancel': 'Hủy',
    'forms.saving': 'Đang lưu…',
    'forms.saved': 'Đã lưu.',
    'forms.invalid': 'Chưa lưu: dữ liệu nhập chưa đúng quy định. Xem các lỗi được đánh dấu bên dưới.',
    'forms.notFound': 'Không tìm thấy bản ghi: có thể đã bị người khác thay đổi.',
    'forms.conflict.title': 'Bản ghi vừa được người khác cập nhật',
    'forms.conflict.text':
      'Chưa lưu: bản ghi đã thay đổi sau khi anh/chị mở biểu mẫu. Tải lại bản mới nhất; những gì anh/chị đã nhập vẫn được giữ nguyên, sau đó bấm Lưu lại.',
    'forms.conflict.reload': 'Tải lại bản mới nhất',
    'forms.conflict.reloaded': 'Đã tải bản mới nhất. Kiểm tra lại rồi bấm Lưu; dữ liệu anh/chị nhập vẫn còn.',
  },
  {
    'forms.save': 'Save',
    'forms.cancel': 'Cancel',
    'forms.saving': 'Saving…',
    'forms.saved': 'Saved.',
    'forms.invalid': 'Not saved: some entries break the rules. See the marked fields below.',
    'forms.notFound': 'The record was not found: someone may have changed it.',
    'forms.conflict.title': 'Someone else has just updated this record',
    'forms.conflict.text':
      'Not saved: the record changed after you opened the form. Reload the latest version; what you typed is kept. Then save again.',
    'forms.conflict.reload': 'Reload the latest version',
    'forms.conflict.reloaded': 'The latest version is loaded. Check and save again; what you typed is still here.',
  },
);
