import { checklistKind } from './content.checklist-kind';
import { helpKind } from './content.help-kind';
import { homeKind } from './content.home-kind';
import { registerContentKind } from './content.kind';
import { learnKind } from './content.learn-kind';
import { quizKind } from './content.quiz';

/**
 * The kinds of content the studio edits, in the order the studio lists them. A new kind is one
 * TContentKind object (see content.kind.ts) and one line here.
 */
registerContentKind(learnKind);
registerContentKind(quizKind);
registerContentKind(checklistKind);
registerContentKind(helpKind);
registerContentKind(homeKind);

export { contentKind, contentKinds } from './content.kind';
