import { formatViDate } from '@coso/domain';
import { Alert, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { LoadErrorAlert } from '../lists/load-error-alert';

import { ExportButtons } from '../report/export-buttons';
import { FiguresTable } from '../report/figures-table';
import { PartyDocumentForm } from '../report/party-document-form';
import { type DrillDown, RecordsDrawer } from '../report/records-drawer';
import { ReportControls } from '../report/report-controls';
import { useDirectiveReport } from '../report/use-directive-report';
import { useReportScope } from '../report/use-report-scope';

/**
 * The review report of a directive for a place and period: the narrative paragraph, every figure
 * with its definition, its per-ward breakdown and the records it counts, the Word and Excel
 * exports, and the Word report as a party document (the tasks ahead, saved; number, recipients, signer). Place and period live in the address (?scope=&from=&to=).
 */
export function DirectiveReportPage() {
  const { t, language } = useMessages(reportMessages);
  const scope = useReportScope('to');
  const { report: shown, stale, loading, error, refetch } = useDirectiveReport(scope);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const shownVariables = shown ? { directiveId: shown.directiveId, scopeId: shown.scopeId, from: shown.from, to: shown.to } : null;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('report.title')}
      </Typography.Title>
      <ReportControls report={scope} dateParam="to" withFrom />

      {scope.error !== undefined && <LoadErrorAlert title={t('report.directivesError')} error={scope.error} onRetry={scope.refetch} />}
      {!scope.loading && !scope.error && scope.directives.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noDirective')} />
      )}
      {error && <LoadErrorAlert title={t('report.loadError')} error={error} onRetry={() => void refetch()} />}
      {loading && !shown && <Skeleton active paragraph={{ rows: 8 }} />}

      {shown && (
        <>
          <Card>
            <Flex vertical gap={8}>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('report.heading', { code: shown.directiveCode, scope: shown.scopeName })}
              </Typography.Title>
              <Typography.Text type="secondary">{shown.directiveTitle}</Typography.Text>
              <Typography.Text data-testid="report-period">
                {t('report.period', { from: formatViDate(shown.from), to: formatViDate(shown.to) })}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: '8px 0', fontSize: 15 }} data-testid="report-narrative">
                {shown.narrative[language]}
              </Typography.Paragraph>
              <ExportButtons params={stale ? null : shownVariables} />
            </Flex>
          </Card>
          {stale && <Alert type="info" showIcon title={t('report.refreshing')} />}
          <Space wrap>
            <Link to={`/findings?scope=${encodeURIComponent(shown.scopeId)}&asOf=${shown.to}`}>{t('report.toFindings')}</Link>
            <Link to={`/dashboard?scope=${encodeURIComponent(shown.scopeId)}&to=${shown.to}`}>{t('report.toDashboard')}</Link>
          </Space>
          <FiguresTable figures={shown.figures} onDrill={setDrill} />
          <PartyDocumentForm params={stale ? null : shownVariables} />
          {shownVariables && <RecordsDrawer drill={drill} report={shownVariables} onClose={() => setDrill(null)} />}
        </>
      )}
    </Flex>
  );
}
