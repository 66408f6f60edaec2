import { useQuery } from '@apollo/client/react';
import { formatViDate, todayInVietnam } from '@coso/domain';
import { Alert, Badge, Button, Empty, Flex, Skeleton, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { countByCode } from '../findings/finding-counts';
import { ruleTitle } from '../findings/finding-rule';
import { type FindingWorkAction, FindingWorkDialog, type WorkTarget } from '../findings/finding-work-dialog';
import { FindingsListDocument, FindingsSummaryDocument } from '../findings/findings-documents';
import { CodeFilter, WardFilter } from '../findings/findings-filters';
import { WorkCell, WorkFilter, workFilterFromParam, workFilterVariables } from '../findings/work-state';
import type { FindingsListQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { findingsMessages } from '../i18n/messages/findings';
import { reportMessages } from '../i18n/messages/report';
import { ListExportButtons } from '../lists/export/list-export-buttons';
import { cursorPager, ListPager } from '../lists/list-pager';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { pageSizeFromParam, useCursorPages } from '../lists/use-cursor-pages';

import { RecordLink, useRecordTypeLabel } from '../report/record-link';
import { ReportControls } from '../report/report-controls';
import { useReportScope } from '../report/use-report-scope';

type FindingRow = FindingsListQuery['findings']['edges'][number];

/**
 * The gaps of the directive in a place as of a date ("tồn tại, hạn chế"): by rule and by ward,
 * each naming the record to act on, linked to its page, with its work (assigned, due, resolved or
 * accepted; assign/resolve/accept in a dialog). Filters live in the address
 * (?scope=&asOf=&code=&ward=&work=&size=).
 */
export function FindingsPage() {
  const { t, language } = useMessages(findingsMessages, reportMessages);
  const typeLabel = useRecordTypeLabel();
  const scope = useReportScope('asOf');
  const { params, update, scopeId, date: asOf } = scope;
  const code = params.get('code') || undefined;
  const ward = params.get('ward') || undefined;
  const work = workFilterFromParam(params.get('work'));
  const size = pageSizeFromParam(params.get('size'));
  const pages = useCursorPages(JSON.stringify([scopeId, asOf, code, ward, work, size]));
  const [acting, setActing] = useState<{ action: FindingWorkAction; target: WorkTarget } | null>(null);
  const wardIds = ward ? [ward] : null;

  const list = useQuery(FindingsListDocument, {
    variables: {
      scopeId: scopeId ?? '',
      asOf,
      codes: code ? [code] : null,
      wardIds,
      ...workFilterVariables(work),
      first: size,
      after: pages.after,
    },
    skip: !scopeId,
  });
  const summary = useQuery(FindingsSummaryDocument, { variables: { scopeId: scopeId ?? '', asOf, wardIds }, skip: !scopeId });
  const findings = (list.data ?? list.previousData)?.findings;
  const counted = summary.data?.findings;
  const counts = counted ? countByCode(counted.nodes) : [];

  const columns: TableProps<FindingRow>['columns'] = [
    { title: t('findings.column.ward'), width: 110, render: (_: unknown, { node }) => node.wardName },
    {
      title: t('findings.column.rule'),
      width: 190,
      render: (_: unknown, { node }) => <Typography.Text type="secondary">{ruleTitle(node.code)[language]}</Typography.Text>,
    },
    { title: t('findings.column.message'), render: (_: unknown, { node }) => node.message[language] },
    {
      title: t('findings.column.entity'),
      width: 200,
      render: (_: unknown, { node }) => (
        <Flex vertical>
          <RecordLink type={node.entityType} id={node.entityId} name={node.entityName} asOf={asOf} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {typeLabel(node.entityType)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('findings.column.work'),
      width: 170,
      render: (_: unknown, { node }) => <WorkCell {...node} closedByOperation={node.work?.closedByOperation ?? null} />,
    },
    {
      title: t('findings.work.actions'),
      width: 130,
      render: (_: unknown, { node }) => {
        if (!node.current || !node.wardId) return null;
        const target: WorkTarget = {
          key: node.key,
          wardId: node.wardId,
          wardName: node.wardName,
          message: node.message[language],
          version: node.work?.version ?? null,
        };
        return (
          <Flex vertical gap={4} align="start" data-testid="finding-work-actions">
            {(['assign', 'resolve', 'accept'] as const).map((action) => (
              <Button key={action} size="small" onClick={() => setActing({ action, target })}>
                {t(`findings.work.${action}`)}
              </Button>
            ))}
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="flex-start" justify="space-between" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('findings.title')}
        </Typography.Title>
        {scopeId && (
          <ListExportButtons
            request={{
              document: FindingsListDocument,
              variables: { scopeId, asOf, codes: code ? [code] : null, wardIds },
              title: findingsMessages.vi['findings.title'],
              filters: [...(code ? [`Quy tắc: ${code} — ${ruleTitle(code).vi}`] : []), ...(ward ? [`Phường (mã bản ghi): ${ward}`] : [])],
            }}
          />
        )}
      </Flex>
      <ReportControls report={scope} dateParam="asOf">
        <CodeFilter value={code} onChange={(value) => update({ code: value })} />
        <WardFilter scopeId={scopeId} asOf={asOf} value={ward} onChange={(value) => update({ ward: value })} />
      </ReportControls>
      <WorkFilter value={work} onChange={(value) => update({ work: value === 'all' ? null : value })} />

      {scope.error !== undefined && <LoadErrorAlert title={t('report.directivesError')} error={scope.error} onRetry={scope.refetch} />}

      <Flex wrap gap={8} align="center" data-testid="findings-by-code">
        <Typography.Text>{t('findings.byCode', { date: formatViDate(asOf) })}</Typography.Text>
        {summary.loading && !counted && <Skeleton.Button active size="small" />}
        {counted && counts.length === 0 && <Tag color="success">{t('findings.none')}</Tag>}
        {counts.map(({ code: c, count }) => (
          <Tag.CheckableTag key={c} checked={code === c} onChange={(checked) => update({ code: checked ? c : null })}>
            {ruleTitle(c)[language]}{' '}
            <Badge count={count} color={code === c ? '#fff' : '#faad14'} style={code === c ? { color: '#1677ff' } : {}} />
          </Tag.CheckableTag>
        ))}
        {counted && counted.totalCount > counted.nodes.length && (
          <Typography.Text type="secondary">
            {t('findings.countsPartial', { shown: counted.nodes.length, total: counted.totalCount })}
          </Typography.Text>
        )}
      </Flex>

      {list.error && <LoadErrorAlert title={t('findings.loadError')} error={list.error} onRetry={() => void list.refetch()} />}
      {summary.error && !list.error && <Alert type="warning" showIcon title={t('findings.countsError')} />}

      <Table<FindingRow>
        rowKey="cursor"
        size="middle"
        columns={columns}
        dataSource={findings?.edges ?? []}
        loading={list.loading}
        pagination={false}
        // Narrower than its columns (a phone): the table scrolls inside its card, not the page.
        scroll={{ x: 1000 }}
        locale={{
          emptyText: list.loading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.empty')} />,
        }}
      />
      <FindingWorkDialog
        action={acting?.action ?? null}
        target={acting?.target ?? null}
        scopeId={scopeId}
        today={todayInVietnam()}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          void list.refetch();
        }}
      />
      <ListPager
        {...cursorPager({
          testId: 'findings-total',
          totalText: (count) => t('findings.total', { count }),
          shown: findings,
          answered: list.data?.findings,
          loading: list.loading,
          pages,
          size,
          update,
        })}
      />
    </Flex>
  );
}
