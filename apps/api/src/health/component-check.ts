// One dependency probe for the health routes, bounded in time: a hung database must not hang the probe.
export type ComponentHealth = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 3000;

export async function check(probe: () => Promise<void>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
