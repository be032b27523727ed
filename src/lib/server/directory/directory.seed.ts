import type { TChannelInput, TEntryInput } from '../../schemas/directory';

/**
 * The national actors the directory starts with. Every fact comes from the project's research notes
 * (`research/consumer_tools.md` §8 and `research/buyers_and_victims.md` §B3–B5), which read archived
 * copies of the pages named in `sourceUrl`. The notes were compiled on 2026-11-28: that is the date
 * these entries were last checked against their sources. What the notes mark uncertain is marked
 * unverified here (KOM's name, the tip line's address, the a-krim centres) instead of being asserted.
 */
export const SEED_VERIFIED_AT = '2026-11-28';

const researchNote = (section: string) =>
  `Forebygg research note ${section} (compiled ${SEED_VERIFIED_AT} from archived copies of the page; the copy's own date is not recorded)`;

function channel(
  c: Partial<TChannelInput> & Pick<TChannelInput, 'kind' | 'purpose' | 'labelNb' | 'labelEn'>
): TChannelInput {
  return {
    value: '',
    availability: 'unknown',
    hoursNb: '',
    hoursEn: '',
    anonymity: 'unknown',
    verification: 'verified',
    noteNb: '',
    noteEn: '',
    ...c
  };
}

const base: Pick<
  TEntryInput,
  | 'notDoneNb'
  | 'notDoneEn'
  | 'website'
  | 'sectors'
  | 'targets'
  | 'verificationNoteNb'
  | 'verificationNoteEn'
  | 'published'
> = {
  notDoneNb: '',
  notDoneEn: '',
  website: '',
  sectors: [],
  targets: [],
  verificationNoteNb: '',
  verificationNoteEn: '',
  published: 'yes'
};

