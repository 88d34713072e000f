// Test-only: a realistic event history for the appraisal and cycle read models. Cycle events come from the real
// cycle deciders (so counts and violations are what production computes); appraisal events are written as the
// appraisal deciders would, in the order a year of work produces them.
//
// Cycle kota-manokwari-2026 (annual, UNIT scope): dinas > bidang-sd > sd-3, sd-4; 12 appraisals.
//   sd-3: KEPSEK3 + five teachers + G4C (transferred in from sd-4): 6 BAIK + 1 SANGAT_BAIK, determined under
//         BAIK with an override (the curve wants BAIK <= 70% and one BUTUH_PERBAIKAN/KURANG);
//   sd-4: KEPSEK4 + G4A (G4B left mid-cycle): determined under ISTIMEWA (first set to BAIK, then changed);
//   bidang-sd: KABID; dinas: KADIS. Then published; G3A acknowledges receipt.
// Cycle kota-manokwari-2026-q1 (quarterly, sd-4 only) stays in DETERMINATION with one rating approved.
// Cycle kab-sorong-2026 belongs to another agency.
import { countUnready } from '../../../appraisal/src/advance-cycle-phase/cycle-readiness.js';
import { advanceCyclePhaseDecider } from '../../../appraisal/src/advance-cycle-phase/advance-cycle-phase.js';
import {
  appraisalStreamName,
  type AppraisalEvent,
  type AppraisalEventOf,
} from '../../../appraisal/src/appraisal/appraisal-events.js';
import type {
  AdvanceCyclePhase,
  DetermineDistribution,
  OpenCycle,
  SetUnitPredikat,
} from '../../../appraisal/src/cycle/cycle-commands.js';
import { cycleStreamName, type CycleEvent, type CyclePhase } from '../../../appraisal/src/cycle/cycle-events.js';
import { evolveCycle, initialCycleState, type CycleState } from '../../../appraisal/src/cycle/cycle-state.js';
import { determineDistributionDecider } from '../../../appraisal/src/determine-distribution/determine-distribution.js';
import {
  recordObjectionChangeDecider,
  type RecordObjectionChange,
} from '../../../appraisal/src/record-objection-change/record-objection-change.js';
import { openCycleDecider } from '../../../appraisal/src/open-cycle/open-cycle.js';
import { setUnitPredikatDecider } from '../../../appraisal/src/set-unit-predikat/set-unit-predikat.js';
import { DEFAULT_POLICY } from '../../../policy/src/default-policy.js';
import { objectionDeadline } from '../../../policy/src/deadlines.js';
import type { Predikat, Rating, UnitPredikat } from '../../../policy/src/policy.js';

export const AGENCY = 'kota-manokwari';
export const CYCLE = 'kota-manokwari-2026';
export const Q1 = 'kota-manokwari-2026-q1';
export const SORONG = 'kab-sorong-2026';

export const KADIS = '197001012000011001';
export const KABID = '197501012000011001';
export const KEPSEK3 = '198001012005011001';
export const KEPSEK4 = '198101012006011001';
export const [G3A, G3B, G3C, G3D, G3E] = [1, 2, 3, 4, 5].map((i) => `19850315201001100${i}`);
export const [G4A, G4B, G4C] = [1, 2, 3].map((i) => `19900101201503200${i}`);

export interface HistoryEntry {
  stream: string;
  event: AppraisalEvent | CycleEvent;
  occurredAt: string;
}

interface Person {
  nip: string;
  unitId: string;
  raterNip: string | null;
  raterSupervisorNip: string | null;
}

const PEOPLE: Person[] = [
  { nip: KADIS, unitId: 'dinas', raterNip: null, raterSupervisorNip: null },
  { nip: KABID, unitId: 'bidang-sd', raterNip: KADIS, raterSupervisorNip: null },
  { nip: KEPSEK3, unitId: 'sd-3', raterNip: KABID, raterSupervisorNip: KADIS },
  { nip: KEPSEK4, unitId: 'sd-4', raterNip: KABID, raterSupervisorNip: KADIS },
  ...[G3A, G3B, G3C, G3D, G3E].map((nip) => ({ nip, unitId: 'sd-3', raterNip: KEPSEK3, raterSupervisorNip: KABID })),
  ...[G4A, G4B, G4C].map((nip) => ({ nip, unitId: 'sd-4', raterNip: KEPSEK4, raterSupervisorNip: KABID })),
];

