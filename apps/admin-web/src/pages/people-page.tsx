import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { PARTY_STATUS_LABELS, PARTY_STATUSES, type PartyStatus, SEX_LABELS, SEXES, type Sex } from '@coso/domain';
import { Button, Flex, Form, Select, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { PeopleListQuery, PersonFilter, PersonOrderField } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { peopleListMessages } from '../i18n/messages/people-list';
import { ImportFromExcelButton } from '../imports/import-from-excel-button';
import { AsOfPicker } from '../lists/as-of-picker';
import { ListPage } from '../lists/list-page';
import { cursorPager } from '../lists/list-pager';
import { forbiddenParts } from '../lists/partial-errors';
import { recordPath } from '../lists/record-links';
import { SearchBox } from '../lists/search-box';
import { useAsOf } from '../lists/use-as-of';
import { pageSizeFromParam, useCursorPages } from '../lists/use-cursor-pages';
import { oneOf, useListParams } from '../lists/use-list-params';
import { columnSortOrder, sortChange, sortFromParams } from '../lists/use-sort';
import { WardSelect } from '../lists/ward-select';
import { PeopleListDocument, PeoplePlaceDocument, PeopleSearchPlacesDocument } from '../people/people-list-documents';
import { unitOptionLabel } from '../records/unit-options';
import { useSignedInUser } from '../session/session';

type PersonRow = PeopleListQuery['people']['nodes'][number];

const ORDER_FIELDS: readonly PersonOrderField[] = ['NAME', 'BIRTH_YEAR'];

/** A value the server masked (*********345): shown as it came, with a hint why. */
function Masked({ value, hint }: { value: string | null; hint: string }) {
  if (!value) return <>—</>;
  if (!value.includes('*')) return <>{value}</>;
  return (
    <Tooltip title={hint}>
      <Typography.Text type="secondary">{value}</Typography.Text>
    </Tooltip>
  );
}

/**
 * People whose record is current on a date, in Vietnamese name order: search, ward of residence,
 * sex, and party status for the roles that may see party data. Personal data comes masked from
 * the server for roles that do not keep the records.
 */
export function PeoplePage() {
  const { t, language } = useMessages(peopleListMessages);
  const user = useSignedInUser();
  const { params, update } = useListParams();
  const { asOf } = useAsOf(params.get('asOf'));
  const q = params.get('q') ?? '';
  const ward = params.get('ward') ?? undefined;
  // A place offered when a search matched no name (any unit: a group, a ward); it narrows like the ward.
  const place = params.get('place') ?? undefined;
  const sex = oneOf<Sex>(SEXES, params.get('sex'));
  const party = user.permissions.seesPartyData ? oneOf<PartyStatus>(PARTY_STATUSES, params.get('party')) : undefined;
  const size = pageSizeFromParam(params.get('size'));
  const sort = sortFromParams(params, ORDER_FIELDS, { field: 'NAME', direction: 'ASC' });
  const pages = useCursorPages(JSON.stringify([q, ward, place, sex, party, asOf, size, sort]));

  const filter: PersonFilter = {};
  if (q) filter.name = { search: q };
  if (place ?? ward) filter.residenceWithinUnitId = place ?? ward;
  if (sex) filter.sex = sex;
  if (party) filter.partyStatus = party;
  const { data, previousData, loading, error, refetch } = useQuery(PeopleListDocument, {
    variables: { asOf, filter, orderBy: [sort], first: size, after: pages.after },
    errorPolicy: 'all',
  });
  const people = (data ?? previousData)?.people;
  // Nobody's name matched: the words may name a place ("tổ 5 giang biên"); offer it.
  const nameFoundNobody = q !== '' && data?.people.totalCount === 0;
  const places = useQuery(PeopleSearchPlacesDocument, { variables: { asOf, search: q }, skip: !nameFoundNobody, errorPolicy: 'all' });
  const placeShown = useQuery(PeoplePlaceDocument, { variables: { asOf, id: place ?? '' }, skip: !place, errorPolicy: 'all' });
  const placeNode = placeShown.data?.node;
  const placeName = placeNode && 'name' in placeNode ? unitOptionLabel(placeNode) : place;
  const { onlyForbidden } = forbiddenParts(error, data !== undefined);
  const masked = t('people.list.masked');

  const columns: TableProps<PersonRow>['columns'] = [
    {
      key: 'NAME',
      title: t('people.list.column.name'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'NAME'),
      render: (_: unknown, p) => (
        <Link to={recordPath('Person', p.id, asOf)}>
          <Typography.Text strong>{p.fullName}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'BIRTH_YEAR',
      title: t('people.list.column.birthYear'),
      sorter: true,
      sortOrder: columnSortOrder(sort, 'BIRTH_YEAR'),
      render: (_: unknown, p) => p.birthYear,
    },
    { key: 'sex', title: t('people.list.column.sex'), render: (_: unknown, p) => SEX_LABELS[p.sex][language] },
    { key: 'citizenId', title: t('people.list.column.citizenId'), render: (_: unknown, p) => <Masked value={p.citizenId} hint={masked} /> },
    { key: 'phone', title: t('people.list.column.phone'), render: (_: unknown, p) => <Masked value={p.phone} hint={masked} /> },
    {
      key: 'residence',
      title: t('people.list.column.residence'),
      render: (_: unknown, p) =>
        p.residenceUnit ? (
          <Link to={recordPath('AdministrativeUnit', p.residenceUnit.id, asOf)}>{unitOptionLabel(p.residenceUnit)}</Link>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <ListPage<PersonRow>
      title={t('people.list.title')}
      exportRequest={{
        document: PeopleListDocument,
        variables: { asOf, filter, orderBy: [sort] },
        title: peopleListMessages.vi['people.list.title'],
        filters: [
          ...(q ? [`Tìm: “${q}”`] : []),
          ...((place ?? ward) ? [`Nơi thường trú (mã bản ghi): ${place ?? ward}`] : []),
          ...(sex ? [`Giới tính: ${SEX_LABELS[sex].vi}`] : []),
          ...(party ? [`Đảng viên: ${PARTY_STATUS_LABELS[party].vi}`] : []),
        ],
      }}
      actions={
        user.permissions.canWrite && (
          <>
            <Link to="/people/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('people.list.new')}
              </Button>
            </Link>
            <ImportFromExcelButton kind="people" />
          </>
        )
      }
      filters={
        <>
          <Form.Item>
            <SearchBox label={t('lists.search')} value={q} onSearch={(value) => update({ q: value })} />
          </Form.Item>
          {place && (
            <Form.Item label={t('people.list.place')}>
              <Tag closable onClose={() => update({ place: null })} data-testid="people-place">
                {placeName}
              </Tag>
            </Form.Item>
          )}
          <Form.Item label={t('lists.ward')} htmlFor="people-ward">
            <WardSelect id="people-ward" asOf={asOf} value={ward} onChange={(value) => update({ ward: value ?? null })} />
          </Form.Item>
          <Form.Item label={t('people.list.sex')} htmlFor="people-sex">
            <Select<Sex | ''>
              id="people-sex"
              style={{ width: 140 }}
              value={sex ?? ''}
              onChange={(value) => update({ sex: value || null })}
              options={[
                { value: '', label: t('people.list.allSexes') },
                ...SEXES.map((s) => ({ value: s, label: SEX_LABELS[s][language] })),
              ]}
            />
          </Form.Item>
          {user.permissions.seesPartyData && (
            <Form.Item label={t('people.list.partyStatus')} htmlFor="people-party">
              <Select<PartyStatus | ''>
                id="people-party"
                style={{ width: 180 }}
                value={party ?? ''}
                onChange={(value) => update({ party: value || null })}
                options={[
                  { value: '', label: t('people.list.allPartyStatuses') },
                  ...PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABELS[s][language] })),
                ]}
              />
            </Form.Item>
          )}
          <Form.Item label={t('lists.asOf')} htmlFor="people-as-of">
            <AsOfPicker id="people-as-of" value={asOf} onChange={(date) => update({ asOf: date })} />
          </Form.Item>
        </>
      }
      loading={loading}
      error={error}
      onlyForbidden={onlyForbidden}
      errorTitle={t('people.list.loadError')}
      onRetry={() => void refetch()}
      columns={columns}
      rows={people?.nodes ?? []}
      emptyText={
        nameFoundNobody ? (
          <Flex vertical gap={4} align="center" data-testid="people-no-name-match">
            <Typography.Text>{t('people.list.noNameMatch', { q })}</Typography.Text>
            {(places.data?.units.nodes.length ?? 0) > 0 && (
              <Typography.Text type="secondary">{t('people.list.placesMatch')}</Typography.Text>
            )}
            {places.data?.units.nodes.map((u) => (
              <Button key={u.id} type="link" onClick={() => update({ place: u.id, q: null })}>
                {unitOptionLabel(u)}
              </Button>
            ))}
          </Flex>
        ) : (
          t('people.list.empty')
        )
      }
      onSort={(sorter) => update(sortChange(sorter, ORDER_FIELDS))}
      pager={cursorPager({
        testId: 'people-total',
        totalText: (count) => t('people.list.total', { count }),
        shown: people,
        answered: data?.people,
        loading,
        pages,
        size,
        update,
      })}
    />
  );
}
