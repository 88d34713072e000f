// NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD + appointment (TMT CPNS) YYYYMM + gender digit
// (1 male, 2 female) + 3-digit sequence (DOMAIN section 12). PPPK numbers share the layout [U], so both are
// validated alike. Every problem found is reported with the part it concerns.

export type NipPart = 'length' | 'birthDate' | 'appointment' | 'gender';

export interface NipProblem {
  part: NipPart;
  message: string;
}

export interface ParsedNip {
  nip: string;
  birthDate: string; // YYYY-MM-DD
  appointmentMonth: string; // YYYY-MM
  gender: 'MALE' | 'FEMALE';
  sequence: string;
}

export type NipValidation = { ok: true; value: ParsedNip } | { ok: false; problems: NipProblem[] };

/** `today` is YYYY-MM-DD (injected, so the rule "appointment not in the future" is deterministic). */
export function validateNip(input: string, today: string): NipValidation {
  if (!/^\d{18}$/.test(input)) {
    return { ok: false, problems: [{ part: 'length', message: `NIP must be exactly 18 digits, got "${input}"` }] };
  }
  const problems: NipProblem[] = [];
  const [by, bm, bd] = [input.slice(0, 4), input.slice(4, 6), input.slice(6, 8)].map(Number);
  const [ay, am] = [Number(input.slice(8, 12)), Number(input.slice(12, 14))];
  const genderDigit = input[14];
  const birthValid = isRealDate(by, bm, bd);
  if (!birthValid) {
    problems.push({
      part: 'birthDate',
      message: `digits 1-8 (${input.slice(0, 8)}) are not a real birth date YYYYMMDD`,
    });
  } else if (`${input.slice(0, 4)}-${input.slice(4, 6)}-${input.slice(6, 8)}` > today) {
    problems.push({ part: 'birthDate', message: `birth date ${input.slice(0, 8)} is in the future` });
  }
  if (am < 1 || am > 12 || ay < 1900) {
    problems.push({ part: 'appointment', message: `digits 9-14 (${input.slice(8, 14)}) are not a month YYYYMM` });
  } else {
    const appointment = `${input.slice(8, 12)}-${input.slice(12, 14)}`;
    if (appointment > today.slice(0, 7)) {
      problems.push({ part: 'appointment', message: `appointment month ${appointment} is in the future` });
    } else if (birthValid && appointment <= `${by + 18}-${input.slice(4, 6)}`) {
      // "after the 18th birthday": the month of the 18th birthday itself is not after it.
      problems.push({
        part: 'appointment',
        message: `appointment month ${appointment} is not after the 18th birthday (${by + 18}-${input.slice(4, 6)}-${input.slice(6, 8)})`,
      });
    }
  }
  if (genderDigit !== '1' && genderDigit !== '2') {
    problems.push({ part: 'gender', message: `digit 15 is the gender digit and must be 1 or 2, got ${genderDigit}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      nip: input,
      birthDate: `${input.slice(0, 4)}-${input.slice(4, 6)}-${input.slice(6, 8)}`,
      appointmentMonth: `${input.slice(8, 12)}-${input.slice(12, 14)}`,
      gender: genderDigit === '1' ? 'MALE' : 'FEMALE',
      sequence: input.slice(15),
    },
  };
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
