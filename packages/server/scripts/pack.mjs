/**
 * Packs the installable server: `npm run pack -w @portcullis/server [-- <destination>]` prints the tarball's
 * path. The workspace packages it imports (@portcullis/core, @portcullis/sql, and the built console) are
 * unpublished, and `npm pack` leaves out the workspace's links to them, so they travel inside the tarball as
 * bundled dependencies: the server, its bin and their compiled files are copied into a folder of their own
 * with real copies of the three under node_modules, and packed from there (docs/decisions/0025).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const packagesRoot = join(serverRoot, '..');
const bundled = { '@portcullis/core': 'core', '@portcullis/sql': 'sql', '@portcullis/console': 'console' };
const destination = resolve(process.argv[2] ?? process.cwd());

const manifestOf = async (folder) => JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
const compiledOnly = (source) => !source.endsWith('.map') && !source.endsWith('.tsbuildinfo');

for (const folder of ['server', ...Object.values(bundled)]) {
  if (!existsSync(join(packagesRoot, folder, 'dist'))) {
    process.stderr.write(`packages/${folder}/dist is missing: run "npm run build" first\n`);
    process.exit(1);
  }
}

const staging = await mkdtemp(join(tmpdir(), 'portcullis-pack-'));
try {
  const server = await manifestOf(serverRoot);
  // The bundled packages' own dependencies are the server's, so npm installs them beside it; the console's
  // are what built it, and its files need none.
  const hoisted = {};
  for (const [name, folder] of Object.entries(bundled)) {
    const source = join(packagesRoot, folder);
    const manifest = await manifestOf(source);
    if (name !== '@portcullis/console') Object.assign(hoisted, manifest.dependencies);
    const target = join(staging, 'node_modules', name);
    await mkdir(target, { recursive: true });
    await cp(join(source, 'dist'), join(target, 'dist'), {
      recursive: true,
      filter: (file) => compiledOnly(file) && !(name !== '@portcullis/console' && file.endsWith('.d.ts')),
    });
    const { scripts, dependencies, devDependencies, ...kept } = manifest;
    await writeFile(join(target, 'package.json'), `${JSON.stringify(kept, null, 2)}\n`);
  }

  await cp(join(serverRoot, 'bin'), join(staging, 'bin'), { recursive: true });
  await cp(join(serverRoot, 'dist'), join(staging, 'dist'), { recursive: true, filter: compiledOnly });
  const { scripts, devDependencies, ...kept } = server;
  const dependencies = { ...hoisted, ...server.dependencies };
  for (const name of Object.keys(bundled))
    dependencies[name] = (await manifestOf(join(staging, 'node_modules', name))).version;
  const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(
    join(staging, 'package.json'),
    `${JSON.stringify({ ...kept, dependencies: sorted, bundleDependencies: Object.keys(bundled), files: ['bin', 'dist'] }, null, 2)}\n`,
  );

  await mkdir(destination, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: staging,
      encoding: 'utf8',
    }),
  );
  process.stdout.write(`${join(destination, packed[0].filename)}\n`);
} finally {
  await rm(staging, { recursive: true, force: true });
}
