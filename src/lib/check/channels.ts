import type { MessageKey } from '../i18n';

/**
 * The official channels a result hands off to while Forebygg's own report form does not exist. Only
 * numbers and addresses given in the project's research files (research/consumer_tools.md §8,
 * research/buyers_and_victims.md B3 and B5), each with the page it comes from.
 */
export interface TChannel {
  id: string;
  nameKey: MessageKey;
  bodyKey: MessageKey;
  /** A number to call, digits only, for a tel: link. */
  tel?: string;
  url?: string;
  source: { title: string; url: string };
}

const politietPhones = {
  title: 'Menneskertilsalgs.no: Allerede bekymret? Politiet',
  url: 'https://menneskertilsalgs.no/allerede-bekymret/politiet/'
};
const politietSigns = {
  title: 'Politiet: Mistenker du at noen er utsatt for menneskehandel?',
  url: 'https://www.politiet.no/rad/menneskehandel/mistenker-du-at-noen-er-utsatt-for-menneskehandel/'
};

export const channels: TChannel[] = [
  {
    id: '112',
    nameKey: 'check.channel.112.name',
    bodyKey: 'check.channel.112.body',
    tel: '112',
    source: politietPhones
  },
  {
    id: 'kripos',
    nameKey: 'check.channel.kripos.name',
    bodyKey: 'check.channel.kripos.body',
    url: 'https://www.politi.no/tjenester/tips-politiet/menneskehandel/',
    source: {
      title: 'Politiet: Tips politiet om menneskehandel',
      url: 'https://www.politi.no/tjenester/tips-politiet/menneskehandel/'
    }
  },
  {
    id: 'arbeidstilsynet',
    nameKey: 'check.channel.arbeidstilsynet.name',
    bodyKey: 'check.channel.arbeidstilsynet.body',
    url: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/',
    source: { title: 'Arbeidstilsynet: Tips og varsling', url: 'https://www.arbeidstilsynet.no/kontakt-oss/tips/' }
  },
  {
    id: '02800',
    nameKey: 'check.channel.02800.name',
    bodyKey: 'check.channel.02800.body',
    tel: '02800',
    source: politietPhones
  },
  {
    id: 'rosa',
    nameKey: 'check.channel.rosa.name',
    bodyKey: 'check.channel.rosa.body',
    tel: '22331160',
    source: { title: 'ROSA: Om ROSA', url: 'http://rosa-help.no/om-rosa/' }
  },
  {
    id: 'child',
    nameKey: 'check.channel.child.name',
    bodyKey: 'check.channel.child.body',
    tel: '116111',
    source: politietSigns
  }
];
