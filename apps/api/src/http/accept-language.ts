// Which language an error message is written in: Bahasa Indonesia when the client prefers it
// (`Accept-Language: id`, `id-ID`, q-values honoured), English otherwise. Codes never change.

import { INDONESIAN_MESSAGES } from './messages-id.js';

export type MessageLanguage = 'en' | 'id';

/** The preferred supported language of an Accept-Language header; English when none is acceptable. */
export function messageLanguage(header: string | string[] | undefined): MessageLanguage {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'en';
  let best: { language: MessageLanguage; q: number } | undefined;
  for (const part of value.split(',').slice(0, 32)) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    // `in` is the withdrawn ISO 639 code for Indonesian that old Java clients still send.
    const language = primary === 'id' || primary === 'in' ? 'id' : primary === 'en' ? 'en' : undefined;
    if (!language) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** `body` with its message in the client's language (a code without a translation keeps English). */
export function localize<T extends { code: string; message: string }>(
  body: T,
  acceptLanguage: string | string[] | undefined,
): { body: T; language: MessageLanguage } {
  const translated = messageLanguage(acceptLanguage) === 'id' ? INDONESIAN_MESSAGES[body.code] : undefined;
  return translated ? { body: { ...body, message: translated }, language: 'id' } : { body, language: 'en' };
}
