import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('../', import.meta.url);
const { exports } = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as {
  exports: Record<string, unknown>;
};

/** Each export's source: `./ids` is `src/ids/index.ts`. */
const entryPoints = Object.keys(exports).map(
  (subpath) => new URL(`src/${subpath.slice(2)}/index.ts`, packageDir),
);

/** Bundles for a browser as a bundler would, with the dependencies: what could not be bundled fails it. */
function bundleForBrowser(options: Parameters<typeof build>[0]) {
  return build({
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    ...options,
  });
}

describe('@portcullis/core in a browser', () => {
  it('has a source file for every export', () => {
    expect(entryPoints.filter((entry) => !existsSync(entry))).toEqual([]);
  });

  it('bundles every export for the browser platform, dependencies included', async () => {
    const result = await bundleForBrowser({
      entryPoints: entryPoints.map((entry) => entry.pathname),
      outdir: '/bundle',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles).toHaveLength(entryPoints.length);
  });

  it('would fail on a Node-only module', async () => {
    await expect(
      bundleForBrowser({
        stdin: { contents: "export { randomBytes } from 'node:crypto';", resolveDir: packageDir.pathname },
      }),
    ).rejects.toThrow(/node:crypto/);
  });
});
