import type { contentHelp as nb } from '../nb/contentHelp';

export const contentHelp: Record<keyof typeof nb, string> = {
  'contentHelp.error.required': 'Fill in the text.',
  'contentHelp.error.tooLong': 'The text is too long (at most 1200 characters).',
  'contentHelp.error.html': 'The text cannot contain HTML code (such as <b> or <a>). Write plain text.',
  'contentHelp.error.digit':
    'Do not write numbers in the text. Phone numbers and figures come from the sources and are filled in by the page.',
  'contentHelp.error.address': 'Do not write web addresses in the text. The addresses are shown from the sources.',
  'contentHelp.error.placeholders':
    'Keep the placeholders in curly brackets exactly as in the source text (for example months, hours or age). The page fills in the figure from the source there.',
  'contentHelp.error.keys': 'The text must have exactly the same parts as the bokmål text.',
  'contentHelp.editor.title': 'The help page in {language}',
  'contentHelp.editor.lead':
    'Each text of the help page stands beside the source text. Save as a draft, submit for review and publish; the page shows the published version at once.',
  'contentHelp.editor.public': 'See the published page',
  'contentHelp.editor.overview': 'All languages and their status',
  'contentHelp.editor.referenceStatus': 'The source text ({language}):',
  'contentHelp.editor.texts': 'The texts',
  'contentHelp.editor.referenceChoice': 'Show the source text in:',
  'contentHelp.editor.rules':
    'Figures, phone numbers and web addresses are filled in by the page from the sources: do not write them in the text, and keep the placeholders in curly brackets.',
  'contentHelp.editor.field': '{key} ({language})',
  'contentHelp.check.title': 'Checked by a native speaker',
  'contentHelp.check.lead':
    'Is this language your mother tongue and have you read the published translation? Mark it checked. If the text changes later, it must be checked again.',
  'contentHelp.list.title': 'The help page in other languages',
  'contentHelp.list.lead':
    'One translation per language. Bokmål and English are the source texts; a change to them means the translations must be checked again.',
  'contentHelp.list.language': 'Language',
  'contentHelp.list.edit': 'Edit the help page in {language}',
  'contentHelp.admin.lead':
    'The status of each translation. The texts are changed, published and marked checked in the content studio.',
  'contentHelp.admin.edit': 'Edit in the content studio',
  'contentHome.error.tooLong': 'The text is too long for the home page. Shorten it to the limit below the field.',
  'contentHome.error.oneParagraph': 'Write the text as one paragraph, without line breaks.',
  'contentHome.editor.title': 'Home page text “{key}”',
  'contentHome.editor.lead':
    'A short text on the home page. Plain text: HTML is removed, and Markdown is shown as written. The home page shows the published version at once.',
  'contentHome.editor.public': 'See the home page',
  'contentHome.editor.text': 'Text',
  'contentHome.editor.hint': 'At most {max} characters, one paragraph.',
  'contentHome.editor.dictionary': 'The text as shipped with the application',
  'contentHome.removed.lead': 'The home page shows plain text only. This was removed before the draft was saved.',
  'contentHome.list.title': 'Home page texts',
  'contentHome.list.lead':
    'The lead, the introduction and the short texts of the home page’s cards, in bokmål and English. Titles, menu and legal texts are not changed here.',
  'contentHome.list.text': 'Text',
  'contentHome.list.edit': 'Edit the home page text {title}',
  'notifications.kind.content.review_due': 'Content is due for review'
};
