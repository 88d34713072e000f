// The console's shell: header (who, language, sign-out), navigation by role and a hash router
// (#/audit, #/audit/{cycle}/{nip}, #/cycle/{cycle}, #/mine, #/appraisal/{cycle}/{nip}). Read-only: every view
// reads the JSON API; the API decides every access (README "Console").
import './styles.css';
import { disposeCharts } from './charts.js';
import { append, clear, h } from './dom.js';
import { lang, setLang, t, type MessageKey } from './i18n.js';
import { go } from './nav.js';
import { has, label, signOut, who } from './session.js';
import { renderAppraisal } from './views/appraisal.js';
import { renderCycle } from './views/cycle.js';
import { renderFinder } from './views/finder.js';
import { renderReplay } from './views/replay.js';
import { renderSignIn } from './views/sign-in.js';

const main = document.getElementById('main')!;
const top = document.getElementById('top')!;

function currentRoute(): { path: string[]; query: URLSearchParams } {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query ?? '') };
}

function home(): string {
  const w = who();
  if (has(w, 'AUDITOR')) return '#/audit';
  if (has(w, 'HR')) return '#/cycle';
  return '#/mine';
}

function renderHeader(): void {
  clear(top);
  document.documentElement.lang = lang();
  document.title = t('appName');
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skip');
  const w = who();
  const links: [string, MessageKey][] = [];
  if (has(w, 'AUDITOR', 'HR')) links.push(['#/audit', 'navAudit'], ['#/cycle', 'navCycle']);
  if (w?.nip) links.push(['#/mine', 'navMine']);
  const here = location.hash.split('/')[1] ?? '';
  append(top, [
    h('span', { class: 'brand' }, t('appName')),
    w
      ? h(
          'nav',
          { 'aria-label': 'Menu' },
          h(
            'ul',
            {},
            links.map(([href, key]) =>
              h('li', {}, h('a', { href, 'aria-current': href.split('/')[1] === here ? 'page' : null }, t(key))),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'top-actions' },
      w
        ? h('span', { class: 'who', 'data-testid': 'who' }, t('signedInAs', { who: label() ?? w.name ?? w.sub }))
        : null,
      h(
        'button',
        {
          type: 'button',
          lang: lang() === 'id' ? 'en' : 'id',
          onclick: () => {
            setLang(lang() === 'id' ? 'en' : 'id');
            void render();
          },
        },
        t('switchTo'),
      ),
      w
        ? h(
            'button',
            {
              type: 'button',
              onclick: () => {
                signOut();
                go('#/');
              },
            },
            t('signOut'),
          )
        : null,
    ),
  ]);
}

async function render(): Promise<void> {
  disposeCharts();
  renderHeader();
  // Each render gets its own container: a slower earlier render that finishes late writes into a detached one.
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  const route = currentRoute();
  const w = who();
  if (!w) return renderSignIn(view);
  const [name, ...rest] = route.path;
  switch (name) {
    case 'audit':
      return rest.length >= 2 ? renderReplay(view, rest[0], rest[1], route.query) : renderFinder(view, route.query);
    case 'cycle':
      return renderCycle(view, rest[0]);
    case 'mine':
      return renderAppraisal(view, rest[0], w.nip);
    case 'appraisal':
      return renderAppraisal(view, rest[0], rest[1]);
    default:
      location.replace(home());
  }
}

window.addEventListener('hashchange', () => {
  void render().then(() => {
    // Focus moves to the new content for keyboard and screen-reader users; the page starts at its top.
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  });
});
void render();
