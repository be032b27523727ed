import type { contentChecklist as nb } from '../nb/contentChecklist';

export const contentChecklist: Record<keyof typeof nb, string> = {
  'contentChecklist.bothLanguages': 'Bokmål and English',
  'contentChecklist.indicator': 'Sign {number}',
  'contentChecklist.adviceItem': 'Advice {number}',
  'contentChecklist.source': 'Source {number}',
  'contentChecklist.sources': 'Sources',
  'contentChecklist.sourcesLead':
    'The sources the checklist rests on. Questions, signs and advice tick their sources; a source that something has as its only one cannot be removed.',
  'contentChecklist.indicatorsLead':
    'The signs a result shows, with the ILO indicators they point to. Every sign must be used by at least one question.',
  'contentChecklist.adviceLead':
    'Advice is shown at the levels you choose, or only when one of the chosen questions gets its warning answer or “don’t know”.',
  'contentChecklist.new': 'new',
  'contentChecklist.field.sourceTitle': 'Title',
  'contentChecklist.field.publisher': 'Publisher',
  'contentChecklist.field.url': 'Web address',
  'contentChecklist.field.urlHint': 'Empty only for a printed source.',
  'contentChecklist.field.date': 'Date',
  'contentChecklist.field.dateHint': 'YYYY, YYYY-MM or YYYY-MM-DD.',
  'contentChecklist.field.adviceQuestions': 'Shown only at these questions (none chosen: always at the levels)',
  'contentChecklist.field.adviceSources': 'Sources of the advice',
  'contentChecklist.field.indicatorSources': 'Sources of the sign',
  'contentChecklist.add.indicators': 'Add a sign',
  'contentChecklist.add.advice': 'Add advice',
  'contentChecklist.add.sources': 'Add a source',
  'contentChecklist.up.indicators': 'Move sign {number} up',
  'contentChecklist.down.indicators': 'Move sign {number} down',
  'contentChecklist.remove.indicators': 'Remove sign {number}',
  'contentChecklist.up.advice': 'Move advice {number} up',
  'contentChecklist.down.advice': 'Move advice {number} down',
  'contentChecklist.remove.advice': 'Remove advice {number}',
  'contentChecklist.up.sources': 'Move source {number} up',
  'contentChecklist.down.sources': 'Move source {number} down',
  'contentChecklist.remove.sources': 'Remove source {number}',
  'contentChecklist.notes': 'This changed too:',
  'contentChecklist.refused': 'The change was not made. The reason is shown at the item.',
  'contentChecklist.note.indicatorDropped':
    'The sign “{name}” was used only by the question you removed, and was removed with it.',
  'contentChecklist.note.adviceQuestion':
    'The advice “{name}” is no longer shown at the question you removed, only at the other questions it is tied to.',
  'contentChecklist.note.orgNumber':
    'The question you removed carried the organisation number field. The checklist no longer shows that field.',
  'contentChecklist.note.questionIndicator':
    'Question {number} also pointed to the sign you removed. That link is gone.',
  'contentChecklist.note.sourceQuestion': 'Question {number} also cited the source you removed. That citation is gone.',
  'contentChecklist.note.sourceIndicator':
    'The sign “{name}” also cited the source you removed. That citation is gone.',
  'contentChecklist.note.sourceAdvice': 'The advice “{name}” cited the source you removed. That citation is gone.',
  'contentChecklist.note.sourceSection': 'Section {number} also cited the source you removed. That citation is gone.',
  'contentChecklist.refuse.lastQuestion':
    'A scored checklist needs at least one question. The last one cannot be removed.',
  'contentChecklist.refuse.adviceOnlyQuestion':
    'The advice “{name}” is shown only at this question. Remove the advice or tie it to another question first.',
  'contentChecklist.refuse.indicatorOnly':
    'Question {number} points only to this sign. Choose another sign for the question, or remove the question, first.',
  'contentChecklist.refuse.lastSource': 'The checklist needs at least one source. The last one cannot be removed.',
  'contentChecklist.refuse.sourceOnlyQuestion':
    'Question {number} has only this source. Choose another source for the question first.',
  'contentChecklist.refuse.sourceOnlyIndicator':
    'The sign “{name}” has only this source. Choose another source for the sign first.',
  'contentChecklist.refuse.sourceOnlySection':
    'Section {number} has only this source. Sections are edited in the file (content:import), so the source stays.',
  'contentChecklist.refuse.full': 'The list is full: at most {max}.',
  'contentChecklist.refuse.gone': 'That item is no longer in the form. Reload the page.',
  'contentChecklist.error.refName': 'A chosen item has no valid short name yet. Give it one first.',
  'contentChecklist.error.url': 'Write a whole web address starting with https:// or http://.',
  'contentChecklist.error.date': 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.'
};
