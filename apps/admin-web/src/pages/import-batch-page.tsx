import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Collapse, Flex, Popconfirm, Progress, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mutationOutcome } from '../forms/mutation-outcome';
import type { ImportPreviewFieldsFragment } from '../gql/graphql';
import { errorText } from '../graphql-client/error-text';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import type { ColumnChoice } from '../imports/column-choices';
import { ColumnMatching } from '../imports/column-matching';
import { formatMoment } from '../imports/format-time';
import {
  CommitImportDocument,
  ImportBatchDocument,
  ImportBatchesDocument,
  ImportKindsDocument,
  ImportPreviewDocument,
  ImportPreviewPageDocument,
  ImportProgressDocument,
} from '../imports/import-documents';
import { ImportResults } from '../imports/import-results';
import { ImportUploadArea } from '../imports/import-upload-area';
import { previewGrid } from '../imports/preview-grid';
import { ErrorLine, PreviewTable } from '../imports/preview-table';
import { LoadErrorAlert } from '../lists/load-error-alert';

/** How often a running preview's or commit's progress is asked for. */
const PROGRESS_POLL_MS = 700;
/** Rows a page of the preview shows (the server answers at most 200). */
const PREVIEW_PAGE = 50;

/**
 * One uploaded batch (`/imports/:id`): before its commit, the header row and column matching, the
 * preview with every error on its cell, a fix-and-retry upload and the commit with its progress;
 * after it, what it created and updated, with links.
 */
