import { FileTextOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { formatViDate } from '@coso/domain';
import { Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Space, Statistic, Table, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { FindingWorkCard } from '../dashboard/finding-work-card';
import { GroupProgressCard } from '../dashboard/group-progress-card';
import { WardBars } from '../dashboard/ward-bars';
import { COUNT_FIGURES, PROGRESS_FIGURES, totalCells, type WardCell, type WardRow, wardTable } from '../dashboard/ward-table';
import { countByWard } from '../findings/finding-counts';
import { FindingsSummaryDocument } from '../findings/findings-documents';
import { useMessages } from '../i18n/language';
import { dashboardMessages } from '../i18n/messages/dashboard';
import { reportMessages } from '../i18n/messages/report';
import { LoadErrorAlert } from '../lists/load-error-alert';

import { figureText, percentOf, percentText } from '../report/figure-format';
import { ReportControls } from '../report/report-controls';
import type { ReportFigure } from '../report/report-types';
import { useDirectiveReport } from '../report/use-directive-report';
import { useReportScope } from '../report/use-report-scope';

/** The headline cards, in order; a figure the report lacks is left out. */
const HEADLINE = ['residentialGroups', 'apartmentGroupsWithCell', 'boardsEstablished', 'boardsConsolidated', 'boardHeadsTrainedFireSafety'];
/** The per-ward table's columns. */
const TABLE_FIGURES = [
  'residentialGroups',
  'apartmentGroupsWithCell',
  'boardsEstablished',
  'boardsConsolidated',
  'boardHeadsTrainedFireSafety',
];

/**
 * Where the directive stands, ward by ward: headline figures, a bar per ward for the chosen
 * figure, the numbers per ward with their gaps, and the way into the report and the findings.
 * The same report query as the report page (one cached answer for both).
 */
export function DashboardPage() {
  const { t, language } = useMessages(dashboardMessages, reportMessages);
  const scope = useReportScope('to');
  const { report, stale, loading, error, refetch } = useDirectiveReport(scope);
  // Asked alongside the report (same place and date), not after it.
  const findings = useQuery(FindingsSummaryDocument, {
    variables: { scopeId: scope.scopeId ?? '', asOf: scope.date, wardIds: null },
    skip: !scope.scopeId,
  });
  const figures = report?.figures ?? [];
  const figure = (key: string): ReportFigure | undefined => figures.find((f) => f.key === key);
  const chartKeys = [...PROGRESS_FIGURES, ...COUNT_FIGURES].filter((key) => figure(key));
  const wanted = scope.params.get('chart');
  const chartKey = chartKeys.find((k) => k === wanted) ?? chartKeys[0];
  const rows = wardTable(figures, [...new Set([...TABLE_FIGURES, ...chartKeys])]);
  const findingCounts = findings.data ? countByWard(findings.data.findings.nodes) : null;
  const reportLink = report ? `/directive-report?scope=${encodeURIComponent(report.scopeId)}&to=${report.to}` : '/directive-report';
  const findingsLink = (wardId?: string | null) =>
    report
      ? `/findings?scope=${encodeURIComponent(report.scopeId)}&asOf=${report.to}${wardId ? `&ward=${encodeURIComponent(wardId)}` : ''}`
      : '/findings';

  const singleWardId = rows.length === 1 ? (rows[0]?.wardId ?? null) : null;
  const tableKeys = TABLE_FIGURES.filter((key) => figure(key));
  const totals = totalCells(figures, tableKeys);
  const cellText = (cell: WardCell | undefined) => {
    if (!cell) return '—';
    const percent = percentOf(cell.value, cell.denominator);
    return (
      <span>
        {figureText(cell.value, cell.denominator)}
        {percent !== null && percent < 100 && (
          <Typography.Text type="warning" style={{ marginInlineStart: 6, fontSize: 12 }}>
            ({percentText(percent, language)})
          </Typography.Text>
        )}
      </span>
    );
  };

  const columns: TableProps<WardRow>['columns'] = [
    {
      title: t('report.ward'),
      dataIndex: 'wardName',
      fixed: 'start',
      render: (_: unknown, r) => <Typography.Text strong>{r.wardName}</Typography.Text>,
    },
    ...tableKeys.map((key) => ({
      title: figure(key)?.label[language],
      key,
      align: 'right' as const,
      render: (_: unknown, r: WardRow) => cellText(r.cells[key]),
    })),
    {
      title: t('dashboard.findings'),
      key: 'findings',
      align: 'right',
      render: (_: unknown, r) => {
        if (!findingCounts) return findings.loading ? '…' : '—';
        const count = findingCounts.get(r.wardId) ?? 0;
        return count === 0 ? '0' : <Link to={findingsLink(r.wardId)}>{count}</Link>;
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space wrap>
          <Link to={reportLink}>
            <Button type="primary" icon={<FileTextOutlined />}>
              {t('dashboard.toReport')}
            </Button>
          </Link>
          <Link to={findingsLink()}>
            <Button icon={<WarningOutlined />}>{t('dashboard.toFindings')}</Button>
          </Link>
        </Space>
      </Flex>
      <ReportControls report={scope} dateParam="to" withFrom />

      {scope.error !== undefined && <LoadErrorAlert title={t('report.directivesError')} error={scope.error} onRetry={scope.refetch} />}
      {!scope.loading && !scope.error && scope.directives.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noDirective')} />
      )}
      {error && <LoadErrorAlert title={t('report.loadError')} error={error} onRetry={() => void refetch()} />}
      {loading && !report && <Skeleton active paragraph={{ rows: 6 }} />}

      {report && (
        <Flex vertical gap={16} style={stale ? { opacity: 0.6 } : undefined} aria-busy={stale}>
          <Typography.Text type="secondary" data-testid="dashboard-subtitle">
            {t('dashboard.subtitle', { code: report.directiveCode, scope: report.scopeName, date: formatViDate(report.to) })}
          </Typography.Text>

          <Row gutter={[16, 16]}>
            {HEADLINE.map((key) => {
              const f = figure(key);
              if (!f) return null;
              const percent = percentOf(f.value, f.denominator);
              return (
                <Col key={key} xs={24} sm={12} lg={8} xl={4}>
                  <Card size="small" style={{ height: '100%' }}>
                    <Statistic title={f.label[language]} value={figureText(f.value, f.denominator)} />
                    {percent !== null && (
                      <Typography.Text type={percent < 100 ? 'warning' : 'success'}>{percentText(percent, language)}</Typography.Text>
                    )}
                  </Card>
                </Col>
              );
            })}
            <Col xs={24} sm={12} lg={8} xl={4}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic
                  title={t('dashboard.findings')}
                  value={findings.data ? findings.data.findings.totalCount : '…'}
                  valueStyle={findings.data && findings.data.findings.totalCount > 0 ? { color: '#d46b08' } : undefined}
                />
                <Link to={findingsLink()}>{t('dashboard.seeFindings')}</Link>
              </Card>
            </Col>
          </Row>

          {/* The findings-as-work card (open, overdue, resolved per ward) goes here, between the headline and the bars. */}

          {/* One ward (a ward officer's place): its progress group by group instead of one bar. */}
          {singleWardId && <GroupProgressCard wardId={singleWardId} asOf={report.to} findingsLink={findingsLink(singleWardId)} />}
          {chartKey && !singleWardId && (
            <Card
              title={t('dashboard.byWard')}
              extra={
                <Select<string>
                  aria-label={t('dashboard.chartFigure')}
                  style={{ width: 340 }}
                  value={chartKey}
                  onChange={(key) => scope.update({ chart: key === chartKeys[0] ? null : key })}
                  options={chartKeys.map((key) => ({ value: key, label: figure(key)?.label[language] ?? key }))}
                />
              }
            >
              <Typography.Paragraph type="secondary">{figure(chartKey)?.definition[language]}</Typography.Paragraph>
              <WardBars rows={rows} figureKey={chartKey} label={figure(chartKey)?.label[language] ?? chartKey} />
            </Card>
          )}

          <Card title={t('dashboard.wardNumbers')}>
            <Table<WardRow>
              rowKey={(r) => r.wardId ?? `none:${r.wardName}`}
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              // Headers wrap to fit a desk screen (1366 px, menu open); a narrower screen scrolls inside the card.
              scroll={{ x: 880 }}
              summary={() =>
                rows.length > 1 && (
                  <Table.Summary.Row data-testid="ward-total">
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('dashboard.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    {tableKeys.map((key, i) => (
                      <Table.Summary.Cell key={key} index={i + 1} align="right">
                        <Typography.Text strong>{cellText(totals[key])}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                    <Table.Summary.Cell index={tableKeys.length + 1} align="right">
                      <Typography.Text strong>{findings.data ? findings.data.findings.totalCount : '—'}</Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )
              }
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noWards')} /> }}
            />
          </Card>
          <FindingWorkCard scopeId={report.scopeId} />
        </Flex>
      )}
    </Flex>
  );
}
