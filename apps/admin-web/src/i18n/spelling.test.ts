import { modernTonePlacements } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { MESSAGE_MODULES } from './all-messages';

/**
 * The admin web's words keep one spelling: the traditional tone placement on oa/oe/uy ("Khóa",
 * "hủy", "xóa"), as the server's messages and state documents write them (tests/spelling checks
 * the server's texts and every module's source).
 */
describe('the dictionary spelling', () => {
  it('writes every message of every module in the traditional tone placement', () => {
    const found = Object.entries(MESSAGE_MODULES).flatMap(([module, messages]) =>
      Object.entries({ ...messages.vi, ...prefixed(messages.en, 'en:') }).flatMap(([key, text]) =>
        modernTonePlacements(text).map((f) => `${module} ${key}: "${f.word}" → "${f.traditional}"`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('reads the whole dictionary', () => {
    const count = Object.values(MESSAGE_MODULES).reduce((n, m) => n + Object.keys(m.vi).length, 0);
    expect(count).toBeGreaterThan(300);
  });
});

/** English messages name Vietnamese things too ("Phường …"): checked under their own keys. */
function prefixed(messages: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([key, text]) => [prefix + key, text]));
}
