/** Checks of the options a verifier or token client is made with: a misconfigured one must not start. */
export function configurationError(message: string): TypeError {
  return new TypeError(`@portcullis/sdk: ${message}`);
}

export function requireBoundedNumber(name: string, value: number, min: number, max: number): number {
  // Infinity or NaN would switch a check off (fast-jwt once accepted an infinite tolerance), so refuse them.
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw configurationError(`${name} must be a finite number from ${min} to ${max} (got ${String(value)}).`);
  }
  return value;
}

export function requireUrl(name: string, value: unknown): string {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw configurationError(`${name} must be an absolute URL (got ${JSON.stringify(value)}).`);
  }
  return value;
}
