import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { todayInVietnam } from '@coso/domain';
import { Alert, Button, Card, Flex, Form, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportBatchesQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { formatMoment } from '../imports/format-time';
import { ImportBatchesDocument, ImportKindsDocument } from '../imports/import-documents';
import { downloadKindExport, downloadTemplate } from '../imports/import-http';
import { ImportUploadArea } from '../imports/import-upload-area';
import { mayDownloadTemplates, mayImport } from '../imports/may-import';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { useListParams } from '../lists/use-list-params';
import { useSignedInUser } from '../session/session';

type BatchRow = ImportBatchesQuery['imports'][number];

/**
 * The import wizard's first step (issue #14): choose the kind (`?kind=`, as the lists' "Nhập từ
 * Excel" buttons link here), download its template, upload a file — the batch's page then shows
 * the preview, the column matching and the commit — and the earlier batches.
 */
export function ImportsPage() {
  const { t, language } = useMessages(importMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const kinds = useQuery(ImportKindsDocument);
  const batches = useQuery(ImportBatchesDocument, { fetchPolicy: 'cache-and-network' });
  const [template, setTemplate] = useState<{ ok: boolean; text: string } | null>(null);
  const kindName = params.get('kind');
  const kind = kinds.data?.importKinds.find((k) => k.name === kindName) ?? null;
  const kindLabel = (name: string) => kinds.data?.importKinds.find((k) => k.name === name)?.label[language] ?? name;

  const columns = [
    {
      key: 'file',
      title: t('imports.history.file'),
      render: (_: unknown, b: BatchRow) => <Link to={`/imports/${encodeURIComponent(b.id)}`}>{b.fileName}</Link>,
    },
    { key: 'kind', title: t('imports.history.kind'), render: (_: unknown, b: BatchRow) => kindLabel(b.kind) },
    {
      key: 'status',
      title: t('imports.history.status'),
      render: (_: unknown, b: BatchRow) => (
        <Tag color={b.status === 'COMMITTED' ? 'green' : 'default'}>
          {b.status === 'COMMITTED' || b.status === 'UPLOADED' ? t(`imports.status.${b.status}`) : b.status}
        </Tag>
      ),
    },
    { key: 'rows', title: t('imports.history.rows'), render: (_: unknown, b: BatchRow) => b.rowCount },
    { key: 'createdAt', title: t('imports.history.createdAt'), render: (_: unknown, b: BatchRow) => formatMoment(b.createdAt, language) },
    { key: 'actor', title: t('imports.history.actor'), render: (_: unknown, b: BatchRow) => b.actor },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('imports.intro')}</Typography.Paragraph>
      {kinds.error && <LoadErrorAlert title={t('imports.loadError')} error={kinds.error} onRetry={() => void kinds.refetch()} />}

      {mayDownloadTemplates(user.permissions) && (
        <Card>
          <Flex vertical gap={16}>
            <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
              <Form.Item label={t('imports.kind')} htmlFor="import-kind" style={{ marginBottom: 0 }}>
                <Select<string>
                  id="import-kind"
                  style={{ maxWidth: 420, width: '100%' }}
                  placeholder={t('imports.kindPlaceholder')}
                  loading={kinds.loading}
                  value={kind?.name}
                  onChange={(value) => {
                    setTemplate(null);
                    update({ kind: value });
                  }}
                  options={(kinds.data?.importKinds ?? []).map((k) => ({ value: k.name, label: k.label[language] }))}
                />
              </Form.Item>
            </Form>
            {kind && (
              <Flex vertical gap={8}>
                <Flex gap={12} align="center" wrap>
                  <Button
                    icon={<DownloadOutlined />}
                    data-testid="import-template"
                    onClick={async () => {
                      const outcome = await downloadTemplate(kind.name, language);
                      setTemplate(
                        outcome.ok
                          ? { ok: true, text: t('imports.templateSaved', { name: outcome.value }) }
                          : { ok: false, text: outcome.message },
                      );
                    }}
                  >
                    {t('imports.template')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    data-testid="import-export-data"
                    onClick={async () => {
                      const outcome = await downloadKindExport(kind.name, todayInVietnam(), language);
                      setTemplate(
                        outcome.ok
                          ? { ok: true, text: t('imports.exportSaved', { name: outcome.value }) }
                          : { ok: false, text: outcome.message },
                      );
                    }}
                  >
                    {t('imports.exportData')}
                  </Button>
                  {template && (
                    <Typography.Text type={template.ok ? 'success' : 'danger'} data-testid="import-template-result">
                      {template.text}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text type="secondary">
                  {t('imports.columns')}:{' '}
                  {kind.columns.map((c) => `${c.label[language]}${c.required ? ` (${t('imports.required')})` : ''}`).join(', ')}
                </Typography.Text>
              </Flex>
            )}
            {mayImport(user.permissions) ? (
              <div>
                <Typography.Title level={4}>{t('imports.upload.title')}</Typography.Title>
                <ImportUploadArea
                  kind={kind?.name ?? null}
                  hint={kind ? t('imports.upload.hint') : t('imports.upload.chooseKind')}
                  testId="import-upload"
                />
              </div>
            ) : (
              <Alert type="info" showIcon title={t('imports.readOnly')} />
            )}
          </Flex>
        </Card>
      )}

      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('imports.history')}
      </Typography.Title>
      {batches.error && <LoadErrorAlert title={t('imports.loadError')} error={batches.error} onRetry={() => void batches.refetch()} />}
      <Table<BatchRow>
        rowKey="id"
        size="middle"
        data-testid="import-history"
        columns={columns}
        dataSource={batches.data?.imports ?? []}
        loading={batches.loading && !batches.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('imports.history.empty') }}
      />
    </Flex>
  );
}
