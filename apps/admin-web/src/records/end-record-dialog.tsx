import { addDays, formatViDate, type IsoDate } from '@coso/domain';
import { Alert, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MutationOutcome } from '../forms/mutation-outcome';
import { VersionConflictAlert } from '../forms/version-conflict-alert';
import { fieldErrors } from '../forms/violations';
import { errorText } from '../graphql-client/error-text';
import { useMessages } from '../i18n/language';
import { formsMessages } from '../i18n/messages/forms';
import { recordsMessages } from '../i18n/messages/records';

export interface EndRecordDialogProps {
  open: boolean;
  onClose(): void;
  /** What is ended, mid-sentence ("người", "tổ chức"). */
  what: string;
  /** The record's name, as the confirmation names it. */
  name: string;
  validFrom: IsoDate;
  /** The date the picker proposes. */
  suggestedOn: IsoDate;
  /** Calls the end mutation with the version the page holds now. */
  end(on: IsoDate): Promise<MutationOutcome<unknown>>;
  onEnded(on: IsoDate): void;
  /** Reads the record again after a version conflict. */
  onReload(): Promise<unknown>;
  /** What else ending it does (a person's posts end too). */
  consequence?: string;
}

interface EndValues {
  on: IsoDate | null;
}

/**
 * Ends a record on a date (nothing is deleted: earlier dates still show it). The date is the
 * first day it no longer holds; the dialog says which day is the last. The date is checked against
 * the start as it is picked; the server's violations land on the field, a stale version shows the
 * conflict alert and a reload.
 */
export function EndRecordDialog(props: EndRecordDialogProps) {
  const { t, language } = useMessages(formsMessages, recordsMessages);
  const [form] = Form.useForm<EndValues>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const on = Form.useWatch('on', form);

  const localCheck = (value: IsoDate | null): string[] => {
    if (!value) return [t('records.end.onRequired')];
    if (value <= props.validFrom) return [t('records.end.afterStart', { from: formatViDate(props.validFrom) })];
    return [];
  };

  const submit = async () => {
    const value = form.getFieldValue('on') as IsoDate | null;
    const local = localCheck(value);
    form.setFields([{ name: 'on', errors: local }]);
    if (local.length > 0 || !value) return;
    setSaving(true);
    setGeneral([]);
    try {
      const outcome = await props.end(value);
      if (outcome.kind === 'done') {
        setConflict(false);
        props.onEnded(value);
        return;
      }
      if (outcome.kind === 'invalid') {
        const { fields, general: rest } = fieldErrors(outcome.violations, language, (path) =>
          path[0] === 'on' || path[0] === 'validTo' ? ['on'] : null,
        );
        form.setFields(fields.map((f) => ({ name: 'on', errors: f.errors })));
        setGeneral(rest);
      } else if (outcome.kind === 'conflict') {
        setConflict(true);
      } else {
        setGeneral([t('forms.notFound')]);
      }
    } catch (error) {
      setGeneral([errorText(error, language)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('records.end.title', { what: props.what, name: props.name })}
      okText={t('records.end.confirm')}
      cancelText={t('forms.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<EndValues>
        form={form}
        layout="vertical"
        initialValues={{ on: props.suggestedOn > props.validFrom ? props.suggestedOn : null }}
        onValuesChange={(_, all) => form.setFields([{ name: 'on', errors: all.on ? localCheck(all.on) : [] }])}
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('records.end.text')}</Typography.Paragraph>
          {props.consequence && <Alert type="info" showIcon title={props.consequence} />}
          <Form.Item
            name="on"
            label={t('records.end.on')}
            required
            extra={on && on > props.validFrom ? t('records.end.lastDay', { lastDay: formatViDate(addDays(on, -1)) }) : undefined}
            getValueProps={(value: IsoDate | null) => ({ value: value ? dayjs(value) : null })}
            normalize={(date: dayjs.Dayjs | null) => (date ? date.format('YYYY-MM-DD') : null)}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
          {conflict && <VersionConflictAlert onReload={props.onReload} />}
          {general.map((text) => (
            <Alert key={text} type="error" showIcon title={text} />
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}

/**
 * A detail page's end-dating: whether the dialog is open, the date the record was ended on here
 * (shown before the reload answers), and the dialog's open/close/ended wiring (`dialog`, spread
 * on <EndRecordDialog>).
 */
export function useEndRecord(refetch: () => Promise<unknown>) {
  const [open, setOpen] = useState(false);
  const [ended, setEnded] = useState<IsoDate | null>(null);
  return {
    ended,
    start: () => setOpen(true),
    dialog: {
      open,
      onClose: () => setOpen(false),
      onEnded: (on: IsoDate) => {
        setOpen(false);
        setEnded(on);
        void refetch();
      },
      onReload: () => refetch(),
    },
  };
}
