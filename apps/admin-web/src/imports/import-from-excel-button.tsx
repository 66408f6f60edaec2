import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { todayInVietnam } from '@coso/domain';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Language } from '../i18n/dictionary';
import { type Translate, useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { useSignedInUser } from '../session/session';
import { downloadKindExport } from './import-http';
import { type ListImportAction, listImportAction } from './may-import';

/**
 * Beside a list's title, by the server's permissions (`listImportAction`): "Nhập từ Excel" — the
 * import wizard with the list's kind chosen — for a user who may import; "Tải mẫu Excel" — the
 * kind's template filled with the records as they read them — for one who may only read; nothing else.
 */
export function ImportFromExcelButton({ kind }: { kind: string }) {
  const user = useSignedInUser();
  const { t, language } = useMessages(importMessages);
  return <ListImportActionView action={listImportAction(user.permissions)} kind={kind} t={t} language={language} />;
}

type T = Translate<typeof importMessages>;

export function ListImportActionView({ action, kind, t, language }: { action: ListImportAction; kind: string; t: T; language: Language }) {
  if (action === 'import')
    return (
      <Link to={`/imports?kind=${encodeURIComponent(kind)}`} data-testid="import-from-excel">
        <Button icon={<ImportOutlined />}>{t('imports.fromList')}</Button>
      </Link>
    );
  if (action === 'template') return <TemplateButton kind={kind} language={language} t={t} />;
  return null;
}

function TemplateButton({ kind, language, t }: { kind: string; language: Language; t: T }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Flex gap={8} align="center" wrap>
      <Button
        icon={<DownloadOutlined />}
        data-testid="list-template"
        onClick={async () => {
          const outcome = await downloadKindExport(kind, todayInVietnam(), language);
          setResult(
            outcome.ok ? { ok: true, text: t('imports.exportSaved', { name: outcome.value }) } : { ok: false, text: outcome.message },
          );
        }}
      >
        {t('imports.template')}
      </Button>
      {result && <Typography.Text type={result.ok ? 'success' : 'danger'}>{result.text}</Typography.Text>}
    </Flex>
  );
}
