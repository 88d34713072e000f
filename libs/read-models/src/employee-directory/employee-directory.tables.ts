export interface EmployeeRow {
  nip: string;
  name: string;
  employment_type: string;
  agency_id: string;
  unit_id: string | null;
  position_title: string | null;
  registered_at: string | Date;
  /** int8: pg returns it as a string. */
  stream_revision: string;
}

export interface EmployeeDirectoryTables {
  employees: EmployeeRow;
}
