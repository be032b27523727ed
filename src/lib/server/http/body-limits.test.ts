import { describe, expect, it } from 'vitest';
import { MATERIAL_UPLOAD_URL, registerMaterialBodyLimit } from '../campaigns/materials.form';
import { MAX_MATERIAL_BODY } from '../campaigns/materials.core';
import { BODY_SIZE_LIMIT_LOOKUP, bodySizeLimitFor } from './body-limits';

describe('bodySizeLimitFor', () => {
  it('gives the material upload its cap and every other request the fallback', () => {
    registerMaterialBodyLimit();
    const limit = (method: string, url: string) => bodySizeLimitFor({ method, url }, 512 * 1024);
    const id = '0b7e6a3c-2f4d-4c6b-9a51-3c1d2e4f5a6b';
    expect(limit('POST', `/admin/campaigns/${id}/materials?/upload`)).toBe(MAX_MATERIAL_BODY);
    expect(limit('POST', `/en/admin/campaigns/${id}/materials?/upload`)).toBe(MAX_MATERIAL_BODY);
    // The remove action, another route, another method, a longer query: the fallback.
    expect(limit('POST', `/admin/campaigns/${id}/materials?/remove`)).toBe(512 * 1024);
    expect(limit('POST', `/admin/campaigns/${id}/edit`)).toBe(512 * 1024);
    expect(limit('GET', `/admin/campaigns/${id}/materials?/upload`)).toBe(512 * 1024);
    expect(limit('POST', `/admin/campaigns/${id}/materials?/upload&x=1`)).toBe(512 * 1024);
    expect(limit('POST', `/report?/admin/campaigns/${id}/materials?/upload`)).toBe(512 * 1024);
    expect(MATERIAL_UPLOAD_URL.test(`/admin/campaigns/a/b/materials?/upload`)).toBe(false);
    // What adapter-node's handler calls (scripts/node-routes-adapter.js).
    const lookup = (globalThis as unknown as Record<symbol, typeof bodySizeLimitFor>)[BODY_SIZE_LIMIT_LOOKUP];
    expect(lookup({ method: 'POST', url: `/admin/campaigns/${id}/materials?/upload` }, 1)).toBe(MAX_MATERIAL_BODY);
  });
});
