import type { Cookies } from '@sveltejs/kit';

/** A minimal request event for calling form actions directly in tests. */
export function fakeActionEvent(
  path: string,
  body: BodyInit | null,
  contentType: string | null,
  locals: Partial<App.Locals> = {}
) {
  const url = new URL(`http://localhost${path}`);
  const headers = new Headers();
  if (contentType) headers.set('content-type', contentType);
  const set: string[] = [];
  const cookies = {
    get: () => undefined,
    getAll: () => [],
    set: (name: string) => void set.push(name),
    delete: () => undefined,
    serialize: () => ''
  } as unknown as Cookies;
  return {
    event: {
      request: new Request(url, { method: 'POST', body, headers }),
      url,
      cookies,
      locals: { requestId: 'test', locale: 'nb', user: null, sessionId: null, ...locals } as App.Locals,
      getClientAddress: () => '192.0.2.10',
      params: {},
      route: { id: path }
    },
    cookiesSet: set
  };
}
