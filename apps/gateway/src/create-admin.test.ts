import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_VARIABLE, CreateAdminRefused, readAdminPassword } from './create-admin.js';

/** A terminal stand-in: stdin that says it is a TTY and records raw-mode switches, stdout that collects output. */
function terminal() {
  const stdin = new PassThrough();
  const raw: boolean[] = [];
  Object.assign(stdin, {
    isTTY: true,
    isRaw: false,
    setRawMode(mode: boolean) {
      raw.push(mode);
      Object.assign(stdin, { isRaw: mode });
      return stdin;
    },
  });
  const stdout = new PassThrough();
  let shown = '';
  stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
  });
  const until = async (text: string) => {
    for (let i = 0; i < 100 && !shown.includes(text); i++) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    raw,
    shown: () => shown,
    type: (text: string) => stdin.write(text),
    until,
  };
}

describe('the administrator password', () => {
  it('comes from COSO_ADMIN_PASSWORD when set', async () => {
    const t = terminal();
    expect(await readAdminPassword({ [ADMIN_PASSWORD_VARIABLE]: 'tu-bien-moi-truong' }, t.stdin, t.stdout)).toBe('tu-bien-moi-truong');
    expect(t.shown()).toBe('');
  });

  it('is asked for twice on a terminal, without echo (backspace works)', async () => {
    const t = terminal();
    const answer = readAdminPassword({}, t.stdin, t.stdout);
    await t.until('Mật khẩu / Password: ');
    t.type('mat-khau-bi-matX\x7f\r');
    await t.until('Nhập lại mật khẩu');
    t.type('mat-khau-bi-mat\r');
    expect(await answer).toBe('mat-khau-bi-mat');
    expect(t.shown()).not.toContain('mat-khau');
    expect(t.raw).toEqual([true, false, true, false]);
  });

  it('refuses a weak password at once, and two entries that differ', async () => {
    const weak = terminal();
    const refused = readAdminPassword({}, weak.stdin, weak.stdout);
    await weak.until('Password: ');
    weak.type('ngan\r');
    await expect(refused).rejects.toThrow(/^Không tạo được tài khoản quản trị:\n {2}- Mật khẩu phải có ít nhất 10 ký tự\./);
    expect(weak.shown()).not.toContain('Nhập lại');

    const differ = terminal();
    const mismatch = readAdminPassword({}, differ.stdin, differ.stdout);
    await differ.until('Password: ');
    differ.type('mat-khau-thu-nhat\r');
    await differ.until('Nhập lại');
    differ.type('mat-khau-thu-hai\r');
    await expect(mismatch).rejects.toBeInstanceOf(CreateAdminRefused);
    await expect(mismatch).rejects.toThrow('The two passwords differ.');
  });

  it('without the variable and without a terminal, says how to give it', async () => {
    const t = terminal();
    Object.assign(t.stdin, { isTTY: false });
    await expect(readAdminPassword({}, t.stdin, t.stdout)).rejects.toThrow(/COSO_ADMIN_PASSWORD/);
  });
});
