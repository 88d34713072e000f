/** An embedded PostgreSQL that could not start, saying what is wrong and what to do. */
export class EmbeddedPostgresStartError extends Error {
  override readonly name = 'EmbeddedPostgresStartError';
  constructor(
    /** in-use: another process runs this data directory; port-in-use: EMBEDDED_PG_PORT is taken. */
    readonly kind: 'in-use' | 'port-in-use' | 'did-not-start',
    message: string,
  ) {
    super(message);
  }
}
