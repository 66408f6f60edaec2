import { useQuery } from '@apollo/client/react';
import { Card, Empty, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { RecordHistoryQuery } from '../gql/graphql';
import type { KeysOf, Language } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { LoadErrorAlert } from '../lists/load-error-alert';
import { recordPathOrNull } from '../lists/record-links';
import { changedFields, displayDateTime, displayValue, type FieldChange, fieldName, newestFirst, operationKind } from './history-diff';
import { type NamedReference, namedReferences, referencedIds, referenceOf } from './history-references';
import { RecordHistoryDocument, RecordHistoryReferencesDocument } from './record-documents';

type Entry = RecordHistoryQuery['history'][number];

/** Workflows with a name of their own; other operations show their code. */
const WORKFLOW_LABELS: Partial<Record<string, KeysOf<typeof recordsMessages>>> = {
  establishBoard: 'records.operation.establishBoard',
  consolidateBoard: 'records.operation.consolidateBoard',
  recordReorganisation: 'records.operation.recordReorganisation',
};

const KIND_COLORS = { create: 'green', update: 'blue', end: 'volcano', cascade: 'orange', workflow: 'purple' } as const;

const PAGE_SIZE = 20;

/** The records the trail's ids point to, by global id (those named; the others keep their short code). */
type Names = ReadonlyMap<string, NamedReference>;

/** A referenced record by name, linked to its page when it has one. */
function ReferenceName({ named }: { named: NamedReference }) {
  const path = recordPathOrNull(named.type, named.id);
  return path ? <Link to={path}>{named.name}</Link> : named.name;
}

/**
 * A stored value: a record id by the referenced record's name when it could be read, anything
 * else as `displayValue` shows it. An id that could not be named (out of the viewer's territory,
 * or gone) keeps its short code, with `unnamedHint` as its tooltip once the names have come.
 */
function changeValue(
  field: string,
  value: unknown,
  entityType: string,
  names: Names,
  unnamedHint: string | null,
  language: Language,
): ReactNode {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  // A value made of fields (a member: role and person): each field by its label, its ids by name.
  if (items.some((item) => typeof item === 'object' && item !== null)) {
    return items.map((item, i) => (
      // A stored value's items never move, and a list of members holds each once: their JSON is their key.
      <Fragment key={JSON.stringify(item)}>
        {i > 0 ? '; ' : null}
        {typeof item === 'object' && item !== null
          ? Object.entries(item)
              .filter(([, v]) => v !== null && v !== undefined)
              .map(([key, v], j) => (
                <Fragment key={key}>
                  {j > 0 ? ', ' : null}
                  {fieldName(key, language)}: {changeValue(key, v, entityType, names, unnamedHint, language)}
                </Fragment>
              ))
          : changeValue(field, item, entityType, names, unnamedHint, language)}
      </Fragment>
    ));
  }
  const refs = items.map((item) => referenceOf(field, entityType, item));
  if (!refs.some(Boolean)) return displayValue(field, value, language);
  return items.map((item, i) => {
    const ref = refs[i];
    const named = ref ? names.get(ref.id) : undefined;
    const shown = displayValue(field, item, language);
    return (
      <Fragment key={String(item)}>
        {i > 0 ? ', ' : null}
        {named ? <ReferenceName named={named} /> : ref && unnamedHint ? <span title={unnamedHint}>{shown}</span> : shown}
      </Fragment>
    );
  });
}

interface ChangeListProps {
  changes: FieldChange[];
  create: boolean;
  entityType: string;
  names: Names;
  /** Whether the names have been asked for and answered (until then an id shows its short code, without a hint). */
  namesDone: boolean;
}

function ChangeList({ changes, create, entityType, names, namesDone }: ChangeListProps) {
  const { t, language } = useMessages(recordsMessages);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('records.history.noFieldChange')}</Typography.Text>;
  const unnamedHint = namesDone ? t('records.history.unnamedReference') : null;
  const value = (field: string, v: unknown) => changeValue(field, v, entityType, names, unnamedHint, language);
  return (
    <Flex vertical gap={2}>
      {changes.map((c) => (
        <Typography.Text key={c.field}>
          <Typography.Text strong>{fieldName(c.field, language)}:</Typography.Text>{' '}
          {create ? (
            value(c.field, c.after)
          ) : (
            <>
              <Typography.Text delete type="secondary">
                {value(c.field, c.before)}
              </Typography.Text>
              {' → '}
              {value(c.field, c.after)}
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
  const entries = useMemo(() => newestFirst(data?.history ?? []), [data]);

  // The page of the table shown (back to the first for another record).
  const [shownPage, setShownPage] = useState({ id, page: 1 });
  const page = shownPage.id === id ? shownPage.page : 1;
  const paged = entries.length > PAGE_SIZE;
  const visible = useMemo(() => (paged ? entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : entries), [entries, paged, page]);

  // Every record the visible changes point to, named in one request. Some may be out of the
  // viewer's territory (FORBIDDEN, null): they keep their short code, and no error is shown.
  const ids = useMemo(() => referencedIds(visible), [visible]);
  const references = useQuery(RecordHistoryReferencesDocument, { variables: { ids }, skip: ids.length === 0, errorPolicy: 'all' });
  const referencedNodes = references.data?.nodes;
  const names = useMemo(() => namedReferences(referencedNodes), [referencedNodes]);
  const namesDone = ids.length > 0 && !references.loading;

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
      render: (_: unknown, e) => (
        <ChangeList
          changes={changedFields(e.before, e.after)}
          create={operationKind(e.operation) === 'create'}
          entityType={e.entityType}
          names={names}
          namesDone={namesDone}
        />
      ),
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
          pagination={
            paged ? { current: page, pageSize: PAGE_SIZE, showSizeChanger: false, onChange: (p) => setShownPage({ id, page: p }) } : false
          }
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
