import { useMutation, useQuery } from '@apollo/client/react';
import { BOARD_MEMBER_ROLES, type BoardMemberRole, formatViDate, todayInVietnam } from '@coso/domain';
import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Result, Select, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BoardBuildingDocument, BoardToConsolidateDocument, ConsolidateBoardDocument } from '../boards/board-documents';
import {
  type BoardPlaceInfo,
  type ConsolidateFormValues,
  type ConsolidatePlan,
  type CurrentRow,
  consolidateFieldFor,
  consolidatePlan,
  consolidateViolations,
  isoOf,
  type LoadedMember,
  MEMBERS_FIELD,
  mergeCurrentRows,
  resultingMembers,
  withNames,
} from '../boards/board-form-values';
import { NoWriteResult, refusalText } from '../boards/board-page-guards';
import { BoardSubmitArea } from '../boards/board-submit-area';
import { DirectiveSelect, useDefaultDirective } from '../boards/directive-select';
import { itemStatus } from '../boards/field-status';
import { mergeFieldErrors, NO_ERRORS, onlyFields, withoutChanged } from '../boards/form-messages';
import { boardRoleLabel, MemberListEditor } from '../boards/member-list-editor';
import { ownersOf } from '../boards/owners';
import { type KnownPerson, PersonSelect, personLabel } from '../boards/person-select';
import { useKnownPeople } from '../boards/use-known-people';
import { mutationOutcome } from '../forms/mutation-outcome';
import { VersionConflictAlert } from '../forms/version-conflict-alert';
import { type FieldPath, fieldErrors, type ViolationLike } from '../forms/violations';
import { localizedText } from '../i18n/dictionary';
import { useMessages } from '../i18n/language';
import { boardsMessages } from '../i18n/messages/boards';
import { formsMessages } from '../i18n/messages/forms';
import { LoadErrorAlert } from '../lists/load-error-alert';
import type { OrganizationDetailFlash } from '../organizations/organization-detail-flash';

import { useSignedInUser } from '../session/session';

/** /boards/:id/consolidate: only for accounts that may write. */
export function ConsolidateBoardPage() {
  const user = useSignedInUser();
  const { id } = useParams();
  if (!user.permissions.canWrite) return <NoWriteResult />;
  return <ConsolidateBoardForm key={id} boardId={id ?? ''} />;
}

/** What the server refused, with the plan it was sent as (its paths index that plan's entries). */
interface ServerRefusal {
  violations: ViolationLike[];
  plan: ConsolidatePlan;
  changed: string[];
}

/** The member list as a whole is judged on `current` and `add`: a change to either makes old messages stale. */
const topKey = (name: FieldPath): string => (name[0] === 'members' ? 'current' : String(name[0]));

