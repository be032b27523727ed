/** Messages for form and API validation (zod schemas name these keys). */
export const validation = {
  'validation.summary': 'Skjemaet har feil. Rett opp feltene som er merket.',
  'validation.required': 'Fyll ut dette feltet.',
  'validation.invalid': 'Verdien er ikke gyldig.',
  'validation.tooLong': 'Teksten er for lang.',
  'validation.email': 'Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.',
  'validation.passwordLength': 'Passordet må ha minst 12 og høyst 256 tegn.',
  'validation.passwordMismatch': 'Passordene er ikke like.',
  'validation.totpCode': 'Koden har seks sifre.',
  'validation.orgNumber': 'Organisasjonsnummeret må ha ni sifre og et gyldig kontrollsiffer.',
  'validation.choose': 'Velg ett av alternativene.',
  'validation.token': 'Lenken er ikke gyldig.',
  'validation.notAForm': 'Forespørselen må sendes som et skjema.',
  'validation.nul': 'Teksten inneholder et tegn som ikke kan lagres (NUL-tegnet).',
  'validation.notJson': 'Forespørselen må være gyldig JSON.',
  'validation.tooLarge': 'Forespørselen er for stor.',
  'validation.refused':
    'Noe av det som ble sendt inn, kan ikke lagres eller søkes etter, for eksempel et tall som er for stort eller et tegn som ikke er tillatt. Rett det og prøv igjen.',
  'validation.unicode': 'Teksten inneholder et tegn som ikke kan lagres (ugyldig Unicode).',
  'validation.numberTooLarge': 'Tallet er for stort.',
  'validation.wholeNumber': 'Skriv et helt tall.'
};
