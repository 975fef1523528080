import { basePath } from '../../api/client';
import { SecretReveal } from '../../components/secret-reveal';
import type { GeneratedSecret } from './new-secret-dialog';

/** A service account's client id and new secret, shown once, with the token request ready to paste. */
export function ServiceAccountSecretReveal({
  title,
  generated,
  onClose,
}: {
  title: string;
  generated: GeneratedSecret | undefined;
  onClose(): void;
}) {
  const tokenUrl = `${window.location.origin}${basePath}/oauth/token`;
  return (
    <SecretReveal
      opened={Boolean(generated)}
      title={title}
      onClose={onClose}
      values={
        generated
          ? [
              { label: 'Client ID', value: generated.clientId },
              { label: 'Client secret', value: generated.clientSecret, secret: true },
              {
                label: 'Token request',
                value: `curl -s ${tokenUrl} -u '${generated.clientId}:${generated.clientSecret}' -d grant_type=client_credentials`,
                secret: true,
              },
            ]
          : []
      }
    />
  );
}
