import type { THelpText } from '../help.text';

/** Romanian: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const ro: THelpText = {
  pageTitle: 'Informații utile',
  heading: 'Ajutor și drepturile tale în Norvegia',
  intro:
    'Această pagină este pentru tine dacă poate ești exploatat la muncă sau în alt fel. Poți primi ajutor. Ajutorul este gratuit.',
  signsHeading: 'Semne că poate ești exploatat',
  signsIntro: 'Este ceva din acestea adevărat pentru tine?',
  signPapers: 'Altcineva îți ține pașaportul sau actele.',
  signDebt: 'Ai o datorie pe care nu o poți plăti.',
  signFreedom: 'Nu poți pleca, călători sau refuza munca.',
  signThreats: 'Tu sau familia ta sunteți amenințați.',
  signPay: 'Altcineva îți ia salariul.',
  signHousing: 'Locuiești acolo unde lucrezi și nu te poți muta.',
  signsOutro:
    'Atunci poate ești victima traficului de persoane sau a muncii forțate. Aceasta este o infracțiune în Norvegia. Nu este vina ta.',
  contactsHeading: 'Cum primești ajutor',
  contactEmergency: 'Ești în pericol acum? Sună la numărul de urgență.',
  contactRosa:
    'ROSA ajută persoanele care sunt victime ale traficului de persoane. Telefonul este deschis zi și noapte. Poți suna singur.',
  contactPolice: 'Poliția, când nu este urgent. Poți primi sfaturi sau poți depune o plângere.',
  contactLabour:
    'Arbeidstilsynet (Inspecția Muncii): salariu și condiții de muncă. Poți trimite o sesizare fără să spui cine ești.',
  contactShelter:
    'ROSA îți poate oferi un loc sigur de locuit la un centru de criză. Este pentru persoane de peste {age} ani. Armata Salvării are și o casă sigură pentru bărbați de peste {age} ani.',
  reflectionHeading: 'Poți primi voie să rămâi în Norvegia o perioadă',
  reflectionText:
    'Dacă există semne că ești victima traficului de persoane, poți primi o perioadă de reflecție (refleksjonsperiode). Este un permis de a locui și a lucra în Norvegia timp de {months} luni. Nu trebuie să depui plângere ca să îl primești.',
  reflectionApply:
    'Depui cererea la poliția din locul unde locuiești și trebuie să mergi personal. Decide UDI (direcția de imigrare). Nu ești trimis din țară cât durează perioada.',
  reflectionLimits:
    'Permisul nu poate fi prelungit și nu îți dă dreptul să rămâi pentru totdeauna în Norvegia. Este valabil doar în Norvegia.',
  lawyerHeading: 'Ai dreptul la un avocat',
  lawyerBefore:
    'Înainte să decizi dacă depui plângere, poți primi cel puțin {hours} ore de consultanță juridică gratuită. Poți cere mai mult.',
  lawyerAfter:
    'Dacă depui plângere, primești un avocat gratuit (bistandsadvokat) pe tot parcursul cazului. Plătește statul.',
  healthHeading: 'Îngrijire medicală',
  healthText:
    'Toată lumea are dreptul la ajutor de urgență și la îngrijire care nu poate aștepta. Fără drept legal de ședere, alte îngrijiri medicale sunt adesea greu de obținut. În practică, acest lucru este valabil și pentru multe persoane aflate în perioada de reflecție.',
  happensHeading: 'Ce se întâmplă când iei legătura?',
  happensText:
    'ROSA te ascultă și îți explică ce poți face. Tu decizi dacă depui plângere. Poți primi ajutor cu locuința, un avocat și sănătatea.',
  happensNotGuaranteed:
    'Suntem sinceri: nimeni nu îți poate promite că vei putea rămâne în Norvegia. Oamenii care îi exploatează pe alții spun că vei fi trimis acasă dacă ceri ajutor. Citește mai sus care sunt drepturile tale și întreabă ROSA sau un avocat.',
  safetyHeading: 'Fii în siguranță pe internet',
  safetyHistory:
    'Folosesc și alții telefonul tău? Șterge istoricul browserului: deschide meniul, alege „Istoric”, apoi „Șterge datele de navigare”. Sau folosește o fereastră privată.',
  safetyQuickExit: 'Butonul „Ieși” de sus închide această pagină și deschide o prognoză meteo.',
  quickExit: 'Ieși',
  quickExitHint: 'Închide imediat această pagină și deschide o prognoză meteo.',
  sources: 'Surse',
  otherLanguages: 'Alte limbi',
  statusSource: 'Text original, scris pe baza surselor.',
  statusUnreviewed: 'Tradus. Încă neverificat de un vorbitor nativ.',
  statusNeedsReview:
    'Tradus. Textul original s-a schimbat de la ultima verificare, așa că traducerea trebuie verificată din nou.',
  statusReviewed: 'Tradus și verificat de un vorbitor nativ ({name}, {date}).',
  updated: 'Ultima actualizare: {date}.',
  cardHeading: 'Ai nevoie de ajutor?',
  cardEmergency: 'Pericol acum',
  cardRosa: 'ROSA, zi și noapte',
  cardPolice: 'Poliția',
  cardScan: 'Scanează codul pentru mai multe informații în limba ta.',
  cardLink: 'Card de tipărit',
  cardPrintHint: 'Tipărește pe A4: zece carduri de mărimea unui portofel pe fiecare foaie.',
  cardPrint: 'Tipărește'
};
