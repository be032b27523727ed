import QRCode from 'qrcode';
import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { normaliseCode } from '$lib/youth/classroom';
import type { RequestHandler } from './$types';

/** The QR code for joining a session, made here (SVG), never by a third party. */
export const GET: RequestHandler = async ({ url, locals }) => {
  const code = normaliseCode(url.searchParams.get('code') ?? '');
  if (!code)
    return json(
      { message: translate(locals.locale, 'youth.class.error.codeFormat'), code: 'validation' },
      { status: 400 }
    );
  const svg = await QRCode.toString(`${url.origin}/join?code=${code}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2
  });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
};
