/** How the demo API is run: everything from the environment, checked once at start. */
export interface DemoApiSettings {
  /** Portcullis's issuer, exactly as its tokens' `iss` claim says it. */
  portcullisUrl: string;
  host: string;
  /** 0 takes any free port; the URL is printed either way. */
  port: number;
  /** This API's audience: one of the organization's allowed audiences. */
  audience: string;
  /** A service account holding `portcullis.introspection:run`, to follow the revocation feed. */
  feed: { clientId: string; clientSecret: string };
}

const settingNames = {
  portcullisUrl: 'PORTCULLIS_URL',
  host: 'DEMO_API_HOST',
  port: 'DEMO_API_PORT',
  audience: 'DEMO_API_AUDIENCE',
  feedClientId: 'DEMO_API_FEED_CLIENT_ID',
  feedClientSecret: 'DEMO_API_FEED_CLIENT_SECRET',
} as const;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Every problem at once, so whoever starts the demo fixes them in one go. */
export function readSettings(env: Record<string, string | undefined>): DemoApiSettings {
  const problems: string[] = [];
  const value = (name: string, fallback?: string) => {
    const raw = env[name]?.trim();
    if (raw) return raw;
    if (fallback === undefined) problems.push(`${name} is required`);
    return fallback ?? '';
  };
  const portcullisUrl = value(settingNames.portcullisUrl, 'http://127.0.0.1:8080');
  if (!URL.canParse(portcullisUrl)) problems.push(`${settingNames.portcullisUrl} must be a URL`);
  const portText = value(settingNames.port, '8081');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    problems.push(`${settingNames.port} must be a port number from 0 to 65535`);
  }
  const settings: DemoApiSettings = {
    portcullisUrl,
    host: value(settingNames.host, '127.0.0.1'),
    port,
    audience: value(settingNames.audience, 'https://api.acme.example'),
    feed: {
      clientId: value(settingNames.feedClientId),
      clientSecret: value(settingNames.feedClientSecret),
    },
  };
  if (problems.length > 0) throw new SettingsError(problems.join('; '));
  return Object.freeze(settings);
}
