import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { ruleTitle } from '../findings/finding-rule';
import { GroupProgressDocument } from '../findings/findings-documents';
import { useMessages } from '../i18n/language';
import { dashboardMessages } from '../i18n/messages/dashboard';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { type GroupProgressRow, groupProgress } from './group-progress';

/**
 * A ward's progress group by group (what a ward officer acts on): every residential group of the
 * ward on the date, "meets the requirements" or the gaps it has left, named by rule. Shown instead
 * of the one-bar-per-ward chart when the dashboard's place is a single ward.
 */
export function GroupProgressCard({ wardId, asOf, findingsLink }: { wardId: string; asOf: string; findingsLink: string }) {
  const { t, language } = useMessages(dashboardMessages);
  const { data, loading, error, refetch } = useQuery(GroupProgressDocument, { variables: { wardId, asOf } });
  const rows = data ? groupProgress(data.units.nodes, data.findings.nodes) : [];
  const partial = data ? data.units.totalCount > data.units.nodes.length || data.findings.totalCount > data.findings.nodes.length : false;
  return (
    <Card title={t('dashboard.byGroup')} data-testid="group-progress">
      <Typography.Paragraph type="secondary">{t('dashboard.byGroupHint')}</Typography.Paragraph>
      {error && <LoadErrorAlert title={t('dashboard.byGroup')} error={error} onRetry={() => void refetch()} />}
      {partial && <Alert type="warning" showIcon message={t('dashboard.groupsPartial')} style={{ marginBottom: 12 }} />}
      <Table<GroupProgressRow>
        rowKey="groupId"
        size="small"
        loading={loading && !data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        onRow={() => ({ 'data-testid': 'group-progress-row' }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('dashboard.group'),
            dataIndex: 'groupName',
            render: (_: unknown, r) => <Link to={`/units/${encodeURIComponent(r.groupId)}?asOf=${asOf}`}>{r.groupName}</Link>,
          },
          {
            title: t('dashboard.findings'),
            render: (_: unknown, r) =>
              r.gaps === 0 ? (
                <Tag color="success">{t('dashboard.groupDone')}</Tag>
              ) : (
                <Link to={findingsLink}>
                  <Tag color="warning">{t('dashboard.groupGaps', { count: r.gaps })}</Tag>
                </Link>
              ),
          },
          {
            title: t('dashboard.groupGapList'),
            render: (_: unknown, r) => (
              <Flex vertical gap={2}>
                {r.codes.map((code) => (
                  <Typography.Text key={code} style={{ fontSize: 13 }}>
                    {ruleTitle(code)[language]}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
        ]}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noWards')} /> }}
      />
    </Card>
  );
}
