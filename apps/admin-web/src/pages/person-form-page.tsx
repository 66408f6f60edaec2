import { useMutation, useQuery } from '@apollo/client/react';
import { FIELD_LABELS, formatViDate, SEX_LABELS, SEXES } from '@coso/domain';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { mutationOutcome } from '../forms/mutation-outcome';
import { VersionConflictAlert } from '../forms/version-conflict-alert';
import type { ViolationLike } from '../forms/violations';
import { errorText } from '../graphql-client/error-text';
import { localizedText } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { formsMessages } from '../i18n/messages/forms';
import { peopleMessages } from '../i18n/messages/people';
import { useAsOf } from '../lists/use-as-of';
import { CreatePersonDocument, PersonFormRecordDocument, UpdatePersonDocument } from '../people/person-form-documents';
import {
  PERSON_FORM_FIELDS,
  type PersonFormField,
  type PersonFormValues,
  type PersonRecord,
  personChanges,
  personFormValues,
  validatePerson,
} from '../people/person-form-values';

import { currentNode, detailProblem } from '../records/detail-problem';
import { DetailLoading, DetailProblemView, NoPermissionResult } from '../records/detail-states';
import { liveFieldErrors } from '../records/live-validation';
import { type UnitOption, UnitPicker } from '../records/unit-picker';
import { detailPath } from '../records/use-detail-as-of';
import { useSignedInUser } from '../session/session';

/**
 * /people/new and /people/:id/edit. Only for roles that may write; the server decides anyway.
 */
export function PersonFormPage() {
  const user = useSignedInUser();
  const { id: rawId } = useParams();
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  if (!user.permissions.canWrite) return <NoPermissionResult backPath={id ? detailPath('people', id) : '/people'} />;
  return id ? <EditPerson id={id} /> : <PersonForm />;
}

function EditPerson({ id }: { id: string }) {
  const { asOf } = useAsOf(null);
  const { data, previousData, loading, error, refetch } = useQuery(PersonFormRecordDocument, {
    variables: { id, asOf },
    errorPolicy: 'all',
    fetchPolicy: 'network-only',
  });
  // Kept while a reload after a conflict is under way: the form must stay mounted with what was typed.
  const node = currentNode(data, previousData, id);
  const person = node?.__typename === 'Person' ? node : undefined;
  const problem = detailProblem(error, node, 'Person', loading);
  if (problem) return <DetailProblemView problem={problem} error={error} onRetry={() => void refetch()} listPath="/people" />;
  if (!person) return <DetailLoading />;
  return <PersonForm record={person} reload={() => refetch()} />;
}

interface PersonFormProps {
  /** The person being edited, as last read (a reload after a conflict brings the new version). */
  record?: PersonRecord & { validTo: string | null; residenceUnit: UnitOption | null };
  reload?: () => Promise<unknown>;
}

