import { accountEndViolations, accountViolations } from '@coso/domain';
import { openDemoAccounts } from '../auth/demo-accounts.js';
import { clearThrottles } from '../auth/login-throttle.js';
import { hashPassword } from '../auth/passwords.js';
import { type LoginFailure, login, loginMessage, logout } from '../auth/sessions.js';
import { type AccountViewer, canWrite, isTerritorial, mayDownloadTemplates, seesPartyData, seesPersonalData } from '../auth/viewer.js';
import type { Account } from '../generated/prisma/client.js';
import { toDbDate } from '../store/db-dates.js';
import { type Tx, writeTransaction } from '../store/transaction.js';
import { createAccount } from '../use-cases/accounts.js';
import { builder, NAMED_ON_PUBLIC_RECORD, recordNode } from './builder.js';
import type { Context } from './context.js';
import { updateVersioned } from './entity-mutations.js';
import { NotFoundError, ValidationError, VersionConflictError, WRITE_ERRORS } from './errors.js';
import { dbId } from './ids.js';
import { references } from './references.js';

/**
 * Accounts, sessions and the signed-in viewer. Unauthenticated requests reach only `login` (and
 * the gateway's health endpoints); everything else needs a session token (`Authorization: Bearer`).
 */
export const AccountRole = builder.enumType('AccountRole', {
  values: {
    SYSTEM_ADMIN: { description: 'Quản trị hệ thống / System administrator: everything.' },
    DISTRICT_STAFF: { description: 'Cán bộ quận / District staff: read and write the district and below.' },
    WARD_STAFF: { description: 'Cán bộ phường / Ward staff: read and write their ward and below.' },
    ANALYST: { description: 'Phân tích / Analyst: read everything, aggregates and reports; personal details masked.' },
    VIEWER: { description: 'Xem / Viewer: read-only, masked.' },
  } as const,
});

export const AccountRef = recordNode('Account', {
  description: 'Tài khoản / A user account.',
  id: { field: 'id' },
  authScopes: { admin: true },
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: AccountRole }),
    scopeUnit: t.relation('scopeUnit', { nullable: true }),
    partyOrganisation: t.exposeBoolean('partyOrganisation'),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    lockedAt: t.expose('lockedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Khóa ngay lúc / Locked at this instant (lockAccount); null when not locked that way.',
    }),
    version: t.exposeInt('version'),
  }),
});

/** What the signed-in user may do, so the web app can hide what the server would refuse anyway. */
const Permissions = builder.objectRef<AccountViewer>('Permissions').implement({
  fields: (t) => ({
    canWrite: t.boolean({ resolve: (v) => canWrite(v) }),
    territorial: t.boolean({ resolve: (v) => isTerritorial(v) }),
    seesPersonalData: t.boolean({ description: 'Citizen IDs and phones unmasked.', resolve: (v) => seesPersonalData(v) }),
    seesPartyData: t.boolean({ description: 'Party membership visible.', resolve: (v) => seesPartyData(v) }),
    admin: t.boolean({ resolve: (v) => v.role === 'SYSTEM_ADMIN' }),
    downloadsTemplates: t.boolean({
      description:
        'May download the import templates, empty or filled with a kind’s records as this account reads them (GET /imports/templates, GET /exports/templates).',
      resolve: (v) => mayDownloadTemplates(v),
    }),
  }),
});

const Me = builder.objectRef<AccountViewer>('Me').implement({
  description: 'Người đang đăng nhập / The signed-in user.',
  // One's own territory is one's own to read — also in the answer of `login`, whose request is still
  // the anonymous caller's (the unit itself: what lies below it needs a session).
  grantScopes: () => [NAMED_ON_PUBLIC_RECORD],
  fields: (t) => ({
    username: t.string({ resolve: (v) => v.username }),
    displayName: t.string({ resolve: (v) => v.displayName }),
    role: t.field({ type: AccountRole, resolve: (v) => v.role }),
    scopeUnit: t.prismaField({
      type: 'AdministrativeUnit',
      nullable: true,
      skipTypeScopes: true,
      resolve: (query, v, _a, ctx) => {
        if (!v.scopeUnitId) return null;
        // The request's own scope unit came with its session (Access): no statement, unless the
        // selection asks relations of it.
        const read = ctx.access.viewer === v && !hasRelations(query) ? ctx.access.scopeUnit(v.scopeUnitId) : null;
        return read ?? ctx.prisma.administrativeUnit.findUnique({ ...query, where: { id: v.scopeUnitId } });
      },
    }),
    permissions: t.field({ type: Permissions, resolve: (v) => v }),
  }),
});

/** Whether a plugin-prisma query asks relations (an `include`, or a nested `select`) beyond a row's columns. */
function hasRelations(query: { include?: unknown; select?: unknown }): boolean {
  const nested = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length > 0;
  if (nested(query.include)) return true;
  return typeof query.select === 'object' && query.select !== null && Object.values(query.select).some((v) => v !== true && v !== false);
}

interface LoginOk {
  token: string;
  expiresAt: Date;
  viewer: AccountViewer;
}
/**
 * A refused login, returned as data (the `LoginResult` union). Not an `Error` subclass: graphql-js
 * turns any returned Error into a field error, which would hide the code from the client.
 */
