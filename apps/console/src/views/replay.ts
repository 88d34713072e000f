// Auditor / HR: one appraisal's replay (GET …/replay, ?asOf=), its integrity (GET …/integrity: the verifier's
// report, findings named per event) and its evidence pack (GET …/evidence-pack). README "Console".
import { download, get } from '../api.js';
import { clear, field, h } from '../dom.js';
import { t, tOr, when } from '../i18n.js';
import { go } from '../nav.js';
import { rememberCycle } from '../session.js';
import { failure, loading, section } from './common.js';
import { appraisalPath } from './data.js';

interface Step {
  revision: string;
  type: string;
  actor: { id: string; role: string } | null;
  occurredAt: string;
  reason: string | null;
  policyVersion: string | null;
  hash: string;
  evidenceIds: string[];
  data: Record<string, unknown> | null;
  stateAfter: Record<string, unknown> | null;
}

interface Replay {
  asOf: string | null;
  streamRevision: string;
  state: Record<string, unknown> | null;
  steps: Step[];
  nextCursor: string | null;
}

interface Finding {
  kind: string;
  revision?: string;
  eventId?: string;
  position?: string;
  sealIndex?: number;
  detail: string;
}

interface Integrity {
  ok: boolean;
  summary: { eventsChecked: number; seals: number; unsealedEvents: number; sealedUpTo: string | null };
  findings: Finding[];
  unsealedTail: { events: number; from: string }[];
  sealedBy: { sealIndex: number; revisions: string[] }[];
}

export async function renderReplay(main: HTMLElement, cycleId: string, nip: string, query: URLSearchParams) {
  rememberCycle(cycleId);
  const base = appraisalPath(cycleId, nip);
  const asOf = query.get('asOf') ?? undefined;
  const title = h('h1', {}, t('replayTitle', { name: nip }));
  main.append(title);
  // The name comes from the appraisal's view (names are the directory's, read at request time).
  void get<{ name: string | null }>(base)
    .then((v) => (title.textContent = t('replayTitle', { name: v.name ? `${v.name} (NIP ${nip})` : nip })))
    .catch(() => undefined);

  const integrityBox = h('div', {}, loading());
  const timelineBox = h('div', {}, loading());
  main.append(asOfControl(cycleId, nip, asOf), section('integrity', t('integrityTitle'), integrityBox));
  main.append(section('timeline', t('timeline'), timelineBox));

  const [integrity, replay] = await Promise.allSettled([get<Integrity>(`${base}/integrity`), allSteps(base, asOf)]);
  const findingsByRevision = new Map<string, Finding[]>();
  clear(integrityBox);
  if (integrity.status === 'fulfilled') {
    for (const f of integrity.value.findings) {
      if (f.revision !== undefined)
        findingsByRevision.set(f.revision, [...(findingsByRevision.get(f.revision) ?? []), f]);
    }
    integrityBox.append(integrityReport(integrity.value, cycleId, nip));
  } else {
    integrityBox.append(failure(integrity.reason));
  }
  clear(timelineBox);
  if (replay.status === 'rejected') {
    timelineBox.append(failure(replay.reason));
    return;
  }
  const { steps, state } = replay.value;
  if (asOf) timelineBox.append(h('p', { role: 'status' }, t('asOfShowing', { at: when(asOf), count: steps.length })));
  if (state) timelineBox.append(h('h3', {}, t('stateNow')), stateSummary(state));
  timelineBox.append(
    h(
      'ol',
      { class: 'timeline', 'data-testid': 'replay-steps' },
      steps.map((s) => stepItem(s, findingsByRevision.get(s.revision) ?? [])),
    ),
  );
}

async function allSteps(base: string, asOf: string | undefined): Promise<Replay> {
  const first = await get<Replay>(`${base}/replay`, { asOf });
  let replay = first;
  const steps = [...first.steps];
  while (replay.nextCursor) {
    replay = await get<Replay>(`${base}/replay`, { asOf, after: replay.nextCursor });
    steps.push(...replay.steps);
  }
  return { ...first, state: replay.state, steps };
}

function asOfControl(cycleId: string, nip: string, asOf: string | undefined): HTMLElement {
  const input = h('input', { type: 'datetime-local', name: 'asOf', step: 1, 'data-testid': 'as-of' });
  if (asOf) input.value = toLocalInput(new Date(asOf));
  const target = (value?: string) =>
    `#/audit/${encodeURIComponent(cycleId)}/${encodeURIComponent(nip)}${value ? `?asOf=${encodeURIComponent(value)}` : ''}`;
  return h(
    'form',
    {
      class: 'filters',
      'aria-label': t('asOf'),
      onsubmit: (event: Event) => {
        event.preventDefault();
        go(target(input.value ? new Date(input.value).toISOString() : undefined));
      },
    },
    field(t('asOf'), input, t('asOfHint')),
    h('button', { type: 'submit', 'data-testid': 'as-of-apply' }, t('asOfApply')),
    h('button', { type: 'button', onclick: () => go(target()) }, t('asOfClear')),
  );
}

function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const kindName = (kind: string) => tOr(`kind_${kind}`, kind);

