import { DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/language';
import { reportMessages } from '../i18n/messages/report';
import { AsOfPicker } from '../lists/as-of-picker';
import { ScopePicker } from './scope-picker';
import type { ReportScope } from './use-report-scope';

export interface ReportControlsProps {
  report: ReportScope;
  /** The date's address parameter: the report's end (`to`) or a list's `asOf`. */
  dateParam: 'to' | 'asOf';
  /** Show the period's start (the report and the dashboard; findings are as of one date). */
  withFrom?: boolean;
  /** More filters after the common ones. */
  children?: ReactNode;
}

/** Directive, place and period of a report, kept in the address. */
export function ReportControls({ report, dateParam, withFrom = false, children }: ReportControlsProps) {
  const { t } = useMessages(reportMessages);
  const { directives, directive, scopeId, date, from, update } = report;
  return (
    <Form layout="inline" style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
      {directives.length > 1 && (
        <Form.Item label={t('report.directive')} htmlFor="report-directive">
          <Select<string>
            id="report-directive"
            style={{ width: 180 }}
            value={directive?.id}
            onChange={(value) => update({ directive: value })}
            options={directives.map((d) => ({ value: d.id, label: d.code, title: d.title }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('report.scope')} htmlFor="report-scope">
        <ScopePicker id="report-scope" asOf={date} value={scopeId} onChange={(value) => update({ scope: value })} />
      </Form.Item>
      {withFrom && (
        <Form.Item label={t('report.from')} htmlFor="report-from">
          <DatePicker
            id="report-from"
            format="DD/MM/YYYY"
            placeholder={directive ? dayjs(directive.issuedOn).format('DD/MM/YYYY') : t('report.fromDefault')}
            value={from ? dayjs(from) : null}
            onChange={(value) => update({ from: value ? value.format('YYYY-MM-DD') : null })}
          />
        </Form.Item>
      )}
      <Form.Item label={dateParam === 'to' ? t('report.to') : t('report.asOf')} htmlFor="report-date">
        <AsOfPicker id="report-date" value={date} onChange={(value) => update({ [dateParam]: value })} />
      </Form.Item>
      {children}
    </Form>
  );
}
