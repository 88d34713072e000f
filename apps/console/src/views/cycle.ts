// Auditor / HR: one cycle. Phases with who moved them (GET /cycles/{id}); each population's distribution
// against the pinned curve (GET …/audits/curve, bounds from the policy pinned in CycleOpened: GET …/events);
// determinations and overrides (GET …/distribution); the objection queue (GET /objections); the subjectivity
// audits (GET …/audits/*) with their method and numbers; CSV downloads. README "Console".
import { download, get } from '../api.js';
import { distributionChart, raterEffectsChart, type CurveBound } from '../charts.js';
import { append, clear, field, h, table } from '../dom.js';
import { t, when } from '../i18n.js';
import { methodOf } from '../methods.js';
import { go } from '../nav.js';
import { lastCycle, rememberCycle } from '../session.js';
import { failure, loading, method, numbers, section } from './common.js';
import { cyclePath, listCycles, unitNamesOf } from './data.js';

interface Cycle {
  cycleId: string;
  agencyId: string;
  name: string;
  phase: string;
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  phaseHistory: {
    from: string;
    to: string;
    reason: string;
    at: string;
    by: { id: string; role: string };
    notReady?: number;
  }[];
}

interface Population {
  populationId: string;
  unitPredikat: string | null;
  determined: boolean;
  counts: Record<string, number> | null;
  activeAppraisals: number;
  violations?: { message: string }[];
  override?: { justification: string } | null;
  determinedAt?: string | null;
  determinedBy?: { id: string; role: string } | null;
  flaggedAfterDetermination?: boolean;
}

interface CurveAudit {
  nationalPattern: Record<string, number>;
  populations: {
    populationId: string;
    unitPredikat: string | null;
    rated: number;
    shares: Record<string, number>;
    pinnedCurve: { ok: boolean; violations: { message: string }[] } | null;
    override: { justification: string; by: { id: string; role: string } } | null;
  }[];
}

export async function renderCycle(main: HTMLElement, cycleIdParam: string | undefined): Promise<void> {
  const cycleId = cycleIdParam ?? lastCycle();
  if (!cycleIdParam) {
    // Choose a cycle: the last one looked at, else the first listed.
    try {
      const first = cycleId ?? (await listCycles())[0]?.cycleId;
      if (first) return go(`#/cycle/${encodeURIComponent(first)}`);
    } catch (error) {
      main.append(failure(error));
      return;
    }
    main.append(h('p', {}, t('noResults')));
    return;
  }
  rememberCycle(cycleIdParam);
  const base = cyclePath(cycleIdParam);
  const wait = loading();
  main.append(wait);
  let cycle: Cycle;
  try {
    cycle = await get<Cycle>(base);
  } catch (error) {
    wait.replaceWith(failure(error));
    return;
  }
  wait.remove();
  const units = await unitNamesOf(cycle.agencyId);
  const unitName = (id: string) => units.get(id) ?? id;
  append(main, [
    h('h1', {}, t('cycleTitle', { name: cycle.name })),
    await cyclePicker(cycle.cycleId),
    h(
      'p',
      {},
      `${t('phase')}: `,
      h('strong', { 'data-testid': 'cycle-phase' }, cycle.phase),
      ` · ${t('period')}: ${cycle.periodStart} – ${cycle.periodEnd} (${cycle.timeZone})`,
    ),
    section(
      'phases',
      t('phases'),
      table(
        t('phases'),
        [t('from'), t('to'), t('reason'), t('time'), t('by')],
        cycle.phaseHistory.map((p) => [p.from, p.to, p.reason, when(p.at), `${p.by.id} (${p.by.role})`]),
      ),
    ),
  ]);

  const distributionBox = h('div', {}, loading());
  const objectionsBox = h('div', {}, loading());
  const auditsBox = h('div', {}, loading());
  main.append(
    section('distribution', t('distributionTitle'), distributionBox),
    section('objections', t('objectionsTitle'), objectionsBox),
    section('audits', t('auditsTitle'), auditsBox),
  );
  await Promise.all([
    renderDistribution(distributionBox, base, unitName).catch((e) => distributionBox.replaceChildren(failure(e))),
    renderObjections(objectionsBox, cycle.cycleId, unitName).catch((e) => objectionsBox.replaceChildren(failure(e))),
    renderAudits(auditsBox, base, unitName).catch((e) => auditsBox.replaceChildren(failure(e))),
  ]);
}

