import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Flex, Form, Select, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { BuildingsListDocument } from '../buildings/buildings-list-documents';
import type { BuildingFilter, BuildingOrderField, BuildingsListQuery } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { buildingsMessages } from '../i18n/messages/buildings';
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
import { useSignedInUser } from '../session/session';

type BuildingRow = BuildingsListQuery['buildings']['nodes'][number];

const ORDER_FIELDS: readonly BuildingOrderField[] = ['NAME', 'APARTMENT_COUNT'];
const BOARD_STATES = ['yes', 'no'] as const;

/**
 * Apartment buildings on a date: search, ward, with/without a board, sortable by name or size.
 * A building without a board links to establishing one, for those who may write.
 */
export function BuildingsPage() {
  const { t } = useMessages(buildingsMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const { asOf } = useAsOf(params.get('asOf'));
  const q = params.get('q') ?? '';
  const ward = params.get('ward') ?? undefined;
  const board = oneOf(BOARD_STATES, params.get('board'));
  const size = pageSizeFromParam(params.get('size'));
  const sort = sortFromParams(params, ORDER_FIELDS, { field: 'NAME', direction: 'ASC' });
  const pages = useCursorPages(JSON.stringify([q, ward, board, asOf, size, sort]));

  const filter: BuildingFilter = {};
  if (q) filter.name = { search: q };
  if (ward) filter.withinUnitId = ward;
  if (board) filter.hasBoard = board === 'yes';
  const { data, previousData, loading, error, refetch } = useQuery(BuildingsListDocument, {
    variables: { asOf, filter, orderBy: [sort], first: size, after: pages.after },
    errorPolicy: 'all',
  });
  const buildings = (data ?? previousData)?.buildings;
  const { onlyForbidden } = forbiddenParts(error, data !== undefined);

  const columns: TableProps<BuildingRow>['columns'] = [
    {
      key: 'NAME',
      title: t('buildings.list.column.name'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'NAME'),
      render: (_: unknown, b) => (
        <Flex vertical>
          <Link to={recordPath('ApartmentBuilding', b.id, asOf)}>
            <Typography.Text strong>{b.name}</Typography.Text>
          </Link>
          {b.address && <Typography.Text type="secondary">{b.address}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'group',
      title: t('buildings.list.column.group'),
      render: (_: unknown, b) => (
        <Flex vertical>
          <Link to={recordPath('AdministrativeUnit', b.residentialGroup.id, asOf)}>{unitLabel(b.residentialGroup)}</Link>
          {b.residentialGroup.parent && <Typography.Text type="secondary">{unitLabel(b.residentialGroup.parent)}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'blocks', title: t('buildings.list.column.blocks'), align: 'right', render: (_: unknown, b) => b.blockCount },
    {
      key: 'APARTMENT_COUNT',
      title: t('buildings.list.column.apartments'),
      align: 'right',
      sorter: true,
      sortOrder: columnSortOrder(sort, 'APARTMENT_COUNT'),
      render: (_: unknown, b) => b.apartmentCount.toLocaleString('vi-VN'),
    },
    {
      key: 'board',
      title: t('buildings.list.column.board'),
      render: (_: unknown, b) => {
        if (b.board) return <Link to={recordPath('Organization', b.board.id, asOf)}>{b.board.name}</Link>;
        return (
          <Flex gap={8} align="center">
            <Tag color="orange">{t('lists.none')}</Tag>
            {user.permissions.canWrite && !b.complex && (
              <Link to={`/boards/establish?buildingId=${encodeURIComponent(b.id)}`}>
                <Button size="small" icon={<PlusOutlined />}>
                  {t('buildings.list.establish')}
                </Button>
              </Link>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <ListPage<BuildingRow>
      title={t('buildings.list.title')}
      filters={
        <>
          <Form.Item>
            <SearchBox label={t('lists.search')} value={q} onSearch={(value) => update({ q: value })} />
          </Form.Item>
          <Form.Item label={t('lists.ward')} htmlFor="buildings-ward">
            <WardSelect id="buildings-ward" asOf={asOf} value={ward} onChange={(value) => update({ ward: value ?? null })} />
          </Form.Item>
          <Form.Item label={t('buildings.list.hasBoard')} htmlFor="buildings-board">
            <Select<string>
              id="buildings-board"
              style={{ width: 200 }}
              value={board ?? ''}
              onChange={(value) => update({ board: value || null })}
              options={[
                { value: '', label: t('buildings.list.hasBoard.all') },
                { value: 'yes', label: t('buildings.list.hasBoard.yes') },
                { value: 'no', label: t('buildings.list.hasBoard.no') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('lists.asOf')} htmlFor="buildings-as-of">
            <AsOfPicker id="buildings-as-of" value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </>
      }
      loading={loading}
      error={error}
      onlyForbidden={onlyForbidden}
      errorTitle={t('buildings.list.loadError')}
      onRetry={() => void refetch()}
      columns={columns}
      rows={buildings?.nodes ?? []}
      emptyText={t('buildings.list.empty')}
      onSort={(sorter) => update(sortChange(sorter, ORDER_FIELDS))}
      pager={cursorPager({
        testId: 'buildings-total',
        totalText: (count) => t('buildings.list.total', { count }),
        shown: buildings,
        answered: data?.buildings,
        loading,
        pages,
        size,
        update,
      })}
    />
  );
}
