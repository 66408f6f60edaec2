import { useQuery } from '@apollo/client/react';
import type { IsoDate } from '@coso/domain';
import { Select, Spin } from 'antd';
import type { UnitKind } from '../gql/graphql';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { useDebouncedSearch } from '../lists/use-debounced-search';
import { type UnitOption, unitOptionLabel, unitOptions } from './unit-options';
import { UnitPickerOptionsDocument } from './unit-picker-documents';

export { type UnitOption, unitOptionLabel } from './unit-options';

export interface UnitPickerProps {
  id?: string;
  value?: string | null;
  onChange?(value: string | null): void;
  asOf: IsoDate;
  kind?: UnitKind;
  /** The unit the value names when the form opens (its label is not in any search result yet). */
  initial?: UnitOption | null;
  placeholder?: string;
  status?: 'error' | 'warning' | '';
}

/**
 * Picks a unit by typing its words and its ward's ("tổ 5 giang biên"): the server searches
 * (every word, diacritics optional, numbers whole), 50 answers at a time, best match first.
 * Works as an antd form control (value/onChange).
 */
export function UnitPicker({ id, value, onChange, asOf, kind, initial, placeholder, status }: UnitPickerProps) {
  const { t } = useMessages(recordsMessages);
  const { setTyped, search } = useDebouncedSearch();
  const { data, previousData, loading } = useQuery(UnitPickerOptionsDocument, {
    variables: { asOf, search, kind },
    skip: search === '',
  });
  const found = (data ?? previousData)?.units.nodes ?? [];
  const options = unitOptions(found, search, t('records.unitPicker.formerly'));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id)) {
    options.unshift({ value: initial.id, label: unitOptionLabel(initial) });
  }
  return (
    <Select<string>
      id={id}
      status={status}
      allowClear
      // 50 options at most: all rendered, so the one wanted can be scrolled to (and found by tests).
      virtual={false}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={placeholder ?? t('records.unitPicker.placeholder')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      notFoundContent={
        loading ? <Spin size="small" /> : search === '' ? t('records.unitPicker.typeToSearch') : t('records.unitPicker.none')
      }
    />
  );
}
