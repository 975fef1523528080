import { longestMaxCredentialLifetimeDays, shortestMaxCredentialLifetimeDays } from '@portcullis/core/time';
import { longestTokenLifetimeSeconds, shortestTokenLifetimeSeconds } from '@portcullis/core/tokens';

/** The settings of the Programmatic Access tab saved together; null is "the server's default" or "none". */
export interface AccessSettings {
  tokenTtlSeconds: number | null;
  allowedAudiences: string[] | null;
  networkPolicyId: string | null;
  maxCredentialLifetimeDays: number | null;
}

export type AccessSettingName = keyof AccessSettings;

export const settingLabels: Record<AccessSettingName, string> = {
  tokenTtlSeconds: 'Access-token lifetime',
  allowedAudiences: 'Allowed audiences',
  networkPolicyId: 'Network policy',
  maxCredentialLifetimeDays: 'Maximum credential lifetime',
};

const settingNames = Object.keys(settingLabels) as AccessSettingName[];

/** Only what differs, as `PATCH /api/v1/organization` takes it; an empty object when nothing does. */
export function changedSettings(before: AccessSettings, after: AccessSettings): Partial<AccessSettings> {
  const changes: Partial<AccessSettings> = {};
  for (const name of settingNames) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      (changes as Record<string, unknown>)[name] = after[name];
    }
  }
  return changes;
}

/** A setting's value as a person reads it, in the confirmation of what was saved. */
export function describeSetting(
  name: AccessSettingName,
  value: AccessSettings[AccessSettingName],
  policyName: (id: string) => string,
): string {
  switch (name) {
    case 'tokenTtlSeconds':
      return value === null ? "the server's default" : `${value} seconds`;
    case 'allowedAudiences': {
      const audiences = value as string[] | null;
      if (audiences === null) return "the server's default";
      return audiences.length === 0 ? 'this API only' : audiences.join(', ');
    }
    case 'networkPolicyId':
      return value === null ? 'none' : policyName(value as string);
    case 'maxCredentialLifetimeDays':
      return value === null ? 'no maximum' : `${value} ${value === 1 ? 'day' : 'days'}`;
  }
}

/** "Access-token lifetime: the server's default → 900 seconds", one line per setting that changed. */
export function describeChanges(
  before: AccessSettings,
  changes: Partial<AccessSettings>,
  policyName: (id: string) => string,
): string[] {
  return (Object.keys(changes) as AccessSettingName[]).map(
    (name) =>
      `${settingLabels[name]}: ${describeSetting(name, before[name], policyName)} → ${describeSetting(
        name,
        changes[name] as AccessSettings[AccessSettingName],
        policyName,
      )}`,
  );
}

/** Why a token lifetime the person typed cannot be saved; undefined when it can (or is left empty). */
export function tokenLifetimeProblem(seconds: number | null): string | undefined {
  if (seconds === null) return undefined;
  if (
    !Number.isInteger(seconds) ||
    seconds < shortestTokenLifetimeSeconds ||
    seconds > longestTokenLifetimeSeconds
  ) {
    return `A whole number of seconds from ${shortestTokenLifetimeSeconds} to ${longestTokenLifetimeSeconds}`;
  }
  return undefined;
}

/** Why a maximum credential lifetime cannot be saved; undefined when it can (or is left empty). */
export function maxLifetimeProblem(days: number | null): string | undefined {
  if (days === null) return undefined;
  if (
    !Number.isInteger(days) ||
    days < shortestMaxCredentialLifetimeDays ||
    days > longestMaxCredentialLifetimeDays
  ) {
    return `A whole number of days from ${shortestMaxCredentialLifetimeDays} to ${longestMaxCredentialLifetimeDays}`;
  }
  return undefined;
}

/**
 * The audiences that are not absolute URIs: the API takes only those (`format: uri`), as a token's `aud`
 * names an API by its URI.
 */
export function invalidAudiences(audiences: readonly string[]): string[] {
  return audiences.filter((audience) => /\s/.test(audience) || !URL.canParse(audience));
}
