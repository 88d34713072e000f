// The reporting-line rule (pejabat penilai), shared by the read model and anyone who needs it:
// the rater is the head of the employee's unit, or, when the employee heads it (or it has no head), the
// nearest head further up the tree; nobody at the top. An explicit override replaces the derived rater.
// The atasan pejabat penilai is the rater's own (effective) rater.

export interface UnitNode {
  parentUnitId: string | null;
  headNip: string | null;
}

export function derivedRaterOf(
  units: Readonly<Record<string, UnitNode>>,
  unitId: string | null,
  nip: string,
): string | null {
  const seen = new Set<string>();
  for (let id = unitId; id !== null && !seen.has(id) && units[id]; id = units[id].parentUnitId) {
    seen.add(id);
    const head = units[id].headNip;
    if (head !== null && head !== nip) return head;
  }
  return null;
}

export interface RaterLine {
  raterNip: string | null;
  source: 'derived' | 'override';
  reason: string | null;
}

export function effectiveRater(
  units: Readonly<Record<string, UnitNode>>,
  employee: { nip: string; unitId: string | null; override: { raterNip: string; reason: string } | null },
): RaterLine {
  if (employee.override)
    return { raterNip: employee.override.raterNip, source: 'override', reason: employee.override.reason };
  return { raterNip: derivedRaterOf(units, employee.unitId, employee.nip), source: 'derived', reason: null };
}