class LoginError {
  readonly localized: { vi: string; en: string };
  readonly message: string;
  constructor(
    readonly code: LoginFailure,
    readonly retryAt: Date | null = null,
  ) {
    this.localized = loginMessage(code, retryAt);
    this.message = `${this.localized.vi} / ${this.localized.en}`;
  }
}

builder.objectType(LoginError, {
  name: 'LoginError',
  description: 'Đăng nhập thất bại / Login refused: INVALID_CREDENTIALS, RATE_LIMITED or ACCOUNT_DISABLED.',
  isTypeOf: (v) => v instanceof LoginError,
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
    messageVi: t.string({ resolve: (e) => e.localized.vi }),
    messageEn: t.string({ resolve: (e) => e.localized.en }),
    retryAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'RATE_LIMITED: the instant from which this account may be tried again from this address.',
      resolve: (e) => e.retryAt,
    }),
  }),
});

const LoginSuccess = builder.objectRef<LoginOk>('LoginSuccess').implement({
  fields: (t) => ({
    token: t.string({ description: 'Send as `Authorization: Bearer <token>`.', resolve: (r) => r.token }),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
    me: t.field({ type: Me, resolve: (r) => r.viewer }),
  }),
});

const LoginResult = builder.unionType('LoginResult', {
  types: [LoginSuccess, LoginError],
  resolveType: (v) => (v instanceof LoginError ? 'LoginError' : 'LoginSuccess'),
});

builder.queryField('me', (t) =>
  t.field({
    type: Me,
    nullable: true,
    skipTypeScopes: true,
    description: 'Người đang đăng nhập, hoặc null / The signed-in user, or null.',
    resolve: (_r, _a, ctx) => (ctx.viewer.kind === 'account' ? ctx.viewer : null),
  }),
);

/** Facts about this installation that the admin web shows before anyone signs in. */
const Installation = builder.objectRef<Record<string, never>>('Installation').implement({
  description: 'Cài đặt này / This installation: what the admin web warns about before sign-in.',
  fields: (t) => ({
    openDemoAccounts: t.stringList({
      description:
        'Tài khoản demo còn đăng nhập được bằng mật khẩu công bố / Demo accounts that still sign in with their published password (usernames). Not empty: end them (`endAccount`) or change their passwords before real use.',
      resolve: (_p, _a, ctx) => openDemoAccounts(ctx.prisma),
    }),
  }),
});

builder.queryField('installation', (t) =>
  t.field({
    type: Installation,
    skipTypeScopes: true,
    description: 'Công khai / Public: facts about this installation (no sign-in needed).',
    resolve: () => ({}),
  }),
);

builder.queryField('accounts', (t) =>
  t.prismaConnection({
    type: 'Account',
    cursor: 'id',
    authScopes: { admin: true },
    totalCount: (_p, _a, ctx) => ctx.prisma.account.count(),
    resolve: (query, _p, _a, ctx) => ctx.prisma.account.findMany({ ...query, orderBy: [{ username: 'asc' }] }),
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: LoginResult,
    skipTypeScopes: true,
    description:
      'Đăng nhập / Sign in. Failed attempts are slowed down per account and address, per account and per address (growing delays; see API.md).',
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx: Context) => {
      const result = await login(ctx.prisma, args.username, args.password, ctx.clientAddress ?? 'unknown');
      if (!result.ok) return new LoginError(result.failure, result.retryAt ?? null);
      // The request keeps the caller it started with: the token works from the next request on, so
      // a write after `login` in the same operation is decided and audited as the caller (anonymous:
      // UNAUTHENTICATED), never half as one account and half as another.
      return { token: result.token, expiresAt: result.expiresAt, viewer: result.viewer };
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    skipTypeScopes: true,
    authScopes: { signedIn: true },
    description: 'Đăng xuất / Sign out: the session token stops working.',
    resolve: (_r, _a, ctx) => logout(ctx.prisma, ctx.viewer),
  }),
);

const AccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true }),
    role: t.field({ type: AccountRole, required: true }),
    scopeUnitId: t.id({
      required: false,
      description: 'Required for district and ward staff.',
      extensions: references('AdministrativeUnit'),
    }),
    partyOrganisation: t.boolean({ required: false }),
    validFrom: t.field({ type: 'Date', required: false }),
  }),
});

builder.mutationField('createAccount', (t) =>
  t.field({
    type: AccountRef,
    skipTypeScopes: true,
    authScopes: { admin: true },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: AccountInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createAccount(ctx, { ...input, scopeUnitId: input.scopeUnitId ? dbId(input.scopeUnitId, 'AdministrativeUnit') : null }),
  }),
);

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  fields: (t) => ({
    id: t.id({ required: true, extensions: references('Account', { write: true }) }),
    version: t.int({ required: true }),
    displayName: t.string({ required: false }),
    password: t.string({ required: false }),
    role: t.field({ type: AccountRole, required: false }),
    scopeUnitId: t.id({ required: false, extensions: references('AdministrativeUnit') }),
    partyOrganisation: t.boolean({ required: false }),
  }),
});

