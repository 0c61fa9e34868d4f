#!/usr/bin/env node
/**
 * Compiles src/**.ts to dist/**.js, one file per module, so the `kronika` command starts without
 * transpiling TypeScript (bin/run.js). Run by `npm run build` and by npm's `prepare` after install.
 *
 * src/ maps to dist/ at the same depth, so the paths modules compute from import.meta.url
 * ("../resources/", "../../samples/") still land in the repository. esbuild strips the types;
 * every import stays an import (nothing is bundled), with "./x.ts" rewritten to "./x.js".
 * Type-checking is `tsc --noEmit`, part of `npm test`.
 *
 * dist/SOURCE-HASH records the sources compiled (bin/run.js compares it to src/ at each start and
 * runs the sources through tsx when they differ). The old dist/ is replaced only once the new
 * one is complete.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DIST, SOURCE_HASH_FILE, SRC, sourceFiles, sourceHash } from '../bin/sources.js';

const started = performance.now();
const files = sourceFiles();
const next = `${DIST}.next`;
rmSync(next, { recursive: true, force: true });

await build({
  entryPoints: files.map((file) => join(SRC, file)),
  outdir: next,
  outbase: SRC,
  bundle: true, // only so that the plugin below sees every import; each one stays external
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // esbuild's table has Node 20 without \p{…} in regular expressions (Node has had them since
  // 10), so it would rewrite every such literal as `new RegExp(source, flags)`: a regex written
  // inside a function would then be built again at each call — thousands of times an article in
  // analysis (src/analysis/entities/detect.ts `isCapital`, the quote and epistemic word scans).
  supported: { 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
  plugins: [{
    name: 'keep-imports',
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const path = /^\.{1,2}\//.test(args.path) ? args.path.replace(/\.ts$/, '.js') : args.path;
        return { path, external: true };
      });
    },
  }],
});
writeFileSync(join(next, SOURCE_HASH_FILE), `${sourceHash(files)}\n`);
rmSync(DIST, { recursive: true, force: true });
renameSync(next, DIST);
process.stderr.write(`build: ${files.length} modules → dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
