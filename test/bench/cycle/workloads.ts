// What the clients send. The rush: for each appraisal, the employee's self-assessment, then the rater's rating
// (SESUAI x SESUAI: no justification needed), as the real routes take them. The reads: HR paging through the
// cycle's appraisal listing (read model) from cursors spread over the whole agency.
import { BERAKHLAK_VALUES } from '../../../libs/appraisal/src/appraisal/appraisal-events.js';
import { seededRandom } from '../../../libs/organization-import/src/demo/seeded-random.js';
import { runClients, type FailureLog, type HttpClient, type LoadRun } from './http-load.js';
import { IKI_ID, RHK_ID, type PlannedAppraisal } from './plans.js';

export const PAGE_SIZE = 50;

export const selfAssessment = {
  rhk: [{ rhkId: RHK_ID, rating: 'SESUAI_EKSPEKTASI', note: 'Ketuntasan 88%, target 85%' }],
  values: BERAKHLAK_VALUES.map((value) => ({ value, rating: 'SESUAI_EKSPEKTASI' })),
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
};

export const rating = {
  realisations: [{ rhkId: RHK_ID, ikiId: IKI_ID, value: 88 }],
  hasilKerja: 'SESUAI_EKSPEKTASI',
  perilaku: 'SESUAI_EKSPEKTASI',
  valueNotes: [{ value: 'KOLABORATIF', note: 'Aktif di KKG' }],
};

export async function rush(
  http: HttpClient,
  cycleId: string,
  clients: number,
  appraisals: readonly PlannedAppraisal[],
  tokenOf: (nip: string) => string,
  log: FailureLog,
): Promise<LoadRun> {
  return runClients(clients, appraisals, async ({ nip, raterNip }, samples) => {
    const path = `/api/v1/cycles/${cycleId}/appraisals/${nip}`;
    await http.timed(
      'self-assessment',
      201,
      () => http.send('POST', `${path}/self-assessment`, tokenOf(nip), selfAssessment),
      samples,
      log,
    );
    await http.timed(
      'supervisor rating',
      201,
      () => http.send('POST', `${path}/ratings`, tokenOf(raterNip as string), rating),
      samples,
      log,
    );
  });
}

export async function readPages(
  http: HttpClient,
  cycleId: string,
  clients: number,
  requests: number,
  sortedNips: readonly string[],
  hrToken: string,
  seed: number,
  log: FailureLog,
): Promise<LoadRun> {
  const random = seededRandom(seed);
  const cursors = Array.from({ length: requests }, () => random.pick(sortedNips));
  return runClients(clients, cursors, async (after, samples) => {
    const query = `limit=${PAGE_SIZE}&after=${after}`;
    await http.timed(
      'appraisal page',
      200,
      () => http.send('GET', `/api/v1/cycles/${cycleId}/appraisals?${query}`, hrToken),
      samples,
      log,
    );
  });
}
