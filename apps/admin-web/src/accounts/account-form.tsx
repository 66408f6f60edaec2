import { useMutation } from '@apollo/client/react';
import { ACCOUNT_ROLE_LABELS, ACCOUNT_ROLES, type AccountRole, accountViolations, isTerritorialRole } from '@coso/domain';
import { Alert, Button, Flex, Form, Input, Modal, message, Select, Switch } from 'antd';
import { useState } from 'react';
import { mutationOutcome } from '../forms/mutation-outcome';
import { VersionConflictAlert } from '../forms/version-conflict-alert';
import { fieldErrors, type ViolationLike } from '../forms/violations';
import type { AccountsListQuery } from '../gql/graphql';
import { errorText } from '../graphql-client/error-text';
import { useMessages } from '../i18n/language';
import { accountsMessages } from '../i18n/messages/accounts';
import { formsMessages } from '../i18n/messages/forms';
import { CreateAccountDocument, UpdateAccountDocument } from './accounts-documents';
import { ScopeUnitPicker } from './scope-unit-picker';

type AccountRow = NonNullable<AccountsListQuery['accounts']>['nodes'][number];

interface Values {
  username: string;
  displayName: string;
  role: AccountRole;
  scopeUnitId: string | null;
  partyOrganisation: boolean;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'scopeUnitId', 'partyOrganisation', 'password'] as const;

export interface AccountFormProps {
  /** The account to edit; none to create one. */
  account: AccountRow | null;
  open: boolean;
  onClose(): void;
  /** After a save: refetches the list (also the "reload" of a version conflict). */
  onSaved(): Promise<unknown>;
}

/**
 * Creating or editing an account. The domain's account rules (username, territory exactly for
 * district and ward staff, password length) run as the administrator types; the server's answer
 * goes on the same fields. An edit sends the version it read.
 */
export function AccountForm({ account, open, onClose, onSaved }: AccountFormProps) {
  const { t, language } = useMessages(accountsMessages, formsMessages);
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [createAccount, creating] = useMutation(CreateAccountDocument);
  const [updateAccount, updating] = useMutation(UpdateAccountDocument);
  const role = Form.useWatch('role', form);
  const editing = account !== null;

  const initial: Values = account
    ? {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        scopeUnitId: account.scopeUnit?.id ?? null,
        partyOrganisation: account.partyOrganisation,
        password: '',
      }
    : { username: '', displayName: '', role: 'WARD_STAFF', scopeUnitId: null, partyOrganisation: false, password: '' };

  /** The domain's rules over the values, plus the fields a form must have. */
  function check(values: Values): ViolationLike[] {
    const out: ViolationLike[] = accountViolations({
      username: editing ? undefined : values.username,
      role: values.role,
      scopeUnitId: values.scopeUnitId ?? null,
      password: values.password || (editing ? undefined : ''),
    });
    if (!values.displayName?.trim()) {
      out.push({ code: 'REQUIRED_FIELD', path: ['displayName'], message: { vi: 'Nhập tên hiển thị.', en: 'Enter a display name.' } });
    }
    return out;
  }

  /** Shows the rules' messages on the fields the user has touched (all of them on submit). */
  function show(violations: readonly ViolationLike[], onlyTouched: boolean): void {
    const { fields } = fieldErrors(violations, language);
    form.setFields(
      FIELDS.filter((name) => !onlyTouched || form.isFieldTouched(name)).map((name) => ({
        name,
        errors: fields.find((f) => f.name[0] === name)?.errors ?? [],
      })),
    );
  }

  async function submit(): Promise<void> {
    const values = { ...initial, ...form.getFieldsValue(true) } as Values;
    const problems = check(values);
    setGeneral([]);
    if (problems.length > 0) {
      show(problems, false);
      return;
    }
    const scopeUnitId = isTerritorialRole(values.role) ? values.scopeUnitId : null;
    try {
      const outcome = account
        ? mutationOutcome(
            (
              await updateAccount({
                variables: {
                  input: {
                    id: account.id,
                    version: account.version,
                    displayName: values.displayName,
                    role: values.role,
                    scopeUnitId,
                    partyOrganisation: values.partyOrganisation,
                    ...(values.password ? { password: values.password } : {}),
                  },
                },
              })
            ).data?.updateAccount ?? { __typename: 'NotFoundError', localizedMessage: { vi: '', en: '' } },
          )
        : mutationOutcome(
            (
              await createAccount({
                variables: {
                  input: {
                    username: values.username,
                    displayName: values.displayName,
                    role: values.role,
                    scopeUnitId,
                    partyOrganisation: values.partyOrganisation,
                    password: values.password,
                  },
                },
              })
            ).data?.createAccount ?? { __typename: 'NotFoundError', localizedMessage: { vi: '', en: '' } },
          );
      if (outcome.kind === 'done') {
        void message.success(t('accounts.form.saved', { username: account?.username ?? values.username.trim().toLowerCase() }));
        await onSaved();
        onClose();
      } else if (outcome.kind === 'invalid') {
        const { fields, general: rest } = fieldErrors(outcome.violations, language, (path) =>
          FIELDS.includes(path[0] as (typeof FIELDS)[number]) ? [path[0] as string] : null,
        );
        form.setFields(fields.map((f) => ({ name: f.name[0] as keyof Values, errors: f.errors })));
        setGeneral(rest.length > 0 ? rest : [t('forms.invalid')]);
      } else if (outcome.kind === 'conflict') {
        setConflict(true);
      } else {
        setGeneral([t('forms.notFound')]);
      }
    } catch (error) {
      setGeneral([errorText(error, language)]);
    }
  }

  const saving = creating.loading || updating.loading;
  return (
    <Modal
      open={open}
      title={editing ? t('accounts.form.editTitle', { username: account.username }) : t('accounts.form.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onValuesChange={(_changed, all) => show(check({ ...initial, ...all }), true)}
        onFinish={() => void submit()}
      >
        <Form.Item name="username" label={t('accounts.form.username')} extra={editing ? undefined : t('accounts.form.usernameHint')}>
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.form.displayName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.form.role')}>
          <Select<AccountRole> options={ACCOUNT_ROLES.map((r) => ({ value: r, label: ACCOUNT_ROLE_LABELS[r][language] }))} />
        </Form.Item>
        {role && isTerritorialRole(role) && (
          <Form.Item name="scopeUnitId" label={t('accounts.form.scope')}>
            <ScopeUnitPicker current={account?.scopeUnit ?? null} />
          </Form.Item>
        )}
        <Form.Item
          name="partyOrganisation"
          label={t('accounts.form.partyOrganisation')}
          valuePropName="checked"
          extra={t('accounts.form.partyHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('accounts.form.newPassword') : t('accounts.form.password')}
          extra={editing ? t('accounts.form.newPasswordHint') : t('accounts.form.passwordHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>

        {conflict && <VersionConflictAlert onReload={onSaved} />}
        {general.length > 0 && <Alert type="error" showIcon role="alert" title={general.join(' ')} style={{ marginBottom: 16 }} />}

        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('forms.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {saving ? t('forms.saving') : t('forms.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
