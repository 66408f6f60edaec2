import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type BaseKey,
  isLanguage,
  type KeysOf,
  type Language,
  type MessageModule,
  type MessageParams,
  translate,
  translator,
} from './dictionary';

const STORAGE_KEY = 'coso.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** A base message (app, shell, menu, pager, lists) in the current language, parameters filled in. */
  t(key: BaseKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The stored choice (localStorage), Vietnamese when there is none or storage is unavailable. */
function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

/** Vietnamese by default, English by the switch; the choice is kept in localStorage. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = storedLanguage();
    applyLanguage(initial);
    return initial;
  });

  useEffect(() => applyLanguage(language), [language]);

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage disabled (private mode, policy): the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n() outside <LanguageProvider>');
  return context;
}

/**
 * `useI18n` for a page or component that uses a feature's own messages: pass the modules it uses
 * (e.g. `useMessages(reportMessages)`); its `t` accepts their keys and the base ones. The modules
 * are imported by the component, so they travel in its chunk, not on the first screen.
 */
export function useMessages<const Ms extends readonly MessageModule[]>(...modules: Ms) {
  const { language, setLanguage } = useI18n();
  // Modules are module-level constants: the same identities on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: spread modules are stable constants
  const t = useMemo(() => translator(language, modules), [language, ...modules]);
  return { language, setLanguage, t };
}

/** The `t` of `useMessages(...modules)`, for helpers that receive it. */
export type Translate<M extends MessageModule = never> = (key: BaseKey | KeysOf<M>, params?: MessageParams) => string;
