import { ApartmentOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@coso/domain';
import { graphql } from '../../../gql';
import { defineListEntry } from '../list-entry';

/**
 * Administrative units on a date: server-side search (every word, diacritics optional), kind
 * filter, order by name, kind or start. Dated nested fields take the page's date explicitly, so the
 * cache keeps one answer per date (a unit's code and parent change over time).
 */
export default defineListEntry({
  path: 'units',
  menu: { order: 20, icon: ApartmentOutlined, label: { vi: 'Đơn vị hành chính', en: 'Administrative units' } },
  words: {
    title: { vi: 'Đơn vị hành chính', en: 'Administrative units' },
    total: { vi: '{count} đơn vị', en: '{count} units' },
    empty: { vi: 'Không có đơn vị nào khớp với điều kiện đã chọn.', en: 'No unit matches the chosen conditions.' },
    loadError: { vi: 'Không tải được danh sách đơn vị', en: 'Could not load the units' },
  },
  document: graphql(`
    query UnitsList($asOf: Date!, $filter: UnitFilter, $orderBy: [UnitOrder!], $first: Int!, $after: String) {
      units(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          kind
          kindLabel
          code(asOf: $asOf)
          validFrom
          validTo
          parent(asOf: $asOf) {
            id
            name
            kindLabel
          }
        }
      }
    }
  `),
  list: 'units',
  columns: [
    { key: 'NAME', sort: 'NAME', header: { vi: 'Tên', en: 'Name' }, format: 'link', to: 'AdministrativeUnit', strong: true },
    {
      key: 'KIND',
      sort: 'KIND',
      header: { vi: 'Loại', en: 'Kind' },
      format: 'enum',
      field: 'kind',
      labels: UNIT_KIND_LABELS,
      ownLabel: 'kindLabel',
    },
    { key: 'code', header: { vi: 'Mã', en: 'Code' }, format: 'text', field: 'code' },
    { key: 'parent', header: { vi: 'Trực thuộc', en: 'Part of' }, format: 'place', field: 'parent' },
    {
      key: 'VALID_FROM',
      sort: 'VALID_FROM',
      header: { vi: 'Hiệu lực', en: 'Valid' },
      hint: { vi: 'Ngày cuối cùng còn hiệu lực được ghi sau dấu gạch.', en: 'The date after the dash is the last day in force.' },
      format: 'period',
    },
  ],
  filters: [
    { kind: 'search', field: 'name' },
    {
      kind: 'enum',
      field: 'kind',
      param: 'kind',
      label: { vi: 'Loại đơn vị', en: 'Kind of unit' },
      all: { vi: 'Tất cả các loại', en: 'All kinds' },
      options: UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] })),
    },
  ],
  defaultSort: { field: 'NAME', direction: 'ASC' },
});
