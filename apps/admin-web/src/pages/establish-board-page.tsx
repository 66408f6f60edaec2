import { useMutation, useQuery } from '@apollo/client/react';
import { addDays, addYears, formatViDate, todayInVietnam } from '@coso/domain';
import { Alert, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BoardBuildingDocument, EstablishBoardDocument } from '../boards/board-documents';
import {
  type BoardPlaceInfo,
  type EstablishFormValues,
  establishFieldFor,
  establishInput,
  establishViolations,
  isoOf,
  MEMBERS_FIELD,
  withNames,
} from '../boards/board-form-values';
import { NoWriteResult, refusalText } from '../boards/board-page-guards';
import { BoardSubmitArea } from '../boards/board-submit-area';
import { BuildingSelect } from '../boards/building-select';
import { DirectiveSelect, useDefaultDirective } from '../boards/directive-select';
import { itemStatus } from '../boards/field-status';
import { mergeFieldErrors, NO_ERRORS, onlyFields, withoutChanged } from '../boards/form-messages';
import { MemberListEditor } from '../boards/member-list-editor';
import { ownersOf } from '../boards/owners';
import { useKnownPeople } from '../boards/use-known-people';
import { mutationOutcome } from '../forms/mutation-outcome';
import { fieldErrors, type ViolationLike } from '../forms/violations';
import { localizedText } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { formsMessages } from '../i18n/messages/forms';
import type { OrganizationDetailFlash } from '../organizations/organization-detail-flash';

import { useSignedInUser } from '../session/session';

/** /boards/establish?buildingId=…: only for accounts that may write. */
export function EstablishBoardPage() {
  const user = useSignedInUser();
  return user.permissions.canWrite ? <EstablishBoardForm /> : <NoWriteResult />;
}

const defaultName = (buildingName: string) => `Ban quản trị ${buildingName}`;

/** What the server said last time, and which fields the user changed since (their messages are stale). */
interface ServerRefusal {
  violations: ViolationLike[];
  changed: string[];
}