/** Ratings that give each predikat under the default matrix (DOMAIN section 5). */
const RATINGS_FOR: Partial<Record<Predikat, [Rating, Rating]>> = {
  SANGAT_BAIK: ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
  BAIK: ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  BUTUH_PERBAIKAN: ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
};

type CycleCommand = OpenCycle | AdvanceCyclePhase | SetUnitPredikat | DetermineDistribution | RecordObjectionChange;

function decideCycle(command: CycleCommand, state: CycleState): CycleEvent[] {
  switch (command.type) {
    case 'OpenCycle':
      return openCycleDecider.decide(command, state);
    case 'AdvanceCyclePhase':
      return advanceCyclePhaseDecider.decide(command, state);
    case 'SetUnitPredikat':
      return setUnitPredikatDecider.decide(command, state);
    case 'DetermineDistribution':
      return determineDistributionDecider.decide(command, state);
    case 'RecordObjectionChange':
      return recordObjectionChangeDecider.decide(command, state);
  }
}

export function buildHistory(): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let clock = Date.parse('2026-01-02T01:00:00.000Z');
  const tick = () => new Date((clock += 3_600_000)).toISOString();
  const cycles: Record<string, CycleEvent[]> = {};

  const appraisal = (cycleId: string, nip: string, make: (at: string) => AppraisalEvent) => {
    const at = tick();
    entries.push({ stream: appraisalStreamName(cycleId, nip), event: make(at), occurredAt: at });
  };
  const cycle = (cycleId: string, make: (now: string) => CycleCommand) => {
    const now = tick();
    const command = make(now);
    const history = (cycles[cycleId] ??= []);
    const state = history.reduce(evolveCycle, initialCycleState());
    const events = decideCycle(command, state);
    history.push(...events);
    for (const event of events) entries.push({ stream: cycleStreamName(cycleId), event, occurredAt: now });
  };
  const open = (cycleId: string, agencyId: string, kind: OpenCycle['data']['kind'], root: string, units: string[]) =>
    cycle(cycleId, (now) => ({
      type: 'OpenCycle',
      now,
      data: {
        cycleId,
        agencyId,
        name: `Penilaian ${cycleId}`,
        kind,
        periodStart: '2026-01-01',
        periodEnd: kind === 'QUARTERLY' ? '2026-03-31' : '2026-12-31',
        rootUnitId: root,
      },
      timeZone: 'Asia/Jayapura',
      unitIds: units,
      frameworkRef: null,
      policyRef: { scope: 'national', version: 1 },
      policy: DEFAULT_POLICY,
    }));
  const advance = (cycleId: string, to: CyclePhase, populationIds: string[] = []) =>
    cycle(cycleId, (now) => ({
      type: 'AdvanceCyclePhase',
      now,
      data: { to, reason: `Jadwal: ${to}` },
      populationIds,
      readiness: countUnready(to, []),
    }));
  const setPredikat = (cycleId: string, populationId: string, unitPredikat: UnitPredikat) =>
    cycle(cycleId, (now) => ({
      type: 'SetUnitPredikat',
      now,
      actorNip: KADIS,
      data: { populationId, unitPredikat, reason: 'Capaian IKU unit' },
    }));
  const determine = (cycleId: string, populationId: string, members: [string, Predikat][], justification?: string) =>
    cycle(cycleId, (now) => ({
      type: 'DetermineDistribution',
      now,
      actorNip: KADIS,
      data: { populationId, overrideJustification: justification ?? null },
      members: members.map(([nip, predikat]) => ({ nip, approved: { predikat, ratingVersion: 1 } })),
    }));

  const start = (cycleId: string, p: Person, period: [string, string]) =>
    appraisal(cycleId, p.nip, (startedAt) => ({
      type: 'AppraisalStarted.v1',
      data: {
        cycleId,
        nip: p.nip,
        agencyId: AGENCY,
        unitId: p.unitId,
        jobType: 'FUNGSIONAL',
        raterNip: p.raterNip,
        raterSupervisorNip: p.raterSupervisorNip,
        periodStart: period[0],
        periodEnd: period[1],
        timeZone: 'Asia/Jayapura',
        frameworkRef: null,
        policyRef: { scope: 'national', version: 1 },
        policy: DEFAULT_POLICY,
        reason: 'CYCLE_OPENED',
        startedAt,
      },
    }));
  const rhk = (cycleId: string, nip: string, type: 'RhkDrafted.v1' | 'RhkRevised.v1') =>
    appraisal(cycleId, nip, (at) => {
      const content = {
        rhkId: 'rhk-1',
        kind: 'UTAMA' as const,
        title: 'Terlaksananya pembelajaran sesuai kurikulum',
        cascadesFrom: null,
        perjanjianKinerjaRef: 'PK-2026-1',
        iki: [
          {
            ikiId: 'iki-1',
            description: 'Siswa tuntas KKM',
            type: 'QUANTITATIVE' as const,
            aspect: 'KUANTITAS' as const,
            target: type === 'RhkDrafted.v1' ? 80 : 85,
            unit: 'persen',
          },
        ],
      };
      return type === 'RhkDrafted.v1'
        ? { type, data: { ...content, draftedAt: at } }
        : { type, data: { ...content, revisedAt: at } };
    });
  const rate = (
    cycleId: string,
    nip: string,
    raterNip: string,
    version: number,
    predikat: Predikat,
    extra: Partial<AppraisalEventOf<'SupervisorRatingSubmitted.v1'>['data']> = {},
  ) =>
    appraisal(cycleId, nip, (submittedAt) => {
      const [hasilKerja, perilaku] = RATINGS_FOR[predikat]!;
      return {
        type: 'SupervisorRatingSubmitted.v1',
        data: {
          version,
          raterNip,
          realisations: [],
          hasilKerja,
          perilaku,
          predikat,
          valueNotes: [],
          competencyLevels: [],
          justification: predikat === 'BAIK' ? null : 'Bukti dukung terlampir',
          evidenceIds: [],
          conflictOfInterestDeclarationIds: [],
          forDialogue: false,
          submittedAt,
          ...extra,
        },
      };
    });
  const approve = (cycleId: string, nip: string, version: number, predikat: Predikat, by: string) =>
    appraisal(cycleId, nip, (approvedAt) => ({
      type: 'RatingApproved.v1',
      data: { version, predikat, approvedByNip: by, approvedAt },
    }));

  // --- The annual cycle: planning.
  open(CYCLE, AGENCY, 'ANNUAL', 'dinas', ['dinas', 'bidang-sd', 'sd-3', 'sd-4']);
  for (const p of PEOPLE) start(CYCLE, p, ['2026-01-01', '2026-12-31']);
  for (const p of PEOPLE) {
    rhk(CYCLE, p.nip, 'RhkDrafted.v1');
    appraisal(CYCLE, p.nip, (submittedAt) => ({ type: 'PlanSubmitted.v1', data: { submittedAt } }));
  }
  appraisal(CYCLE, G3B, (returnedAt) => ({
    type: 'PlanReturned.v1',
    data: { comments: 'Target terlalu rendah', returnedByNip: KEPSEK3, returnedAt },
  }));
  rhk(CYCLE, G3B, 'RhkRevised.v1');
  appraisal(CYCLE, G3B, (submittedAt) => ({ type: 'PlanSubmitted.v1', data: { submittedAt } }));
  for (const p of PEOPLE) {
    appraisal(CYCLE, p.nip, (approvedAt) => ({
      type: 'PlanApproved.v1',
      data: { approvedByNip: p.raterNip ?? KADIS, approvedAt },
    }));
  }

  // --- In progress: evidence and feedback (they move only the revision), a transfer, a departure.
  advance(CYCLE, 'IN_PROGRESS');
  appraisal(CYCLE, G3A, (attachedAt) => ({
    type: 'EvidenceAttached.v1',
    data: {
      evidenceId: 'ev-1',
      kind: 'LINK',
      url: 'https://drive.example.go.id/rapor-kelas-4',
      file: null,
      description: 'Rekap nilai semester',
      attachedByNip: G3A,
      attachedAt,
    },
  }));
  appraisal(CYCLE, G3A, (givenAt) => ({
    type: 'FeedbackGiven.v1',
    data: {
      feedbackId: 'fb-1',
      giverNip: KEPSEK3,
      giverRelation: 'RATER',
      requestId: null,
      text: 'Bagus, pertahankan',
      relatesTo: null,
      evidenceIds: ['ev-1'],
      corrects: null,
      givenAt,
    },
  }));
  appraisal(CYCLE, G4C, (transferredAt) => ({
    type: 'AppraisalTransferred.v1',
    data: { fromUnitId: 'sd-4', toUnitId: 'sd-3', reason: 'Mutasi ke SD 3', transferredAt },
  }));
  appraisal(CYCLE, G4C, (changedAt) => ({
    type: 'RaterChanged.v1',
    data: { fromRaterNip: KEPSEK4, toRaterNip: KEPSEK3, raterSupervisorNip: KABID, reason: 'Mutasi', changedAt },
  }));
  appraisal(CYCLE, G4B, (endedAt) => ({ type: 'AppraisalEnded.v1', data: { reason: 'Pindah instansi', endedAt } }));

  // --- Assessment.
  advance(CYCLE, 'ASSESSMENT');
  const active = PEOPLE.filter((p) => p.nip !== G4B);
  for (const p of active) {
    appraisal(CYCLE, p.nip, (submittedAt) => ({
      type: 'SelfAssessmentSubmitted.v1',
      data: {
        version: 1,
        rhk: [],
        values: [],
        hasilKerja: 'DI_ATAS_EKSPEKTASI',
        perilaku: 'SESUAI_EKSPEKTASI',
        submittedAt,
      },
    }));
  }
  const sd3: [string, Predikat][] = [KEPSEK3, G3A, G3B, G3C, G3D, G4C].map((nip) => [nip, 'BAIK']);
  sd3.push([G3E, 'SANGAT_BAIK']);
  // G4C moved to sd-3; KADIS, at the top, is rated and approved by himself in this story (nobody is above him).
  const person = (nip: string) => PEOPLE.find((p) => p.nip === nip)!;
  const raterOf = (nip: string) => (nip === G4C ? KEPSEK3 : (person(nip).raterNip ?? KADIS));
  const supervisorOf = (nip: string) => (nip === G4C ? KABID : (person(nip).raterSupervisorNip ?? KADIS));
  for (const [nip, predikat] of sd3) {
    if (nip === G3C) rate(CYCLE, nip, raterOf(nip), 1, predikat, { forDialogue: true });
    else if (nip === G3D) rate(CYCLE, nip, raterOf(nip), 1, 'SANGAT_BAIK');
    else rate(CYCLE, nip, raterOf(nip), 1, predikat);
  }
  // G3C's flagged rating waits for the dialogue; G3D's first rating is returned and revised under a declared
  // conflict of interest.
  appraisal(CYCLE, G3C, (recordedAt) => ({
    type: 'DialogueNoteRecorded.v1',
    data: { noteId: 'dn-1', heldOn: '2026-12-01', text: 'Dibahas', recordedByNip: KEPSEK3, corrects: null, recordedAt },
  }));
  appraisal(CYCLE, G3C, (acknowledgedAt) => ({
    type: 'DialogueNoteAcknowledged.v1',
    data: { noteId: 'dn-1', acknowledgedByNip: G3C, comment: '', acknowledgedAt },
  }));
  appraisal(CYCLE, G3D, (returnedAt) => ({
    type: 'RatingReturned.v1',
    data: { version: 1, reasons: 'Tanpa bukti dukung', returnedByNip: KABID, returnedAt },
  }));
  rate(CYCLE, G3D, KEPSEK3, 2, 'BAIK', { conflictOfInterestDeclarationIds: ['coi-1'] });
  for (const [nip, predikat] of sd3) approve(CYCLE, nip, nip === G3D ? 2 : 1, predikat, supervisorOf(nip));
  for (const [nip, predikat] of [
    [KEPSEK4, 'SANGAT_BAIK'],
    [G4A, 'BUTUH_PERBAIKAN'],
    [KABID, 'BAIK'],
    [KADIS, 'BAIK'],
  ] as [string, Predikat][]) {
    rate(CYCLE, nip, raterOf(nip), 1, predikat);
    approve(CYCLE, nip, 1, predikat, supervisorOf(nip));
  }

  // --- Determination (penetapan) and publication.
  advance(CYCLE, 'DETERMINATION');
  setPredikat(CYCLE, 'sd-3', 'BAIK');
  setPredikat(CYCLE, 'sd-4', 'BAIK');
  setPredikat(CYCLE, 'sd-4', 'ISTIMEWA');
  setPredikat(CYCLE, 'bidang-sd', 'BAIK');
  setPredikat(CYCLE, 'dinas', 'ISTIMEWA');
  determine(CYCLE, 'sd-3', sd3, 'Seluruh guru melampaui target; disetujui Sekda');
  determine(CYCLE, 'sd-4', [
    [KEPSEK4, 'SANGAT_BAIK'],
    [G4A, 'BUTUH_PERBAIKAN'],
  ]);
  determine(CYCLE, 'bidang-sd', [[KABID, 'BAIK']], 'Unit berisi satu orang: kurva tidak bermakna');
  determine(CYCLE, 'dinas', [[KADIS, 'BAIK']]);
  advance(CYCLE, 'PUBLISHED', ['bidang-sd', 'dinas', 'sd-3', 'sd-4']);
  for (const p of active) {
    const predikat = [
      ...sd3,
      [KEPSEK4, 'SANGAT_BAIK'],
      [G4A, 'BUTUH_PERBAIKAN'],
      [KABID, 'BAIK'],
      [KADIS, 'BAIK'],
    ].find(([nip]) => nip === p.nip)![1] as Predikat;
    const [hasilKerja, perilaku] = RATINGS_FOR[predikat]!;
    appraisal(CYCLE, p.nip, (publishedAt) => ({
      type: 'ResultPublished.v1',
      data: {
        ratingVersion: p.nip === G3D ? 2 : 1,
        hasilKerja,
        perilaku,
        predikat,
        recommendations: [],
        publishedAt,
      },
    }));
  }
  appraisal(CYCLE, G3A, (receivedAt) => ({
    type: 'ResultReceived.v1',
    data: { receivedAt, objectionDeadline: objectionDeadline(DEFAULT_POLICY, receivedAt, 'Asia/Jayapura') },
  }));
  // G4A's keberatan is decided CHANGED (BUTUH_PERBAIKAN -> BAIK): the result and sd-4's counts follow.
  appraisal(CYCLE, G4A, (filedAt) => {
    const window = objectionDeadline(DEFAULT_POLICY, filedAt, 'Asia/Jayapura');
    return {
      type: 'ObjectionFiled.v1',
      data: {
        objectionId: 'keb-1',
        filedByNip: G4A,
        recordedByHr: false,
        letterReceivedOn: null,
        letterScanSha256: null,
        reasons: 'Bukti realisasi belum dipertimbangkan',
        items: [{ kind: 'HASIL_KERJA_RATING' }],
        evidence: [],
        ratingVersion: 1,
        deciderNip: KABID,
        window,
        decisionDue: window,
        filedAt,
      },
    };
  });
  const sesuai = 'SESUAI_EKSPEKTASI' as const;
  appraisal(CYCLE, G4A, (decidedAt) => ({
    type: 'ObjectionDecided.v1',
    data: {
      objectionId: 'keb-1',
      outcome: 'CHANGED',
      reasons: 'Bukti realisasi sah',
      decidedByNip: KABID,
      before: { hasilKerja: 'DI_BAWAH_EKSPEKTASI', perilaku: sesuai, predikat: 'BUTUH_PERBAIKAN' },
      after: { hasilKerja: sesuai, perilaku: sesuai, predikat: 'BAIK' },
      recommendations: [],
      overdue: false,
      decidedAt,
    },
  }));
  cycle(CYCLE, (now) => ({
    type: 'RecordObjectionChange',
    now,
    data: { populationId: 'sd-4', objectionId: 'keb-1', nip: G4A, from: 'BUTUH_PERBAIKAN', to: 'BAIK' },
  }));

  // --- A quarterly cycle of sd-4 left in DETERMINATION, and another agency's cycle.
  open(Q1, AGENCY, 'QUARTERLY', 'sd-4', ['sd-4']);
  for (const p of PEOPLE.filter((q) => q.unitId === 'sd-4' && q.nip !== G4C)) {
    start(Q1, p, ['2026-01-01', '2026-03-31']);
  }
  advance(Q1, 'IN_PROGRESS');
  advance(Q1, 'ASSESSMENT');
  rate(Q1, G4A, KEPSEK4, 1, 'BAIK');
  approve(Q1, G4A, 1, 'BAIK', KABID);
  rate(Q1, G4B, KEPSEK4, 1, 'BUTUH_PERBAIKAN');
  setPredikat(Q1, 'sd-4', 'BAIK');
  advance(Q1, 'DETERMINATION');
  open(SORONG, 'kab-sorong', 'ANNUAL', 'dinas-sorong', ['dinas-sorong']);
  return entries;
}
