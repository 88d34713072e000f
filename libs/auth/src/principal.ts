import type { Role } from './role.js';

/** Who is calling, as established by a verified token. Relation checks (own record, direct report) use nip. */
export interface Principal {
  /** The token's `sub`: stable id at the identity provider. */
  id: string;
  roles: Role[];
  agencyId?: string;
  /** Nomor Induk Pegawai of the civil servant behind the account, when the account is one. */
  nip?: string;
  name?: string;
}
