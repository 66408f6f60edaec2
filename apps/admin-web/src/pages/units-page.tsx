import { SearchOutlined } from '@ant-design/icons';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { addDays, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@coso/domain';
import { Alert, Button, DatePicker, Empty, Flex, Form, Input, Select, Table, type TableProps, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { UnitFilter, UnitsListQuery } from '../gql/graphql';
import { errorText } from '../graphql-client/error-text';
import { useI18n } from '../i18n/language';
import { asOfFromParam, defaultAsOf, displayDate, todayInHanoi } from '../places/as-of-date';
import { UnitsListDocument } from '../places/units-documents';
import { useSignedInUser } from '../session/session';

type UnitRow = UnitsListQuery['units']['nodes'][number];

const PAGE_SIZES = [20, 50, 100] as const;

const SEARCH_DELAY_MS = 300;

const scopeName = (unit: { kindLabel: string | null; name: string }) => [unit.kindLabel, unit.name].filter(Boolean).join(' ');

/**
 * Administrative units on a date: server-side search (every word, diacritics optional), kind
 * filter, as-of date, cursor pages. The filters live in the address (?q=&kind=&asOf=&size=), so a
 * list can be shared and the back button works.
 */
export function UnitsPage() {
  const { t, language } = useI18n();
  const user = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const scope = user.scopeUnit;
  const today = todayInHanoi();
  const fallbackAsOf = defaultAsOf(today, scope?.validTo);
  const scopeEnded = scope?.validTo != null && scope.validTo <= today ? scope.validTo : null;
  const q = params.get('q') ?? '';
  const kind: UnitKind | undefined = UNIT_KINDS.find((k) => k === params.get('kind'));
  const asOf = asOfFromParam(params.get('asOf'), fallbackAsOf);
  const size = PAGE_SIZES.find((s) => String(s) === params.get('size')) ?? PAGE_SIZES[0];

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The search box updates the address (and so the query) once typing pauses; an address changed
  // from outside (the menu entry, a link) updates the box.
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === q) return;
    const timer = window.setTimeout(() => update({ q: wanted }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q, update]);

  // Cursor pages: the `after` cursor of each page visited; back to page 1 when a filter changes.
  const filterKey = JSON.stringify([q, kind, asOf, size]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({ key: filterKey, cursors: [null] });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  const page = cursors.length;

  const filter: UnitFilter = {};
  if (q) filter.name = { search: q };
  if (kind) filter.kind = kind;
  // errorPolicy 'all': a unit whose parent lies outside the account's territory (a group of a
  // district that became part of a new ward) comes with a FORBIDDEN error on `parent`, and the
  // rest of the list is still worth showing.
  const { data, previousData, loading, error, refetch } = useQuery(UnitsListDocument, {
    variables: { asOf, filter, first: size, after: cursors[cursors.length - 1] ?? null },
    errorPolicy: 'all',
  });
  const units = (data ?? previousData)?.units;
  const forbiddenPaths = new Set(
    CombinedGraphQLErrors.is(error)
      ? error.errors.filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => (e.path ?? []).join('.'))
      : [],
  );
  const onlyForbidden = CombinedGraphQLErrors.is(error) && data !== undefined && forbiddenPaths.size === error.errors.length;
  const pages = units ? Math.max(1, Math.ceil(units.totalCount / size)) : 1;
  const nextCursor = data?.units.pageInfo.hasNextPage ? data.units.pageInfo.endCursor : null;

  const columns: TableProps<UnitRow>['columns'] = [
    {
      title: t('units.column.name'),
      dataIndex: 'name',
      render: (_: unknown, unit) => <Typography.Text strong>{unit.name}</Typography.Text>,
    },
    {
      title: t('units.column.kind'),
      dataIndex: 'kind',
      render: (_: unknown, unit) =>
        language === 'vi' ? (unit.kindLabel ?? UNIT_KIND_LABELS[unit.kind].vi) : UNIT_KIND_LABELS[unit.kind].en,
    },
    { title: t('units.column.code'), dataIndex: 'code', render: (_: unknown, unit) => unit.code ?? '—' },
    {
      title: t('units.column.parent'),
      dataIndex: 'parent',
      render: (_: unknown, unit, index) => {
        if (unit.parent) return [unit.parent.kindLabel, unit.parent.name].filter(Boolean).join(' ');
        return forbiddenPaths.has(`units.nodes.${index}.parent`) ? (
          <Typography.Text type="secondary">{t('units.outsideTerritory')}</Typography.Text>
        ) : (
          '—'
        );
      },
    },
    {
      title: <Tooltip title={t('units.periodHint')}>{t('units.column.period')}</Tooltip>,
      dataIndex: 'validFrom',
      render: (_: unknown, unit) =>
        unit.validTo
          ? t('units.periodClosed', { from: displayDate(unit.validFrom), to: displayDate(addDays(unit.validTo, -1)) })
          : t('units.periodOpen', { from: displayDate(unit.validFrom) }),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('units.title')}
      </Typography.Title>

      <Form layout="inline" style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item>
          <Input
            type="search"
            aria-label={t('units.search')}
            placeholder={t('units.search')}
            prefix={<SearchOutlined />}
            allowClear
            style={{ width: 320 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => update({ q: text.trim() })}
          />
        </Form.Item>
        <Form.Item label={t('units.kind')} htmlFor="units-kind">
          <Select<UnitKind | ''>
            id="units-kind"
            style={{ width: 200 }}
            value={kind ?? ''}
            onChange={(value) => update({ kind: value || null })}
            options={[
              { value: '', label: t('units.allKinds') },
              ...UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][language] })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('units.asOf')} htmlFor="units-as-of">
          <DatePicker
            id="units-as-of"
            format="DD/MM/YYYY"
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(date) => update({ asOf: date ? date.format('YYYY-MM-DD') : null })}
          />
        </Form.Item>
      </Form>

      {scope && scopeEnded && (
        <Alert
          type={asOf >= scopeEnded ? 'warning' : 'info'}
          showIcon
          title={
            asOf >= scopeEnded
              ? t('units.afterScopeEnded', { asOf: displayDate(asOf), name: scopeName(scope), ended: displayDate(scopeEnded) })
              : t('units.scopeEnded', { name: scopeName(scope), ended: displayDate(scopeEnded), lastDay: displayDate(fallbackAsOf) })
          }
        />
      )}

      {onlyForbidden && <Alert type="warning" showIcon title={t('units.partialData')} />}
      {error && !onlyForbidden && (
        <Alert
          type="error"
          showIcon
          title={t('units.loadError')}
          description={errorText(error, language)}
          action={
            <Button size="small" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      <Table<UnitRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units?.nodes ?? []}
        loading={loading}
        pagination={false}
        locale={{
          emptyText: loading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.empty')} />,
        }}
      />

      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Text data-testid="units-total">{units ? t('units.total', { count: units.totalCount }) : ''}</Typography.Text>
        <Flex align="center" gap={8}>
          <Button disabled={page <= 1 || loading} onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}>
            {t('pager.previous')}
          </Button>
          <Typography.Text>{t('pager.page', { page, pages })}</Typography.Text>
          <Button
            disabled={!nextCursor || loading}
            onClick={() => {
              if (nextCursor) setPaging({ key: filterKey, cursors: [...cursors, nextCursor] });
            }}
          >
            {t('pager.next')}
          </Button>
          <Select<number>
            aria-label={t('pager.pageSize', { size })}
            value={size}
            style={{ width: 150 }}
            onChange={(value) => update({ size: value === PAGE_SIZES[0] ? null : String(value) })}
            options={PAGE_SIZES.map((s) => ({ value: s, label: t('pager.pageSize', { size: s }) }))}
          />
        </Flex>
      </Flex>
    </Flex>
  );
}
