import type { ReactNode } from 'react';
import type { FieldPath } from '../forms/violations';
import { type FormMessages, fieldKey } from './form-messages';

export interface ItemStatus {
  validateStatus?: 'error';
  help?: ReactNode;
}

/** Props for a Form.Item showing the messages of `name` (none: antd's own state). */
export function itemStatus(messages: FormMessages, name: FieldPath): ItemStatus {
  const list = messages.byField.get(fieldKey(name));
  if (!list?.length) return {};
  return {
    validateStatus: 'error',
    help: (
      <div data-field-errors={name.join('.')}>
        {list.map((m) => (
          <div key={m}>{m}</div>
        ))}
      </div>
    ),
  };
}
