import { Space, Tag, Tooltip, Typography } from 'antd';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';

/** Whether the server masked a personal value for this role (*********345). */
export const isMasked = (value: string | null | undefined): boolean => typeof value === 'string' && value.includes('*');

/**
 * A citizen ID or phone exactly as the server returned it: masked for roles that may not see it,
 * with a small "đã che" tag saying so.
 */
export function MaskedText({ value }: { value: string | null | undefined }) {
  const { t } = useMessages(recordsMessages);
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!isMasked(value)) return <Typography.Text copyable={false}>{value}</Typography.Text>;
  return (
    <Space size={6}>
      <Typography.Text>{value}</Typography.Text>
      <Tooltip title={t('records.maskedHint')}>
        <Tag>{t('records.masked')}</Tag>
      </Tooltip>
    </Space>
  );
}
