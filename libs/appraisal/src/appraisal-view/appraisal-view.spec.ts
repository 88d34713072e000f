import { describe, expect, it } from '@jest/globals';
import type { AppraisalEvent } from '../appraisal/appraisal-events.js';
import {
  NIP,
  NOW,
  PEER,
  RATER,
  RATER_SUPERVISOR,
  approvedPlan,
  commentAdded,
  dialogueNoteRecorded,
  evidenceAttached,
  feedbackGiven,
  feedbackRequested,
  planReturned,
  planSubmitted,
  realisationRecorded,
  rhkDrafted,
  started,
} from '../appraisal/appraisal-fixtures.js';
import { evolveAppraisal, initialAppraisalState, type ActiveAppraisal } from '../appraisal/appraisal-state.js';
import {
  PEERS,
  allValues,
  LATER,
  assessable,
  peerInput,
  published,
  rated,
  ratingApproved,
  ratingReturned,
  reviewersChosen,
  selfAssessed,
} from '../assessment-fixtures.js';
import { PEER_INPUT_REDACTED, eventForViewer, type LoggedEvent } from './appraisal-event-log.js';
import { viewAppraisal } from './appraisal-view.js';
import type { Viewer } from './viewer.js';

function viewOf(events: AppraisalEvent[], viewer: Viewer = 'EMPLOYEE') {
  const state = events.reduce(evolveAppraisal, initialAppraisalState()) as ActiveAppraisal;
  return viewAppraisal(state, events, viewer, LATER);
}

const withPeers = (inputs: number): AppraisalEvent[] => [
  ...assessable(),
  { type: 'PeerReviewerProposed.v1', data: { reviewerNip: PEERS[0], proposedAt: NOW } },
  reviewersChosen(),
  ...PEERS.slice(0, inputs).map((nip) => peerInput(nip, allValues('DI_ATAS_EKSPEKTASI', `catatan ${nip.slice(-3)}`))),
];

