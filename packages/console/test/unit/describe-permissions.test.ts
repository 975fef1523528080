import { demoCatalog, PermissionSet } from '@portcullis/core/permissions';
import { describe, expect, it } from 'vitest';
import { countPermissions, describePermissions } from '../../src/permissions/describe-permissions';

const set = (text: string) => PermissionSet.parse(demoCatalog, text);

describe('a permission set in words', () => {
  it('names the presets the dialog fills, and what is added to Read only', () => {
    expect(describePermissions(set('*:*'))).toBe('Admin: every action on every resource');
    expect(describePermissions(set('*:get *:list'))).toBe('Read only');
    expect(describePermissions(set('*:get *:list incidents:create incidents:update findings:*'))).toBe(
      'Read only + Findings: create, delete, run, update; Incidents: create, update',
    );
    expect(describePermissions(set(''))).toBe('No permissions');
  });

  it('groups a resource’s actions, names whole columns, and counts what it leaves out', () => {
    expect(
      describePermissions(set('*:run portcullis.client_credentials:get portcullis.client_credentials:list')),
    ).toBe('run on every resource; Client credentials: get, list');
    expect(describePermissions(set('actions:get ai_models:get ai_logs:get incidents:get'), 2)).toBe(
      'Actions: get; AI Models: get; 2 more',
    );
  });

  it('counts single cells', () => {
    expect(countPermissions(set('*:get *:list incidents:create'))).toBe(35 * 2 + 1);
  });
});
