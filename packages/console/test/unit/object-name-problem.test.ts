import { describe, expect, it } from 'vitest';
import { objectNameProblem } from '../../src/names/object-name-problem';

describe('the name rule every create dialog checks as it is typed', () => {
  it('accepts what the server accepts and explains what it refuses, in the same words everywhere', () => {
    expect(objectNameProblem('nightly-etl.v2_1')).toBeUndefined();
    for (const refused of ['', '-leading', '.hidden', 'has space', 'x'.repeat(65)]) {
      expect(objectNameProblem(refused), refused).toBe(
        'Use letters, digits, _ . and - (up to 64), not starting with . or -.',
      );
    }
  });
});