function PersonForm({ record, reload }: PersonFormProps) {
  const { t, language } = useMessages(formsMessages, peopleMessages);
  const navigate = useNavigate();
  const { asOf } = useAsOf(null);
  const [form] = Form.useForm<PersonFormValues>();
  const [general, setGeneral] = useState<string[]>([]);
  const [invalid, setInvalid] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [createPerson, created] = useMutation(CreatePersonDocument);
  const [updatePerson, updated] = useMutation(UpdatePersonDocument);
  const saving = created.loading || updated.loading;

  // A reload after a conflict brings a new version: the fields the user typed in keep what was
  // typed; the others take the new values, so saving does not undo someone else's change.
  const shownVersion = useRef(record?.version);
  useEffect(() => {
    if (!record || record.version === shownVersion.current) return;
    shownVersion.current = record.version;
    const latest = personFormValues(record);
    form.setFields(PERSON_FORM_FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => ({ name: f, value: latest[f] })));
  }, [record, form]);

  /** Puts violations on the fields `shown` names; the rest above the buttons. */
  const show = (violations: readonly ViolationLike[], shown: (field: PersonFormField) => boolean) => {
    const { fields, general: rest } = liveFieldErrors(violations, language, PERSON_FORM_FIELDS, shown);
    form.setFields(fields);
    setGeneral(rest);
  };

  // As the user types: the domain's checks, on the fields already touched.
  const onValuesChange = (_: Partial<PersonFormValues>, all: PersonFormValues) => {
    const result = validatePerson(all);
    show(result.ok ? [] : result.violations, (field) => form.isFieldTouched(field));
    if (result.ok) setInvalid(false);
    setNotice(null);
  };

  const onFinish = async () => {
    const values = form.getFieldsValue(true) as PersonFormValues;
    const result = validatePerson(values);
    if (!result.ok) {
      show(result.violations, () => true);
      setInvalid(true);
      return;
    }
    show([], () => true);
    setInvalid(false);
    setConflict(false);
    setNotice(null);
    try {
      if (!record) {
        const { data } = await createPerson({ variables: { input: result.value } });
        if (!data) return;
        const outcome = mutationOutcome(data.createPerson);
        if (outcome.kind === 'done') {
          navigate(detailPath('people', outcome.data.id), { state: { flash: 'created', name: result.value.fullName } });
          return;
        }
        if (outcome.kind === 'invalid') {
          show(outcome.violations, () => true);
          setInvalid(true);
        } else setGeneral([localizedText(outcome.message, language)]);
        return;
      }
      const changes = personChanges(result.value, record);
      if (Object.keys(changes).length === 0) {
        setNotice(t('people.form.noChanges'));
        return;
      }
      const { data } = await updatePerson({ variables: { input: { id: record.id, version: record.version, ...changes } } });
      if (!data) return;
      const outcome = mutationOutcome(data.updatePerson);
      if (outcome.kind === 'done') {
        navigate(detailPath('people', record.id), { state: { flash: 'saved', name: result.value.fullName } });
      } else if (outcome.kind === 'invalid') {
        show(outcome.violations, () => true);
        setInvalid(true);
      } else if (outcome.kind === 'conflict') {
        setConflict(true);
      } else {
        setGeneral([t('forms.notFound')]);
      }
    } catch (error) {
      setGeneral([errorText(error, language)]);
    }
  };

  const label = (field: PersonFormField) => fieldLabelText(field, language);
  const cancelPath = record ? detailPath('people', record.id) : '/people';

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {record ? t('people.form.editTitle', { name: record.fullName }) : t('people.form.newTitle')}
      </Typography.Title>
      {record?.validTo && <Alert type="info" showIcon title={t('people.form.ended', { on: formatViDate(record.validTo) })} />}
      <Card>
        <Form<PersonFormValues>
          form={form}
          layout="vertical"
          initialValues={record ? personFormValues(record) : { citizenId: '', phone: '', residenceUnitId: null }}
          onValuesChange={onValuesChange}
          onFinish={() => void onFinish()}
          disabled={saving}
        >
          <Form.Item name="fullName" label={label('fullName')} required>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="sex" label={label('sex')} required>
            <Radio.Group options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s][language] }))} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="birthYear"
              label={label('birthYear')}
              required
              extra={t('people.form.birthYearHelp')}
              style={{ minWidth: 220 }}
            >
              <InputNumber style={{ width: 140 }} controls={false} />
            </Form.Item>
            <Form.Item
              name="birthDate"
              label={label('birthDate')}
              extra={t('people.form.birthDateHelp')}
              getValueProps={(value: string | null | undefined) => ({ value: value ? dayjs(value) : null })}
              normalize={(date: dayjs.Dayjs | null) => (date ? date.format('YYYY-MM-DD') : null)}
              style={{ minWidth: 220 }}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
            </Form.Item>
          </Flex>
          <Form.Item name="citizenId" label={label('citizenId')} extra={t('people.form.citizenIdHelp')}>
            <Input autoComplete="off" inputMode="numeric" style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="phone" label={label('phone')} extra={t('people.form.phoneHelp')}>
            <Input autoComplete="off" inputMode="tel" style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="residenceUnitId" label={label('residenceUnitId')}>
            <UnitPicker
              asOf={asOf}
              kind="RESIDENTIAL_GROUP"
              initial={record?.residenceUnit ?? null}
              placeholder={t('people.form.residencePlaceholder')}
            />
          </Form.Item>

          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {conflict && reload && <VersionConflictAlert onReload={reload} />}
            {invalid && <Alert type="error" showIcon title={t('forms.invalid')} />}
            {general.map((text) => (
              <Alert key={text} type="error" showIcon title={text} />
            ))}
            {notice && <Alert type="info" showIcon title={notice} />}
          </Flex>

          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving} disabled={false}>
              {saving ? t('forms.saving') : t('forms.save')}
            </Button>
            <Button onClick={() => navigate(cancelPath)} disabled={saving}>
              {t('forms.cancel')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}

function fieldLabelText(field: PersonFormField, language: 'vi' | 'en'): string {
  return FIELD_LABELS[field][language];
}
