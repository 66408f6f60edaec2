import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { IMPORT_FILE_ACCEPT } from './import-file';
import { uploadImportFile } from './import-http';

/**
 * Pick or drag a file: it is uploaded as a new batch of `kind` and the batch's page opens (the
 * first upload, and every fix-and-retry: a corrected file is a new batch).
 */
export function ImportUploadArea({ kind, hint, testId }: { kind: string | null; hint: string; testId: string }) {
  const { t, language } = useMessages(importMessages);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function upload(file: File): Promise<void> {
    if (!kind) {
      setFailure(t('imports.upload.chooseKind'));
      return;
    }
    setBusy(true);
    setFailure(null);
    const outcome = await uploadImportFile(kind, file, language);
    setBusy(false);
    if (outcome.ok) navigate(`/imports/${encodeURIComponent(outcome.value)}`);
    else setFailure(outcome.message);
  }

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Upload.Dragger
        accept={IMPORT_FILE_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy || !kind}
        beforeUpload={(file) => {
          void upload(file);
          // The file goes through uploadImportFile (the session's token, its own content type), not antd's XHR.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{hint}</p>
        <Typography.Text type="secondary">.xlsx, .csv</Typography.Text>
      </Upload.Dragger>
      <div aria-live="polite">
        {busy && (
          <Flex gap={8} align="center">
            <Spin size="small" />
            <Typography.Text type="secondary">{t('imports.upload.busy')}</Typography.Text>
          </Flex>
        )}
        {failure && (
          <Alert type="error" showIcon title={t('imports.upload.failed')} description={failure} data-testid={`${testId}-failed`} />
        )}
      </div>
    </Flex>
  );
}
