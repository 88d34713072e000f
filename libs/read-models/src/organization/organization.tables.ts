export interface AgencyRow {
  agency_id: string;
  name: string;
  time_zone: string;
  registered_at: string | Date;
  /** int8: pg returns it as a string. The agency stream's revision: the ETag for unit commands. */
  stream_revision: string;
}

export interface UnitRow {
  agency_id: string;
  unit_id: string;
  name: string;
  parent_unit_id: string | null;
  head_nip: string | null;
  /** 0 for the root unit. */
  depth: number;
  /** Unit ids from the root, joined by a space (below every slug character in "C" collation): tree order. */
  path: string;
}

export interface OrganizationTables {
  agencies: AgencyRow;
  units: UnitRow;
}
