// What this process is (set once by each app's main): recorded as the owner of the embedded PostgreSQL's
// data directory, and it decides what happens when another Kinerja process already runs that server.
export type ProcessRole = 'api' | 'projector' | 'cli' | 'process';

let current: ProcessRole = 'process';

export function setProcessRole(role: ProcessRole): void {
  current = role;
}

export function processRole(): ProcessRole {
  return current;
}
