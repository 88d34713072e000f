// The short text of an inbox item, in Bahasa Indonesia and English, rendered when read (so wording can change
// without a rebuild). Predikat codes are shown as the regulation names them.
import type { Predikat } from '../../../policy/src/policy.js';
import type { InboxItemRow } from './inbox.tables.js';

export interface InboxMessage {
  id: string;
  en: string;
}

const PREDIKAT_ID: Record<Predikat, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

export function inboxMessage(
  item: Pick<InboxItemRow, 'kind' | 'cycle_id' | 'party' | 'outcome' | 'after_predikat' | 'predikat' | 'due_last_day'>,
  /** The appraisal's employee by name (or NIP), for items about someone else's appraisal. */
  who: string,
  /** The recipient is the appraisal's employee: "your objection". */
  own: boolean,
): InboxMessage {
  const of = { id: own ? 'Anda' : who, en: own ? 'your objection' : `the objection of ${who}` };
  const by = item.due_last_day === null ? '' : item.due_last_day;
  const predikat = (p: Predikat | null) => (p === null ? '-' : PREDIKAT_ID[p]);
  switch (item.kind) {
    case 'PLAN_RETURNED':
      return {
        id: `SKP Anda dikembalikan untuk diperbaiki (${item.cycle_id}).`,
        en: `Your performance plan was returned for revision (${item.cycle_id}).`,
      };
    case 'RATING_APPROVED':
      return {
        id: `Penilaian kinerja Anda disetujui: predikat ${predikat(item.predikat)} (${item.cycle_id}).`,
        en: `Your rating was approved: predikat ${predikat(item.predikat)} (${item.cycle_id}).`,
      };
    case 'RATING_RETURNED':
      return {
        id: `Penilaian Anda atas ${who} dikembalikan oleh atasan pejabat penilai.`,
        en: `Your rating of ${who} was returned by the rater's supervisor.`,
      };
    case 'OBJECTION_FILED':
      return {
        id: `${who} mengajukan keberatan atas penilaian Anda.`,
        en: `${who} filed an objection to your rating.`,
      };
    case 'OBJECTION_RECORDED_BY_HR':
      return {
        id: 'Keberatan tertulis Anda dicatat oleh bagian kepegawaian.',
        en: 'HR recorded your written objection.',
      };
    case 'OBJECTION_ASSIGNED':
      return {
        id: `Keberatan ${who} menunggu keputusan Anda paling lambat ${by}.`,
        en: `The objection of ${who} awaits your decision by ${by}.`,
      };
    case 'STATEMENT_REQUESTED':
      return {
        id: `Anda diminta memberikan tanggapan atas keberatan ${of.id} paling lambat ${by}.`,
        en: `You are asked for a statement on ${of.en} by ${by}.`,
      };
    case 'STATEMENT_GIVEN':
      return item.party === 'RATER'
        ? {
            id: `Pejabat penilai memberikan tanggapan atas keberatan ${who}.`,
            en: `The rater gave a statement on the objection of ${who}.`,
          }
        : {
            id: `${who} memberikan tanggapan atas keberatannya.`,
            en: `${who} gave a statement on their objection.`,
          };
    case 'OBJECTION_DECIDED':
      return item.outcome === 'CHANGED'
        ? {
            id: `Keberatan ${of.id} diputuskan: penilaian diubah, predikat ${predikat(item.after_predikat)}.`,
            en: `Decision on ${of.en}: the rating was changed, predikat ${predikat(item.after_predikat)}.`,
          }
        : {
            id: `Keberatan ${of.id} diputuskan: penilaian tetap.`,
            en: `Decision on ${of.en}: the rating stands.`,
          };
    case 'OBJECTION_WITHDRAWN':
      return { id: `Keberatan ${who} ditarik kembali.`, en: `The objection of ${who} was withdrawn.` };
  }
}
