import type { IsoDate } from '@coso/domain';
import { Form, Select } from 'antd';
import type { Language } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/language';
import { SearchBox } from '../search-box';
import type { ParamChanges } from '../use-list-params';
import { WardSelect } from '../ward-select';
import type { Filter } from './list-entry';

const BOOLEAN_VALUES = { yes: true, no: false } as const;

/** The address parameter a filter lives in. */
export function filterParam(filter: Filter): string {
  if (filter.kind === 'search') return 'q';
  if (filter.kind === 'ward') return 'ward';
  return filter.param;
}

/**
 * The `$filter` of a list from its address: each filter's parameter, when valid, sets its field
 * (an address is user input: an unknown enum value or yes/no is ignored, as if absent).
 */
export function filterFromParams(filters: readonly Filter[], params: URLSearchParams): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const filter of filters) {
    const value = params.get(filterParam(filter));
    if (!value) continue;
    if (filter.kind === 'search') variables[filter.field] = { search: value };
    else if (filter.kind === 'ward') variables[filter.field] = value;
    else if (filter.kind === 'enum') {
      if (filter.options.some((option) => option.value === value)) variables[filter.field] = value;
    } else if (value === 'yes' || value === 'no') variables[filter.field] = BOOLEAN_VALUES[value];
  }
  return variables;
}

/** The filters set in the address, in words (Vietnamese: the export writes them at the top of its file). */
export function filterWords(filters: readonly Filter[], params: URLSearchParams): string[] {
  return filters.flatMap((filter) => {
    const value = params.get(filterParam(filter));
    if (!value) return [];
    if (filter.kind === 'search') return [`Tìm: “${value}”`];
    if (filter.kind === 'ward') return [`Phường (mã bản ghi): ${value}`];
    if (filter.kind === 'enum') {
      const option = filter.options.find((o) => o.value === value);
      return option ? [`${filter.label.vi}: ${option.label.vi}`] : [];
    }
    return value === 'yes' || value === 'no' ? [`${filter.label.vi}: ${value === 'yes' ? filter.yes.vi : filter.no.vi}`] : [];
  });
}

interface FilterControlProps {
  filter: Filter;
  /** The list's path: the controls' ids are `<path>-<param>`. */
  path: string;
  params: URLSearchParams;
  asOf: IsoDate;
  language: Language;
  update(changes: ParamChanges): void;
}

/** One filter's control, labelled (Form.Item label + htmlFor, or the search box's aria-label). */
export function FilterControl({ filter, path, params, asOf, language, update }: FilterControlProps) {
  const { t } = useI18n();
  const param = filterParam(filter);
  const id = `${path}-${param}`;
  const value = params.get(param) ?? '';
  switch (filter.kind) {
    case 'search':
      return (
        <Form.Item>
          <SearchBox label={t('lists.search')} value={value} onSearch={(text) => update({ q: text })} />
        </Form.Item>
      );
    case 'ward':
      return (
        <Form.Item label={t('lists.ward')} htmlFor={id}>
          <WardSelect id={id} asOf={asOf} value={value || undefined} onChange={(ward) => update({ ward: ward ?? null })} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item label={filter.label[language]} htmlFor={id}>
          <Select<string>
            id={id}
            style={{ width: 200 }}
            value={filter.options.some((o) => o.value === value) ? value : ''}
            onChange={(next) => update({ [param]: next || null })}
            options={[
              { value: '', label: filter.all[language] },
              ...filter.options.map((o) => ({ value: o.value, label: o.label[language] })),
            ]}
          />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item label={filter.label[language]} htmlFor={id}>
          <Select<string>
            id={id}
            style={{ width: 200 }}
            value={value === 'yes' || value === 'no' ? value : ''}
            onChange={(next) => update({ [param]: next || null })}
            options={[
              { value: '', label: filter.all[language] },
              { value: 'yes', label: filter.yes[language] },
              { value: 'no', label: filter.no[language] },
            ]}
          />
        </Form.Item>
      );
  }
}
