/** Notifications: the staff area's list, preferences, unsubscribe, and the e-mail texts (no sensitive content). */
export const notifications = {
  'notifications.nav': 'Varsler',
  'notifications.bell': 'Varsler',
  'notifications.bell.unread': '{count} uleste',
  'notifications.title': 'Varsler',
  'notifications.lead':
    'Her ser du hva som trenger deg: nye meldinger i innboksen, oppfølgingskontroller, oppføringer som skal gjennomgås og tiltak uten vurdering. Varslene blir her selv om du får e-post.',
  'notifications.empty': 'Du har ingen varsler.',
  'notifications.col.what': 'Hva',
  'notifications.col.when': 'Når',
  'notifications.col.state': 'Status',
  'notifications.state.unread': 'Ulest',
  'notifications.state.read': 'Lest',
  'notifications.open': 'Åpne',
  'notifications.markAllRead': 'Merk alle som lest',
  'notifications.markedAllRead': 'Alle varsler er merket som lest.',
  'notifications.settingsLink': 'Innstillinger for e-post',
  'notifications.mailOff': 'E-post er ikke satt opp på denne tjenesten. Varsler vises bare her.',
  'notifications.due': 'Frist {date}',

  'notifications.kind.report.new': 'En ny melding om bekymring har kommet til innboksen',
  'notifications.kind.report.message': 'Et nytt svar fra en som har meldt fra, i innboksen',
  'notifications.kind.report.retention': 'En sak i innboksen slettes snart etter slettefristen',
  'notifications.kind.buyers.check_due': 'En oppfølgingskontroll har frist innen 7 dager',
  'notifications.kind.buyers.check_overdue': 'En oppfølgingskontroll har passert fristen',
  'notifications.kind.directory.review_due': 'Oppføringer i kontaktoversikten skal gjennomgås',
  'notifications.kind.actionplan.measure_unassessed': 'Et tiltak i handlingsplanen har passert fristen uten vurdering',
  'notifications.kind.surveys.wave_closing': 'En runde i en spørreundersøkelse stenger innen 3 dager',
  'notifications.kind.surveys.wave_target_reached': 'En runde i en spørreundersøkelse har nådd målet for antall svar',

  'notifications.settings.title': 'Innstillinger for varsler',
  'notifications.settings.lead':
    'Velg hvilke varsler du får på e-post, og om de kommer med en gang eller samlet én gang om dagen. Alle varsler vises alltid i listen over varsler.',
  'notifications.settings.kinds': 'Send e-post om',
  'notifications.settings.mode': 'Når vil du få e-post?',
  'notifications.settings.mode.immediate': 'Med en gang',
  'notifications.settings.mode.digest': 'Samlet, én e-post om morgenen',
  'notifications.settings.pausedUntil': 'Ingen e-post før (pause)',
  'notifications.settings.pausedUntilHint': 'Dato (ÅÅÅÅ-MM-DD). La feltet stå tomt for ingen pause.',
  'notifications.settings.locale': 'Språk i e-post',
  'notifications.settings.locale.nb': 'Bokmål',
  'notifications.settings.locale.en': 'Engelsk',
  'notifications.settings.save': 'Lagre innstillingene',
  'notifications.settings.saved': 'Innstillingene er lagret.',
  'notifications.settings.noEmail': 'Kontoen din har ingen e-postadresse. Du får varsler bare her.',

  'notifications.unsubscribe.title': 'Slå av e-post',
  'notifications.unsubscribe.confirm':
    'Vil du slutte å få e-post om dette: «{kind}»? Varslene vises fortsatt når du logger inn.',
  'notifications.unsubscribe.submit': 'Slå av e-post om dette',
  'notifications.unsubscribe.done':
    'Ferdig. Du får ikke lenger e-post om: «{kind}». Du kan slå det på igjen under innstillinger for varsler.',
  'notifications.unsubscribe.invalid':
    'Lenken er ikke gyldig. Ingenting er endret. Logg inn og åpne innstillinger for varsler for å endre hva du får på e-post.',
  'notifications.unsubscribe.expired':
    'Lenken er for gammel. Ingenting er endret. Logg inn og åpne innstillinger for varsler for å endre hva du får på e-post.',

  'notifications.mail.subject': 'Forebygg: {what}',
  'notifications.mail.hello': 'Hei,',
  'notifications.mail.body': '{what}. Logg inn i Forebygg for å se hva det gjelder:',
  'notifications.mail.noContent': 'Av hensyn til dem det gjelder står det ikke mer i denne e-posten.',
  'notifications.mail.unsubscribe': 'Slå av e-post om dette: {link}',
  'notifications.mail.settings': 'Alle innstillinger for varsler: {link}',
  'notifications.mail.digestSubject': 'Forebygg: {count} nye varsler',
  'notifications.mail.digestIntro': 'Dette har skjedd siden sist. Logg inn i Forebygg for å se hva det gjelder:',

  'notifications.error.notFound': 'Fant ikke varselet.',
  'notifications.error.mode': 'Velg med en gang eller samlet.',
  'notifications.error.kind': 'Velg bare varsler fra listen.',
  'notifications.error.date': 'Skriv datoen som ÅÅÅÅ-MM-DD.',
  'notifications.error.locale': 'Velg bokmål eller engelsk.'
};
