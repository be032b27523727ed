import type { shell as nb } from '../nb/shell';

export const shell: Record<keyof typeof nb, string> = {
  'site.name': 'Forebygg',
  'site.tagline': 'Against human trafficking in Norway – see the signs, speak up, measure what works',
  'shell.title.pattern': '{title} – Forebygg',
  'shell.skip': 'Skip to main content',
  'shell.home.label': 'Forebygg, go to the home page',
  'shell.nav.label': 'Main menu',
  'shell.nav.home': 'Home',
  'shell.nav.admin': 'Staff',
  'shell.language.label': 'Language',
  'shell.language.switch': 'Norsk',
  'shell.language.switchLang': 'nb',
  'shell.quickExit': 'Quick exit',
  'shell.quickExit.region': 'Quick exit from this site',
  'shell.quickExit.hint': 'Leaves this site at once and opens the weather forecast on yr.no.',
  'shell.quickExit.keyHint': 'You can also press Esc twice quickly.',
  'shell.footer.label': 'About this site',
  'shell.footer.about': 'Forebygg is a platform against human trafficking in Norway.',
  'shell.footer.emergency': 'Is someone in immediate danger? Call 112.',
  'shell.footer.privacy': 'We do not store IP addresses or browser details about you.',

  'ui.alert.info': 'Information:',
  'ui.alert.success': 'Done:',
  'ui.alert.warning': 'Warning:',
  'ui.alert.error': 'Error:',
  'ui.field.errorPrefix': 'Error:',
  'ui.field.required': '(required)',
  'ui.formErrors.title': 'There are errors in the form to correct',
  'ui.table.scrollHint': 'The table is wider than the screen. Scroll sideways to see all of it.',
  'ui.table.empty': 'No data to show.',

  'error.400.title': 'The request could not be handled',
  'error.401.title': 'You need to sign in',
  'error.403.title': 'Access denied',
  'error.404.title': 'Page not found',
  'error.404.body': 'The page you asked for does not exist, or it has moved.',
  'error.api.notFound': 'No API operation has this address. See /api/v1/openapi.json.',
  'error.410.title': 'This page no longer exists',
  'error.429.title': 'Too many requests',
  'error.429.body': 'Please wait a little, then try again.',
  'error.500.title': 'Something went wrong',
  'error.500.body': 'We could not show the page. Please try again in a moment.',
  'error.503.title': 'The service is temporarily unavailable',
  'error.generic.title': 'Error',
  'error.status': 'Status code',
  'error.code': 'Error code',
  'error.requestId': 'Reference',
  'error.reference.help': 'Quote the reference if you get in touch about this error.',
  'error.home': 'Go to the home page',

  'home.title': 'Prevent human trafficking',
  'home.lead':
    'Forebygg is a platform against human trafficking in Norway. It is about demand – the services and goods we buy – and what each of us can do so that they are not built on exploitation.',
  'home.intro':
    'It is being built for consumers, buyers, young people and teachers, and for the organisations that work against human trafficking.',
  'home.ways.title': 'Three ways to prevent',
  'home.ways.signs.title': 'See the signs',
  'home.ways.signs.body':
    'Learn to recognise signs that a service or product may be made by people who are being exploited, and what you can do when something seems wrong.',
  'home.ways.report.title': 'Report safely',
  'home.ways.report.body':
    'Report a concern anonymously to an organisation that can follow it up – or find out which public body you should contact.',
  'home.ways.measure.title': 'Measure prevention',
  'home.ways.measure.body':
    'Find out whether information work and measures actually work, with open figures that always state their source.',
  'home.modules.title': 'Modules',
  'home.modules.empty.title': 'No modules are ready yet',
  'home.modules.empty.body': 'The parts of the platform will be listed here as they are finished.',
  'home.emergency.title': 'Is someone in danger now?',
  'home.emergency.body':
    'Call 112 if someone is in immediate danger. You do not need to be sure it is human trafficking to call.',
  'home.safety.title': 'Using this site safely',
  'home.safety.body':
    'The “Quick exit” button at the top of every page takes you straight to the weather forecast on yr.no. Your browser history may still show that you were here. A private browser window leaves fewer traces.',
  'home.safety.keys': 'With a keyboard you can also press Esc twice quickly to leave.'
};