builder.mutationField('updateAccount', (t) =>
  t.field({
    type: AccountRef,
    skipTypeScopes: true,
    authScopes: { admin: true },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: UpdateAccountInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const id = dbId(input.id, 'Account');
      const current = await ctx.prisma.account.findUnique({ where: { id } });
      if (!current) throw new NotFoundError('Account', id);
      if (current.version !== input.version) throw new VersionConflictError('Account', id, input.version, current.version);
      const scopeUnitId =
        input.scopeUnitId === undefined ? current.scopeUnitId : input.scopeUnitId ? dbId(input.scopeUnitId, 'AdministrativeUnit') : null;
      const role = input.role ?? current.role;
      const violations = accountViolations({ role, scopeUnitId, password: input.password ?? null });
      if (violations.length) throw new ValidationError(violations);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return writeTransaction(ctx.prisma, 'updateAccount', ctx.writer, async (tx) => {
        await updateVersioned(tx, 'account', 'Account', id, input.version, {
          ...(input.displayName ? { displayName: input.displayName.normalize('NFC').trim() } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          role,
          scopeUnitId,
          ...(input.partyOrganisation != null ? { partyOrganisation: input.partyOrganisation } : {}),
        });
        // A changed role, territory or password ends the account's open sessions.
        await tx.session.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: new Date() } });
        return tx.account.findUniqueOrThrow({ where: { id } });
      });
    },
  }),
);

builder.mutationField('endAccount', (t) =>
  t.field({
    type: AccountRef,
    skipTypeScopes: true,
    authScopes: { admin: true },
    errors: { types: WRITE_ERRORS },
    description: 'Khóa tài khoản / Disable an account from a date; its sessions end.',
    args: {
      input: t.arg({
        type: builder.inputRef<{ id: string; version: number; on: string }>('EndAccountInput').implement({
          fields: (f) => ({
            id: f.id({ required: true, extensions: references('Account', { write: true }) }),
            version: f.int({ required: true }),
            on: f.field({ type: 'Date', required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      const id = dbId(input.id, 'Account');
      const current = await ctx.prisma.account.findUnique({ where: { id } });
      if (!current) throw new NotFoundError('Account', id);
      const violations = accountEndViolations(current.validFrom.toISOString().slice(0, 10), input.on);
      if (violations.length) throw new ValidationError(violations);
      return writeTransaction(ctx.prisma, 'endAccount', ctx.writer, async (tx) => {
        await updateVersioned(tx, 'account', 'Account', id, input.version, { validTo: toDbDate(input.on) });
        await tx.session.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: new Date() } });
        return tx.account.findUniqueOrThrow({ where: { id } });
      });
    },
  }),
);

const AccountIdInput = (name: string) =>
  builder.inputRef<{ id: string; version: number }>(name).implement({
    fields: (f) => ({
      id: f.id({ required: true, extensions: references('Account', { write: true }) }),
      version: f.int({ required: true }),
    }),
  });

/** An administrator's action on one account at the version they read, in one audited transaction. */
function accountAction(name: string, description: string, act: (tx: Tx, account: Account, version: number) => Promise<void>): void {
  const Input = AccountIdInput(`${name.charAt(0).toUpperCase()}${name.slice(1)}Input`);
  builder.mutationField(name, (t) =>
    t.field({
      type: AccountRef,
      skipTypeScopes: true,
      authScopes: { admin: true },
      errors: { types: WRITE_ERRORS },
      description,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, { input }, ctx) => {
        const id = dbId(input.id, 'Account');
        const current = await ctx.prisma.account.findUnique({ where: { id } });
        if (!current) throw new NotFoundError('Account', id);
        return writeTransaction(ctx.prisma, name, ctx.writer, async (tx) => {
          await act(tx, current, input.version);
          return tx.account.findUniqueOrThrow({ where: { id } });
        });
      },
    }),
  );
}

accountAction(
  'lockAccount',
  'Khóa ngay / Lock an account now: it is refused from this instant and its sessions end in the same transaction (also on the day it was created). endAccount locks from a later date.',
  async (tx, account, version) => {
    const now = new Date();
    // Locking again keeps the first instant.
    await updateVersioned(tx, 'account', 'Account', account.id, version, { lockedAt: account.lockedAt ?? now });
    await tx.session.updateMany({ where: { accountId: account.id, revokedAt: null }, data: { revokedAt: now } });
  },
);

accountAction(
  'clearLoginThrottles',
  'Bỏ hạn chế đăng nhập / Unlock sign-in: the account’s failed-login delays (from every address) start afresh. Known places stay known; only the account’s version moves (the audit trail records who cleared them).',
  async (tx, account, version) => {
    await clearThrottles(tx, account.username);
    // The counters are a log, not records: the account is touched so the trail (and its version)
    // shows who cleared them and when; a stale version is a conflict like any other write.
    const touched = await tx.$executeRaw`UPDATE accounts SET version = version WHERE id = ${account.id}::uuid AND version = ${version}`;
    if (touched !== 1) throw new VersionConflictError('Account', account.id, version, account.version);
  },
);
