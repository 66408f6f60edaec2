import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { addDays, type IsoDate, todayInVietnam, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@coso/domain';
import { Alert, Button, Card, DatePicker, Flex, Form, type FormInstance, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { mutationOutcome } from '../forms/mutation-outcome';
import { type FieldPath, fieldErrors, type ViolationLike } from '../forms/violations';
import { errorText } from '../graphql-client/error-text';
import { localizedText } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { reorganisationMessages } from '../i18n/messages/reorganisation';

import type { RecordedState } from './recorded-state';
import { RecordReorganisationDocument, ReorganisationMergeContextDocument } from './reorganisation-documents';
import {
  EMPTY_NEW_UNIT,
  formFieldFor,
  type MergeContext,
  mergeContextOf,
  type ReorganisationFormValues,
  reorganisationViolations,
  toRecordReorganisationInput,
} from './reorganisation-plan';
import { type UnitOption, UnitSelect } from './unit-select';

/** Places that can hold others: what a merge's new place or a move's target can sit under. */
const PARENT_KINDS: readonly UnitKind[] = ['PROVINCE', 'DISTRICT', 'WARD', 'COMMUNE'];

type FormField = Parameters<FormInstance<ReorganisationFormValues>['isFieldTouched']>[0];

/** Every field the form shows, so stale messages are cleared as the user types. */
const FIELDS: FormField[] = [
  ['effectiveOn'],
  ['legalBasis'],
  ['note'],
  ['fromParentId'],
  ['unitIds'],
  ['toParentId'],
  ['newUnit', 'name'],
  ['newUnit', 'kind'],
  ['newUnit', 'kindLabel'],
  ['newUnit', 'code'],
  ['newUnit', 'parentId'],
];

// The form keeps dates as `YYYY-MM-DD`; the picker works with dayjs.
const dateProps = {
  getValueProps: (value: IsoDate | null) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export interface ReorganisationFormProps {
  /** Prefilled from the explorer: the effective date, the place whose children are reorganised. */
  initialEffectiveOn: IsoDate | null;
  initialFromParentId: string | null;
}

/**
 * Records a reorganisation: merge places into a new one (their children and the bodies serving
 * them move to it), or move places under another parent. Checked as the user types with the
 * domain's input schemas; the server checks the whole plan against the data and may refuse it
 * with every reason, shown on the fields they concern.
 */
export function ReorganisationForm({ initialEffectiveOn, initialFromParentId }: ReorganisationFormProps) {
  const { t, language } = useMessages(reorganisationMessages);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReorganisationFormValues>();
  const [record] = useMutation(RecordReorganisationDocument);
  const [known, setKnown] = useState<ReadonlyMap<string, UnitOption>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [elapsed, setElapsed] = useState(0);

  const initialValues: ReorganisationFormValues = {
    mode: 'move',
    effectiveOn: initialEffectiveOn,
    legalBasis: '',
    note: '',
    fromParentId: initialFromParentId,
    unitIds: [],
    newUnit: { ...EMPTY_NEW_UNIT, parentId: null },
    toParentId: null,
  };
  const mode = Form.useWatch('mode', form) ?? initialValues.mode;
  const effectiveOn = Form.useWatch('effectiveOn', form) ?? null;
  const fromParentId = Form.useWatch('fromParentId', form) ?? null;
  const unitIds = Form.useWatch('unitIds', form) ?? [];

  const today = todayInVietnam();
  // Chosen places must exist the day before the change; new parents on its first day.
  const beforeDate = effectiveOn ? addDays(effectiveOn, -1) : today;
  const onDate = effectiveOn ?? today;

  const onOptions = useCallback((units: readonly UnitOption[]) => {
    setKnown((previous) => {
      if (units.every((u) => previous.get(u.id) === u)) return previous;
      const next = new Map(previous);
      for (const u of units) next.set(u.id, u);
      return next;
    });
  }, []);
  const kindOf = (id: string) => known.get(id)?.kind;

  useEffect(() => {
    if (!submitting) return;
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed((s) => s + 1), 1000);
    return () => window.clearInterval(timer);
  }, [submitting]);

  const merge = useQuery(ReorganisationMergeContextDocument, {
    variables: { ids: unitIds, asOf: onDate },
    skip: mode !== 'merge' || unitIds.length === 0 || !effectiveOn,
  });

  function show(violations: readonly ViolationLike[], options: { onlyTouched: boolean; fieldFor?: (path: FieldPath) => FieldPath | null }) {
    const { fields, general: rest } = fieldErrors(violations, language, options.fieldFor);
    const byName = new Map(fields.map((f) => [JSON.stringify(f.name), f.errors]));
    form.setFields(
      FIELDS.map((name) => ({
        name,
        errors: options.onlyTouched && !form.isFieldTouched(name) ? [] : (byName.get(JSON.stringify(name)) ?? []),
      })),
    );
    const unplaced = fields.filter((f) => !FIELDS.some((name) => JSON.stringify(name) === JSON.stringify(f.name))).flatMap((f) => f.errors);
    setGeneral(options.onlyTouched ? [] : [...rest, ...unplaced]);
  }

  function onValuesChange(changed: Partial<ReorganisationFormValues>, all: ReorganisationFormValues) {
    // A merge's new place is prefilled from the places merged (their kind, the same parent).
    if (changed.unitIds && all.mode === 'merge') {
      const first = changed.unitIds[0] ? known.get(changed.unitIds[0]) : undefined;
      if (first && !all.newUnit.kind) {
        form.setFieldValue(['newUnit', 'kind'], first.kind);
        form.setFieldValue(['newUnit', 'kindLabel'], first.kindLabel ?? '');
      }
      if (!all.newUnit.parentId && all.fromParentId) form.setFieldValue(['newUnit', 'parentId'], all.fromParentId);
    }
    if (changed.fromParentId !== undefined) form.setFieldValue('unitIds', []);
    show(reorganisationViolations(form.getFieldsValue(true) as ReorganisationFormValues, kindOf), { onlyTouched: true });
  }

  async function submit() {
    const values = form.getFieldsValue(true) as ReorganisationFormValues;
    const problems = reorganisationViolations(values, kindOf);
    if (problems.length > 0) {
      show(problems, { onlyTouched: false });
      return;
    }
    setGeneral([]);
    setSubmitting(true);
    try {
      let context: MergeContext = { childIds: [], areas: [] };
      if (values.mode === 'merge' && values.effectiveOn) {
        const { data } = await client.query({
          query: ReorganisationMergeContextDocument,
          variables: { ids: values.unitIds, asOf: values.effectiveOn },
          fetchPolicy: 'network-only',
        });
        context = mergeContextOf(data?.nodes ?? []);
      }
      const { data } = await record({ variables: { input: toRecordReorganisationInput(values, context) } });
      if (!data) throw new Error('no answer');
      const outcome = mutationOutcome(data.recordReorganisation);
      if (outcome.kind === 'invalid') {
        show(outcome.violations, { onlyTouched: false, fieldFor: formFieldFor(values.mode) });
        return;
      }
      if (outcome.kind !== 'done') {
        setGeneral([localizedText(outcome.message, language)]);
        return;
      }
      // Every answer read before (children, bodies, events on later dates) may have changed.
      await client.clearStore();
      const effective = outcome.data.effectiveOn;
      const select = values.mode === 'merge' ? outcome.data.resultingUnits[0]?.id : values.unitIds[0];
      const state: RecordedState = { recorded: { legalBasis: values.legalBasis.trim(), effectiveOn: effective } };
      navigate(`/explorer?asOf=${effective}${select ? `&unit=${encodeURIComponent(select)}` : ''}`, { state });
    } catch (error) {
      setGeneral([errorText(error, language)]);
    } finally {
      setSubmitting(false);
    }
  }

  const context = mergeContextOf(merge.data?.nodes ?? []);
  const tooManyChildren = (merge.data?.nodes ?? []).some(
    (n) => n?.__typename === 'AdministrativeUnit' && n.children.totalCount > n.children.nodes.length,
  );

  return (
    <Form<ReorganisationFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={() => void submit()}
      disabled={submitting}
      style={{ maxWidth: 880 }}
    >
      <Form.Item name="mode" label={t('reorganisation.mode')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'move', label: t('reorganisation.mode.move') },
            { value: 'merge', label: t('reorganisation.mode.merge') },
          ]}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t(mode === 'merge' ? 'reorganisation.mode.mergeHint' : 'reorganisation.mode.moveHint')}
      </Typography.Paragraph>

      <Flex gap={16} wrap>
        <Form.Item name="effectiveOn" label={t('reorganisation.effectiveOn')} htmlFor="reorganisation-effective-on" required {...dateProps}>
          <DatePicker id="reorganisation-effective-on" format="DD/MM/YYYY" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('reorganisation.legalBasis')}
          htmlFor="reorganisation-legal-basis"
          required
          style={{ flex: 1, minWidth: 320 }}
        >
          <Input id="reorganisation-legal-basis" placeholder={t('reorganisation.legalBasis.placeholder')} />
        </Form.Item>
      </Flex>

      <Form.Item
        name="fromParentId"
        label={t('reorganisation.fromParent')}
        htmlFor="reorganisation-from-parent"
        extra={t('reorganisation.fromParent.hint')}
      >
        <UnitSelect id="reorganisation-from-parent" asOf={beforeDate} kinds={PARENT_KINDS} known={known} onOptions={onOptions} />
      </Form.Item>

      <Form.Item
        name="unitIds"
        label={t(mode === 'merge' ? 'reorganisation.unitsToMerge' : 'reorganisation.unitsToMove')}
        htmlFor="reorganisation-units"
        required
      >
        <UnitSelect
          id="reorganisation-units"
          multiple
          asOf={beforeDate}
          parentId={fromParentId}
          known={known}
          onOptions={onOptions}
          disabled={!fromParentId}
          placeholder={fromParentId ? undefined : t('reorganisation.unitsNeedParent')}
        />
      </Form.Item>

      {mode === 'move' ? (
        <Form.Item name="toParentId" label={t('reorganisation.toParent')} htmlFor="reorganisation-to-parent" required>
          <UnitSelect id="reorganisation-to-parent" asOf={onDate} kinds={PARENT_KINDS} known={known} onOptions={onOptions} />
        </Form.Item>
      ) : (
        <Card size="small" title={t('reorganisation.newUnit')} style={{ marginBottom: 24 }}>
          <Flex gap={16} wrap>
            <Form.Item
              name={['newUnit', 'name']}
              label={t('reorganisation.newUnit.name')}
              htmlFor="reorganisation-new-name"
              required
              style={{ flex: 2, minWidth: 240 }}
            >
              <Input id="reorganisation-new-name" />
            </Form.Item>
            <Form.Item
              name={['newUnit', 'kind']}
              label={t('reorganisation.newUnit.kind')}
              htmlFor="reorganisation-new-kind"
              required
              style={{ flex: 1, minWidth: 180 }}
            >
              <Select<UnitKind>
                id="reorganisation-new-kind"
                options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][language] }))}
              />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item
              name={['newUnit', 'kindLabel']}
              label={t('reorganisation.newUnit.kindLabel')}
              htmlFor="reorganisation-new-kind-label"
              style={{ flex: 1, minWidth: 180 }}
            >
              <Input id="reorganisation-new-kind-label" placeholder={t('reorganisation.newUnit.kindLabel.placeholder')} />
            </Form.Item>
            <Form.Item
              name={['newUnit', 'code']}
              label={t('reorganisation.newUnit.code')}
              htmlFor="reorganisation-new-code"
              style={{ flex: 1, minWidth: 180 }}
            >
              <Input id="reorganisation-new-code" placeholder={t('reorganisation.newUnit.code.placeholder')} />
            </Form.Item>
          </Flex>
          <Form.Item name={['newUnit', 'parentId']} label={t('reorganisation.newUnit.parent')} htmlFor="reorganisation-new-parent">
            <UnitSelect id="reorganisation-new-parent" asOf={onDate} kinds={PARENT_KINDS} known={known} onOptions={onOptions} />
          </Form.Item>
          {unitIds.length > 0 && effectiveOn && (
            <Alert
              type={tooManyChildren ? 'warning' : 'info'}
              showIcon
              title={
                merge.loading && !merge.data
                  ? t('reorganisation.preview.loading')
                  : t('reorganisation.preview', { children: context.childIds.length, bodies: context.areas.length })
              }
              description={tooManyChildren ? t('reorganisation.preview.tooMany') : undefined}
            />
          )}
        </Card>
      )}

      <Form.Item name="note" label={t('reorganisation.note')} htmlFor="reorganisation-note">
        <Input.TextArea id="reorganisation-note" rows={2} />
      </Form.Item>

      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('reorganisation.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}

      {submitting && (
        <Alert
          type="info"
          role="status"
          icon={<Spin size="small" />}
          showIcon
          title={t('reorganisation.progress')}
          description={t('reorganisation.progress.elapsed', { seconds: elapsed })}
          style={{ marginBottom: 16 }}
        />
      )}

      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('reorganisation.submit')}
        </Button>
        <Button htmlType="button" disabled={submitting} onClick={() => navigate(-1)}>
          {t('reorganisation.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
