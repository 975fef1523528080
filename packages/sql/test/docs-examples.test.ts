import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../src/index.js';

const doc = readFileSync(new URL('../../../docs/sql.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('docs/sql.md', () => {
  it('has SQL examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples)('parses its example %s', (example) => {
    expect(parseScript(example).length).toBeGreaterThan(0);
  });
});
