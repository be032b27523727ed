import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { localizePath } from '$lib/i18n';
import { app } from '$lib/server/app';
import { findHelpLanguage } from '$lib/server/help/help.text';
import { getHelpView } from '$lib/server/help/help.service';
import type { PageServerLoad } from './$types';

/**
 * The printable contact card: the key numbers and a QR code to the language's page, made here on the
 * server (nothing from the internet). An unknown code goes to the language list.
 */
export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!findHelpLanguage(params.lang)) redirect(307, localizePath('/help?unknown', locals.locale));
  const ctx = await app();
  const pageUrl = `${url.origin}/help/${params.lang}`;
  return {
    view: await getHelpView(ctx.db, params.lang),
    pageUrl,
    // The wrapper names the code (role img); the drawing itself is hidden from assistive technology.
    qrSvg: (await QRCode.toString(pageUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).replace(
      '<svg ',
      '<svg aria-hidden="true" focusable="false" '
    )
  };
};
