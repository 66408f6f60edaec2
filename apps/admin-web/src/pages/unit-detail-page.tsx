import { useQuery } from '@apollo/client/react';
import { formatViDate, ORGANIZATION_KIND_LABELS, UNIT_KIND_LABELS } from '@coso/domain';
import { Alert, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { UnitDetailQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { forbiddenParts } from '../lists/partial-errors';
import { unitLabel } from '../lists/record-links';

import { UnitDetailDocument } from '../places/unit-detail-documents';
import { DetailHeader } from '../records/detail-header';
import { currentNode, detailProblem } from '../records/detail-problem';
import { DetailLoading, DetailProblemView } from '../records/detail-states';
import { periodText } from '../records/period';
import { RecordHistory } from '../records/record-history';
import { detailPath, useAsOfInsideRecord, useDetailAsOf } from '../records/use-detail-as-of';

type Unit = Extract<NonNullable<UnitDetailQuery['node']>, { __typename: 'AdministrativeUnit' }>;
type CodeRow = Unit['codes'][number];
type ChildRow = Unit['children']['nodes'][number];

/**
 * /units/:id — an administrative unit as of a date: its code and parent then, its ancestors, the
 * codes it held over time, the units below it, the bodies serving it, its buildings and history.
 */
export function UnitDetailPage() {
  const { t, language } = useMessages(recordsMessages);
  const id = decodeURIComponent(useParams().id ?? '');
  const { asOf, setAsOf } = useDetailAsOf();
  const { data, previousData, loading, error, refetch } = useQuery(UnitDetailDocument, { variables: { id, asOf }, errorPolicy: 'all' });
  const node = currentNode(data, previousData, id);
  useAsOfInsideRecord(node?.__typename === 'AdministrativeUnit' ? node : null);
  const problem = detailProblem(error, node, 'AdministrativeUnit', loading);
  if (problem) return <DetailProblemView problem={problem} error={error} onRetry={() => void refetch()} listPath="/units" />;
  if (node?.__typename !== 'AdministrativeUnit') return <DetailLoading />;
  const unit: Unit = node;
  const { paths: forbiddenPaths, onlyForbidden } = forbiddenParts(error, true);
  const date = formatViDate(asOf);
  const kindText = language === 'vi' ? (unit.kindLabel ?? UNIT_KIND_LABELS[unit.kind].vi) : UNIT_KIND_LABELS[unit.kind].en;

  const parent = unit.parent ? (
    <Link to={detailPath('units', unit.parent.id, asOf)}>{unitLabel(unit.parent)}</Link>
  ) : forbiddenPaths.has('node.parent') ? (
    <Typography.Text type="secondary">{t('records.outsideTerritory')}</Typography.Text>
  ) : (
    t('records.unit.noParent')
  );

  return (
    <Flex vertical gap={16}>
      <DetailHeader
        title={unit.name}
        kindText={kindText}
        validFrom={unit.validFrom}
        validTo={unit.validTo}
        asOf={asOf}
        onAsOf={setAsOf}
        trail={[
          { title: t('records.unit.list'), to: `/units?asOf=${asOf}` },
          ...[...unit.ancestors].reverse().map((a) => ({ title: unitLabel(a), to: detailPath('units', a.id, asOf) })),
          { title: unitLabel(unit) },
        ]}
      />
      {onlyForbidden && <Alert type="warning" showIcon title={t('records.partialData')} />}

      <Card title={t('records.facts')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('records.unit.kind'), children: UNIT_KIND_LABELS[unit.kind][language] },
            { key: 'code', label: t('records.unit.code'), children: unit.code ?? t('records.unit.noCode') },
            { key: 'parent', label: t('records.unit.parent'), children: parent },
            { key: 'period', label: t('records.period'), children: periodText(t, unit.validFrom, unit.validTo) },
          ]}
        />
      </Card>

      <Card title={t('records.unit.codes')}>
        <Table<CodeRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={unit.codes}
          columns={[
            {
              title: t('records.unit.code.column'),
              dataIndex: 'code',
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            { title: t('records.column.period'), key: 'period', render: (_: unknown, c) => periodText(t, c.validFrom, c.validTo) },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.unit.codesEmpty')} /> }}
        />
      </Card>

      <Card
        title={t('records.unit.children', { asOf: date })}
        extra={<Typography.Text type="secondary">{t('records.unit.childrenCount', { count: unit.children.totalCount })}</Typography.Text>}
      >
        <Table<ChildRow>
          rowKey="id"
          size="small"
          pagination={unit.children.nodes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={unit.children.nodes}
          columns={[
            {
              title: t('records.column.name'),
              key: 'name',
              render: (_: unknown, c) => <Link to={detailPath('units', c.id, asOf)}>{c.name}</Link>,
            },
            {
              title: t('records.column.kind'),
              key: 'kind',
              render: (_: unknown, c) => (language === 'vi' ? (c.kindLabel ?? UNIT_KIND_LABELS[c.kind].vi) : UNIT_KIND_LABELS[c.kind].en),
            },
            { title: t('records.unit.code.column'), key: 'code', render: (_: unknown, c) => c.code ?? '—' },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.unit.childrenEmpty')} /> }}
        />
        {unit.children.totalCount > unit.children.nodes.length && (
          <Typography.Text type="secondary">
            {t('records.unit.childrenMore', { shown: unit.children.nodes.length, count: unit.children.totalCount })}
          </Typography.Text>
        )}
      </Card>

      <Card title={t('records.unit.bodies', { asOf: date })}>
        {unit.organizations.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.unit.bodiesEmpty')} />
        ) : (
          <Flex vertical gap={6}>
            {unit.organizations.map((o) => (
              <Flex key={o.id} gap={8} align="center">
                <Tag>{ORGANIZATION_KIND_LABELS[o.kind][language]}</Tag>
                <Link to={detailPath('organizations', o.id, asOf)}>{o.name}</Link>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      {(unit.kind === 'RESIDENTIAL_GROUP' || unit.buildings.totalCount > 0) && (
        <Card
          title={t('records.unit.buildings', { asOf: date })}
          extra={<Typography.Text type="secondary">{unit.buildings.totalCount}</Typography.Text>}
        >
          {unit.buildings.nodes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.unit.buildingsEmpty')} />
          ) : (
            <Flex vertical gap={6}>
              {unit.buildings.nodes.map((b) => (
                <span key={b.id}>
                  <Link to={detailPath('buildings', b.id, asOf)}>{b.name}</Link>
                  {b.address && <Typography.Text type="secondary"> — {b.address}</Typography.Text>}
                </span>
              ))}
            </Flex>
          )}
        </Card>
      )}

      <RecordHistory id={unit.id} />
    </Flex>
  );
}
