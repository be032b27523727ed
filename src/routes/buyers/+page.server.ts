import { parseForm } from '$lib/server/http/forms';
import { rulesView, scopeView } from '$lib/server/buyers/buyers.view';
import { ZRulesForm, ZTransparencyRequest } from '$lib/schemas/buyers';
import type { Actions } from './$types';

/** Public and anonymous: both answers are computed from what was typed; nothing is stored or logged. */
export const actions: Actions = {
  rules: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZRulesForm, locals.locale);
    if (!parsed.ok) return parsed.failure;
    const { supplierOrgNumber, ...purchase } = parsed.data;
    return { rules: rulesView(purchase, locals.locale), orgNumber: supplierOrgNumber || null, values: parsed.values };
  },
  scope: async ({ request, locals }) => {
    const parsed = await parseForm(request, ZTransparencyRequest, locals.locale);
    if (!parsed.ok) return parsed.failure;
    return { scope: scopeView(parsed.data, locals.locale), values: parsed.values };
  }
};
