/**
 * Page data of a page rendered without the SvelteKit client (`csr = false`) that the HTML needs on the server
 * only. SvelteKit serializes every server `load`'s data for hydration even when `csr` is false, and then drops
 * it: for a survey results page that is milliseconds of work per request. Wrapped in this class, the data is
 * not serialized into the HTML page (`transport` in src/hooks.ts); a data request (`__data.json`, when the
 * client of another page navigates here) still gets all of it, so `send` is the load event's `isDataRequest`.
 */
export class ServerRendered<T> {
  constructor(
    readonly value: T,
    readonly send: boolean
  ) {}
}
