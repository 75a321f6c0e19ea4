import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/** Anything with a Chinese name and an (optional, for SKUs) English one. */
interface Named {
  nameZh: string;
  nameEn: string | null;
}

export function localName(item: Named | null | undefined, lang: string): string {
  if (!item) return '';
  return lang === 'en' ? item.nameEn || item.nameZh : item.nameZh || item.nameEn || '';
}

/** `name(department)` → nameZh or nameEn following the UI language (re-renders on switch). */
export function useLocalName(): (item: Named | null | undefined) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback((item) => localName(item, lang), [lang]);
}

/** The UI language, re-rendering on switch. */
export function useLang(): string {
  const { i18n } = useTranslation();
  return i18n.language || currentLanguage();
}
