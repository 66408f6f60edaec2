import { useQuery } from '@apollo/client/react';
import { Alert, Drawer, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FigureRecordsQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { ListPager } from '../lists/list-pager';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { forbiddenParts } from '../lists/partial-errors';
import { PAGE_SIZES, type PageSize, useCursorPages } from '../lists/use-cursor-pages';
import { RecordLink, useRecordTypeLabel } from './record-link';
import { FigureRecordsDocument, WardFigureRecordsDocument } from './report-documents';

export interface DrillDown {
  key: string;
  label: string;
  /** One ward's share of the figure; absent for the whole figure. */
  ward?: { wardId: string | null; wardName: string };
}

export interface ReportVariables {
  directiveId: string;
  scopeId: string;
  from: string | null;
  to: string;
}

type RecordRow = NonNullable<FigureRecordsQuery['directiveReport']['figures'][number]['records']>['nodes'][number];

/**
 * The records a figure counts (or one ward's share of them), a page at a time, each linked to its
 * page. Party figures name party members: for other roles the server refuses, and we say why.
 */
export function RecordsDrawer({ drill, report, onClose }: { drill: DrillDown | null; report: ReportVariables; onClose(): void }) {
  const { t } = useMessages(reportMessages);
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={drill ? (drill.ward ? t('report.records.wardTitle', { label: drill.label, ward: drill.ward.wardName }) : drill.label) : ''}
    >
      {drill && <RecordsList key={`${drill.key}|${drill.ward?.wardName ?? ''}`} drill={drill} report={report} />}
    </Drawer>
  );
}

function RecordsList({ drill, report }: { drill: DrillDown; report: ReportVariables }) {
  const { t } = useMessages(reportMessages);
  const typeLabel = useRecordTypeLabel();
  const [size, setSize] = useState<PageSize>(PAGE_SIZES[0]);
  const pages = useCursorPages(String(size));
  const variables = { ...report, key: drill.key, first: size, after: pages.after };
  // Both queries read another part of the report object, which has no id: kept out of the cache.
  const whole = useQuery(FigureRecordsDocument, { variables, fetchPolicy: 'no-cache', skip: drill.ward !== undefined });
  const byWard = useQuery(WardFigureRecordsDocument, {
    variables: { ...variables, wardId: drill.ward?.wardId ?? null },
    fetchPolicy: 'no-cache',
    skip: drill.ward === undefined,
  });
  const active = drill.ward ? byWard : whole;
  const figure = drill.ward ? undefined : whole.data?.directiveReport.figures[0];
  const wardFigure = drill.ward
    ? byWard.data?.directiveReport.figures[0]?.byWard.find((w) =>
        drill.ward?.wardId ? w.wardId === drill.ward.wardId : w.wardId === null && w.wardName === drill.ward?.wardName,
      )
    : undefined;
  const records = figure?.records ?? wardFigure?.records;
  const { onlyForbidden } = forbiddenParts(active.error, true);

  if (onlyForbidden)
    return <Alert type="info" showIcon title={t('report.records.partyOnlyTitle')} description={t('report.records.partyOnly')} />;
  return (
    <Flex vertical gap={12}>
      {active.error && <LoadErrorAlert title={t('report.records.loadError')} error={active.error} onRetry={() => void active.refetch()} />}
      <Table<RecordRow>
        rowKey="id"
        size="small"
        loading={active.loading}
        pagination={false}
        dataSource={records?.nodes ?? []}
        columns={[
          {
            title: t('report.records.name'),
            dataIndex: 'name',
            render: (_: unknown, r) => <RecordLink type={r.type} id={r.id} name={r.name} asOf={report.to} />,
          },
          ...(drill.ward
            ? []
            : [
                {
                  title: t('report.records.ward'),
                  key: 'ward',
                  width: 200,
                  render: (_: unknown, r: RecordRow) => ('wardName' in r && r.wardName) || '—',
                },
              ]),
          { title: t('report.records.type'), dataIndex: 'type', width: 180, render: (_: unknown, r) => typeLabel(r.type) },
        ]}
        locale={{
          emptyText: active.loading ? (
            t('common.loading')
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.records.empty')} />
          ),
        }}
      />
      <ListPager
        testId="records-total"
        totalText={records ? t('report.records.total', { count: records.totalCount }) : ''}
        totalCount={records?.totalCount}
        page={pages.page}
        size={size}
        nextCursor={records?.pageInfo.hasNextPage ? records.pageInfo.endCursor : null}
        loading={active.loading}
        onPrevious={pages.previous}
        onNext={pages.next}
        onSize={setSize}
      />
      {drill.ward === undefined && figure === undefined && !active.loading && !active.error && (
        <Typography.Text type="secondary">{t('report.records.empty')}</Typography.Text>
      )}
    </Flex>
  );
}
