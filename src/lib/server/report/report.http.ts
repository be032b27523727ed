import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/auth.types';
import type { TCaseSession } from './report.service';

/** The session a case handler's request carries: its id and the cookie that decrypts its keys. */
export function caseSession(locals: App.Locals, cookies: Cookies): TCaseSession {
  return { sessionId: locals.sessionId ?? '', sessionToken: cookies.get(SESSION_COOKIE) };
}
