const { globalTeardown } = await import('./embedded-pg-lifecycle.ts');
export default globalTeardown;