function EstablishBoardForm() {
  const { t, language } = useMessages(boardsMessages, formsMessages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = todayInVietnam();
  const [form] = Form.useForm<EstablishFormValues>();
  const [initialValues] = useState<EstablishFormValues>(() => ({
    buildingId: params.get('buildingId'),
    electedOn: dayjs(today),
    validFrom: dayjs(today),
    validTo: dayjs(addYears(today, 3)),
    members: [],
  }));
  const values: EstablishFormValues = Form.useWatch([], { form, preserve: true }) ?? initialValues;
  const validFrom = isoOf(values.validFrom) ?? today;
  const buildingId = values.buildingId ?? null;

  const building = useQuery(BoardBuildingDocument, {
    variables: { id: buildingId ?? '', asOf: validFrom },
    skip: !buildingId,
    errorPolicy: 'all',
  });
  const place = building.data?.node?.__typename === 'ApartmentBuilding' && buildingId ? building.data.node : null;
  const placeInfo: BoardPlaceInfo | null = useMemo(
    () =>
      place
        ? {
            boardName: values.name?.trim() || defaultName(place.name),
            place: { kind: 'building', name: place.name, blockCount: place.blockCount },
          }
        : null,
    [place, values.name],
  );
  const owners = useMemo(() => (place ? ownersOf(place.apartments, validFrom) : []), [place, validFrom]);
  const { known, addKnown } = useKnownPeople(owners);

  // The board's name follows the building until the user writes their own.
  const nameDefault = useRef<string | null>(null);
  useEffect(() => {
    if (!place) return;
    const current = form.getFieldValue('name') as string | undefined;
    if (!current?.trim() || current === nameDefault.current) form.setFieldValue('name', defaultName(place.name));
    nameDefault.current = defaultName(place.name);
  }, [place, form]);

  useDefaultDirective(form);

  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const [requestError, setRequestError] = useState<{ text: string } | null>(null);
  const [establish, { loading: saving }] = useMutation(EstablishBoardDocument);

  const live = useMemo(() => establishViolations(values, placeInfo), [values, placeInfo]);
  const names = useMemo(() => new Map([...known].map(([id, p]) => [id, p.fullName])), [known]);
  const messages = mergeFieldErrors(
    onlyFields(
      fieldErrors(withNames(live.violations, names), language, establishFieldFor),
      (name) => attempted || touched.has(String(name[0])),
      attempted,
    ),
    refusal ? withoutChanged(fieldErrors(withNames(refusal.violations, names), language, establishFieldFor), refusal.changed) : NO_ERRORS,
  );

  // Fields the user set themselves: the dates that follow others stop following them.
  const setByUser = useRef(new Set<string>());
  const onValuesChange = useCallback(
    (changed: Partial<EstablishFormValues>) => {
      const keys = Object.keys(changed);
      for (const key of keys) setByUser.current.add(key);
      setTouched((previous) => new Set([...previous, ...keys]));
      setRefusal((r) => (r ? { ...r, changed: [...new Set([...r.changed, ...keys])] } : r));
      setIncomplete(false);
      // The term starts with the election and lasts 3 years, unless the user says otherwise.
      let start = changed.validFrom;
      if (changed.electedOn && !setByUser.current.has('validFrom')) {
        form.setFieldValue('validFrom', changed.electedOn);
        start = changed.electedOn;
      }
      const from = isoOf(start);
      if (from && !setByUser.current.has('validTo')) form.setFieldValue('validTo', dayjs(addYears(from, 3)));
    },
    [form],
  );

  const submit = async () => {
    setAttempted(true);
    setRequestError(null);
    const current = form.getFieldsValue(true) as EstablishFormValues;
    // An incomplete input is not sent; a complete one is, whatever the composition: the server decides.
    if (!establishViolations(current, placeInfo).complete) {
      setIncomplete(true);
      return;
    }
    try {
      const { data } = await establish({ variables: { input: establishInput(current) } });
      if (!data) throw new Error('no data');
      const outcome = mutationOutcome(data.establishBoard);
      switch (outcome.kind) {
        case 'done':
          void navigate(`/organizations/${encodeURIComponent(outcome.data.id)}`, {
            state: { flash: 'established', name: outcome.data.name } satisfies OrganizationDetailFlash,
          });
          return;
        case 'invalid':
          setRefusal({ violations: outcome.violations, changed: [] });
          return;
        default:
          setRequestError({ text: localizedText(outcome.message, language) });
      }
    } catch (error) {
      setRequestError(refusalText(error, language, t));
    }
  };

  const validToIso = isoOf(values.validTo);
  const buildingStatus = itemStatus(messages, ['buildingId']);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('boards.establish.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('boards.establish.intro')}
      </Typography.Paragraph>

      <Form<EstablishFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
        disabled={saving}
      >
        <Form.Item
          name="buildingId"
          label={t('boards.field.building')}
          required
          {...buildingStatus}
          extra={place ? t('boards.field.buildingBlocks', { group: place.residentialGroup.name, blocks: place.blockCount }) : undefined}
        >
          <BuildingSelect
            asOf={validFrom}
            chosenName={place?.name ?? null}
            {...(buildingStatus.validateStatus ? { status: 'error' as const } : {})}
          />
        </Form.Item>
        {place?.board && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('boards.field.hasBoard', { name: place.board.name })}
            action={<Link to={`/boards/${encodeURIComponent(place.board.id)}/consolidate`}>{t('boards.field.toConsolidate')}</Link>}
          />
        )}
        {building.error && !place && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('boards.field.buildingLoadError', { reason: refusalText(building.error, language, t, 'read').text })}
          />
        )}

        <Form.Item name="name" label={t('boards.field.name')} {...itemStatus(messages, ['name'])}>
          <Input />
        </Form.Item>

        <Flex gap={16} wrap>
          <Form.Item name="electedOn" label={t('boards.field.electedOn')} required {...itemStatus(messages, ['electedOn'])}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="validFrom" label={t('boards.field.validFrom')} required {...itemStatus(messages, ['validFrom'])}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('boards.field.validTo')}
            required
            extra={validToIso ? t('boards.field.validToHint', { lastDay: formatViDate(addDays(validToIso, -1)) }) : undefined}
            {...itemStatus(messages, ['validTo'])}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Flex>

        <Flex gap={16} wrap>
          <Form.Item
            name="decisionNumber"
            label={t('boards.field.decisionNumber')}
            style={{ minWidth: 240 }}
            {...itemStatus(messages, ['decisionNumber'])}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="directiveId"
            label={t('boards.field.directive')}
            style={{ flex: 1, minWidth: 320 }}
            {...itemStatus(messages, ['directiveId'])}
          >
            <DirectiveSelect />
          </Form.Item>
        </Flex>

        <Form.Item
          label={t('boards.field.members')}
          required
          extra={t('boards.field.membersHint')}
          {...itemStatus(messages, MEMBERS_FIELD)}
        >
          <MemberListEditor
            listName="members"
            messages={messages}
            asOf={validFrom}
            owners={owners}
            known={known}
            onFound={addKnown}
            addLabel={t('boards.member.add')}
          />
        </Form.Item>

        <BoardSubmitArea
          incomplete={incomplete}
          refused={refusal !== null}
          attempted={attempted}
          general={messages.general}
          requestError={requestError}
          saving={saving}
          submitLabel={t('boards.establish.submit')}
          onCancel={() => void navigate('/boards')}
        />
      </Form>
    </Flex>
  );
}
