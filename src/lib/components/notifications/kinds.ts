import type { MessageKey } from '$lib/i18n';

/** The dictionary key of a notification kind's one-line description. */
export const kindLabelKey = (kind: string): MessageKey => `notifications.kind.${kind}` as MessageKey;
