import { useQuery } from '@apollo/client/react';
import { addDays, formatViDate, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@coso/domain';
import { Alert, Form, Select, type TableProps, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { UnitFilter, UnitOrderField, UnitsListQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { unitsMessages } from '../i18n/messages/units';
import { AsOfPicker } from '../lists/as-of-picker';
import { ListPage } from '../lists/list-page';
import { cursorPager } from '../lists/list-pager';
import { forbiddenParts } from '../lists/partial-errors';
import { SearchBox } from '../lists/search-box';
import { useAsOf } from '../lists/use-as-of';
import { pageSizeFromParam, useCursorPages } from '../lists/use-cursor-pages';
import { oneOf, useListParams } from '../lists/use-list-params';
import { columnSortOrder, sortChange, sortFromParams } from '../lists/use-sort';

import { UnitsListDocument } from '../places/units-documents';
import { useSignedInUser } from '../session/session';

type UnitRow = UnitsListQuery['units']['nodes'][number];

const ORDER_FIELDS: readonly UnitOrderField[] = ['NAME', 'KIND', 'VALID_FROM'];

const scopeName = (unit: { kindLabel: string | null; name: string }) => [unit.kindLabel, unit.name].filter(Boolean).join(' ');

/**
 * Administrative units on a date: server-side search (every word, diacritics optional), kind
 * filter, as-of date, cursor pages. The filters live in the address (?q=&kind=&asOf=&size=), so a
 * list can be shared and the back button works.
 */
export function UnitsPage() {
  const { t, language } = useMessages(unitsMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const scope = user.scopeUnit;
  const { asOf, fallback: fallbackAsOf, today } = useAsOf(params.get('asOf'));
  const scopeEnded = scope?.validTo != null && scope.validTo <= today ? scope.validTo : null;
  const q = params.get('q') ?? '';
  const kind = oneOf(UNIT_KINDS, params.get('kind'));
  const size = pageSizeFromParam(params.get('size'));
  const sort = sortFromParams(params, ORDER_FIELDS, { field: 'NAME', direction: 'ASC' });
  const pages = useCursorPages(JSON.stringify([q, kind, asOf, size, sort]));

  const filter: UnitFilter = {};
  if (q) filter.name = { search: q };
  if (kind) filter.kind = kind;
  // errorPolicy 'all': a unit whose parent lies outside the account's territory (a group of a
  // district that became part of a new ward) comes with a FORBIDDEN error on `parent`, and the
  // rest of the list is still worth showing.
  const { data, previousData, loading, error, refetch } = useQuery(UnitsListDocument, {
    variables: { asOf, filter, orderBy: [sort], first: size, after: pages.after },
    errorPolicy: 'all',
  });
  const units = (data ?? previousData)?.units;
  const { paths: forbiddenPaths, onlyForbidden } = forbiddenParts(error, data !== undefined);

  const columns: TableProps<UnitRow>['columns'] = [
    {
      key: 'NAME',
      title: t('units.column.name'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'NAME'),
      render: (_: unknown, unit) => (
        <Link to={`/units/${encodeURIComponent(unit.id)}?asOf=${asOf}`}>
          <Typography.Text strong>{unit.name}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'KIND',
      title: t('units.column.kind'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'KIND'),
      render: (_: unknown, unit) =>
        language === 'vi' ? (unit.kindLabel ?? UNIT_KIND_LABELS[unit.kind].vi) : UNIT_KIND_LABELS[unit.kind].en,
    },
    { key: 'code', title: t('units.column.code'), render: (_: unknown, unit) => unit.code ?? '—' },
    {
      key: 'parent',
      title: t('units.column.parent'),
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
      key: 'VALID_FROM',
      title: <Tooltip title={t('units.periodHint')}>{t('units.column.period')}</Tooltip>,
      sorter: true,
      sortOrder: columnSortOrder(sort, 'VALID_FROM'),
      render: (_: unknown, unit) =>
        unit.validTo
          ? t('units.periodClosed', { from: formatViDate(unit.validFrom), to: formatViDate(addDays(unit.validTo, -1)) })
          : t('units.periodOpen', { from: formatViDate(unit.validFrom) }),
    },
  ];

  return (
    <ListPage<UnitRow>
      title={t('units.title')}
      filters={
        <>
          <Form.Item>
            <SearchBox label={t('units.search')} value={q} onSearch={(value) => update({ q: value })} />
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
            <AsOfPicker id="units-as-of" value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </>
      }
      notice={
        scope &&
        scopeEnded && (
          <Alert
            type={asOf >= scopeEnded ? 'warning' : 'info'}
            showIcon
            title={
              asOf >= scopeEnded
                ? t('units.afterScopeEnded', { asOf: formatViDate(asOf), name: scopeName(scope), ended: formatViDate(scopeEnded) })
                : t('units.scopeEnded', { name: scopeName(scope), ended: formatViDate(scopeEnded), lastDay: formatViDate(fallbackAsOf) })
            }
          />
        )
      }
      loading={loading}
      error={error}
      onlyForbidden={onlyForbidden}
      errorTitle={t('units.loadError')}
      onRetry={() => void refetch()}
      columns={columns}
      rows={units?.nodes ?? []}
      emptyText={t('units.empty')}
      onSort={(sorter) => update(sortChange(sorter, ORDER_FIELDS))}
      pager={cursorPager({
        testId: 'units-total',
        totalText: (count) => t('units.total', { count }),
        shown: units,
        answered: data?.units,
        loading,
        pages,
        size,
        update,
      })}
    />
  );
}
