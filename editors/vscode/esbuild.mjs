// Bundles the extension into dist/extension.js (vscode is external, everything else inlined),
// and the unit tests into out/test/ for `node --test`.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');

await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});

const tests = readdirSync('src/test')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `src/test/${f}`);
await esbuild.build({
  entryPoints: tests,
  bundle: true,
  outdir: 'out/test',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
