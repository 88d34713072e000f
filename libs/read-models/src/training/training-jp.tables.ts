/** One training an employee completed, counted toward the calendar year of its completion date. */
export interface TrainingRow {
  nip: string;
  training_id: string;
  /** The employee's agency when it was recorded (the shortfall uses the directory's current agency). */
  agency_id: string;
  title: string;
  provider: string;
  jp: number;
  completed_on: string;
  year: number;
  recorded_at: string | Date;
  /** int8: the training stream's revision of this event. */
  stream_revision: string;
}

export interface TrainingJpTables {
  trainings: TrainingRow;
}
