import type { IsoDate } from '@coso/domain';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';

export interface AsOfPickerProps {
  id: string;
  value: IsoDate;
  onChange(date: IsoDate): void;
}

/**
 * The "as of" date of a page, typed or picked as Vietnamese documents write dates (dd/mm/yyyy).
 * Put it in a <Form.Item label={t('lists.asOf')} htmlFor={id}> so it is labelled "Ngày xem dữ liệu".
 */
export function AsOfPicker({ id, value, onChange }: AsOfPickerProps) {
  // One date object per date: a new one on every render (a list arriving while the user types)
  // made the picker take it as a new value and drop the half-typed text.
  const date = useMemo(() => dayjs(value), [value]);
  // data-as-of: the date this render shows (the address changes first; the page, in a transition,
  // after), so a test waits for the page, not the address.
  return (
    <span data-as-of={value}>
      <DatePicker
        id={id}
        format="DD/MM/YYYY"
        allowClear={false}
        value={date}
        onChange={(date) => {
          if (date) onChange(date.format('YYYY-MM-DD'));
        }}
      />
    </span>
  );
}
