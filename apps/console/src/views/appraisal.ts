// Employee (and anyone the API lets read it): one appraisal as the caller may see it (GET …/appraisals/{nip}),
// its history (plan, rating versions and decisions, objections), the standing of its unit in aggregates (GET
// …/distribution, counts only where the population reaches the anonymity minimum), and the objection deadline.
// Another person's appraisal is refused by the API (403) and the page says so.
import { ApiError, get } from '../api.js';
import { append, field, h, table } from '../dom.js';
import { t, when } from '../i18n.js';
import { go } from '../nav.js';
import { lastCycle, rememberCycle, who } from '../session.js';
import { failure, loading, section } from './common.js';
import { all, appraisalPath, cyclePath, type AppraisalRow } from './data.js';

interface Window {
  lastDay: string;
  timeZone: string;
}

interface View {
  nip: string;
  name: string | null;
  unitId: string;
  raterName: string | null;
  raterSupervisorName: string | null;
  status: string;
  period: { start: string; end: string; timeZone: string };
  plan: { status: string; history: { kind: string; at: string; comments: string | null }[] } | null;
  ratings: {
    version: number;
    status: string;
    rating: { predikat: string | null; hasilKerja: string; perilaku: string; submittedAt: string };
    decisions: { kind: string; at: string; reasons: string | null }[];
  }[];
  result: { predikat: string; hasilKerja: string; perilaku: string; publishedAt: string } | null;
  objections: {
    objectionId: string;
    status: string;
    filedAt: string;
    window: Window;
    decisionDue: Window | null;
    decision: { outcome?: string } | null;
  }[];
}

export async function renderAppraisal(main: HTMLElement, cycleParam: string | undefined, nip: string | undefined) {
  main.append(h('h1', {}, t('mineTitle')));
  const cycleId = cycleParam ?? lastCycle();
  const input = h('input', { type: 'text', name: 'cycle', value: cycleId ?? '', required: true });
  main.append(
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (e: Event) => {
          e.preventDefault();
          go(`#/appraisal/${encodeURIComponent(input.value)}/${encodeURIComponent(nip ?? '')}`);
        },
      },
      field(t('employeeCycle'), input),
      h('button', { type: 'submit' }, t('show')),
    ),
  );
  if (!cycleId || !nip) return;
  rememberCycle(cycleId);
  const wait = loading();
  main.append(wait);
  let view: View;
  try {
    view = await get<View>(appraisalPath(cycleId, nip));
  } catch (error) {
    const own = who()?.nip === nip;
    wait.replaceWith(
      error instanceof ApiError && error.status === 403 && !own
        ? h(
            'div',
            { role: 'alert', class: 'error', 'data-testid': 'error' },
            h('p', {}, h('strong', {}, t('notOwn'))),
            h('p', {}, t('refused', { status: error.status, message: error.message })),
          )
        : failure(error),
    );
    return;
  }
  wait.remove();
  main.querySelector('h1')!.textContent = `${t('mineTitle')}: ${view.name ?? view.nip}`;
  const result = view.result;
  main.append(
    section(
      'result',
      t('myResult'),
      h(
        'dl',
        { class: 'facts', 'data-testid': 'own-appraisal' },
        h('dt', {}, t('nip')),
        h('dd', {}, view.nip),
        h('dt', {}, t('unit')),
        h('dd', {}, view.unitId),
        h('dt', {}, t('rater')),
        h('dd', {}, view.raterName ?? t('none')),
        h('dt', {}, t('period')),
        h('dd', {}, `${view.period.start} – ${view.period.end} (${view.period.timeZone})`),
        h('dt', {}, t('predikat')),
        h('dd', {}, h('strong', {}, result?.predikat ?? t('none'))),
        h('dt', {}, t('hasilKerja')),
        h('dd', {}, result?.hasilKerja ?? t('none')),
        h('dt', {}, t('perilaku')),
        h('dd', {}, result?.perilaku ?? t('none')),
        h('dt', {}, t('status')),
        h('dd', {}, result ? t('published', { at: when(result.publishedAt) }) : t('notPublished')),
      ),
    ),
    section(
      'history',
      t('history'),
      h('h3', {}, t('planHistory')),
      h(
        'ul',
        {},
        (view.plan?.history ?? []).map((p) =>
          h('li', {}, `${when(p.at)}: ${p.kind}${p.comments ? ` — ${p.comments}` : ''}`),
        ),
      ),
      h(
        'ul',
        {},
        view.ratings.map((r) =>
          h(
            'li',
            {},
            t('ratingVersion', { version: r.version, status: r.status }),
            ` · ${r.rating.hasilKerja} / ${r.rating.perilaku} → ${r.rating.predikat ?? t('none')} · ${when(r.rating.submittedAt)}`,
            h(
              'ul',
              {},
              r.decisions.map((d) => h('li', {}, `${when(d.at)}: ${d.kind}${d.reasons ? ` — ${d.reasons}` : ''}`)),
            ),
          ),
        ),
      ),
    ),
  );
  const objectionBox = h('div', {});
  const standingBox = h('div', {}, loading());
  main.append(
    section('objection', t('objectionTitle'), objectionBox),
    section('standing', t('standingTitle'), standingBox),
  );

  // The own row carries the population and the last day to object once the result is received.
  let row: AppraisalRow | undefined;
  try {
    // An employee lists only their own row; a rater their ratees' (a few pages at most).
    row = (await all<AppraisalRow>(`${cyclePath(cycleId)}/appraisals`, {}, 1000)).find((r) => r.nip === nip);
  } catch {
    row = undefined;
  }
  const window = view.objections[0]?.window;
  const lastDay = row?.objectionLastDay ?? window?.lastDay;
  append(objectionBox, [
    h(
      'p',
      { 'data-testid': 'objection-deadline' },
      lastDay
        ? t('objectionDeadline', { day: lastDay, zone: window?.timeZone ?? view.period.timeZone })
        : t('objectionDeadlineUnknown'),
    ),
    view.objections.length > 0
      ? h(
          'ul',
          {},
          view.objections.map((o) =>
            h(
              'li',
              {},
              t('objectionStatus', { id: o.objectionId, status: o.status, due: o.decisionDue?.lastDay ?? t('none') }),
            ),
          ),
        )
      : null,
    result ? h('p', {}, h('a', { href: '/docs' }, t('objectionFile'))) : null,
  ]);
  standingBox.replaceChildren(await standing(cycleId, nip, row?.populationId ?? view.unitId));
}

