// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** What an error page and an API caller may see: never a stack or a driver message. */
    interface Error {
      message: string;
      code?: string;
      requestId?: string;
    }
    interface Locals {
      requestId: string;
      locale: 'nb' | 'en';
      user: import('$lib/server/auth/auth.types').TSessionUser | null;
      sessionId: string | null;
    }
    /** Set by the root layout for every page; only whitelisted user fields reach the browser. */
    interface PageData {
      locale: 'nb' | 'en';
      user: { id: string; displayName: string; roles: string[] } | null;
    }
  }
}

export {};
