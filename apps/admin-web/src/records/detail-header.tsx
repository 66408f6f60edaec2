import type { IsoDate } from '@coso/domain';
import { formatViDate } from '@coso/domain';
import { Breadcrumb, Flex, Form, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../i18n/language';
import { recordsMessages } from '../i18n/messages/records';
import { AsOfPicker } from '../lists/as-of-picker';

import { periodState } from './period';

export interface DetailHeaderProps {
  title: ReactNode;
  /** What kind of record it is ("Phường", "Chi bộ"), shown before the title. */
  kindText?: ReactNode;
  validFrom: IsoDate;
  validTo: IsoDate | null | undefined;
  asOf: IsoDate;
  onAsOf(date: IsoDate): void;
  /** Links above the title: the list, then the record's ancestors. */
  trail?: Array<{ title: ReactNode; to?: string }>;
  /** Buttons the role may use (edit, end…). */
  actions?: ReactNode;
}

/**
 * Title, kind, whether the record holds on the date being looked at, the "as of" picker and the
 * actions: the top of every detail page.
 */
export function DetailHeader({ title, kindText, validFrom, validTo, asOf, onAsOf, trail, actions }: DetailHeaderProps) {
  const { t } = useMessages(recordsMessages);
  const state = periodState(validFrom, validTo, asOf);
  return (
    <Flex vertical gap={12}>
      {trail && trail.length > 0 && (
        <Breadcrumb items={trail.map((item) => ({ title: item.to ? <Link to={item.to}>{item.title}</Link> : item.title }))} />
      )}
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex align="center" gap={12} wrap>
          {kindText && <Tag color="geekblue">{kindText}</Tag>}
          <Typography.Title level={2} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {state === 'active' && <Tag color="green">{t('records.status.active')}</Tag>}
          {state === 'ended' && validTo && <Tag color="default">{t('records.status.ended', { on: formatViDate(validTo) })}</Tag>}
          {state === 'not-started' && <Tag color="orange">{t('records.status.notStarted', { from: formatViDate(validFrom) })}</Tag>}
        </Flex>
        {actions && <Flex gap={8}>{actions}</Flex>}
      </Flex>
      <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('records.asOf')} htmlFor="detail-as-of" style={{ marginBottom: 0 }}>
          <AsOfPicker id="detail-as-of" value={asOf} onChange={onAsOf} />
        </Form.Item>
      </Form>
    </Flex>
  );
}