export function ImportBatchPage() {
  const { t, language } = useMessages(importMessages);
  const id = decodeURIComponent(useParams().id ?? '');
  const batch = useQuery(ImportBatchDocument, { variables: { id }, errorPolicy: 'all' });
  const kinds = useQuery(ImportKindsDocument);
  const b = batch.data?.importBatch;
  const kind = kinds.data?.importKinds.find((k) => k.name === b?.kind);

  return (
    <Flex vertical gap={16}>
      <Link to="/imports">
        <ArrowLeftOutlined /> {t('imports.batch.back')}
      </Link>
      {batch.loading && !b && <Spin />}
      {batch.error && !b && <LoadErrorAlert title={t('imports.batch.notFound')} error={batch.error} onRetry={() => void batch.refetch()} />}
      {b && (
        <>
          <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {t('imports.batch.title', { file: b.fileName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('imports.batch.meta', {
              kind: kind?.label[language] ?? b.kind,
              rows: b.rowCount,
              createdAt: formatMoment(b.createdAt, language),
              actor: b.actor,
            })}
          </Typography.Text>
          {b.status === 'COMMITTED' ? (
            <Card title={t('imports.result.title')}>
              <ImportResults results={b.results} committedAt={b.committedAt} />
            </Card>
          ) : (
            <PreviewStep key={b.id} batchId={b.id} kind={b.kind} columnsOfKind={kind?.columns ?? []} />
          )}
        </>
      )}
    </Flex>
  );
}

function PreviewStep({
  batchId,
  kind,
  columnsOfKind,
}: {
  batchId: string;
  kind: string;
  columnsOfKind: ReadonlyArray<{ key: string; label: { vi: string; en: string } }>;
}) {
  const { t, language } = useMessages(importMessages);
  // null: as the server finds them (the first sheet matching the kind, its header row and columns).
  const [sheet, setSheet] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [choices, setChoices] = useState<ColumnChoice[] | null>(null);
  // A refused commit's answer (the errors as the commit found them) replaces the preview until the choices change.
  const [refused, setRefused] = useState<ImportPreviewFieldsFragment | null>(null);
  const [commitFailure, setCommitFailure] = useState<string | null>(null);
  const variables = { id: batchId, sheet, headerRow, columns: choices };
  const preview = useQuery(ImportPreviewDocument, { variables, fetchPolicy: 'network-only', errorPolicy: 'all' });
  const [commit, committing] = useMutation(CommitImportDocument, {
    refetchQueries: [{ query: ImportBatchDocument, variables: { id: batchId } }, { query: ImportBatchesDocument }],
    awaitRefetchQueries: true,
  });
  const running = preview.loading || committing.loading;
  const progress = useQuery(ImportProgressDocument, {
    variables: { id: batchId },
    skip: !running,
    pollInterval: PROGRESS_POLL_MS,
    fetchPolicy: 'network-only',
  });
  const p = running ? progress.data?.importBatch.progress : null;
  const shown = refused ?? preview.data?.importBatch.preview ?? preview.previousData?.importBatch.preview ?? null;
  // The rows come a page at a time: the first with the preview, the others read back from the batch's last run.
  const [page, setPage] = useState(1);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const firstPage = page === 1 && !onlyErrors;
  const paged = useQuery(ImportPreviewPageDocument, {
    variables: { id: batchId, offset: (page - 1) * PREVIEW_PAGE, first: PREVIEW_PAGE, withErrors: onlyErrors },
    skip: !shown || firstPage,
    fetchPolicy: 'network-only',
  });
  const pageRows = firstPage
    ? (shown?.rows ?? [])
    : (paged.data?.importBatch.lastRun?.rows ?? paged.previousData?.importBatch.lastRun?.rows ?? []);
  const columns = columnsOfKind.length > 0 ? columnsOfKind : (shown?.columns ?? []);
  const grid = shown
    ? previewGrid(
        columns.map((c) => c.key),
        pageRows,
        [...shown.sheetErrors, ...pageRows.flatMap((r) => r.errors)],
      )
    : null;
  const counts = shown?.counts;

  const sheets = preview.data?.importBatch.sheets ?? preview.previousData?.importBatch.sheets ?? [];
  const choose = (next: { sheet?: string; headerRow?: number | null; choices?: ColumnChoice[] | null }) => {
    setRefused(null);
    setCommitFailure(null);
    setPage(1);
    setOnlyErrors(false);
    if (next.sheet !== undefined) {
      setSheet(next.sheet);
      // Another sheet has its own header row and headers: found again by the server.
      setHeaderRow(null);
      setChoices(null);
    } else if (next.headerRow !== undefined) {
      setHeaderRow(next.headerRow);
      // Another header row has other headers: let the server match them again.
      setChoices(null);
    } else if (next.choices !== undefined) setChoices(next.choices);
  };

  async function runCommit(): Promise<void> {
    setCommitFailure(null);
    try {
      const result = await commit({ variables: { input: { batchId, sheet: shown?.sheet ?? sheet, headerRow, columns: choices } } });
      const answer = result.data?.commitImport;
      if (!answer) return;
      const outcome = mutationOutcome(answer);
      if (outcome.kind !== 'done') setCommitFailure(outcome.message[language]);
      else if (!outcome.data.committed) {
        setRefused(outcome.data);
        setPage(1);
        setOnlyErrors(false);
      }
    } catch (error) {
      setCommitFailure(errorText(error, language));
    }
  }

  return (
    <Flex vertical gap={16}>
      {preview.error && !shown && (
        <LoadErrorAlert title={t('imports.loadError')} error={preview.error} onRetry={() => void preview.refetch()} />
      )}
      <div aria-live="polite">
        {running && (
          <Flex vertical gap={4} data-testid="import-progress">
            <Typography.Text>
              {committing.loading
                ? p && p.phase === 'COMMIT'
                  ? t('imports.commit.running', { done: p.done, total: p.total })
                  : t('imports.commit.starting')
                : p
                  ? t('imports.preview.progress', { done: p.done, total: p.total })
                  : t('imports.preview.checking')}
            </Typography.Text>
            <Progress percent={p && p.total > 0 ? Math.floor((p.done * 100) / p.total) : 0} status="active" />
          </Flex>
        )}
      </div>
      {shown && grid && (
        <>
          <Collapse
            items={[
              {
                key: 'matching',
                label: t('imports.sheet.title'),
                children: (
                  <ColumnMatching
                    sheets={sheets}
                    sheet={shown.sheet}
                    onSheet={(name) => choose({ sheet: name })}
                    headerRow={shown.headerRow}
                    headers={shown.headers}
                    columns={shown.columns}
                    onHeaderRow={(row) => choose({ headerRow: row })}
                    onColumns={(next) => choose({ choices: next })}
                  />
                ),
              },
            ]}
          />
          <Card title={t('imports.preview.title')}>
            <Flex vertical gap={12}>
              <Typography.Text data-testid="import-preview-summary">
                {t('imports.preview.summary', {
                  rows: counts?.rows ?? 0,
                  create: counts?.create ?? 0,
                  update: counts?.update ?? 0,
                  unchanged: counts?.unchanged ?? 0,
                })}
              </Typography.Text>
              {(counts?.errors ?? 0) > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  data-testid="import-preview-errors"
                  title={
                    refused
                      ? t('imports.commit.refused')
                      : t('imports.preview.errors', { rows: counts?.rowsWithErrors ?? 0, count: counts?.errors ?? 0 })
                  }
                  description={
                    grid.sheetErrors.length > 0 && (
                      <div data-testid="import-sheet-errors">
                        <Typography.Text strong>{t('imports.preview.sheetErrors')}</Typography.Text>
                        {grid.sheetErrors.map((e) => (
                          <ErrorLine key={`${e.code}-${e.column}-${e.message.en}`} error={e} language={language} />
                        ))}
                      </div>
                    )
                  }
                />
              ) : (
                <Alert type="success" showIcon data-testid="import-preview-clean" title={t('imports.preview.clean')} />
              )}
              {commitFailure && <Alert type="error" showIcon title={t('imports.commit.failed')} description={commitFailure} />}
              <Flex gap={12} wrap>
                <Popconfirm
                  title={t('imports.commit.confirm', { rows: counts?.rows ?? 0 })}
                  onConfirm={() => void runCommit()}
                  okButtonProps={{ 'data-testid': 'import-commit-confirm' } as Record<string, string>}
                >
                  <Button
                    type="primary"
                    data-testid="import-commit"
                    disabled={(counts?.errors ?? 0) > 0 || running || (counts?.rows ?? 0) === 0}
                  >
                    {t('imports.commit')}
                  </Button>
                </Popconfirm>
              </Flex>
              <PreviewTable
                grid={grid}
                columns={columns}
                paging={{
                  page,
                  pageSize: PREVIEW_PAGE,
                  total: onlyErrors ? (counts?.rowsWithErrors ?? 0) : (counts?.rows ?? 0),
                  rowsWithErrors: counts?.rowsWithErrors ?? 0,
                  onlyErrors,
                  onPage: setPage,
                  onOnlyErrors: (only) => {
                    setOnlyErrors(only);
                    setPage(1);
                  },
                  loading: paged.loading,
                }}
              />
            </Flex>
          </Card>
        </>
      )}
      <Card title={t('imports.retry.title')}>
        <ImportUploadArea kind={kind} hint={t('imports.retry.hint')} testId="import-retry-upload" />
      </Card>
    </Flex>
  );
}
