import { Flex, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import type { Language } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import type { GridRow, PreviewError, PreviewGrid } from './preview-grid';

const ACTION_COLORS: Readonly<Record<string, string>> = { CREATE: 'green', UPDATE: 'blue', UNCHANGED: 'default' };

/** An error as the user reads it: the rule code, then the message in the UI's language. */
export function ErrorLine({ error, language }: { error: PreviewError; language: Language }) {
  return (
    <Typography.Text type="danger" data-testid="import-error" data-code={error.code} style={{ display: 'block' }}>
      <Typography.Text code>{error.code}</Typography.Text> {error.message[language]}
    </Typography.Text>
  );
}

export function ActionTag({ action }: { action: string | null }) {
  const { t } = useMessages(importMessages);
  if (!action) return <Tag color="red">{t('imports.action.none')}</Tag>;
  const known = action === 'CREATE' || action === 'UPDATE' || action === 'UNCHANGED';
  return <Tag color={ACTION_COLORS[action] ?? 'default'}>{known ? t(`imports.action.${action}`) : action}</Tag>;
}

/**
 * The preview: a row per spreadsheet row, a column per template column, each error on its cell
 * (red, rule code and message) and the row's own errors beside its number.
 */
export function PreviewTable({
  grid,
  columns,
  paging,
}: {
  /** One page of the rows (the server pages them: a big file is never sent whole). */
  grid: PreviewGrid;
  columns: ReadonlyArray<{ key: string; label: { vi: string; en: string } }>;
  paging: {
    /** 1-based. */
    page: number;
    pageSize: number;
    /** Rows over every page (with errors only, when so). */
    total: number;
    rowsWithErrors: number;
    onlyErrors: boolean;
    onPage: (page: number) => void;
    onOnlyErrors: (only: boolean) => void;
    loading: boolean;
  };
}) {
  const { t, language } = useMessages(importMessages);
  const rows = grid.rows;
  const tableColumns: TableProps<GridRow>['columns'] = [
    { key: 'row', title: t('imports.preview.row'), fixed: 'left', render: (_: unknown, r) => r.rowNumber },
    { key: 'action', title: t('imports.preview.action'), render: (_: unknown, r) => <ActionTag action={r.action} /> },
    {
      key: 'rowErrors',
      title: t('imports.preview.rowErrors'),
      render: (_: unknown, r) => (
        <div data-testid={`import-row-${r.rowNumber}-errors`}>
          {r.rowErrors.map((e) => (
            <ErrorLine key={`${e.code}-${e.column}-${e.message.en}`} error={e} language={language} />
          ))}
        </div>
      ),
    },
    ...columns.map((c) => ({
      key: c.key,
      title: c.label[language],
      onCell: (r: GridRow) => ({ style: r.cellErrors[c.key] ? { background: '#fff1f0' } : {} }),
      render: (_: unknown, r: GridRow) => (
        <div data-testid={`import-cell-${r.rowNumber}-${c.key}`} style={{ minWidth: 80 }}>
          <span>{r.values[c.key] ?? ''}</span>
          {(r.cellErrors[c.key] ?? []).map((e) => (
            <ErrorLine key={`${e.code}-${e.message.en}`} error={e} language={language} />
          ))}
        </div>
      ),
    })),
  ];
  return (
    <Flex vertical gap={8}>
      {paging.rowsWithErrors > 0 && (
        <Flex gap={8} align="center">
          <Switch id="import-only-errors" checked={paging.onlyErrors} onChange={paging.onOnlyErrors} />
          <label htmlFor="import-only-errors">{t('imports.preview.onlyErrors')}</label>
        </Flex>
      )}
      <Table<GridRow>
        rowKey="rowNumber"
        size="small"
        data-testid="import-preview-table"
        columns={tableColumns}
        dataSource={rows}
        loading={paging.loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: paging.total,
          onChange: paging.onPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
      />
    </Flex>
  );
}
