import nodemailer, { type Transporter } from 'nodemailer';
import { localizePath, translate, type Locale, type MessageKey } from '../../i18n';
import { publicBaseUrl, type TConfig } from '../config';
import { unsubscribeToken, type TNotificationKind } from './notifications.core';

/**
 * E-mail texts. A template receives only what may leave the platform: the kind of event, the
 * notification's id (for its link) and the unsubscribe token — never report text, kind of concern,
 * municipality, reporter details, names of people or organisations. The types allow nothing else.
 */

/** What sends mail: nodemailer's transport, or null when SMTP is not configured (in-app only). */
export interface TMailer {
  transport: Pick<Transporter, 'sendMail'> | null;
  from: string;
  /** The site's base URL for links, without a trailing slash. */
  baseUrl: string;
}

export function createMailer(config: TConfig): TMailer {
  return {
    transport: config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null,
    from: config.MAIL_FROM,
    baseUrl: publicBaseUrl(config)
  };
}

export interface TMailItem {
  notificationId: string;
  kind: TNotificationKind;
}

export interface TRenderedMail {
  subject: string;
  text: string;
}

export interface TRenderContext {
  locale: Locale;
  baseUrl: string;
  userId: string;
  tokenKey: Buffer;
  /** ISO date the unsubscribe links stop working. */
  unsubscribeExpires: string;
}

export const kindLabel = (kind: TNotificationKind): MessageKey => `notifications.kind.${kind}` as MessageKey;

function links(ctx: TRenderContext, kind: TNotificationKind) {
  const token = unsubscribeToken(ctx.tokenKey, ctx.userId, kind, ctx.unsubscribeExpires);
  return {
    unsubscribe: `${ctx.baseUrl}${localizePath('/notifications/unsubscribe', ctx.locale)}?token=${token}`,
    settings: `${ctx.baseUrl}${localizePath('/admin/notifications/settings', ctx.locale)}`
  };
}

const openLink = (ctx: TRenderContext, id: string) =>
  `${ctx.baseUrl}${localizePath(`/admin/notifications/${id}`, ctx.locale)}`;

/** One notification, sent at once. */
export function renderImmediate(ctx: TRenderContext, item: TMailItem): TRenderedMail {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.locale, key, params);
  const what = t(kindLabel(item.kind));
  const l = links(ctx, item.kind);
  return {
    subject: t('notifications.mail.subject', { what }),
    text: [
      t('notifications.mail.hello'),
      '',
      t('notifications.mail.body', { what }),
      openLink(ctx, item.notificationId),
      '',
      t('notifications.mail.noContent'),
      '',
      '-- ',
      t('notifications.mail.unsubscribe', { link: l.unsubscribe }),
      t('notifications.mail.settings', { link: l.settings })
    ].join('\n')
  };
}

/** A user's daily digest: one line and link per notification, one unsubscribe link per kind. */
export function renderDigest(ctx: TRenderContext, items: readonly TMailItem[]): TRenderedMail {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(ctx.locale, key, params);
  const kinds = [...new Set(items.map((i) => i.kind))];
  return {
    subject: t('notifications.mail.digestSubject', { count: items.length }),
    text: [
      t('notifications.mail.hello'),
      '',
      t('notifications.mail.digestIntro'),
      '',
      ...items.map((i) => `- ${t(kindLabel(i.kind))}: ${openLink(ctx, i.notificationId)}`),
      '',
      t('notifications.mail.noContent'),
      '',
      '-- ',
      ...kinds.map(
        (k) => `${t(kindLabel(k))}. ${t('notifications.mail.unsubscribe', { link: links(ctx, k).unsubscribe })}`
      ),
      t('notifications.mail.settings', { link: links(ctx, kinds[0] ?? 'report.new').settings })
    ].join('\n')
  };
}
