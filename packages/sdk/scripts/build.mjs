/**
 * Builds the published SDK: ESM (dist/esm, .js + .d.ts) and CommonJS (dist/cjs, .cjs + .d.cts), one entry
 * per adapter. @portcullis/core is private, so its code is bundled in by esbuild and its declarations are
 * copied beside ours (the ones our declarations reach), with the import specifiers pointed at the copies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreRoot = join(root, '../core');
const entries = ['index', 'express', 'fastify', 'hono', 'web'];
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

/** `@portcullis/core/<area>` from core's sources, so the bundle needs no build of core. */
const bundleCore = {
  name: 'bundle-core',
  setup(b) {
    b.onResolve({ filter: /^@portcullis\/core\/[a-z-]+$/ }, (args) => ({
      path: join(coreRoot, 'src', args.path.slice('@portcullis/core/'.length), 'index.ts'),
    }));
  },
};

await rm(join(root, 'dist'), { recursive: true, force: true });
const common = {
  entryPoints: entries.map((e) => join(root, 'src', `${e}.ts`)),
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  plugins: [bundleCore],
  logLevel: 'warning',
};
await build({
  ...common,
  format: 'esm',
  splitting: true,
  outdir: join(root, 'dist/esm'),
  chunkNames: 'chunks/[name]-[hash]',
});
await build({ ...common, format: 'cjs', outdir: join(root, 'dist/cjs'), outExtension: { '.js': '.cjs' } });

// Declarations: ours from tsc, core's from its build.
execFileSync(process.execPath, [tsc, '-b', join(coreRoot, 'tsconfig.build.json')], { stdio: 'inherit' });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const types = join(root, 'dist/types');

/** Every core declaration file reachable from `file`, following relative imports. */
async function reachable(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const text = await readFile(file, 'utf8');
  for (const [, specifier] of text.matchAll(/from '(\.[^']+)\.js'/g)) {
    await reachable(join(dirname(file), `${specifier}.d.ts`), seen);
  }
  return seen;
}

const coreFiles = new Set();
const ours = (await readdir(types)).filter((f) => f.endsWith('.d.ts'));
for (const file of ours) {
  const text = await readFile(join(types, file), 'utf8');
  for (const [, area] of text.matchAll(/'@portcullis\/core\/([a-z-]+)'/g)) {
    await reachable(join(coreRoot, 'dist', area, 'index.d.ts'), coreFiles);
  }
}

async function emit(dir, extension, rewriteRelative) {
  const write = async (target, text) => {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, rewriteRelative(text));
  };
  for (const file of ours) {
    const text = (await readFile(join(types, file), 'utf8')).replace(
      /'@portcullis\/core\/([a-z-]+)'/g,
      (_, area) => `'./_core/${area}/index.js'`,
    );
    await write(join(dir, file.replace(/\.d\.ts$/, extension)), text);
  }
  for (const file of coreFiles) {
    const target = join(dir, '_core', relative(join(coreRoot, 'dist'), file)).replace(/\.d\.ts$/, extension);
    await write(target, await readFile(file, 'utf8'));
  }
}

await emit(join(root, 'dist/esm'), '.d.ts', (text) => text);
await emit(join(root, 'dist/cjs'), '.d.cts', (text) =>
  text.replace(/from '(\.[^']+)\.js'/g, "from '$1.cjs'"),
);
await rm(types, { recursive: true, force: true });
