import { serverUrl } from '../api/client';
import { loginCurl, tokenCurl } from '../api/curl-commands';
import type { ShownOnceContent } from './shown-once';

/** A client id and its new secret (a service account's or a personal client credential's). */
export function clientSecretShown({
  clientId,
  clientSecret,
}: {
  clientId: string;
  clientSecret: string;
}): ShownOnceContent {
  return {
    values: [
      { label: 'Client ID', value: clientId },
      { label: 'Client secret', value: clientSecret, secret: true },
    ],
    command: { label: 'Token request', value: tokenCurl(serverUrl, clientId, clientSecret) },
  };
}

/** A new key pair: its access key and secret key. */
export function keyPairShown({
  accessKey,
  secretKey,
}: {
  accessKey: string;
  secretKey: string;
}): ShownOnceContent {
  return {
    values: [
      { label: 'Access key', value: accessKey },
      { label: 'Secret key', value: secretKey, secret: true },
    ],
    command: { label: 'Login request', value: loginCurl(serverUrl, accessKey, secretKey) },
  };
}
