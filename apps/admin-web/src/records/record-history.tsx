import { useQuery } from '@apollo/client/react';
import { Card, Empty, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import type { RecordHistoryQuery } from '../gql/graphql';
import type { KeysOf } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { changedFields, displayDateTime, displayValue, type FieldChange, fieldName, newestFirst, operationKind } from './history-diff';
import { RecordHistoryDocument } from './record-documents';

type Entry = RecordHistoryQuery['history'][number];

/** Workflows with a name of their own; other operations show their code. */
const WORKFLOW_LABELS: Partial<Record<string, KeysOf<typeof recordsMessages>>> = {
  establishBoard: 'records.operation.establishBoard',
  consolidateBoard: 'records.operation.consolidateBoard',
  recordReorganisation: 'records.operation.recordReorganisation',
};

const KIND_COLORS = { create: 'green', update: 'blue', end: 'volcano', cascade: 'orange', workflow: 'purple' } as const;

function ChangeList({ changes, create }: { changes: FieldChange[]; create: boolean }) {
  const { t, language } = useMessages(recordsMessages);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('records.history.noFieldChange')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {changes.map((c) => (
        <Typography.Text key={c.field}>
          <Typography.Text strong>{fieldName(c.field, language)}:</Typography.Text>{' '}
          {create ? (
            displayValue(c.field, c.after, language)
          ) : (
            <>
              <Typography.Text delete type="secondary">
                {displayValue(c.field, c.before, language)}
              </Typography.Text>
              {' → '}
              {displayValue(c.field, c.after, language)}
            </>
          )}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/**
 * A record's audit trail (`history(id:)`), newest first: when, who, what operation, and each field
 * it changed, before → after. Personal values come masked for roles that see them masked.
 */
export function RecordHistory({ id }: { id: string }) {
  const { t } = useMessages(recordsMessages);
  const { data, loading, error, refetch } = useQuery(RecordHistoryDocument, { variables: { id } });
  const entries = newestFirst(data?.history ?? []);

  const operationText = (operation: string) => {
    const kind = operationKind(operation);
    const workflow = WORKFLOW_LABELS[operation];
    const text = workflow ? t(workflow) : t(`records.operation.${kind}`);
    return (
      <Tag color={KIND_COLORS[kind]} title={operation}>
        {text}
      </Tag>
    );
  };

  const columns: TableProps<Entry>['columns'] = [
    { title: t('records.history.at'), dataIndex: 'at', width: 150, render: (_: unknown, e) => displayDateTime(e.at) },
    { title: t('records.history.actor'), dataIndex: 'actor', width: 160 },
    { title: t('records.history.operation'), dataIndex: 'operation', width: 190, render: (_: unknown, e) => operationText(e.operation) },
    {
      title: t('records.history.changes'),
      key: 'changes',
      render: (_: unknown, e) => <ChangeList changes={changedFields(e.before, e.after)} create={operationKind(e.operation) === 'create'} />,
    },
  ];

  return (
    <Card
      title={t('records.history.title')}
      extra={data ? <Typography.Text type="secondary">{t('records.history.count', { count: entries.length })}</Typography.Text> : null}
      data-testid="record-history"
    >
      {error ? (
        <LoadErrorAlert title={t('records.history.loadError')} error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Entry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={entries}
          loading={loading}
          pagination={entries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{
            emptyText: loading ? (
              t('common.loading')
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.history.empty')} />
            ),
          }}
        />
      )}
    </Card>
  );
}
