import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { formatViDate, ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS, type OrganizationKind } from '@coso/domain';
import { Button, Flex, Form, Select, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import type { OrganizationFilter, OrganizationOrderField, OrganizationsListQuery } from '../gql/graphql';
import type { KeysOf } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { organizationsMessages } from '../i18n/messages/organizations';
import { ImportFromExcelButton } from '../imports/import-from-excel-button';
import { AsOfPicker } from '../lists/as-of-picker';
import { ListPage } from '../lists/list-page';
import { cursorPager } from '../lists/list-pager';
import { forbiddenParts } from '../lists/partial-errors';
import { recordPath, unitLabel } from '../lists/record-links';
import { SearchBox } from '../lists/search-box';
import { useAsOf } from '../lists/use-as-of';
import { pageSizeFromParam, useCursorPages } from '../lists/use-cursor-pages';
import { oneOf, useListParams } from '../lists/use-list-params';
import { columnSortOrder, sortChange, sortFromParams } from '../lists/use-sort';
import { WardSelect } from '../lists/ward-select';
import { memberCount } from '../organizations/member-count';
import { OrganizationsListDocument } from '../organizations/organizations-list-documents';

import { useSignedInUser } from '../session/session';

type OrganizationRow = OrganizationsListQuery['organizations']['nodes'][number];

const ORDER_FIELDS: readonly OrganizationOrderField[] = ['NAME', 'KIND', 'VALID_FROM'];

/** The import kind (the wizard's `?kind=`) of a list of one kind of body that can be imported. */
const IMPORT_KIND_OF_BODIES: Partial<Record<OrganizationKind, string>> = { MANAGEMENT_BOARD: 'boards', PARTY_CELL: 'party-cells' };

function titleKey(kinds: readonly OrganizationKind[] | undefined): KeysOf<typeof organizationsMessages> {
  if (kinds?.length === 1 && kinds[0] === 'MANAGEMENT_BOARD') return 'organizations.list.boardsTitle';
  if (kinds?.length === 1 && kinds[0] === 'PARTY_CELL') return 'organizations.list.cellsTitle';
  return 'organizations.list.title';
}

/**
 * Bodies alive on a date. `kinds` fixes the kind (the boards and party-cells menu entries);
 * without it the user filters by kind. Search, ward, sort by name, kind or founding date.
 */
export function OrganizationsPage({ kinds }: { kinds?: readonly OrganizationKind[] }) {
  const importKind = kinds?.length === 1 && kinds[0] ? IMPORT_KIND_OF_BODIES[kinds[0]] : undefined;
  const { t, language } = useMessages(organizationsMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const { asOf } = useAsOf(params.get('asOf'));
  const q = params.get('q') ?? '';
  const ward = params.get('ward') ?? undefined;
  const chosenKind = kinds ? undefined : oneOf(ORGANIZATION_KINDS, params.get('kind'));
  const size = pageSizeFromParam(params.get('size'));
  const sort = sortFromParams(params, ORDER_FIELDS, { field: 'NAME', direction: 'ASC' });
  const pages = useCursorPages(JSON.stringify([kinds, q, ward, chosenKind, asOf, size, sort]));
  const boardsOnly = kinds?.length === 1 && kinds[0] === 'MANAGEMENT_BOARD';

  const filter: OrganizationFilter = {};
  if (q) filter.name = { search: q };
  if (ward) filter.withinUnitId = ward;
  if (kinds) filter.kindIn = [...kinds];
  else if (chosenKind) filter.kind = chosenKind;
  const { data, previousData, loading, error, refetch } = useQuery(OrganizationsListDocument, {
    variables: { asOf, filter, orderBy: [sort], first: size, after: pages.after, party: user.permissions.seesPartyData },
    errorPolicy: 'all',
  });
  const organizations = (data ?? previousData)?.organizations;
  const { onlyForbidden } = forbiddenParts(error, data !== undefined);

  const columns: TableProps<OrganizationRow>['columns'] = [
    {
      key: 'NAME',
      title: t('organizations.list.column.name'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'NAME'),
      render: (_: unknown, o) => (
        <Link to={recordPath('Organization', o.id, asOf)}>
          <Typography.Text strong>{o.name}</Typography.Text>
        </Link>
      ),
    },
    ...(kinds
      ? []
      : [
          {
            key: 'KIND',
            title: t('organizations.list.column.kind'),
            sorter: true,
            sortOrder: columnSortOrder(sort, 'KIND'),
            render: (_: unknown, o: OrganizationRow) => ORGANIZATION_KIND_LABELS[o.kind][language],
          },
        ]),
    {
      key: 'serves',
      title: t('organizations.list.column.serves'),
      render: (_: unknown, o) => {
        if (o.building) return <Link to={recordPath('ApartmentBuilding', o.building.id, asOf)}>{o.building.name}</Link>;
        if (o.areas.length === 0) return '—';
        return (
          <Flex vertical>
            {o.areas.map((a) => (
              <Link key={a.id} to={recordPath('AdministrativeUnit', a.id, asOf)}>
                {unitLabel(a)}
              </Link>
            ))}
          </Flex>
        );
      },
    },
    {
      key: 'parent',
      title: t('organizations.list.column.parent'),
      render: (_: unknown, o) => (o.parent ? <Link to={recordPath('Organization', o.parent.id, asOf)}>{o.parent.name}</Link> : '—'),
    },
    {
      key: 'members',
      title: t('organizations.list.column.members'),
      align: 'right',
      render: (_: unknown, o) => {
        const count = memberCount(o, user.permissions.seesPartyData);
        return count.kind === 'count' ? (
          count.count
        ) : (
          <Typography.Text type="secondary" title={t('organizations.list.hiddenHint')}>
            {t('organizations.list.hidden')}
          </Typography.Text>
        );
      },
    },
    {
      key: 'VALID_FROM',
      title: t('organizations.list.column.since'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'VALID_FROM'),
      render: (_: unknown, o) => formatViDate(o.validFrom),
    },
  ];

  return (
    <ListPage<OrganizationRow>
      title={t(titleKey(kinds))}
      exportRequest={{
        document: OrganizationsListDocument,
        variables: { asOf, filter, orderBy: [sort] },
        title: organizationsMessages.vi[titleKey(kinds)],
        filters: [
          ...(q ? [`Tìm: “${q}”`] : []),
          ...(ward ? [`Phường (mã bản ghi): ${ward}`] : []),
          ...(!kinds && chosenKind ? [`Loại: ${ORGANIZATION_KIND_LABELS[chosenKind].vi}`] : []),
        ],
      }}
      actions={
        user.permissions.canWrite && (
          <>
            {boardsOnly && (
              <Link to="/boards/establish">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('organizations.list.establishBoard')}
                </Button>
              </Link>
            )}
            {importKind && <ImportFromExcelButton kind={importKind} />}
          </>
        )
      }
      filters={
        <>
          <Form.Item>
            <SearchBox label={t('lists.search')} value={q} onSearch={(value) => update({ q: value })} />
          </Form.Item>
          {!kinds && (
            <Form.Item label={t('organizations.list.kind')} htmlFor="organizations-kind">
              <Select<OrganizationKind | ''>
                id="organizations-kind"
                style={{ width: 260 }}
                value={chosenKind ?? ''}
                onChange={(value) => update({ kind: value || null })}
                options={[
                  { value: '', label: t('organizations.list.allKinds') },
                  ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k][language] })),
                ]}
              />
            </Form.Item>
          )}
          <Form.Item label={t('lists.ward')} htmlFor="organizations-ward">
            <WardSelect id="organizations-ward" asOf={asOf} value={ward} onChange={(value) => update({ ward: value ?? null })} />
          </Form.Item>
          <Form.Item label={t('lists.asOf')} htmlFor="organizations-as-of">
            <AsOfPicker id="organizations-as-of" value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </>
      }
      loading={loading}
      error={error}
      onlyForbidden={onlyForbidden}
      errorTitle={t('organizations.list.loadError')}
      onRetry={() => void refetch()}
      columns={columns}
      rows={organizations?.nodes ?? []}
      emptyText={t('organizations.list.empty')}
      onSort={(sorter) => update(sortChange(sorter, ORDER_FIELDS))}
      pager={cursorPager({
        testId: 'organizations-total',
        totalText: (count) => t('organizations.list.total', { count }),
        shown: organizations,
        answered: data?.organizations,
        loading,
        pages,
        size,
        update,
      })}
    />
  );
}
