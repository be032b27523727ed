import type { THelpText } from '../help.text';

/** English: written from the same sources as the bokmål text. */
export const en: THelpText = {
  pageTitle: 'Useful information',
  heading: 'Help and your rights in Norway',
  intro: 'This page is for you if you may be exploited at work or in another way. You can get help. The help is free.',
  signsHeading: 'Signs that you may be exploited',
  signsIntro: 'Is any of this true for you?',
  signPapers: 'Someone else keeps your passport or your papers.',
  signDebt: 'You have a debt you cannot pay off.',
  signFreedom: 'You cannot leave, travel or say no to work.',
  signThreats: 'You or your family are threatened.',
  signPay: 'Someone else takes your pay.',
  signHousing: 'You live where you work, and cannot move.',
  signsOutro:
    'Then you may be a victim of trafficking or forced labour. That is a crime in Norway. It is not your fault.',
  contactsHeading: 'How to get help',
  contactEmergency: 'In danger now? Call the emergency number.',
  contactRosa:
    'ROSA helps people who are exploited by traffickers. The line is open day and night. You can call yourself.',
  contactPolice: 'The police, when it is not urgent. You can get advice, or report.',
  contactLabour:
    'Arbeidstilsynet (Labour Inspection): pay and working conditions. You can send a tip without saying who you are.',
  contactShelter:
    'ROSA can give you a safe place to stay at a crisis centre. This is for people over {age}. The Salvation Army also has a safe house for men over {age}.',
  reflectionHeading: 'You can be allowed to stay in Norway for a time',
  reflectionText:
    'If there are signs that you are a victim of trafficking, you can get a reflection period. It is a permit to live and work in Norway for {months} months. You do not have to report anyone to get it.',
  reflectionApply:
    'You apply to the police where you live, and you must go there in person. UDI (the immigration directorate) decides. You are not sent out of the country during the period.',
  reflectionLimits:
    'The permit cannot be renewed, and it does not give you the right to stay in Norway for good. It is valid only in Norway.',
  lawyerHeading: 'You have a right to a lawyer',
  lawyerBefore:
    'Before you decide whether to report, you can get at least {hours} hours of free legal advice. You can apply for more.',
  lawyerAfter: 'If you report, you get a free lawyer (bistandsadvokat) for the whole case. The state pays.',
  healthHeading: 'Health care',
  healthText:
    'Everyone has the right to emergency care, and to care that cannot wait. Without legal residence, other health care is often hard to get. In practice this is also true for many people in a reflection period.',
  happensHeading: 'What happens when you make contact?',
  happensText:
    'ROSA listens and explains what you can do. You decide yourself whether to report. You can get help with housing, a lawyer and health care.',
  happensNotGuaranteed:
    'To be honest: nobody can promise that you can stay in Norway. People who exploit others say you will be sent away if you ask for help. Read above what your rights are, and ask ROSA or a lawyer.',
  safetyHeading: 'Stay safe online',
  safetyHistory:
    'Do other people use your phone? Delete the browser history: open the menu, choose "History", then "Clear browsing data". Or use a private window.',
  safetyQuickExit: 'The "Leave" button at the top closes this page and opens a weather forecast.',
  quickExit: 'Leave',
  quickExitHint: 'Closes this page at once and opens a weather forecast.',
  sources: 'Sources',
  otherLanguages: 'Other languages',
  statusSource: 'Original text, written from the sources.',
  statusUnreviewed: 'Translated. Not yet checked by a native speaker.',
  statusNeedsReview: 'Translated. The original text has changed since the last check, so the translation needs review.',
  statusReviewed: 'Translated and checked by a native speaker ({name}, {date}).',
  updated: 'Last updated: {date}.',
  cardHeading: 'Do you need help?',
  cardEmergency: 'Danger now',
  cardRosa: 'ROSA, day and night',
  cardPolice: 'Police',
  cardScan: 'Scan the code for more information in your language.',
  cardLink: 'Printable card',
  cardPrintHint: 'Print on A4: ten wallet-size cards on each sheet.',
  cardPrint: 'Print'
};
