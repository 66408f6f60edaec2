import { useQuery } from '@apollo/client/react';
import { FINDING_CODES, type IsoDate } from '@coso/domain';
import { Form, Select } from 'antd';
import { useMessages } from '../i18n/language';
import { findingsMessages } from '../i18n/messages/findings';
import { unitLabel } from '../lists/record-links';
import { ruleTitle } from './finding-rule';
import { FindingsWardsDocument } from './findings-documents';

/** The rule a list of findings is narrowed to (every rule of the catalogue's findings). */
export function CodeFilter({ value, onChange }: { value: string | undefined; onChange(code: string | null): void }) {
  const { t, language } = useMessages(findingsMessages);
  return (
    <Form.Item label={t('findings.code')} htmlFor="findings-code">
      <Select<string>
        id="findings-code"
        style={{ width: 360 }}
        allowClear
        placeholder={t('findings.allCodes')}
        value={value}
        onChange={(code) => onChange(code || null)}
        options={FINDING_CODES.map((code) => ({ value: code, label: ruleTitle(code)[language] }))}
      />
    </Form.Item>
  );
}

/** The ward (directly below the place on the date) a list of findings is narrowed to; hidden when the place has none. */
export function WardFilter(props: {
  scopeId: string | undefined;
  asOf: IsoDate;
  value: string | undefined;
  onChange(id: string | null): void;
}) {
  const { t } = useMessages(findingsMessages);
  const { data, loading } = useQuery(FindingsWardsDocument, {
    variables: { scopeId: props.scopeId ?? '', asOf: props.asOf },
    skip: !props.scopeId,
  });
  const wards = data?.units.nodes ?? [];
  if (!loading && wards.length === 0 && !props.value) return null;
  return (
    <Form.Item label={t('findings.ward')} htmlFor="findings-ward">
      <Select<string>
        id="findings-ward"
        style={{ width: 220 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        placeholder={t('findings.allWards')}
        value={props.value}
        onChange={(id) => props.onChange(id || null)}
        options={wards.map((w) => ({ value: w.id, label: unitLabel(w) }))}
      />
    </Form.Item>
  );
}
