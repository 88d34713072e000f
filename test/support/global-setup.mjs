// Jest loads global setup outside its module mapper: use the project's swc loader to import the TS sources.
import { register } from 'node:module';

register('../../libs/runtime/loader/ts-loader-hooks.mjs', import.meta.url);
const { globalSetup } = await import('./embedded-pg-lifecycle.ts');
export default globalSetup;