async function cyclePicker(current: string): Promise<HTMLElement | null> {
  let cycles;
  try {
    cycles = await listCycles();
  } catch {
    return null;
  }
  const select = h(
    'select',
    { name: 'cycle' },
    cycles.map((c) => h('option', { value: c.cycleId, selected: c.cycleId === current }, `${c.name} (${c.cycleId})`)),
  );
  return h(
    'form',
    {
      class: 'filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        go(`#/cycle/${encodeURIComponent(select.value)}`);
      },
    },
    field(t('cycle'), select),
    h('button', { type: 'submit' }, t('show')),
  );
}

/** The pinned curves: the policy the cycle pinned at opening, as its CycleOpened event carries it. */
async function pinnedCurves(base: string): Promise<Record<string, CurveBound[]>> {
  const page = await get<{
    items: { type: string; data: { policy?: { distribution?: { curves?: Record<string, CurveBound[]> } } } }[];
  }>(`${base}/events`, { limit: '1' });
  return page.items[0]?.data?.policy?.distribution?.curves ?? {};
}

async function renderDistribution(box: HTMLElement, base: string, unitName: (id: string) => string) {
  const [curve, distribution, curves] = await Promise.all([
    get<CurveAudit>(`${base}/audits/curve`),
    get<{ populations: Population[] }>(`${base}/distribution`),
    pinnedCurves(base).catch(() => ({}) as Record<string, CurveBound[]>),
  ]);
  const chartEl = h('div', { class: 'chart', 'data-testid': 'distribution-chart', role: 'img' });
  const select = h(
    'select',
    { name: 'population', 'data-testid': 'population' },
    curve.populations.map((p) =>
      h('option', { value: p.populationId }, `${unitName(p.populationId)} — ${p.unitPredikat ?? t('none')}`),
    ),
  );
  let chart: ReturnType<typeof distributionChart> | undefined;
  const draw = () => {
    const p = curve.populations.find((x) => x.populationId === select.value);
    if (!p) return;
    chart?.dispose();
    chartEl.setAttribute(
      'aria-label',
      t('distributionChart', { population: unitName(p.populationId), unitPredikat: p.unitPredikat ?? t('none') }),
    );
    chart = distributionChart(chartEl, {
      shares: p.shares,
      rated: p.rated,
      national: curve.nationalPattern,
      bounds: p.unitPredikat ? (curves[p.unitPredikat] ?? []) : [],
    });
  };
  select.addEventListener('change', draw);
  box.replaceChildren(field(t('population'), select), chartEl);
  draw();
  const byId = new Map(distribution.populations.map((p) => [p.populationId, p]));
  box.append(
    table(
      t('distributionTitle'),
      [t('population'), t('unitPredikat'), 'n', t('counts'), t('violations'), t('overrideCol'), t('determination')],
      curve.populations.map((p) => {
        const d = byId.get(p.populationId);
        const counts = d?.counts
          ? ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']
              .map((k) => d.counts?.[k] ?? 0)
              .join(' / ')
          : t('none');
        const violations = p.pinnedCurve?.violations ?? [];
        return [
          unitName(p.populationId),
          p.unitPredikat ?? t('none'),
          p.rated,
          counts,
          violations.length > 0
            ? h(
                'ul',
                {},
                violations.map((v) => h('li', {}, v.message)),
              )
            : t('none'),
          p.override ? `${p.override.justification} (${p.override.by.id})` : t('none'),
          d?.determined
            ? `${d.determinedBy?.id ?? ''} · ${when(d.determinedAt)}${d.flaggedAfterDetermination ? ` · ${t('flagged')}` : ''}`
            : t('notDetermined'),
        ];
      }),
      { testid: 'distribution-table' },
    ),
  );
}

interface QueueItem {
  objectionId: string;
  nip: string;
  name: string | null;
  unitId: string;
  status: string;
  filedAt: string;
  deciderName: string | null;
  deciderNip: string | null;
  decisionDue: { lastDay: string; timeZone: string } | null;
  overdue: boolean;
  outcome: string | null;
}

