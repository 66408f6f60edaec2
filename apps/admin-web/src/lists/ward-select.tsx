import { useQuery } from '@apollo/client/react';
import { type IsoDate, searchKey } from '@coso/domain';
import { Select } from 'antd';
import { useI18n } from '../i18n/language';
import { unitLabel } from './record-links';
import { WardOptionsDocument } from './ward-select-documents';

export interface WardSelectProps {
  id: string;
  asOf: IsoDate;
  /** The chosen ward's global id, or undefined for every ward. */
  value: string | undefined;
  onChange(value: string | undefined): void;
}

/**
 * The wards of the account's territory on the date, to narrow a list to one ward. Typing filters
 * the few dozen options here, diacritics optional, as the server's search does.
 */
export function WardSelect({ id, asOf, value, onChange }: WardSelectProps) {
  const { t } = useI18n();
  const { data, loading } = useQuery(WardOptionsDocument, { variables: { asOf } });
  const wards = data?.units.nodes ?? [];
  return (
    <Select<string>
      id={id}
      style={{ width: 220 }}
      allowClear
      showSearch={{ filterOption: (input, option) => searchKey(String(option?.label ?? '')).includes(searchKey(input)) }}
      loading={loading}
      placeholder={t('lists.allWards')}
      value={value}
      onChange={(next) => onChange(next || undefined)}
      options={wards.map((w) => ({ value: w.id, label: unitLabel(w) }))}
    />
  );
}