export const seedEntries: { id: string; entry: TEntryInput }[] = [
  {
    id: '76370803-3ab9-4f2e-9fba-2053bc6ab305',
    entry: {
      ...base,
      name: 'Politiet',
      serviceType: 'police',
      summaryNb:
        'Politiet etterforsker menneskehandel. Ring 112 hvis noen er i akutt fare. Ofre og andre som vil anmelde et forhold, må gå til det lokale politiet. Er du bekymret for noen, vil anmelde eller trenger råd, kan du kontakte politiet.',
      summaryEn:
        'The police investigate human trafficking. Call 112 if someone is in danger now. Victims and others who want to file a police report (anmeldelse) must go to their local police. If you are worried about someone, want to report or need advice, you can contact the police.',
      links: ['intelligence'],
      exploitation: ['begging', 'forced_crime', 'labour', 'sexual'],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'phone',
          purpose: 'emergency',
          value: '112',
          labelNb: 'Nødnummer: når noen er i akutt fare',
          labelEn: 'Emergency number: when someone is in danger now'
        }),
        channel({
          kind: 'phone',
          purpose: 'report',
          value: '02800',
          labelNb: 'Politiet, ikke akutt (lokalt politi)',
          labelEn: 'Police, non-emergency (local police)'
        }),
        channel({
          kind: 'walk_in',
          purpose: 'report',
          labelNb: 'Anmeld hos det lokale politiet',
          labelEn: 'File a report with your local police'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'https://menneskertilsalgs.no/allerede-bekymret/politiet/',
      sourceNote: `${researchNote('consumer_tools.md §8 and buyers_and_victims.md §B5')}; also https://www.politiet.no/rad/menneskehandel/slik-jobber-politiet-for-a-bekjempe-menneskehandel/`
    }
  },
  {
    id: 'cd81083b-e690-42ad-8836-6d1dfbf1d5dc',
    entry: {
      ...base,
      name: 'Kripos – politiets tipsmottak for menneskehandel',
      serviceType: 'police',
      summaryNb:
        'Kripos driver politiets nasjonale tipsmottak for menneskehandel. Det er bemannet hele døgnet, og du får et referansenummer når du har sendt tipset. Tips behandles fortrolig. Du kan være anonym, men politiet ber om kontaktopplysninger i tilfelle de trenger å følge opp. Tips kan bli sendt videre til et politidistrikt.',
      summaryEn:
        'Kripos runs the police’s national tip line for human trafficking. It is staffed around the clock, and you get a reference number when you have sent the tip. Tips are treated confidentially. You may stay anonymous, but the police ask for contact details in case they need to follow up. Tips may be passed on to a police district.',
      notDoneNb:
        'Et tips er ikke en anmeldelse: vil du anmelde, gå til det lokale politiet. Den som tipser, får sjelden tilbakemelding, på grunn av personvernregler. Å gi falske opplysninger kan være straffbart.',
      notDoneEn:
        'A tip is not a police report: to file one, go to your local police. Tipsters rarely hear back, because of privacy rules. Giving false information can be punishable.',
      links: ['intelligence'],
      exploitation: ['begging', 'forced_crime', 'labour', 'sexual'],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'web_form',
          purpose: 'tip',
          value: 'https://www.politi.no/tjenester/tips-politiet/menneskehandel/',
          labelNb: 'Tips politiet om menneskehandel (nettskjema)',
          labelEn: 'Tip off the police about trafficking (web form)',
          availability: 'always',
          hoursNb: 'Bemannet hele døgnet',
          hoursEn: 'Staffed around the clock',
          anonymity: 'possible',
          verification: 'unverified',
          noteNb:
            'Adressen er usikker: eldre sider viser tips.kripos.no, en annen side viser tips.politiet.no, og politiets egne sider har tipssiden for menneskehandel. Sjekk adressen før du bruker den.',
          noteEn:
            'The address is uncertain: older pages show tips.kripos.no, another page shows tips.politiet.no, and the police’s own site hosts the trafficking tip page. Check the address before you use it.'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'https://www.politi.no/tjenester/tips-politiet/menneskehandel/',
      sourceNote: `${researchNote('consumer_tools.md §8')}; also https://tips.kripos.no/cmssite.asp?c=1&g=24 and https://www.barnevakten.no/tips-politiet-pa-nett-2/`
    }
  },
  {
    id: '834e5a05-dd7b-4156-9ca5-65f8f0ad0da1',
    entry: {
      ...base,
      name: 'Arbeidstilsynet',
      serviceType: 'public_agency',
      summaryNb:
        'Arbeidstilsynet tar imot tips og varsler om arbeidsforhold, også anonymt, både om egen arbeidsplass og om arbeidsplasser du ser. Tipsene brukes til å velge ut tilsyn. I 2024 prioriterte Arbeidstilsynet blant annet renhold, bilverksteder og bilpleie, fiskeindustri, havbruk, bygg og anlegg, restaurant og servering, taxi, frisør og sesongarbeid.',
      summaryEn:
        'The Labour Inspection Authority takes tips and whistleblowing about working conditions, anonymously too, both about your own workplace and about workplaces you witness. Tips are used to choose inspections. In 2024 it targeted among others cleaning, car workshops and car care, fish processing, aquaculture, building and construction, restaurants and catering, taxis, hairdressing and seasonal work.',
      notDoneNb:
        'Tips blir ikke alltid fulgt opp med en gang. Privatrettslige saker, som ubetalt lønn i bransjer uten lovfestet minstelønn, feriepenger og oppsigelse, ligger utenfor Arbeidstilsynets myndighet. Ved akutt fare for liv eller helse: kontakt politiet.',
      notDoneEn:
        'Tips are not always followed up at once. Private-law matters, such as unpaid wages in sectors without a statutory minimum wage, holiday pay and dismissal, are outside its authority. If life or health is in urgent danger: contact the police.',
      links: ['intelligence'],
      sectors: [
        'aquaculture',
        'car_care',
        'cleaning',
        'construction',
        'fish_processing',
        'hairdressing_beauty',
        'hospitality',
        'seasonal_work',
        'taxi'
      ],
      exploitation: ['labour'],
      languages: ['en', 'nb', 'nn'],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'web_form',
          purpose: 'tip',
          value: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/',
          labelNb: 'Tips og varsling (nettskjema, bokmål, nynorsk og engelsk)',
          labelEn: 'Tips and whistleblowing (web form, in Norwegian and English)',
          anonymity: 'possible'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/',
      sourceNote: `${researchNote('consumer_tools.md §8')}; also https://www.arbeidstilsynet.no/kontakt-oss/tips/slik-folger-arbeidstilsynet-opp-tips/`
    }
  },
  {
    id: '93990d47-3b95-4127-b338-d006119bac06',
    entry: {
      ...base,
      name: 'A-krim-sentrene (arbeidslivskriminalitet)',
      serviceType: 'public_agency',
      summaryNb:
        'A-krim-sentrene samler Arbeidstilsynet, NAV, politiet og Skatteetaten mot arbeidslivskriminalitet. Hver etat tar imot tips innenfor sitt eget ansvarsområde; gjelder et tips flere etater, tar den som fikk det, med seg de andre.',
      summaryEn:
        'The a-krim centres bring together the Labour Inspection Authority, NAV, the police and the Tax Administration against work-related crime. Each agency takes tips within its own remit; if a tip concerns several agencies, the one that received it involves the others.',
      notDoneNb:
        'Sentrene har ikke en egen tipskanal her: send tips til etaten det gjelder, for eksempel Arbeidstilsynet.',
      notDoneEn:
        'The centres have no tip channel of their own here: send a tip to the agency concerned, such as the Labour Inspection Authority.',
      links: ['intelligence'],
      exploitation: ['labour'],
      languages: [],
      coverage: ['national'],
      channels: [],
      verification: 'unverified',
      verificationNoteNb:
        'Antall og steder er usikre: eldre lister har 7 sentre (Oslo, Bergen, Trondheim, Stavanger, Kristiansand, Bodø, Tønsberg), Arbeidstilsynets side legger til Alta, og Økokrim skrev i 2025 «åtte a-krim-sentre og tre lokale a-krim-samarbeid». Hvilke områder hvert senter dekker, er ikke funnet.',
      verificationNoteEn:
        'The number and places are uncertain: older lists have 7 centres (Oslo, Bergen, Trondheim, Stavanger, Kristiansand, Bodø, Tønsberg), the Labour Inspection Authority’s page adds Alta, and Økokrim wrote in 2025 of “eight a-krim centres and three local a-krim collaborations”. Which area each centre covers was not found.',
      verifiedAt: '',
      sourceUrl: 'https://arbeidstilsynet.no/tema/arbeidslivskriminalitet/',
      sourceNote: `${researchNote('consumer_tools.md §8')}; also https://politiet.no/nyheter-og-presse/okokrim/nyhet/21-03-2025/felles-arsrapport-2024--arbeidslivskriminalitet`
    }
  },
  {
    id: '2b18d675-9fff-4be9-895c-3d7ec1735dbf',
    entry: {
      ...base,
      name: 'Barnevernet',
      serviceType: 'municipal_service',
      summaryNb:
        'Gjelder det et barn, skal barnevernet varsles. Du kan melde fra anonymt. Barnevernet kan gi ofre for menneskehandel et trygt sted å bo.',
      summaryEn:
        'If it is about a child, the child welfare service (barnevernet) must be told. You can notify it anonymously. Child welfare can give victims of trafficking a safe place to stay.',
      links: ['victim_follow_up'],
      targets: ['children'],
      exploitation: ['begging', 'forced_crime', 'labour', 'sexual'],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'other',
          purpose: 'report',
          labelNb: 'Barneverntjenesten i kommunen',
          labelEn: 'The municipality’s child welfare service',
          anonymity: 'possible'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/',
      sourceNote: `${researchNote('consumer_tools.md §8 and buyers_and_victims.md §B1')}; safe housing: https://www.udi.no/ord-og-begreper/menneskehandel/`
    }
  },
  {
    id: '40d7abfd-fde5-4c34-9bd1-b880f4d1a6fa',
    entry: {
      ...base,
      name: 'Alarmtelefonen for barn og unge',
      serviceType: 'helpline',
      summaryNb: 'Alarmtelefon for barn og unge. Politiet viser til den når en bekymring gjelder et barn.',
      summaryEn:
        'The alarm line for children and young people. The police refer to it when a concern is about a child.',
      links: ['victim_follow_up'],
      targets: ['children'],
      exploitation: [],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'phone',
          purpose: 'advice',
          value: '116 111',
          labelNb: 'Alarmtelefonen for barn og unge',
          labelEn: 'Alarm line for children and young people'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/',
      sourceNote: researchNote('consumer_tools.md §8 and buyers_and_victims.md §B5')
    }
  },
  {
    id: 'c667d7ce-5394-4a96-8115-6c938ba2fe6c',
    entry: {
      ...base,
      name: 'ROSA (Krisesentersekretariatet)',
      serviceType: 'helpline',
      summaryNb:
        'ROSA har en hjelpetelefon som er åpen hele døgnet, og har siden 2016 hjulpet ofre for alle former for menneskehandel. ROSA koordinerer trygge oppholdssteder på krisesentre i hele landet for personer over 18 år, med tilgang til juridisk rådgivning, helsetjenester, opplæring og aktiviteter. Mulige ofre kan kontakte ROSA selv. ROSA har en liste over advokater med erfaring fra menneskehandelsaker. Drevet av Krisesentersekretariatet siden 2005.',
      summaryEn:
        'ROSA runs a helpline open around the clock and has since 2016 served victims of all forms of trafficking. It coordinates safe places to stay at crisis centres across Norway for people over 18, with access to legal advice, health services, education and activities. Possible victims can contact ROSA themselves. ROSA keeps a list of lawyers experienced in trafficking cases. Run by Krisesentersekretariatet since 2005.',
      notDoneNb:
        'Oppholdsstedene er for personer over 18 år. Om botilbudet i dag også gjelder menn, sier kildene ulikt.',
      notDoneEn:
        'The places to stay are for people over 18. Whether the housing now also covers men, the sources disagree.',
      links: ['victim_follow_up'],
      targets: ['adults', 'men', 'women'],
      exploitation: ['begging', 'forced_crime', 'labour', 'sexual'],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'phone',
          purpose: 'advice',
          value: '22 33 11 60',
          labelNb: 'ROSAs hjelpetelefon',
          labelEn: 'ROSA helpline',
          availability: 'always',
          hoursNb: 'Åpen hele døgnet',
          hoursEn: 'Open around the clock'
        })
      ],
      verification: 'verified',
      verifiedAt: SEED_VERIFIED_AT,
      sourceUrl: 'http://rosa-help.no/om-rosa/',
      sourceNote: `${researchNote('consumer_tools.md §8 and buyers_and_victims.md §B3')}; also https://www.helsedirektoratet.no/veiledere/helsetjenester-til-asylsokere-flyktninger-og-familiegjenforente/ofre-for-menneskehandel`
    }
  },
  {
    id: 'bb84c360-d12c-4bec-aa62-af5340c88ac5',
    entry: {
      ...base,
      name: 'Koordineringsenheten mot menneskehandel (KOM)',
      serviceType: 'public_agency',
      summaryNb:
        'KOM er administrativt underlagt Politidirektoratet, med eget mandat fra Justisdepartementet. KOM samordner myndigheter og organisasjoner, hjelper med metoder for å identifisere ofre og skaffe hjelp, deler informasjon og bygger kompetanse. KOM gir ut årlige tilstandsrapporter, rettsavgjørelser, en veileder og holder nasjonale seminarer.',
      summaryEn:
        'KOM is administratively under the Police Directorate, with its own mandate from the Ministry of Justice. It coordinates authorities and organisations, helps with methods to identify victims and mobilise help, shares information and builds competence. It publishes annual status reports, court decisions, a guide, and holds national seminars.',
      notDoneNb: 'KOM har ingen operativ rolle i enkeltsaker. Send ikke tips eller meldinger om enkeltsaker hit.',
      notDoneEn:
        'KOM has no operational role in individual cases. Do not send tips or reports about single cases here.',
      links: ['prevention'],
      exploitation: [],
      languages: [],
      coverage: ['national'],
      channels: [
        channel({
          kind: 'email',
          purpose: 'contact',
          value: 'KOM.pod@politiet.no',
          labelNb: 'E-post til KOM',
          labelEn: 'E-mail KOM'
        })
      ],
      verification: 'unverified',
      verificationNoteNb:
        'Navnet er usikkert: politiet.no skriver nå «Koordineringsenheten mot menneskehandel», mens eldre sider (UNE, Bufdir, NRK 2018/2020) skriver «Koordineringsenheten for ofre for menneskehandel».',
      verificationNoteEn:
        'The name is uncertain: politiet.no now writes “Koordineringsenheten mot menneskehandel”, while older pages (UNE, Bufdir, NRK 2018/2020) write “Koordineringsenheten for ofre for menneskehandel”.',
      verifiedAt: '',
      sourceUrl: 'https://www.politiet.no/rad/menneskehandel/koordineringsenheten-mot-menneskehandel/',
      sourceNote: researchNote('consumer_tools.md §8 and buyers_and_victims.md §B5')
    }
  }
];
