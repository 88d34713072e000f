export interface EmployeeRow {
  nip: string;
  name: string;
  employment_type: string;
  agency_id: string;
  unit_id: string | null;
  position_title: string | null;
  golongan: string | null;
  job_type: string | null;
  registered_at: string | Date;
  /** int8: pg returns it as a string. The employee stream's revision (the ETag for employee commands). */
  stream_revision: string;
}

export interface EmployeeDirectoryTables {
  employees: EmployeeRow;
}
