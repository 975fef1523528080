import { readFileSync } from 'node:fs';
import { errorCatalogue } from '@portcullis/core/errors';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.entries(errorCatalogue))('documents %s with its HTTP status', (code, { status }) => {
    expect(doc).toMatch(new RegExp(`\\| \`${code}\`\\s*\\| ${status}\\s*\\|`));
  });
});
