import { useQuery } from '@apollo/client/react';
import { Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../i18n/language';
import { importMessages } from '../i18n/messages/imports';
import { formatMoment } from './format-time';
import { ImportedRecordNamesDocument } from './import-documents';
import { actionCounts } from './preview-grid';
import { ActionTag } from './preview-table';
import { importedRecordPath } from './record-link';

interface ResultRow {
  rowNumber: number;
  action: string | null;
  recordId: string | null;
}

const PAGE = 50;

/** A committed batch: what each row did, with a link to the record it created or updated (names asked a page at a time). */
export function ImportResults({ results, committedAt }: { results: readonly ResultRow[]; committedAt: string | null }) {
  const { t, language } = useMessages(importMessages);
  const [page, setPage] = useState(1);
  const ids = [...new Set(results.slice((page - 1) * PAGE, page * PAGE).flatMap((r) => (r.recordId ? [r.recordId] : [])))];
  const names = useQuery(ImportedRecordNamesDocument, { variables: { ids }, skip: ids.length === 0, errorPolicy: 'all' });
  const nameOf = new Map(
    (names.data?.nodes ?? []).flatMap((n) => {
      if (!n) return [];
      const name = 'fullName' in n ? n.fullName : 'name' in n ? n.name : null;
      return typeof name === 'string' ? [[n.id, name] as const] : [];
    }),
  );
  const counts = actionCounts(results);
  return (
    <Flex vertical gap={8}>
      <Typography.Text data-testid="import-result-summary">
        {t('imports.result.summary', {
          committedAt: formatMoment(committedAt, language),
          create: counts.CREATE ?? 0,
          update: counts.UPDATE ?? 0,
          unchanged: counts.UNCHANGED ?? 0,
        })}
      </Typography.Text>
      <Table<ResultRow>
        rowKey="rowNumber"
        size="small"
        data-testid="import-results"
        dataSource={[...results]}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: PAGE, current: page, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'row', title: t('imports.preview.row'), render: (_: unknown, r) => r.rowNumber },
          { key: 'action', title: t('imports.result.action'), render: (_: unknown, r) => <ActionTag action={r.action} /> },
          {
            key: 'record',
            title: t('imports.result.record'),
            render: (_: unknown, r) => {
              if (!r.recordId) return '—';
              const path = importedRecordPath(r.recordId);
              const label = nameOf.get(r.recordId) ?? t('imports.result.open');
              return path ? (
                <Link to={path}>{label}</Link>
              ) : (
                <Typography.Text type="secondary">{t('imports.result.noPage')}</Typography.Text>
              );
            },
          },
        ]}
      />
    </Flex>
  );
}
