import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('../', import.meta.url);

describe('@portcullis/sql in a browser', () => {
  it('bundles for the browser platform with nothing left to import', async () => {
    const result = await build({
      entryPoints: [new URL('src/index.ts', packageDir).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      outdir: '/bundle',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const [output] = Object.values(result.metafile.outputs);
    expect(output?.imports).toEqual([]);
  });
});