async function renderObjections(box: HTMLElement, cycleId: string, unitName: (id: string) => string) {
  const page = await get<{ items: QueueItem[] }>('/api/v1/objections', { cycleId, limit: '200' });
  box.replaceChildren(
    table(
      t('objectionsTitle'),
      [t('name'), t('unit'), t('status'), t('filedAt'), t('decider'), t('decisionDue'), t('outcome')],
      page.items.map((o) => [
        h(
          'a',
          { href: `#/audit/${encodeURIComponent(cycleId)}/${encodeURIComponent(o.nip)}` },
          `${o.name ?? o.nip} (${o.nip})`,
        ),
        unitName(o.unitId),
        o.status,
        when(o.filedAt),
        o.deciderName ?? o.deciderNip ?? t('none'),
        o.decisionDue
          ? h(
              'span',
              { class: o.overdue ? 'overdue' : '' },
              `${o.decisionDue.lastDay} (${o.decisionDue.timeZone}) · ${o.overdue ? t('overdue') : t('onTime')}`,
            )
          : t('none'),
        o.outcome ?? t('none'),
      ]),
      { testid: 'objection-queue' },
    ),
    csvButton(`/api/v1/objections.csv?cycleId=${encodeURIComponent(cycleId)}`, `keberatan-${cycleId}.csv`),
  );
}

function csvButton(path: string, fileName: string): HTMLElement {
  return h(
    'p',
    {},
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => void download(path, fileName) },
      `${t('csv')}: ${fileName}`,
    ),
  );
}

interface RaterEffect {
  raterNip: string;
  ratings: number;
  effect: number;
  interval: [number, number];
  flag: string | null;
  reason: string;
}
interface Flagged {
  raterNip: string;
  ratings: number;
  share: number;
  restShare: number;
  pValue: number;
  flagged: boolean;
  reason: string;
}
interface GroupGap {
  group: string;
  suppressed: boolean;
  people?: number;
  sangatBaikShare?: number;
  belowBaikShare?: number;
  restSangatBaikShare?: number;
  restBelowBaikShare?: number;
}

