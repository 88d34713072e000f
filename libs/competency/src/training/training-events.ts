// Competency development taken by one employee (docs/domain-rules.md section 10: at least 20 JP a year, PP
// 11/2017). One stream per employee, `training-{nip}`: what they took, how many JP (lesson hours of 45 minutes),
// when it was completed, and who recorded it. Counted per calendar year of the completion date.
import type { DomainEvent } from '../../../shared-kernel/src/decider.js';

export const trainingStreamName = (nip: string): string => `training-${nip}`;

export type TrainingEvent = DomainEvent<
  'TrainingRecorded.v1',
  {
    trainingId: string;
    nip: string;
    /** The employee's agency when it was recorded. */
    agencyId: string;
    title: string;
    provider: string;
    /** Jam pelajaran: whole lesson hours of 45 minutes, > 0. */
    jp: number;
    /** Local date (YYYY-MM-DD) the training was completed: its calendar year is the year it counts toward. */
    completedOn: string;
    /** Competency codes the training develops (e.g. a gap's code), possibly none. */
    competencyCodes: string[];
    /** Hex SHA-256 of the certificate's scan (the file is stored elsewhere), or null. */
    evidenceSha256: string | null;
    /** HR's NIP when the token carries one, else null (the actor is in the event's metadata). */
    recordedByNip: string | null;
    recordedAt: string;
  }
>;

export interface RecordTraining {
  type: 'RecordTraining';
  data: {
    trainingId: string;
    title: string;
    provider: string;
    jp: number;
    completedOn: string;
    competencyCodes?: string[];
    evidenceSha256?: string | null;
  };
  /** The employee as their stream stands (null: not registered). */
  employee: { nip: string; agencyId: string } | null;
  /** The agency's time zone: "not in the future" is judged on its local calendar. */
  timeZone: string;
  recordedByNip: string | null;
  now: string;
}

export interface TrainingState {
  nip: string | null;
  trainingIds: Record<string, true>;
}

export const initialTrainingState = (): TrainingState => ({ nip: null, trainingIds: {} });

export function evolveTraining(state: TrainingState, event: TrainingEvent): TrainingState {
  switch (event.type) {
    case 'TrainingRecorded.v1':
      return { nip: event.data.nip, trainingIds: { ...state.trainingIds, [event.data.trainingId]: true } };
  }
}
