/**
 * Server-side messages in zh-CN and en. Each module contributes its own catalogue with
 * `registerMessages`; the HTTP layer picks the language from Accept-Language (zh-CN by default).
 */
export type Lang = 'zh-CN' | 'en';
export type MessageCatalogue = Record<string, { 'zh-CN': string; en: string }>;

const catalogue: MessageCatalogue = {};

export function registerMessages(messages: MessageCatalogue): void {
  Object.assign(catalogue, messages);
}

export function pickLanguage(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Translate `code` with `{name}` placeholders filled from params; falls back to the code itself. */
export function t(lang: Lang, code: string, params: Record<string, unknown> = {}): string {
  const entry = catalogue[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? `{${key}}` : String(value);
  });
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}
