import type { Language } from '../i18n/dictionary';

/** A moment (ISO date-time) as the user reads it: "03/12/2026 17:05" in both languages (the app writes dates dd/mm/yyyy). */
export function formatMoment(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
