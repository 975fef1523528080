/**
 * The audience Firebolt's drivers ask `/oauth/token` for, a constant of theirs (firebolt-sdk's
 * `AUTH_AUDIENCE`). An organization must allow it for its service accounts to get such tokens; the demo
 * organization made at bootstrap does.
 */
export const fireboltApiAudience = 'https://api.firebolt.io';
