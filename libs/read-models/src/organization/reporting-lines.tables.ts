export interface RlUnitRow {
  agency_id: string;
  unit_id: string;
  parent_unit_id: string | null;
  head_nip: string | null;
}

export interface RlMemberRow {
  nip: string;
  agency_id: string;
  unit_id: string | null;
  name: string;
  override_rater_nip: string | null;
  override_reason: string | null;
}

export interface RlLineRow {
  nip: string;
  agency_id: string;
  /** pejabat penilai */
  rater_nip: string | null;
  source: 'derived' | 'override';
  reason: string | null;
  /** atasan pejabat penilai: the rater's own rater */
  supervisor_nip: string | null;
}

export interface ReportingLinesTables {
  units: RlUnitRow;
  members: RlMemberRow;
  lines: RlLineRow;
}
