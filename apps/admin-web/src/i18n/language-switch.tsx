import { Segmented } from 'antd';
import { LANGUAGES, type Language } from './dictionary';
import { useI18n } from './language';

const SHORT: Record<Language, string> = { vi: 'VI', en: 'EN' };

/** VI | EN, each option titled with the language's own name. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: <span title={t(`language.${l}`)}>{SHORT[l]}</span> }))}
    />
  );
}
