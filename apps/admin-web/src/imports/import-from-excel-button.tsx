import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { useSignedInUser } from '../session/session';
import { mayImport } from './may-import';

/** "Nhập từ Excel" beside a list's title: the import wizard with the list's kind chosen; nothing for a user who may not import. */
export function ImportFromExcelButton({ kind }: { kind: string }) {
  const { t } = useMessages(importMessages);
  const user = useSignedInUser();
  if (!mayImport(user.permissions)) return null;
  return (
    <Link to={`/imports?kind=${encodeURIComponent(kind)}`} data-testid="import-from-excel">
      <Button icon={<ImportOutlined />}>{t('imports.fromList')}</Button>
    </Link>
  );
}
