/** The content studio's help translations and home texts, and their notification (staff area). */
export const contentHelp = {
  'contentHelp.error.required': 'Fyll ut teksten.',
  'contentHelp.error.tooLong': 'Teksten er for lang (høyst 1200 tegn).',
  'contentHelp.error.html': 'Teksten kan ikke inneholde HTML-kode (som <b> eller <a>). Skriv vanlig tekst.',
  'contentHelp.error.digit':
    'Skriv ikke tall i teksten. Telefonnumre og tall hentes fra kildene og settes inn av siden.',
  'contentHelp.error.address': 'Skriv ikke nettadresser i teksten. Adressene vises fra kildene.',
  'contentHelp.error.placeholders':
    'Behold plassholderne i krøllparentes nøyaktig som i originalteksten (for eksempel måneder, timer eller alder). Siden setter inn tallet fra kilden der.',
  'contentHelp.error.keys': 'Teksten må ha nøyaktig de samme delene som bokmålsteksten.',
  'contentHelp.editor.title': 'Hjelpesiden på {language}',
  'contentHelp.editor.lead':
    'Hver tekst på hjelpesiden står ved siden av originalteksten. Lagre som utkast, send til gjennomgang og publiser; siden viser den publiserte versjonen med en gang.',
  'contentHelp.editor.public': 'Se den publiserte siden',
  'contentHelp.editor.overview': 'Alle språk og status',
  'contentHelp.editor.referenceStatus': 'Originalteksten ({language}):',
  'contentHelp.editor.texts': 'Tekstene',
  'contentHelp.editor.referenceChoice': 'Vis originalteksten på:',
  'contentHelp.editor.rules':
    'Tall, telefonnumre og nettadresser settes inn av siden fra kildene: skriv dem ikke i teksten, og behold plassholderne i krøllparentes.',
  'contentHelp.editor.field': '{key} ({language})',
  'contentHelp.check.title': 'Sjekket av en som har språket som morsmål',
  'contentHelp.check.lead':
    'Har du språket som morsmål og har lest den publiserte oversettelsen? Merk den som sjekket. Endres teksten senere, må den sjekkes på nytt.',
  'contentHelp.list.title': 'Hjelpesiden på andre språk',
  'contentHelp.list.lead':
    'Én oversettelse per språk. Bokmål og engelsk er originaltekstene; en endring i dem gjør at oversettelsene må sjekkes på nytt.',
  'contentHelp.list.language': 'Språk',
  'contentHelp.list.edit': 'Rediger hjelpesiden på {language}',
  'contentHelp.admin.lead':
    'Status for hver oversettelse. Tekstene endres, publiseres og merkes som sjekket i innholdsstudioet.',
  'contentHelp.admin.edit': 'Rediger i innholdsstudioet',
  'contentHome.error.tooLong': 'Teksten er for lang for forsiden. Korte den ned til grensen under feltet.',
  'contentHome.error.oneParagraph': 'Skriv teksten som ett avsnitt, uten linjeskift.',
  'contentHome.editor.title': 'Forsidetekst «{key}»',
  'contentHome.editor.lead':
    'En kort tekst på forsiden. Vanlig tekst: HTML fjernes, og Markdown vises som den er skrevet. Forsiden viser den publiserte versjonen med en gang.',
  'contentHome.editor.public': 'Se forsiden',
  'contentHome.editor.text': 'Tekst',
  'contentHome.editor.hint': 'Høyst {max} tegn, ett avsnitt.',
  'contentHome.editor.dictionary': 'Teksten slik den følger med programmet',
  'contentHome.removed.lead': 'Forsiden viser bare vanlig tekst. Dette ble fjernet før utkastet ble lagret.',
  'contentHome.list.title': 'Forsidetekster',
  'contentHome.list.lead':
    'Ingressen, innledningen og de korte tekstene på forsidens kort, på bokmål og engelsk. Titler, meny og juridiske tekster endres ikke her.',
  'contentHome.list.text': 'Tekst',
  'contentHome.list.edit': 'Rediger forsideteksten {title}',
  'notifications.kind.content.review_due': 'Innhold skal gjennomgås'
};
