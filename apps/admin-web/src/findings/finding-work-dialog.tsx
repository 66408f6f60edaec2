import { useMutation, useQuery } from '@apollo/client/react';
import type { IsoDate } from '@coso/domain';
import { Alert, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../graphql-client/error-text';
import { useMessages } from '../i18n/language';
import { findingsMessages } from '../i18n/messages/findings';
import { formsMessages } from '../i18n/messages/forms';
import { unitLabel } from '../lists/record-links';
import { AssignFindingDocument, CloseFindingDocument } from './finding-work-documents';
import { FindingsWardsDocument } from './findings-documents';

export type FindingWorkAction = 'assign' | 'resolve' | 'accept';

/** The finding a dialog acts on: its key, its ward, what it says, and the stored work's version. */
export interface WorkTarget {
  key: string;
  wardId: string | null;
  wardName: string;
  message: string;
  version: number | null;
}

interface WorkValues {
  assigneeUnitId?: string;
  dueOn?: IsoDate | null;
  text?: string;
  on?: IsoDate | null;
}

type Answer = {
  __typename?: string;
  localizedMessage?: { vi: string; en: string };
  violations?: ReadonlyArray<{ message: { vi: string; en: string } }>;
};

/**
 * Assigns a finding (to its ward or a ward of the place, by a due date), marks it resolved (how,
 * on which day) or accepts it (why it will not be fixed). The server's reasons show as they come,
 * in the chosen language; nothing changes on a refusal.
 */
export function FindingWorkDialog(props: {
  action: FindingWorkAction | null;
  target: WorkTarget | null;
  scopeId: string | undefined;
  today: IsoDate;
  onClose(): void;
  onDone(): void;
}) {
  const { t, language } = useMessages(findingsMessages, formsMessages);
  const [form] = Form.useForm<WorkValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const wards = useQuery(FindingsWardsDocument, {
    variables: { scopeId: props.scopeId ?? '', asOf: props.today },
    skip: !props.scopeId || props.action !== 'assign',
  });
  const [assign] = useMutation(AssignFindingDocument);
  const [close] = useMutation(CloseFindingDocument);
  const { action, target } = props;
  const wardId = target?.wardId;
  if (!action || !target || !wardId) return null;

  const unitOptions = [
    { value: wardId, label: target.wardName },
    ...(wards.data?.units.nodes ?? []).filter((w) => w.id !== wardId).map((w) => ({ value: w.id, label: unitLabel(w) })),
  ];

  const submit = async () => {
    const v = form.getFieldsValue();
    const base = { wardId, key: target.key, ...(target.version !== null ? { version: target.version } : {}) };
    setSaving(true);
    setErrors([]);
    try {
      let answer: Answer | undefined;
      if (action === 'assign') {
        const r = await assign({ variables: { input: { ...base, assigneeUnitId: v.assigneeUnitId ?? null, dueOn: v.dueOn ?? null } } });
        answer = r.data?.assignFinding;
      } else {
        const input = { ...base, text: v.text ?? '', on: v.on ?? null };
        const { data } = await close({ variables: { input, accept: action === 'accept' } });
        answer = data?.resolveFinding ?? data?.acceptFinding ?? undefined;
      }
      if (answer?.__typename?.startsWith('Mutation')) {
        form.resetFields();
        props.onDone();
        return;
      }
      const reasons = answer?.violations?.map((x) => x.message[language]) ?? [];
      setErrors(reasons.length ? reasons : [answer?.localizedMessage?.[language] ?? t('findings.work.failed')]);
    } catch (error) {
      setErrors([errorText(error, language)]);
    } finally {
      setSaving(false);
    }
  };

  const dateField = (name: 'dueOn' | 'on', label: string) => (
    <Form.Item
      name={name}
      label={label}
      htmlFor={`finding-work-${name}`}
      getValueProps={(value: IsoDate | null) => ({ value: value ? dayjs(value) : null })}
      normalize={(date: dayjs.Dayjs | null) => (date ? date.format('YYYY-MM-DD') : null)}
    >
      <DatePicker id={`finding-work-${name}`} format="DD/MM/YYYY" style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t(`findings.work.${action}.title`)}
      okText={t(`findings.work.${action}.confirm`)}
      cancelText={t('forms.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => {
        setErrors([]);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form<WorkValues> form={form} layout="vertical" initialValues={{ assigneeUnitId: wardId }} data-testid="finding-work-form">
        <Flex vertical gap={8}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {target.message}
          </Typography.Paragraph>
          {action === 'assign' ? (
            <>
              <Form.Item name="assigneeUnitId" label={t('findings.work.assignee')} htmlFor="finding-work-assignee">
                <Select
                  id="finding-work-assignee"
                  options={unitOptions}
                  loading={wards.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
              {dateField('dueOn', t('findings.work.dueOn'))}
            </>
          ) : (
            <>
              <Form.Item name="text" label={t(`findings.work.${action}.text`)} htmlFor="finding-work-text">
                <Input.TextArea id="finding-work-text" rows={3} maxLength={4000} />
              </Form.Item>
              {dateField('on', t('findings.work.on'))}
            </>
          )}
          {errors.map((text) => (
            <Alert key={text} type="error" showIcon title={text} />
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
