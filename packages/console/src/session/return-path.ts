const anyOrigin = 'https://console.invalid';

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/**
 * Where sign-in may send a person back to: a path of the console only. `next` comes from the address bar, so
 * anything that could leave the console (`//host`, `/\host`, a scheme, control characters browsers strip) is
 * replaced by the overview rather than trusted.
 */
export function returnPath(next: string | null): string {
  if (!next?.startsWith('/') || next.includes('\\') || [...next].some(isControl)) return '/';
  const url = new URL(next, anyOrigin);
  return url.origin === anyOrigin ? `${url.pathname}${url.search}${url.hash}` : '/';
}
