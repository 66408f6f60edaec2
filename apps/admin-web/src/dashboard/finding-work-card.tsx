import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { FindingWorkSummaryDocument } from '../findings/finding-work-documents';
import { useMessages } from '../i18n/language';
import { findingsMessages } from '../i18n/messages/findings';
import { LoadErrorAlert } from '../lists/load-error-alert';

interface Row {
  wardId: string | null;
  wardName: string;
  open: number;
  overdue: number;
  resolved: number;
  accepted: number;
}

/** Findings as work on the dashboard: open, overdue and resolved (or accepted) per ward, today. */
export function FindingWorkCard({ scopeId }: { scopeId: string }) {
  const { t } = useMessages(findingsMessages);
  const { data, loading, error, refetch } = useQuery(FindingWorkSummaryDocument, {
    variables: { scopeId },
    fetchPolicy: 'cache-and-network',
  });
  const rows: Row[] = data?.findingWorkSummary ?? [];
  const link = (wardId: string | null, work: string) =>
    `/findings?scope=${encodeURIComponent(scopeId)}&work=${work}${wardId ? `&ward=${encodeURIComponent(wardId)}` : ''}`;
  const count = (n: number, wardId: string | null, work: string, danger = false) =>
    n > 0 ? (
      <Link to={link(wardId, work)} style={danger ? { color: '#cf1322' } : undefined}>
        {n}
      </Link>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );
  return (
    <Card title={t('findings.work.card.title')} data-testid="finding-work-card">
      {error && goneToday(error) && <Alert type="info" showIcon message={t('findings.work.card.goneToday')} style={{ marginBottom: 12 }} />}
      {error && !goneToday(error) && <LoadErrorAlert title={t('findings.loadError')} error={error} onRetry={() => void refetch()} />}
      <Table<Row>
        rowKey={(r) => r.wardId ?? `none:${r.wardName}`}
        size="small"
        loading={loading && !data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: t('findings.column.ward'), dataIndex: 'wardName' },
          { title: t('findings.work.filter.open'), align: 'right', render: (_: unknown, r) => count(r.open, r.wardId, 'open') },
          {
            title: t('findings.work.filter.overdue'),
            align: 'right',
            render: (_: unknown, r) => count(r.overdue, r.wardId, 'overdue', true),
          },
          {
            title: t('findings.work.filter.closed'),
            align: 'right',
            render: (_: unknown, r) => count(r.resolved + r.accepted, r.wardId, 'closed'),
          },
        ]}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} /> }}
      />
    </Card>
  );
}

/** Work is as of today: a place that no longer exists today (merged in 2025) has none to show. */
function goneToday(error: unknown): boolean {
  if (!CombinedGraphQLErrors.is(error)) return false;
  return error.errors.some((e) =>
    ((e.extensions?.violations as Array<{ code?: string }> | undefined) ?? []).some((v) => v.code === 'UNIT_NOT_FOUND'),
  );
}
