import type { MessageKey } from '../../i18n';

/**
 * The editorial workflow every kind of content shares, as a pure function: draft → in review →
 * published → archived. A draft may also go back from review, and a published version is archived
 * when a newer one replaces it or an editor takes the item off the site.
 */
export const contentStates = ['draft', 'in_review', 'published', 'archived'] as const;
export type TContentState = (typeof contentStates)[number];

export const contentActions = ['edit', 'submit', 'return', 'publish', 'archive'] as const;
export type TContentAction = (typeof contentActions)[number];

export interface TWorkflowContext {
  actorId: string;
  /** Whether the actor holds a role that may edit content (editor or admin). */
  canEdit: boolean;
  /** Everyone who saved the version. */
  editedBy: readonly string[];
  /** The organisation requires a second person to publish. */
  twoPersonReview: boolean;
}

export type TTransition = { ok: true; state: TContentState } | { ok: false; reason: MessageKey };

const moves: Record<TContentAction, Partial<Record<TContentState, TContentState>>> = {
  edit: { draft: 'draft' },
  submit: { draft: 'in_review' },
  return: { in_review: 'draft' },
  publish: { in_review: 'published', draft: 'published' },
  archive: { draft: 'archived', in_review: 'archived', published: 'archived' }
};

/** Where `action` takes a version in `state`, or why it may not. */
export function transition(state: TContentState, action: TContentAction, ctx: TWorkflowContext): TTransition {
  if (!ctx.canEdit) return { ok: false, reason: 'auth.error.forbidden' };
  const next = moves[action][state];
  if (!next) return { ok: false, reason: 'content.error.transition' };
  if (action === 'publish') {
    // With two-person review a change is published only after review, by someone who did not write it.
    if (ctx.twoPersonReview && state === 'draft') return { ok: false, reason: 'content.error.reviewFirst' };
    if (ctx.twoPersonReview && ctx.editedBy.includes(ctx.actorId))
      return { ok: false, reason: 'content.error.ownChange' };
  }
  return { ok: true, state: next };
}
