import type { contentCreate as nb } from '../nb/contentCreate';

export const contentCreate: Record<keyof typeof nb, string> = {
  'contentCreate.list.newPage': 'New learning page',
  'contentCreate.list.newQuiz': 'New quiz',
  'contentCreate.learn.title': 'New learning page',
  'contentCreate.learn.lead':
    'The page is saved as a draft (version 1) and goes through the same review as every change. Readers see it only once it is published. The other language is added later under the same address.',
  'contentCreate.learn.address': 'Address and language',
  'contentCreate.learn.slug': 'Address (slug)',
  'contentCreate.learn.slugHint':
    'Lower-case letters a–z, digits and hyphens, 2–61 characters, starting with a letter. The page gets the address /learn/<slug>. The address cannot be changed later.',
  'contentCreate.learn.locale': 'Language',
  'contentCreate.learn.prefilled':
    'The form is filled in with the text of the “{language}” version. Translate the texts before you save.',
  'contentCreate.learn.addOther': 'Create the “{language}” version',
  'contentCreate.create': 'Create draft',
  'contentCreate.quiz.title': 'New quiz',
  'contentCreate.quiz.lead':
    'Fill in the whole quiz. It is saved as a draft (version 1) and goes through the same review as every change. Pupils see it – self-paced and in the classroom – only once it is published.',
  'contentCreate.quiz.id': 'Id (part of the address)',
  'contentCreate.quiz.idHint':
    'Lower-case letters a–z, digits and hyphens, at most 41 characters. The quiz gets the address /youth/quiz/<id>. The id cannot be changed later: answers are counted under it.',
  'contentCreate.error.key': 'Use lower-case letters a–z, digits and hyphens, and start with a letter or a digit.',
  'contentCreate.error.reserved': 'This address is used by the site itself. Choose another.',
  'contentCreate.error.locale': 'Choose Norwegian or English.',
  'contentCreate.error.taken':
    'The address is already in use in this language. Choose another, or edit the existing one.',
  'contentCreate.error.takenSummary': 'The address is already in use. Nothing was saved.',
  'contentCreate.youth.studio': 'Edit the quiz in the content studio',
  'contentCreate.youth.studioLead':
    'Questions, options, order and publishing are changed in the content studio, with drafts, review and history. Here you see the answers so far.',
  'contentCreate.youth.new': 'Create a new quiz in the content studio',
  'contentCreate.unpublish.title': 'Take off the site',
  'contentCreate.unpublish.lead':
    'Version {number} is published. If you archive it, the content disappears from the public pages, search and the API. The history is kept, and a new draft can be published later.',
  'contentCreate.unpublish.button': 'Archive the published version {number}'
};
