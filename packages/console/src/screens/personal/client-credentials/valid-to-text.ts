import { toWallClock } from '@portcullis/core/time';
import { wallClockText } from '../../../time/expiry';
import type { ClientCredential } from './client-credential';

/** A credential's valid-to in the zone it was entered in, the zone beside it; UTC when it has none. */
export function validToText(credential: Pick<ClientCredential, 'validTo' | 'validToLocal' | 'timezone'>) {
  if (credential.validTo === null) return undefined;
  if (credential.validToLocal && credential.timezone) {
    return { time: wallClockText(credential.validToLocal), zone: credential.timezone };
  }
  return { time: wallClockText(toWallClock(Date.parse(credential.validTo), 'UTC')), zone: 'UTC' };
}