async function renderAudits(box: HTMLElement, base: string, unitName: (id: string) => string) {
  const a = `${base}/audits`;
  const [effects, central, halo, gaps, conflicts, evidence, curve] = await Promise.all([
    get<{ effects: RaterEffect[]; ratings: number; raters: number }>(`${a}/rater-effects`),
    get<{ items: Flagged[] }>(`${a}/central-tendency`),
    get<{ items: Flagged[] }>(`${a}/halo`),
    get<{ items: Record<string, unknown>[] }>(`${a}/gaps`),
    get<{
      underConflict: { ratings: number; sangatBaikShare: number | null; baikShare: number | null };
      rest: { ratings: number; sangatBaikShare: number | null; baikShare: number | null };
    }>(`${a}/conflicts-of-interest`),
    get<{ items: Record<string, unknown>[] }>(`${a}/evidence`),
    get<CurveAudit>(`${a}/curve`),
  ]);
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? t('none') : `${Math.round(x * 1000) / 10}%`;
  const num = (x: number) => (Math.round(x * 100) / 100).toString();

  // Every flag in one list first: what an auditor looks for.
  const flags: string[] = [
    ...effects.effects.filter((e) => e.flag).map((e) => `${t('raterEffects')}: ${e.raterNip} ${e.flag} — ${e.reason}`),
    ...central.items.filter((c) => c.flagged).map((c) => `${t('centralTendency')}: ${c.raterNip} — ${c.reason}`),
    ...halo.items.filter((c) => c.flagged).map((c) => `${t('halo')}: ${c.raterNip} — ${c.reason}`),
    ...curve.populations
      .filter((p) => p.pinnedCurve && !p.pinnedCurve.ok)
      .map((p) =>
        t('curveFlag', {
          population: unitName(p.populationId),
          unitPredikat: p.unitPredikat ?? '',
          count: p.pinnedCurve?.violations.length ?? 0,
        }),
      ),
  ];
  const chartEl = h('div', {
    class: 'chart tall',
    'data-testid': 'rater-effects-chart',
    role: 'img',
    'aria-label': t('raterEffectsChart'),
  });
  const dimension = h(
    'select',
    { name: 'dimension', 'data-testid': 'group-dimension' },
    ['gender', 'golongan', 'ageBand', 'tenureBand'].map((d) => h('option', { value: d }, d)),
  );
  const groupBox = h('div', {}, loading());
  const loadGroups = async () => {
    try {
      const g = await get<{ items: GroupGap[] }>(`${a}/group-gaps`, { dimension: dimension.value });
      groupBox.replaceChildren(
        table(
          `${t('groupGaps')}: ${dimension.value}`,
          [t('group'), 'n', 'SANGAT_BAIK', '< BAIK', 'SANGAT_BAIK (rest)', '< BAIK (rest)'],
          g.items.map((x) =>
            x.suppressed
              ? [x.group, h('em', { class: 'suppressed' }, t('suppressed')), '', '', '', '']
              : [
                  x.group,
                  x.people ?? 0,
                  pct(x.sangatBaikShare),
                  pct(x.belowBaikShare),
                  pct(x.restSangatBaikShare),
                  pct(x.restBelowBaikShare),
                ],
          ),
          { testid: 'group-gaps' },
        ),
      );
    } catch (error) {
      groupBox.replaceChildren(failure(error));
    }
  };
  dimension.addEventListener('change', () => void loadGroups());

  clear(box);
  append(box, [
    h(
      'div',
      {
        class: flags.length > 0 ? 'flags has-flags' : 'flags',
        'data-testid': 'audit-flags',
        role: 'region',
        'aria-label': t('auditFlags'),
      },
      h('h3', {}, t('auditFlags')),
      flags.length > 0
        ? h(
            'ul',
            {},
            flags.map((f) => h('li', {}, `⚑ ${f}`)),
          )
        : h('p', {}, t('noFlags')),
    ),
    h('h3', {}, t('raterEffects')),
    method(methodOf('Leniency and severity')),
    chartEl,
    numbers(
      table(
        t('raterEffects'),
        [t('rater'), t('ratings'), t('effect'), t('interval'), t('flag'), t('reason')],
        effects.effects.map((e) => [
          e.raterNip,
          e.ratings,
          num(e.effect),
          `[${num(e.interval[0])}, ${num(e.interval[1])}]`,
          e.flag ?? t('none'),
          e.reason,
        ]),
      ),
    ),
    h('h3', {}, t('centralTendency')),
    method(methodOf('Central tendency')),
    table(
      t('centralTendency'),
      [t('rater'), t('ratings'), t('share'), `${t('share')} (rest)`, t('pValue'), t('flag'), t('reason')],
      central.items.map((c) => [
        c.raterNip,
        c.ratings,
        pct(c.share),
        pct(c.restShare),
        num(c.pValue),
        c.flagged ? t('flagged') : t('none'),
        c.reason,
      ]),
    ),
    h('h3', {}, t('halo')),
    method(methodOf('Halo')),
    table(
      t('halo'),
      [t('rater'), t('ratings'), t('share'), t('pValue'), t('flag'), t('reason')],
      halo.items.map((c) => [
        c.raterNip,
        c.ratings,
        pct(c.share),
        num(c.pValue),
        c.flagged ? t('flagged') : t('none'),
        c.reason,
      ]),
    ),
    h('h3', {}, t('gaps')),
    method(methodOf('Self, peer and supervisor gaps')),
    table(
      t('gaps'),
      gaps.items[0] ? Object.keys(gaps.items[0]) : [],
      gaps.items.map((g) => Object.values(g).map((v) => (v === null ? t('none') : String(v)))),
    ),
    h('h3', {}, t('groupGaps')),
    method(methodOf('Group gaps')),
    field(t('dimension'), dimension),
    groupBox,
    h('h3', {}, t('conflicts')),
    table(
      t('conflicts'),
      ['', t('ratings'), 'SANGAT_BAIK', 'BAIK'],
      [
        [
          t('conflicts'),
          conflicts.underConflict.ratings,
          pct(conflicts.underConflict.sangatBaikShare),
          pct(conflicts.underConflict.baikShare),
        ],
        ['rest', conflicts.rest.ratings, pct(conflicts.rest.sangatBaikShare), pct(conflicts.rest.baikShare)],
      ],
    ),
    h('h3', {}, t('evidenceAudit')),
    table(
      t('evidenceAudit'),
      evidence.items[0] ? Object.keys(evidence.items[0]) : [],
      evidence.items.map((g) => Object.values(g).map((v) => (v === null ? t('none') : String(v)))),
    ),
    csvButton(`${a}/raters.csv`, 'rater-audit.csv'),
  ]);
  raterEffectsChart(
    chartEl,
    effects.effects.map((e) => ({ label: e.raterNip, effect: e.effect, interval: e.interval, flag: e.flag })),
  );
  await loadGroups();
}
