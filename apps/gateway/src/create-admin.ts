import { emitKeypressEvents } from 'node:readline';
import { createAccount, createRequestContext, type PrismaClient, passwordProblem, ValidationError } from '@coso/schema';

/**
 * `coso users create-admin`: the first administrator of a real installation (the demo accounts
 * belong to the sample data only). The account is made by the same use-case as the API's
 * `createAccount` (no GraphQL document runs in-process), as the platform itself, so it gets the same checks, the scrypt hash and an audit entry.
 */

export const ADMIN_PASSWORD_VARIABLE = 'COSO_ADMIN_PASSWORD';

/** A refusal the person at the terminal can act on, Vietnamese first. */
export class CreateAdminRefused extends Error {
  constructor(readonly problems: ReadonlyArray<{ vi: string; en: string }>) {
    super(
      [
        'Không tạo được tài khoản quản trị:',
        ...problems.map((p) => `  - ${p.vi}`),
        'Could not create the administrator account:',
        ...problems.map((p) => `  - ${p.en}`),
      ].join('\n'),
    );
    this.name = 'CreateAdminRefused';
  }
}

/** Where the password comes from: the environment, else a prompt (typed twice, not echoed) on a terminal. */
export async function readAdminPassword(env: NodeJS.ProcessEnv, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): Promise<string> {
  const fromEnv = env[ADMIN_PASSWORD_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!stdin.isTTY) {
    throw new CreateAdminRefused([
      {
        vi: `Chưa có mật khẩu: đặt biến môi trường ${ADMIN_PASSWORD_VARIABLE}, hoặc chạy lệnh trong một terminal để nhập mật khẩu.`,
        en: `No password: set the ${ADMIN_PASSWORD_VARIABLE} environment variable, or run the command in a terminal to type it.`,
      },
    ]);
  }
  const first = await promptHidden('Mật khẩu / Password: ', stdin, stdout);
  // Refused before it is typed again (and before the database starts).
  const weak = passwordProblem(first);
  if (weak) throw new CreateAdminRefused([weak]);
  const again = await promptHidden('Nhập lại mật khẩu / Repeat the password: ', stdin, stdout);
  if (again !== first) throw new CreateAdminRefused([{ vi: 'Hai lần nhập mật khẩu không khớp.', en: 'The two passwords differ.' }]);
  return first;
}

/** Reads a line from the terminal without echoing it (raw mode, key by key, via node:readline). */
export function promptHidden(question: string, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    stdout.write(question);
    emitKeypressEvents(stdin);
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error: Error | null) => {
      stdin.off('keypress', onKey);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onKey = (chunk: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (key?.ctrl && (key.name === 'c' || key.name === 'd')) return done(new CreateAdminRefused([{ vi: 'Đã hủy.', en: 'Cancelled.' }]));
      if (key?.name === 'return' || key?.name === 'enter') return done(null);
      if (key?.name === 'backspace') {
        typed = [...typed].slice(0, -1).join('');
        return;
      }
      if (chunk && !key?.ctrl) typed += chunk;
    };
    stdin.on('keypress', onKey);
  });
}

/** Creates a SYSTEM_ADMIN account; refuses a weak password or a username already taken. */
export async function createAdmin(
  prisma: PrismaClient,
  input: { username: string; displayName: string; password: string },
): Promise<{ username: string }> {
  const weak = passwordProblem(input.password);
  if (weak) throw new CreateAdminRefused([weak]);
  const username = input.username.trim().toLowerCase();
  if (await prisma.account.count({ where: { username } })) {
    throw new CreateAdminRefused([
      {
        vi: `Tên đăng nhập "${username}" đã có; chọn tên khác (hoặc đổi mật khẩu của tài khoản đó bằng updateAccount).`,
        en: `Username "${username}" is taken; choose another (or change that account's password with updateAccount).`,
      },
    ]);
  }
  // The same use-case as the API's createAccount, as the platform itself (audited as 'system').
  const ctx = await createRequestContext({ prisma, viewer: { kind: 'system' } });
  try {
    const created = await createAccount(ctx, {
      username,
      displayName: input.displayName,
      password: input.password,
      role: 'SYSTEM_ADMIN',
      scopeUnitId: null,
      partyOrganisation: true,
    });
    return { username: created.username };
  } catch (error) {
    if (error instanceof ValidationError) throw new CreateAdminRefused(error.violations.map((v) => v.message));
    throw error;
  }
}