function integrityReport(report: Integrity, cycleId: string, nip: string): HTMLElement {
  const { summary } = report;
  return h(
    'div',
    {},
    h(
      'p',
      { class: `badge ${report.ok ? 'ok' : 'bad'}`, 'data-testid': 'integrity-status', role: 'status' },
      report.ok ? `✔ ${t('verified')}` : `✖ ${t('notVerified')}`,
    ),
    h(
      'p',
      {},
      t('integritySummary', { events: summary.eventsChecked, seals: summary.seals, unsealed: summary.unsealedEvents }),
    ),
    report.sealedBy.length > 0
      ? h(
          'ul',
          {},
          report.sealedBy.map((s) =>
            h('li', {}, t('sealedBy', { seal: s.sealIndex, revisions: s.revisions.join(', ') })),
          ),
        )
      : null,
    report.unsealedTail.map((u) => h('p', {}, t('unsealedTail', { events: u.events, from: u.from }))),
    report.findings.length > 0
      ? h(
          'div',
          { class: 'findings', 'data-testid': 'integrity-findings' },
          h('h3', {}, t('findings')),
          h(
            'ul',
            {},
            report.findings.map((f) =>
              h('li', {}, t('finding', { kind: kindName(f.kind), revision: f.revision ?? '—', detail: f.detail })),
            ),
          ),
        )
      : null,
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'evidence-pack',
          onclick: () =>
            void download(`${appraisalPath(cycleId, nip)}/evidence-pack`, `evidence-pack-${cycleId}-${nip}.json`),
        },
        t('evidencePack'),
      ),
      ' ',
      h('small', {}, t('evidencePackHint')),
    ),
  );
}

function stepItem(step: Step, findings: Finding[]): HTMLElement {
  const links = evidenceLinks(step);
  return h(
    'li',
    { class: findings.length > 0 ? 'step altered' : 'step', 'data-testid': `step-${step.revision}` },
    h('h3', {}, `#${step.revision} ${step.type}`),
    findings.length > 0
      ? h(
          'p',
          { class: 'error', role: 'alert' },
          t('stepAltered', { kinds: findings.map((f) => `${kindName(f.kind)} (${f.detail})`).join('; ') }),
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('time')),
      h('dd', {}, h('time', { datetime: step.occurredAt }, when(step.occurredAt))),
      h('dt', {}, t('actor')),
      h('dd', {}, step.actor?.id ?? t('none')),
      h('dt', {}, t('role')),
      h('dd', {}, step.actor?.role ?? t('none')),
      h('dt', {}, t('reason')),
      h('dd', {}, step.reason ?? t('none')),
      h('dt', {}, t('evidence')),
      h('dd', {}, links.length > 0 ? links : t('none')),
      h('dt', {}, t('hash')),
      h('dd', { class: 'mono' }, step.hash.slice(0, 16) + '…'),
    ),
    step.stateAfter ? h('details', {}, h('summary', {}, t('stateAfter')), stateSummary(step.stateAfter)) : null,
  );
}

/** Evidence ids the event names, and the links an objection or statement carries (http(s) only). */
function evidenceLinks(step: Step): (HTMLElement | string)[] {
  const out: (HTMLElement | string)[] = step.evidenceIds.map((id) => h('span', { class: 'chip' }, id));
  const evidence = (step.data?.evidence ?? []) as { url?: string | null; description?: string; kind?: string }[];
  if (Array.isArray(evidence)) {
    for (const e of evidence) {
      if (e.url && /^https?:\/\//.test(e.url)) {
        out.push(h('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, e.description ?? e.url));
      } else if (e.description) out.push(h('span', { class: 'chip' }, e.description));
    }
  }
  return out;
}

/** The state after a step, as the facts an auditor reads: plan, ratings, predikat, approvals, objections. */
function stateSummary(state: Record<string, unknown>): HTMLElement {
  const plan = state.plan as { status?: string; submissions?: number } | null;
  const ratings = (state.ratings ?? []) as { version: number; status: string; predikat: string | null }[];
  const approved = state.approved as { version: number; predikat: string } | null;
  const result = state.result as { predikat: string } | null;
  const objections = (state.objections ?? []) as {
    objectionId: string;
    status: string;
    outcome: string | null;
    predikatAfter: string | null;
  }[];
  const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  return h(
    'dl',
    { class: 'facts state' },
    row(t('status'), `${String(state.status ?? '')} / ${String(state.phase ?? '')}`),
    row('SKP', plan ? `${plan.status ?? ''} (${plan.submissions ?? 0}×)` : t('none')),
    row(
      t('ratingVersions'),
      ratings.length > 0
        ? ratings.map((r) => `v${r.version} ${r.status}${r.predikat ? ` ${r.predikat}` : ''}`).join('; ')
        : t('none'),
    ),
    row(t('predikat'), approved ? `v${approved.version} ${approved.predikat}` : t('none')),
    row(t('myResult'), result?.predikat ?? t('none')),
    row(
      t('objectionTitle'),
      objections.length > 0
        ? objections
            .map(
              (o) =>
                `${o.objectionId}: ${o.status}${o.outcome ? ` → ${o.outcome}` : ''}${o.predikatAfter ? ` (${o.predikatAfter})` : ''}`,
            )
            .join('; ')
        : t('none'),
    ),
  );
}
