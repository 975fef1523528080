import { describe, expect, it } from 'vitest';
import { joinName, splitName } from '../../src/sql/statements/person-names.js';

describe("a login's name as Firebolt's FIRST_NAME and LAST_NAME", () => {
  it('is the first word and the rest', () => {
    expect(splitName('Alex van der Berg')).toEqual({ firstName: 'Alex', lastName: 'van der Berg' });
    expect(splitName('  Cher ')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('joins its parts with one space, leaving out an empty one, and splits back to them', () => {
    expect(joinName('Alex', 'van der Berg')).toBe('Alex van der Berg');
    expect(joinName('Cher', '')).toBe('Cher');
    expect(splitName(joinName('Rea', 'Der'))).toEqual({ firstName: 'Rea', lastName: 'Der' });
  });
});