function ConsolidateBoardForm({ boardId }: { boardId: string }) {
  const { t, language } = useMessages(boardsMessages, formsMessages);
  const navigate = useNavigate();
  const today = todayInVietnam();
  const [form] = Form.useForm<ConsolidateFormValues>();
  const [initialValues] = useState<ConsolidateFormValues>(() => ({ on: dayjs(today), current: [], add: [] }));
  const values: ConsolidateFormValues = Form.useWatch([], { form, preserve: true }) ?? initialValues;
  const on = isoOf(values.on) ?? today;

  const query = useQuery(BoardToConsolidateDocument, { variables: { id: boardId, on }, notifyOnNetworkStatusChange: true });
  const node = (query.data ?? query.previousData)?.node;
  const board = node?.__typename === 'Organization' && node.kind === 'MANAGEMENT_BOARD' ? node : null;
  const members: LoadedMember[] = useMemo(
    () => (board?.members.nodes ?? []).map((m) => ({ id: m.id, role: m.role, personId: m.person.id, buildingId: m.building?.id ?? null })),
    [board],
  );
  const memberPeople: KnownPerson[] = useMemo(() => (board?.members.nodes ?? []).map((m) => m.person), [board]);

  // The owners of the board's building are offered first as new members.
  const buildingQuery = useQuery(BoardBuildingDocument, {
    variables: { id: board?.building?.id ?? '', asOf: on },
    skip: !board?.building,
    errorPolicy: 'all',
  });
  const buildingNode = buildingQuery.data?.node;
  const owners = useMemo(
    () => (buildingNode?.__typename === 'ApartmentBuilding' ? ownersOf(buildingNode.apartments, on) : []),
    [buildingNode, on],
  );
  const { known, addKnown } = useKnownPeople(owners, memberPeople);

  // Members on the date change with the date and with a reload after a conflict: keep each decision the user made.
  const membersKey = `${board?.version}:${members.map((m) => m.id).join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run only when the loaded members change
  useEffect(() => {
    if (!board) return;
    const previous = (form.getFieldValue('current') as Array<CurrentRow | undefined> | undefined) ?? [];
    form.setFieldValue('current', mergeCurrentRows(members, previous));
  }, [membersKey]);

  useDefaultDirective(form);

  const placeInfo: BoardPlaceInfo | null = useMemo(() => {
    if (!board) return null;
    if (board.building)
      return { boardName: board.name, place: { kind: 'building', name: board.building.name, blockCount: board.building.blockCount } };
    if (board.complex)
      return { boardName: board.name, place: { kind: 'complex', name: board.complex.name, buildings: board.complex.buildings } };
    return null;
  }, [board]);

  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const [conflict, setConflict] = useState(false);
  const [requestError, setRequestError] = useState<{ text: string } | null>(null);
  const [consolidate, { loading: saving }] = useMutation(ConsolidateBoardDocument);

  const plan = useMemo(() => consolidatePlan(boardId, board?.version ?? 0, values), [boardId, board?.version, values]);
  const live = useMemo(() => consolidateViolations(plan, members, values, placeInfo), [plan, members, values, placeInfo]);
  const names = useMemo(() => new Map([...known].map(([id, p]) => [id, p.fullName])), [known]);
  const messages = mergeFieldErrors(
    onlyFields(
      fieldErrors(withNames(live.violations, names), language, consolidateFieldFor(plan)),
      (name) => attempted || touched.has(topKey(name)),
      attempted,
    ),
    refusal
      ? withoutChanged(
          {
            ...fieldErrors(withNames(refusal.violations, names), language, consolidateFieldFor(refusal.plan)),
          },
          refusal.changed,
        )
      : NO_ERRORS,
  );
  const resulting = resultingMembers(members, values);

  const onValuesChange = useCallback((changed: Partial<ConsolidateFormValues>) => {
    const keys = Object.keys(changed);
    // The member list is judged as a whole: a change to `add` is a change to the board too.
    const stale = keys.includes('add') ? [...keys, 'current'] : keys;
    setTouched((previous) => new Set([...previous, ...stale]));
    setRefusal((r) => (r ? { ...r, changed: [...new Set([...r.changed, ...stale])] } : r));
    setIncomplete(false);
  }, []);

  const submit = async () => {
    if (!board) return;
    setAttempted(true);
    setRequestError(null);
    setConflict(false);
    const current = form.getFieldsValue(true) as ConsolidateFormValues;
    const sent = consolidatePlan(boardId, board.version, current);
    if (!consolidateViolations(sent, members, current, placeInfo).complete) {
      setIncomplete(true);
      return;
    }
    try {
      const { data } = await consolidate({ variables: { input: sent.input } });
      if (!data) throw new Error('no data');
      const outcome = mutationOutcome(data.consolidateBoard);
      switch (outcome.kind) {
        case 'done':
          setRefusal(null);
          void navigate(`/organizations/${encodeURIComponent(outcome.data.id)}`, {
            state: { flash: 'consolidated', name: outcome.data.name } satisfies OrganizationDetailFlash,
          });
          return;
        case 'invalid':
          setRefusal({ violations: outcome.violations, plan: sent, changed: [] });
          return;
        case 'conflict':
          setRefusal(null);
          setConflict(true);
          return;
        default:
          setRequestError({ text: localizedText(outcome.message, language) });
      }
    } catch (error) {
      setRequestError(refusalText(error, language, t));
    }
  };

  if (query.error && !node) {
    return <LoadErrorAlert title={t('boards.consolidate.loadError')} error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!node && query.loading) return <Spin tip={t('common.loading')} fullscreen={false} />;
  if (!board) {
    return (
      <Result
        status="404"
        title={t('boards.consolidate.notBoard')}
        subTitle={t('boards.consolidate.notBoardText')}
        extra={
          <Button type="primary" onClick={() => void navigate('/boards')}>
            {t('boards.toList')}
          </Button>
        }
      />
    );
  }

  const heads = resulting.filter((m) => m.role === 'HEAD').length;
  const deputies = resulting.filter((m) => m.role === 'DEPUTY_HEAD').length;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1040 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('boards.consolidate.title')}: {board.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('boards.consolidate.intro')}
      </Typography.Paragraph>
      {board.validTo && board.validTo <= on && (
        <Alert type="warning" showIcon title={t('boards.consolidate.ended', { date: formatViDate(board.validTo) })} />
      )}

      <Form<ConsolidateFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
        disabled={saving}
      >
        <Flex gap={16} wrap>
          <Form.Item name="on" label={t('boards.field.on')} required {...itemStatus(messages, ['on'])}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} />
          </Form.Item>
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
        <Form.Item name="note" label={t('boards.field.note')} {...itemStatus(messages, ['note'])}>
          <Input.TextArea rows={2} />
        </Form.Item>

        <Form.Item label={t('boards.field.current')}>
          <Spin spinning={query.loading}>
            {members.length === 0 ? (
              <Typography.Text type="secondary">{t('boards.consolidate.noMembers', { date: formatViDate(on) })}</Typography.Text>
            ) : (
              <Form.List name="current">
                {(fields) => (
                  <Flex vertical gap={8}>
                    {fields.map((field, index) => {
                      const row = values.current?.[index];
                      const member = board.members.nodes.find((m) => m.id === row?.membershipId);
                      if (!member) return null;
                      const name = member.person.fullName;
                      const currentRole = boardRoleLabel(member.role, language);
                      const actionStatus = itemStatus(messages, ['current', index, 'action']);
                      const successorStatus = itemStatus(messages, ['current', index, 'byPersonId']);
                      return (
                        <Flex key={field.key} gap={12} align="start" wrap data-testid="current-member">
                          <Flex vertical style={{ width: 260 }}>
                            <Typography.Text strong>{personLabel(member.person)}</Typography.Text>
                            <Typography.Text type="secondary">
                              {currentRole}
                              {member.building ? ` — ${member.building.name}` : ''} ·{' '}
                              {t('boards.member.since', { date: formatViDate(member.validFrom) })}
                            </Typography.Text>
                          </Flex>
                          <Form.Item name={[field.name, 'action']} style={{ marginBottom: 0 }} {...actionStatus}>
                            <Radio.Group
                              aria-label={t('boards.member.action', { name })}
                              optionType="button"
                              options={[
                                { value: 'keep', label: t('boards.member.keep') },
                                { value: 'replace', label: t('boards.member.replace') },
                                { value: 'end', label: t('boards.member.end') },
                              ]}
                            />
                          </Form.Item>
                          {row?.action === 'replace' && (
                            <>
                              <Form.Item
                                name={[field.name, 'byPersonId']}
                                style={{ flex: 2, minWidth: 240, marginBottom: 0 }}
                                {...successorStatus}
                              >
                                <PersonSelect
                                  label={t('boards.member.successor', { name })}
                                  asOf={on}
                                  owners={owners}
                                  known={known}
                                  onFound={addKnown}
                                  {...(successorStatus.validateStatus ? { status: 'error' as const } : {})}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[field.name, 'role']}
                                style={{ flex: 1, minWidth: 180, marginBottom: 0 }}
                                {...itemStatus(messages, ['current', index, 'role'])}
                              >
                                <Select<BoardMemberRole>
                                  aria-label={t('boards.member.successorRole', { name })}
                                  allowClear
                                  placeholder={t('boards.member.sameRole', { role: currentRole })}
                                  options={BOARD_MEMBER_ROLES.map((r) => ({ value: r, label: boardRoleLabel(r, language) }))}
                                />
                              </Form.Item>
                            </>
                          )}
                        </Flex>
                      );
                    })}
                  </Flex>
                )}
              </Form.List>
            )}
          </Spin>
        </Form.Item>

        <Form.Item label={t('boards.field.add')}>
          <MemberListEditor
            listName="add"
            messages={messages}
            asOf={on}
            owners={owners}
            known={known}
            onFound={addKnown}
            addLabel={t('boards.member.add')}
          />
        </Form.Item>

        <Form.Item label={t('boards.field.result')} extra={t('boards.field.membersHint')} {...itemStatus(messages, MEMBERS_FIELD)}>
          <Typography.Text data-testid="board-result">
            {t('boards.field.resultSummary', { count: new Set(resulting.map((m) => m.personId)).size, heads, deputies })}
          </Typography.Text>
        </Form.Item>

        <BoardSubmitArea
          notice={
            conflict && (
              <VersionConflictAlert
                onReload={async () => {
                  await query.refetch();
                }}
              />
            )
          }
          incomplete={incomplete}
          refused={refusal !== null}
          attempted={attempted}
          general={messages.general}
          requestError={requestError}
          saving={saving}
          submitLabel={t('boards.consolidate.submit')}
          onCancel={() => void navigate(`/organizations/${encodeURIComponent(board.id)}`)}
        />
      </Form>
    </Flex>
  );
}
