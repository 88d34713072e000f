// Auditor / HR: find an appraisal by cycle, unit, and name or NIP. The list route filters by unit; the name or
// NIP match is done here over the cycle's rows (the route has no name filter).
import { field, h, table } from '../dom.js';
import { t } from '../i18n.js';
import { lastCycle, rememberCycle } from '../session.js';
import { failure, loading, section } from './common.js';
import { all, cyclePath, listCycles, unitNamesOf, type AppraisalRow, type CycleSummary } from './data.js';

export async function renderFinder(main: HTMLElement, query: URLSearchParams): Promise<void> {
  main.append(h('h1', {}, t('findTitle')));
  const wait = loading();
  main.append(wait);
  let cycles: CycleSummary[];
  try {
    cycles = await listCycles();
  } catch (error) {
    wait.replaceWith(failure(error));
    return;
  }
  wait.remove();
  const chosen = query.get('cycle') ?? lastCycle() ?? cycles[0]?.cycleId ?? '';
  const cycleSelect = h(
    'select',
    { name: 'cycle', 'data-testid': 'finder-cycle' },
    cycles.map((c) => h('option', { value: c.cycleId, selected: c.cycleId === chosen }, `${c.name} (${c.cycleId})`)),
  );
  const unitSelect = h('select', { name: 'unit', 'data-testid': 'finder-unit' });
  const text = h('input', { type: 'search', name: 'q', value: query.get('q') ?? '', 'data-testid': 'finder-q' });
  const results = h('div', { 'aria-live': 'polite' });

  const fillUnits = async () => {
    const cycle = cycles.find((c) => c.cycleId === cycleSelect.value);
    unitSelect.replaceChildren(h('option', { value: '' }, t('allUnits')));
    if (!cycle) return;
    const names = await unitNamesOf(cycle.agencyId);
    for (const unitId of cycle.unitIds) {
      unitSelect.append(
        h('option', { value: unitId, selected: unitId === query.get('unit') }, names.get(unitId) ?? unitId),
      );
    }
  };

  const search = async () => {
    const cycleId = cycleSelect.value;
    rememberCycle(cycleId);
    results.replaceChildren(loading());
    try {
      const rows = await all<AppraisalRow>(`${cyclePath(cycleId)}/appraisals`, {
        unitId: unitSelect.value || undefined,
      });
      const needle = text.value.trim().toLowerCase();
      const found = rows.filter(
        (r) => !needle || r.nip.includes(needle) || (r.name ?? '').toLowerCase().includes(needle),
      );
      const names = await unitNamesOf(cycles.find((c) => c.cycleId === cycleId)?.agencyId ?? '');
      results.replaceChildren(
        found.length === 0
          ? h('p', {}, t('noResults'))
          : table(
              t('results'),
              [t('name'), t('nip'), t('unit'), t('rater'), t('status'), t('predikat'), ''],
              found
                .slice(0, 200)
                .map((r) => [
                  r.name ?? t('none'),
                  r.nip,
                  names.get(r.unitId) ?? r.unitId,
                  r.raterName ?? t('none'),
                  r.ratingStatus ?? r.status,
                  r.publishedPredikat ?? r.predikat ?? t('none'),
                  h('a', { href: `#/audit/${encodeURIComponent(cycleId)}/${encodeURIComponent(r.nip)}` }, t('open')),
                ]),
              { testid: 'finder-results' },
            ),
      );
    } catch (error) {
      results.replaceChildren(failure(error));
    }
  };

  cycleSelect.addEventListener('change', () => void fillUnits());
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void search();
      },
    },
    field(t('cycle'), cycleSelect),
    field(t('unit'), unitSelect),
    field(t('nameOrNip'), text),
    h('button', { type: 'submit', 'data-testid': 'finder-search' }, t('search')),
  );
  main.append(form, section('finder', t('results'), results));
  await fillUnits();
  if (query.get('q') || query.get('unit')) await search();
}
