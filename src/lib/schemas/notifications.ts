import { z } from 'zod';
import type { MessageKey } from '../i18n';

/** Schemas of the notifications module (messages are i18n keys). */
const m = (key: MessageKey) => ({ message: key });

/** Every kind of event. The content studio adds its own here when it lands (docs/notifications.md). */
export const notificationKinds = [
  'report.new',
  'report.message',
  'report.retention',
  'buyers.check_due',
  'buyers.check_overdue',
  'directory.review_due',
  'actionplan.measure_unassessed',
  'surveys.wave_closing',
  'surveys.wave_target_reached',
  'content.review_due'
] as const;

/** The form field of a kind's e-mail checkbox. */
export const kindField = (kind: string) => `kind:${kind}`;

const checkbox = z.literal('on', m('notifications.error.kind')).optional();

export const ZNotificationPreferences = z
  .object({
    mode: z.enum(['immediate', 'digest'], m('notifications.error.mode')),
    locale: z.enum(['nb', 'en'], m('notifications.error.locale')),
    pausedUntil: z
      .string()
      .trim()
      .refine(
        (v) =>
          v === '' ||
          (/^\d{4}-\d{2}-\d{2}$/.test(v) &&
            !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
            new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
        m('notifications.error.date')
      )
      .default(''),
    ...Object.fromEntries(notificationKinds.map((k) => [kindField(k), checkbox]))
  })
  .transform((v) => ({
    mode: v.mode,
    locale: v.locale,
    pausedUntil: v.pausedUntil,
    kinds: notificationKinds.filter((k) => (v as Record<string, unknown>)[kindField(k)] === 'on')
  }));
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
