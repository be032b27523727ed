import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/auth.types';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https, ending with the session. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: expiresAt
  });
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
