import type { Cookies } from '@sveltejs/kit';
import { SESSION_TTL_MS } from './classroom.service';

/** A pupil's random token for one classroom session (HttpOnly; only its keyed hash is stored). */
export const PUPIL_COOKIE = 'forebygg_pupil';

export function setPupilCookie(cookies: Cookies, url: URL, token: string): void {
  cookies.set(PUPIL_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: SESSION_TTL_MS / 1000
  });
}

export function clearPupilCookie(cookies: Cookies): void {
  cookies.delete(PUPIL_COOKIE, { path: '/' });
}
