/**
 * The one place for the numbers, addresses and figures the help pages show. Translations never hold a
 * number or an address: they name a fact by its placeholder ({months}, {hours}, {age}) and the page
 * shows the contacts from this file, so a changed number is changed once, in every language.
 * Every fact comes from the project's research file `buyers_and_victims.md` (part B) or
 * `consumer_tools.md`, with the source it cites.
 */

/** A phone number or web address people can use, and where we found it. */
export interface THelpContact {
  id: 'emergency' | 'rosa' | 'police' | 'labour';
  /** What to dial, as written in Norway; null for a contact reached on the web. */
  phone: string | null;
  /** The digits for a tel: link. */
  tel: string | null;
  /** A web address (Arbeidstilsynet's tip form), or null. */
  web: string | null;
  /** Where the number or address was found. */
  source: string;
}

export const helpContacts: readonly THelpContact[] = [
  {
    id: 'emergency',
    phone: '112',
    tel: '112',
    web: null,
    source: 'https://menneskertilsalgs.no/allerede-bekymret/politiet/'
  },
  {
    id: 'rosa',
    phone: '22 33 11 60',
    tel: '+4722331160',
    web: null,
    source: 'http://rosa-help.no/om-rosa/'
  },
  {
    id: 'police',
    phone: '02800',
    tel: '02800',
    web: null,
    source: 'https://menneskertilsalgs.no/allerede-bekymret/politiet/'
  },
  {
    id: 'labour',
    phone: null,
    tel: null,
    web: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/',
    source: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/'
  }
];

/** Figures the texts name by placeholder. */
export const helpFigures = {
  /** The reflection period lasts six months and cannot be renewed (UDI). */
  months: 6,
  /** At least three hours of free legal advice before deciding whether to report (menneskertilsalgs.no). */
  hours: 3,
  /** ROSA's safe places and Filemon are for people over 18. */
  age: 18
} as const;

export type THelpFigure = keyof typeof helpFigures;

/** The sources each section of the text rests on, shown under it in every language. */
export const helpSources = {
  signs: [
    'https://respect.international/indicators-of-forced-labour',
    'https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/',
    'https://www.krisesenter.com/rosa-etterlyser-styrking-av-ofrenes-rettigheter/'
  ],
  contacts: [
    'https://menneskertilsalgs.no/allerede-bekymret/politiet/',
    'http://rosa-help.no/om-rosa/',
    'https://www.helsedirektoratet.no/veiledere/helsetjenester-til-asylsokere-flyktninger-og-familiegjenforente/ofre-for-menneskehandel',
    'https://www.arbeidstilsynet.no/kontakt-oss/tips/',
    'https://frelsesarmeen.no/perleportalen/nyheter/frelsesarmeens-innsats-synliggjort-i-ny-politirapport'
  ],
  reflection: [
    'https://www.udi.no/en/word-definitions/period-of-reflection/',
    'https://menneskertilsalgs.no/helse-rettigheter-og-oppfolging/rettigheter/oppholdstillatelser/refleksjonsperiode/',
    'https://www.udi.no/ord-og-begreper/menneskehandel/'
  ],
  lawyer: [
    'https://menneskertilsalgs.no/helse-rettigheter-og-oppfolging/rettigheter/juridisk-bistand/',
    'https://www.overgrep.no/bistandsadvokat/'
  ],
  health: [
    'https://helsebiblioteket.no/innhold/nasjonale-veiledere/helsetjenester-asylsokere',
    'https://www.helsedirektoratet.no/rapporter/nasjonalt-nettverk-for-arbeid-mot-menneskehandel-i-helse-og-omsorgstjenestene-2021-2023/vurderinger-og-anbefalinger/nettverkets-refleksjoner-og-anbefalinger-knyttet-til-personer-uten-id-papirer'
  ]
} as const;

export type THelpSection = keyof typeof helpSources;
