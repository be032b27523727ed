import type { notifications as nb } from '../nb/notifications';

/** Notifications, in English. */
export const notifications: Record<keyof typeof nb, string> = {
  'notifications.nav': 'Notifications',
  'notifications.bell': 'Notifications',
  'notifications.bell.unread': '{count} unread',
  'notifications.title': 'Notifications',
  'notifications.lead':
    'What needs you: new messages in the inbox, follow-up checks, entries due for review and measures without an assessment. Notifications stay here even when you get e-mail.',
  'notifications.empty': 'You have no notifications.',
  'notifications.col.what': 'What',
  'notifications.col.when': 'When',
  'notifications.col.state': 'State',
  'notifications.state.unread': 'Unread',
  'notifications.state.read': 'Read',
  'notifications.open': 'Open',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markedAllRead': 'All notifications are marked as read.',
  'notifications.settingsLink': 'E-mail settings',
  'notifications.mailOff': 'E-mail is not set up on this service. Notifications are shown only here.',
  'notifications.due': 'Due {date}',

  'notifications.kind.report.new': 'A new report of concern has arrived in the inbox',
  'notifications.kind.report.message': 'A new reply from a reporter in the inbox',
  'notifications.kind.report.retention': 'A case in the inbox will soon be deleted at its retention deadline',
  'notifications.kind.buyers.check_due': 'A follow-up check is due within 7 days',
  'notifications.kind.buyers.check_overdue': 'A follow-up check is overdue',
  'notifications.kind.directory.review_due': 'Directory entries are due for review',
  'notifications.kind.actionplan.measure_unassessed':
    'An action-plan measure has passed its deadline without an assessment',
  'notifications.kind.surveys.wave_closing': 'A survey wave closes within 3 days',
  'notifications.kind.surveys.wave_target_reached': 'A survey wave has reached its target number of responses',

  'notifications.settings.title': 'Notification settings',
  'notifications.settings.lead':
    'Choose which notifications you get by e-mail, and whether they come at once or together once a day. Every notification is always shown in the list of notifications.',
  'notifications.settings.kinds': 'Send e-mail about',
  'notifications.settings.mode': 'When do you want e-mail?',
  'notifications.settings.mode.immediate': 'At once',
  'notifications.settings.mode.digest': 'Together, one e-mail in the morning',
  'notifications.settings.pausedUntil': 'No e-mail before (pause)',
  'notifications.settings.pausedUntilHint': 'Date (YYYY-MM-DD). Leave empty for no pause.',
  'notifications.settings.locale': 'Language of e-mails',
  'notifications.settings.locale.nb': 'Norwegian (bokmål)',
  'notifications.settings.locale.en': 'English',
  'notifications.settings.save': 'Save settings',
  'notifications.settings.saved': 'Your settings are saved.',
  'notifications.settings.noEmail': 'Your account has no e-mail address. You get notifications only here.',

  'notifications.unsubscribe.title': 'Stop e-mail',
  'notifications.unsubscribe.confirm':
    'Do you want to stop getting e-mail about this: “{kind}”? The notifications are still shown when you sign in.',
  'notifications.unsubscribe.submit': 'Stop e-mail about this',
  'notifications.unsubscribe.done':
    'Done. You no longer get e-mail about: “{kind}”. You can switch it on again in the notification settings.',
  'notifications.unsubscribe.invalid':
    'This link is not valid. Nothing was changed. Sign in and open the notification settings to change what you get by e-mail.',
  'notifications.unsubscribe.expired':
    'This link is too old. Nothing was changed. Sign in and open the notification settings to change what you get by e-mail.',

  'notifications.mail.subject': 'Forebygg: {what}',
  'notifications.mail.hello': 'Hello,',
  'notifications.mail.body': '{what}. Sign in to Forebygg to see what it concerns:',
  'notifications.mail.noContent': 'To protect the people concerned, this e-mail says nothing more.',
  'notifications.mail.unsubscribe': 'Stop e-mail about this: {link}',
  'notifications.mail.settings': 'All notification settings: {link}',
  'notifications.mail.digestSubject': 'Forebygg: {count} new notifications',
  'notifications.mail.digestIntro': 'This has happened since last time. Sign in to Forebygg to see what it concerns:',

  'notifications.error.notFound': 'The notification was not found.',
  'notifications.error.mode': 'Choose at once or together.',
  'notifications.error.kind': 'Choose only notifications from the list.',
  'notifications.error.date': 'Write the date as YYYY-MM-DD.',
  'notifications.error.locale': 'Choose Norwegian or English.'
};
