// The fixed credentials of the embedded PostgreSQL (it listens on 127.0.0.1 only), and the URL of one of
// its databases: what `DATABASE_URL` must say to reach a running one. This superuser owns the schemas and
// runs the migrations; the processes' own work runs as EMBEDDED_SERVICE_USER (embedded-service-role.ts).
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

/** The login role the API, projector and CLI use on the embedded server (README "Database roles"). */
export const EMBEDDED_SERVICE_USER = 'kinerja_service';

export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The service role's URL; its password is generated per data directory (embedded-service-role.ts). */
export function embeddedServiceUrl(port: number, database: string, password: string): string {
  return (
    `postgres://${EMBEDDED_SERVICE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/` +
    encodeURIComponent(database)
  );
}
