import { HomeOutlined } from '@ant-design/icons';
import { graphql } from '../../../gql';
import { defineListEntry } from '../list-entry';

/**
 * Apartment buildings on a date: search, ward, with or without a board, order by name or size. A
 * building without a board (and not part of a complex) links to establishing one, for those who may write.
 */
export default defineListEntry({
  path: 'buildings',
  menu: { order: 40, icon: HomeOutlined, label: { vi: 'Nhà chung cư', en: 'Apartment buildings' } },
  words: {
    title: { vi: 'Nhà chung cư', en: 'Apartment buildings' },
    total: { vi: '{count} nhà chung cư', en: '{count} buildings' },
    empty: { vi: 'Không có nhà chung cư nào khớp với điều kiện đã chọn.', en: 'No building matches the chosen conditions.' },
    loadError: { vi: 'Không tải được danh sách nhà chung cư', en: 'Could not load the buildings' },
  },
  document: graphql(`
    query BuildingsList($asOf: Date!, $filter: BuildingFilter, $orderBy: [BuildingOrder!], $first: Int!, $after: String) {
      buildings(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          address
          blockCount
          apartmentCount
          residentialGroup {
            id
            name
            kindLabel
            parent(asOf: $asOf) {
              id
              name
              kindLabel
            }
          }
          complex {
            id
          }
          board(asOf: $asOf) {
            id
            name
          }
        }
      }
    }
  `),
  list: 'buildings',
  columns: [
    {
      key: 'NAME',
      sort: 'NAME',
      header: { vi: 'Tên nhà', en: 'Building' },
      format: 'link',
      to: 'ApartmentBuilding',
      strong: true,
      secondary: 'address',
    },
    {
      key: 'group',
      header: { vi: 'Tổ dân phố', en: 'Residential group' },
      format: 'link',
      field: 'residentialGroup',
      to: 'AdministrativeUnit',
      display: 'place',
      secondary: 'residentialGroup.parent',
      secondaryDisplay: 'place',
    },
    { key: 'blocks', header: { vi: 'Số khối nhà', en: 'Blocks' }, format: 'number', field: 'blockCount' },
    {
      key: 'APARTMENT_COUNT',
      sort: 'APARTMENT_COUNT',
      header: { vi: 'Số căn hộ', en: 'Apartments' },
      format: 'number',
      field: 'apartmentCount',
    },
    {
      key: 'board',
      header: { vi: 'Ban quản trị', en: 'Management board' },
      format: 'link',
      field: 'board',
      to: 'Organization',
      missing: {
        action: {
          label: { vi: 'Thành lập', en: 'Establish' },
          // A building of a complex gets its board with the complex.
          href: (building) => (building.complex ? null : `/boards/establish?buildingId=${encodeURIComponent(building.id)}`),
        },
      },
    },
  ],
  filters: [
    { kind: 'search', field: 'name' },
    { kind: 'ward', field: 'withinUnitId' },
    {
      kind: 'boolean',
      field: 'hasBoard',
      param: 'board',
      label: { vi: 'Ban quản trị', en: 'Management board' },
      all: { vi: 'Tất cả', en: 'All' },
      yes: { vi: 'Đã có Ban quản trị', en: 'With a board' },
      no: { vi: 'Chưa có Ban quản trị', en: 'Without a board' },
    },
  ],
  defaultSort: { field: 'NAME', direction: 'ASC' },
});