type Group = { suppressed: false; count: number; share: number } | { suppressed: true };

interface MyStanding {
  populationId: string;
  unitPredikat: string | null;
  people: number;
  predikat: ({ predikat: string } & Group)[];
  override: { used: boolean; justification: string | null };
  standing: { predikat: string; above: Group; at: Group; below: Group } | null;
}

/**
 * The caller's own standing (GET …/my-standing: counts under the anonymity minimum suppressed); for someone
 * reading another's appraisal (a rater), the unit's aggregates from GET …/distribution.
 */
async function standing(cycleId: string, nip: string, populationId: string): Promise<HTMLElement> {
  const pct = (g: Group) => (g.suppressed ? t('suppressed') : `${g.count} (${Math.round(g.share * 1000) / 10}%)`);
  try {
    if (who()?.nip === nip) {
      const s = await get<MyStanding>(`${cyclePath(cycleId)}/my-standing`);
      return h(
        'div',
        { 'data-testid': 'my-standing' },
        h('p', {}, t('standingNote')),
        table(
          `${t('standingTitle')}: ${s.populationId} · ${t('unitPredikat')} ${s.unitPredikat ?? t('none')} · n = ${s.people}`,
          [t('predikat'), t('ratings')],
          s.predikat.map((c) => [c.predikat, pct(c)]),
        ),
        s.standing
          ? h(
              'p',
              {},
              t('standingOwn', {
                predikat: s.standing.predikat,
                above: pct(s.standing.above),
                at: pct(s.standing.at),
                below: pct(s.standing.below),
              }),
            )
          : null,
        s.override.used ? h('p', {}, t('override', { justification: s.override.justification ?? '' })) : null,
      );
    }
    const distribution = await get<{
      populations: {
        populationId: string;
        unitPredikat: string | null;
        activeAppraisals: number;
        counts: Record<string, number> | null;
      }[];
    }>(`${cyclePath(cycleId)}/distribution`);
    const mine = distribution.populations.find((p) => p.populationId === populationId);
    return h(
      'div',
      {},
      h('p', {}, t('standingNote')),
      mine?.counts
        ? table(
            t('standingTitle'),
            [t('unitPredikat'), 'n', ...Object.keys(mine.counts)],
            [[mine.unitPredikat ?? t('none'), mine.activeAppraisals, ...Object.values(mine.counts)]],
          )
        : h('p', {}, t('none')),
    );
  } catch (error) {
    return failure(error);
  }
}
