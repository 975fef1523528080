import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingSpecs } from '../../src/config/settings.js';

const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  it.each(settingSpecs.map((s) => [s.env, s.key]))('documents %s with its file key %s', (env, key) => {
    expect(doc).toMatch(new RegExp(`\\| \`${env}\`\\s*\\| \`${key}\`\\s*\\|`));
  });
});
