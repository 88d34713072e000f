// The fixed credentials of the embedded PostgreSQL (it listens on 127.0.0.1 only), and the URL of one of
// its databases: what `DATABASE_URL` must say to reach a running one.
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}