describe('the appraisal view', () => {
  it('given two of three peer inputs, then the aggregate is withheld for everyone', () => {
    for (const viewer of ['EMPLOYEE', 'RATER', 'HR', 'AUDITOR'] as const) {
      expect(viewOf(withPeers(2), viewer).peer).toMatchObject({
        submittedCount: 2,
        anonymityMinimum: 3,
        aggregate: { reviewers: 2, shown: false, values: null, notes: null },
      });
    }
  });

  it('given three peer inputs, then the employee sees the aggregate and no NIP of a reviewer they did not propose', () => {
    const view = viewOf(withPeers(3), 'EMPLOYEE');
    expect(view.peer).toMatchObject({
      proposedReviewerNips: [PEERS[0]],
      chosenReviewerNips: null,
      chosenCount: 3,
      aggregate: { reviewers: 3, shown: true },
    });
    const text = JSON.stringify(view);
    for (const nip of PEERS.slice(1)) expect(text).not.toContain(nip);
  });

  it('given three peer inputs, then the rater sees whom they chose but the aggregate carries no NIP', () => {
    const view = viewOf(withPeers(3), 'RATER');
    expect(view.peer.chosenReviewerNips).toEqual(PEERS);
    expect(JSON.stringify(view.peer.aggregate)).not.toMatch(/\d{18}/);
  });

  it('given a rating far from the self-assessment, then the employee sees it and that a dialogue is due until a note', () => {
    const farOff = [
      ...assessable(),
      selfAssessed(1, { hasilKerja: 'DI_ATAS_EKSPEKTASI', perilaku: 'DI_ATAS_EKSPEKTASI' }),
      rated(1, { hasilKerja: 'DI_BAWAH_EKSPEKTASI', predikat: 'BUTUH_PERBAIKAN', forDialogue: true }),
    ];
    const before = viewOf(farOff);
    expect(before.ratings).toEqual([
      expect.objectContaining({
        version: 1,
        status: 'SUBMITTED',
        dialogueRequired: true,
        conflictOfInterestFlagged: false,
      }),
    ]);
    expect(before.dialogueRequired).toBe(true);
    // The rater's note alone is not enough while the employee may still acknowledge it (5 working days).
    const noted = [...farOff, dialogueNoteRecorded('note-1', RATER, LATER)];
    expect(viewOf(noted).dialogueRequired).toBe(true);
    expect(viewOf(noted).ratings[0].dialogueAwaiting).toEqual([{ noteId: 'note-1', lastDay: '2026-12-22' }]);
    const acknowledged: AppraisalEvent = {
      type: 'DialogueNoteAcknowledged.v1',
      data: { noteId: 'note-1', acknowledgedByNip: NIP, comment: '', acknowledgedAt: LATER },
    };
    expect(viewOf([...noted, acknowledged]).dialogueRequired).toBe(false);
    expect(viewOf([...noted, acknowledged]).dialogueNotes[0]).toMatchObject({
      noteId: 'note-1',
      acknowledgedAt: LATER,
    });
  });

  it('given a returned and a revised, approved rating, then both versions with their decisions, and the result once published', () => {
    const history = [
      ...assessable(),
      selfAssessed(),
      rated(1, { conflictOfInterestDeclarationIds: ['coi-1'] }),
      ratingReturned(1),
      rated(2),
      ratingApproved(2),
    ];
    const view = viewOf(history);
    expect(view.ratings.map((r) => [r.version, r.status, r.conflictOfInterestFlagged])).toEqual([
      [1, 'RETURNED', true],
      [2, 'APPROVED', false],
    ]);
    expect(view.ratings[0].decisions).toEqual([
      { kind: 'RETURNED', byNip: RATER_SUPERVISOR, at: NOW, reasons: 'Realisasi IKI-1 tidak didukung bukti' },
    ]);
    expect(view.approved).toEqual({ version: 2, predikat: 'BAIK' });
    expect(view.result).toBeNull();
    expect(viewOf([...history, published({ ratingVersion: 2 })]).result).toMatchObject({ ratingVersion: 2 });
  });

  it('given an approved rating revised during determination, then nothing counts as approved until approved again', () => {
    const revised = [
      ...assessable(),
      selfAssessed(),
      rated(1),
      ratingApproved(1),
      rated(2, { predikat: 'BUTUH_PERBAIKAN' }),
    ];
    expect(viewOf(revised).approved).toBeNull();
    expect(viewOf([...revised, ratingApproved(2, 'BUTUH_PERBAIKAN')]).approved).toEqual({
      version: 2,
      predikat: 'BUTUH_PERBAIKAN',
    });
  });

  it('given the plan returned and resubmitted, an RHK removed and entries corrected, then the history and corrections', () => {
    const history: AppraisalEvent[] = [
      started(),
      rhkDrafted(),
      rhkDrafted({ rhkId: 'rhk-2', iki: [] }),
      planSubmitted(),
      planReturned('Gabungkan RHK 2'),
      { type: 'RhkRemoved.v1', data: { rhkId: 'rhk-2', reason: 'digabung', removedAt: NOW } },
      planSubmitted(),
      { type: 'PlanApproved.v1', data: { approvedByNip: RATER, approvedAt: NOW } },
      {
        type: 'BehaviourExpectationSet.v1',
        data: { value: 'LOYAL', expectation: 'lama', setByNip: RATER, setAt: NOW },
      },
      {
        type: 'BehaviourExpectationSet.v1',
        data: { value: 'AKUNTABEL', expectation: 'a', setByNip: RATER, setAt: NOW },
      },
      {
        type: 'BehaviourExpectationSet.v1',
        data: { value: 'LOYAL', expectation: 'baru', setByNip: RATER, setAt: NOW },
      },
      evidenceAttached(),
      realisationRecorded('real-1'),
      realisationRecorded('real-2', { value: 82, corrects: 'real-1' }),
      feedbackRequested(),
      feedbackGiven(),
      commentAdded(),
    ];
    const view = viewOf(history);
    expect(view.plan.status).toBe('APPROVED');
    expect(view.plan.rhk.map((r) => r.rhkId)).toEqual(['rhk-1']);
    expect(view.plan.removed).toEqual([{ rhkId: 'rhk-2', reason: 'digabung', removedAt: NOW }]);
    expect(view.plan.history.map((s) => [s.kind, s.byNip, s.comments])).toEqual([
      ['SUBMITTED', null, null],
      ['RETURNED', RATER, 'Gabungkan RHK 2'],
      ['SUBMITTED', null, null],
      ['APPROVED', RATER, null],
    ]);
    expect(view.behaviourExpectations.map((e) => [e.value, e.expectation])).toEqual([
      ['AKUNTABEL', 'a'],
      ['LOYAL', 'baru'],
    ]);
    expect(view.realisations.map((r) => [r.realisationId, r.correctedBy])).toEqual([
      ['real-1', ['real-2']],
      ['real-2', []],
    ]);
    expect(view.feedbackRequests).toEqual([
      expect.objectContaining({ requestId: 'req-1', askedNip: PEER, answered: false }),
    ]);
    expect(view.feedback).toHaveLength(1);
    expect(view.comments).toHaveLength(1);
    expect(view.evidence).toHaveLength(1);
    expect(view).toMatchObject({ nip: NIP, status: 'ACTIVE', viewer: 'EMPLOYEE', assignment: [{ kind: 'STARTED' }] });
  });

  it('given a plan approved and nothing more, then empty sections and no result', () => {
    expect(viewOf(approvedPlan())).toMatchObject({
      ratings: [],
      selfAssessments: [],
      dialogueRequired: false,
      approved: null,
      result: null,
      receipt: null,
    });
  });
});

describe('the event log by viewer', () => {
  const logged = (type: string, data: Record<string, unknown>): LoggedEvent => ({
    revision: '7',
    type,
    data,
    actor: { id: 'guru-2', role: 'EMPLOYEE' },
    occurredAt: NOW,
    reason: null,
    policyVersion: 'national@1',
    id: '0b6f5c1e-2f43-4c38-9a51-5d7f1f1c2a10',
    hash: 'a'.repeat(64),
    prevHash: 'b'.repeat(64),
    correlationId: '6a1f0f0e-1c1d-4f5e-8a9b-0c1d2e3f4a5b',
    causationId: '6a1f0f0e-1c1d-4f5e-8a9b-0c1d2e3f4a5b',
  });
  const input = logged('PeerInputSubmitted.v1', { reviewerNip: PEERS[0], values: allValues(), submittedAt: NOW });

  it('given peer input, then HR sees neither who nor what, only when', () => {
    expect(eventForViewer(input, 'HR')).toEqual({
      ...input,
      actor: null,
      data: { redacted: PEER_INPUT_REDACTED, submittedAt: NOW },
    });
  });

  it('given peer input, then the AUDITOR sees it whole (the attribution stays for audit)', () => {
    expect(eventForViewer(input, 'AUDITOR')).toBe(input);
  });

  it('given any other event, then HR sees it whole', () => {
    const other = logged('PlanReturned.v1', { comments: 'x' });
    expect(eventForViewer(other, 'HR')).toBe(other);
  });
});
