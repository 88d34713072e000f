// Runs the TypeScript sources directly: `node --import ./libs/runtime/loader/register-ts.mjs file.ts`.
// swc (not tsx/esbuild) because Nest needs emitted decorator metadata to inject constructor params.
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
