import { foldDiacritics } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { MESSAGE_MODULES } from './all-messages';
import { LANGUAGES, type Language, type MessageKey, messageParams, serverErrorText, translate, translator } from './dictionary';

// The whole dictionary, every module merged: what the tests below check.
const merged = (language: Language): Record<MessageKey, string> =>
  Object.assign({}, ...Object.values(MESSAGE_MODULES).map((m) => m[language]));
const vi = merged('vi');
const en = merged('en');
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { vi, en };

describe('the i18n dictionary', () => {
  const keys = Object.keys(vi).sort();

  it("defines each key in one feature module only, with the module's prefix", () => {
    const seen = new Map<string, string>();
    for (const [module, messages] of Object.entries(MESSAGE_MODULES)) {
      for (const key of Object.keys(messages.vi)) {
        expect(seen.get(key), `${key} is defined in ${seen.get(key)} and ${module}`).toBeUndefined();
        seen.set(key, module);
      }
    }
    expect(seen.size).toBe(Object.keys(vi).length);
  });

  it('has every key in every language', () => {
    for (const language of LANGUAGES) expect(Object.keys(DICTIONARIES[language]).sort()).toEqual(keys);
  });

  it('has no empty message, and Vietnamese in NFC', () => {
    for (const language of LANGUAGES) {
      for (const [key, message] of Object.entries(DICTIONARIES[language])) {
        expect(message.trim(), `${language} ${key}`).not.toBe('');
        expect(message.normalize('NFC'), `${language} ${key} is NFC`).toBe(message);
      }
    }
  });

  it('uses the same parameters in Vietnamese and English', () => {
    for (const key of keys) {
      const k = key as MessageKey;
      expect(messageParams(en[k]), key).toEqual(messageParams(vi[k]));
    }
  });

  it('translates every message (the same text in both languages only where listed)', () => {
    // The signer's position is printed in the (Vietnamese) party document as typed: its example is Vietnamese in both UIs.
    const sameByDesign = new Set(['language.vi', 'language.en', 'lists.periodClosed', 'report.document.signerPositionPlaceholder']);
    const untranslated = Object.keys(vi).filter((key) => {
      const k = key as MessageKey;
      return vi[k] === en[k] && !sameByDesign.has(key);
    });
    expect(untranslated).toEqual([]);
  });

  it('writes Vietnamese with diacritics, in NFC', () => {
    const withDiacritics = Object.values(vi).filter((message) => foldDiacritics(message) !== message);
    expect(withDiacritics.length).toBeGreaterThan(Object.keys(vi).length / 2);
  });
});

describe('translate', () => {
  it('fills parameters of base messages', () => {
    expect(translate('en', 'pager.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });

  it("translates a feature's messages with its module, and the base ones too", () => {
    const t = translator('vi', [MESSAGE_MODULES.organizations]);
    expect(t('organizations.list.total', { count: 14 })).toBe('14 tổ chức');
    expect(t('pager.previous')).toBe('Trang trước');
  });
});

describe('serverErrorText', () => {
  it('reads the language from the error’s { vi, en }, never by splitting the message', () => {
    const error = {
      message: 'Mã "a / b" không hợp lệ. / Code "a / b" is not valid.',
      extensions: { code: 'BAD_USER_INPUT', localizedMessage: { vi: 'Mã "a / b" không hợp lệ.', en: 'Code "a / b" is not valid.' } },
    };
    expect(serverErrorText(error, 'vi')).toBe('Mã "a / b" không hợp lệ.');
    expect(serverErrorText(error, 'en')).toBe('Code "a / b" is not valid.');
  });

  it('shows a message from elsewhere (a proxy) as it came', () => {
    expect(serverErrorText({ message: 'Bad Gateway' }, 'vi')).toBe('Bad Gateway');
  });
});
