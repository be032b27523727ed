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
  'contentChecklist.error.date': 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.',
  'contentChecklist.sections': 'Parts of the information page',
  'contentChecklist.sectionsLead':
    'Each part has a heading, one or more paragraphs in Norwegian and English, and the sources it is based on.',
  'contentChecklist.section': 'Part {number}',
  'contentChecklist.field.sectionTitle': 'Heading ({language})',
  'contentChecklist.field.paragraph': 'Paragraph {paragraph} ({language})',
  'contentChecklist.field.sectionSources': 'Sources of the part',
  'contentChecklist.paragraph': 'Paragraph {paragraph} of part {number}',
  'contentChecklist.add.sections': 'Add a part',
  'contentChecklist.up.sections': 'Move part {number} up',
  'contentChecklist.down.sections': 'Move part {number} down',
  'contentChecklist.remove.sections': 'Remove part {number}',
  'contentChecklist.add.paragraphs': 'Add a paragraph to part {number}',
  'contentChecklist.up.paragraphs': 'Move paragraph {paragraph} of part {number} up',
  'contentChecklist.down.paragraphs': 'Move paragraph {paragraph} of part {number} down',
  'contentChecklist.remove.paragraphs': 'Remove paragraph {paragraph} of part {number}',
  'contentChecklist.refuse.lastParagraph': 'A part needs at least one paragraph. The last one cannot be removed.',
  'contentChecklist.error.paragraphs': 'Write at least one paragraph.',
  'contentChecklist.new.list': 'New checklist (new sector)',
  'contentChecklist.new.title': 'New checklist for a new sector',
  'contentChecklist.new.lead':
    'The checklist is saved as a draft and goes through the same review as every change. The sector appears on /check, in the API and in the export only once the checklist is published.',
  'contentChecklist.new.id': 'Sector id (part of the address)',
  'contentChecklist.new.idHint':
    'Lower-case letters a–z, digits and hyphens, 2–41 characters, starting with a letter. The checklist gets the address /check/<id>. The id cannot be changed later: answers are counted under it.',
  'contentChecklist.new.name': 'Name of the sector ({language})',
  'contentChecklist.new.start': 'Start from',
  'contentChecklist.new.startEmpty': 'An empty skeleton: one question, one warning sign and one source to fill in',
  'contentChecklist.new.startInformation':
    'An empty information page without a score (like the page on buying sex): one part with one paragraph and one source to fill in',
  'contentChecklist.new.startCopy': 'A copy of “{title}”',
  'contentChecklist.new.create': 'Create draft',
  'contentChecklist.new.unpublished':
    'Not published yet. The first publish makes checklist version {next}; the sector then appears on /check at once.',
  'contentChecklist.start.summary': '[Write a short description of the sector]',
  'contentChecklist.start.intro': '[Write the introduction to the checklist]',
  'contentChecklist.start.question': '[Write the question]',
  'contentChecklist.start.why': '[Write why the question is a warning sign]',
  'contentChecklist.start.sign': '[Write the warning sign]',
  'contentChecklist.start.source': '[Write the source: title, publisher and year]',
  'contentChecklist.start.sectionTitle': '[Write the heading]',
  'contentChecklist.start.sectionBody': '[Write the paragraph]',
  'contentChecklist.error.newId':
    'Use 2–41 characters: lower-case letters a–z, digits and hyphens, starting with a letter.',
  'contentChecklist.error.idTaken':
    'This sector already exists (or has answers stored under this id). Choose another id, or edit the one that exists.',
  'contentChecklist.error.name': 'Write the name of the sector (at most 120 characters).',
  'contentChecklist.error.start': 'Choose an empty skeleton or a published checklist to copy.',
  'contentChecklist.error.startTexts':
    'The checklist still has starting texts in brackets. Write them before it is submitted for review or published.',
  'contentChecklist.error.startText': 'Write this text: the starting text in brackets is still here.'
};
