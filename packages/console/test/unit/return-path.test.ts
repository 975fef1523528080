import { describe, expect, it } from 'vitest';
import { returnPath } from '../../src/session/return-path';

describe('where sign-in sends a person back to', () => {
  it('keeps a path of the console, with its query', () => {
    expect(returnPath('/users/user_01?tab=roles')).toBe('/users/user_01?tab=roles');
    expect(returnPath('/')).toBe('/');
  });

  it('sends anything that could leave the console to the overview', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/\tevil',
      '/\n/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(returnPath(next), String(next)).toBe('/');
    }
  });
});
