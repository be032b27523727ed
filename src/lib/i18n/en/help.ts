import type { help as nb } from '../nb/help';

export const help: Record<keyof typeof nb, string> = {
  'help.nav': 'Help in your language',
  'help.home.title': 'Help in your language',
  'help.home.text':
    'For people who may be exploited: signs, rights and safe contacts in many languages, and a card to print.',
  'help.choose.title': 'Choose a language',
  'help.choose.lead': 'Information about help and rights in Norway, in your language.',
  'help.choose.unknown': 'We do not have that language. Choose one of these:',
  'help.choose.card': 'Card to print',
  'help.choose.cardLead':
    'For outreach work, shelters, health services and unions: wallet-size cards with the key numbers and a QR code to the page in that language.',
  'help.error.unknownLanguage': 'We do not have that language.',
  'help.error.editorsOnly': 'Only editors can mark a translation as checked.',
  'help.error.sourceText': 'Bokmål and English are the original texts and are not checked as translations.',
  'help.error.changed': 'The text has changed since you opened the page. Read the new version and try again.',
  'help.admin.nav': 'Translations',
  'help.admin.title': 'Help in your language: translations',
  'help.admin.lead':
    'Translations show "not yet checked by a native speaker" until an editor marks them checked. When the bokmål or English text, or the translation itself, changes, it must be checked again.',
  'help.admin.language': 'Language',
  'help.admin.status': 'Status',
  'help.admin.lastReview': 'Last checked',
  'help.admin.action': 'Action',
  'help.admin.open': 'Read the page',
  'help.admin.markReviewed': 'Mark as checked',
  'help.admin.reviewed.done': 'The translation is marked as checked.',
  'help.admin.editorsOnly': 'You can read the status. Only editors can mark a translation as checked.',
  'help.admin.by': '{name}, {date}',
  'help.status.source': 'Original text',
  'help.status.unreviewed': 'Not checked',
  'help.status.reviewed': 'Checked',
  'help.status.needs_review': 'Needs checking again'
};
