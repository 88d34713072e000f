import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** A refusal or failure, said in the page (role=alert so it is announced). */
export function failure(error: unknown): HTMLElement {
  const text =
    error instanceof ApiError
      ? error.status === 401 || error.status === 403 || error.status === 404
        ? t('refused', { status: error.status, message: error.message })
        : t('error', { message: `${error.code}: ${error.message}` })
      : t('error', { message: String(error) });
  return h('p', { class: 'error', role: 'alert', 'data-testid': 'error' }, text);
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

/** A section with a heading that labels it. */
export function section(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': `${id}-h`, 'data-testid': id },
    h('h2', { id: `${id}-h` }, title),
    ...children,
  );
}

/** The method text of one audit, from docs/subjectivity-audits.md, one click away (a native disclosure). */
export function method(text: string | undefined): HTMLElement | null {
  if (!text) return null;
  return h('details', { class: 'method' }, h('summary', {}, t('method')), h('div', { class: 'method-text' }, text));
}

export function numbers(content: HTMLElement): HTMLElement {
  return h('details', { class: 'numbers' }, h('summary', {}, t('numbers')), content);
}
