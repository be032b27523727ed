import type { THelpText } from '../help.text';

/** Somali: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const so: THelpText = {
  pageTitle: 'Macluumaad waxtar leh',
  heading: 'Caawimaad iyo xuquuqdaada Norway',
  intro:
    'Boggan waxaa loogu talagalay adiga haddii laga yaabo in lagu dhiig-miirto shaqada ama si kale. Waad heli kartaa caawimaad. Caawimaaddu waa bilaash.',
  signsHeading: 'Calaamadaha muujinaya in laga yaabo in lagu dhiig-miirto',
  signsIntro: 'Mid ka mid ah kuwan ma kugu dhacayaa?',
  signPapers: 'Qof kale ayaa haya baasaboorkaaga ama waraaqahaaga.',
  signDebt: 'Waxaad leedahay deyn aadan bixin karin.',
  signFreedom: 'Ma bixi kartid, ma safri kartid, mana diidi kartid shaqo.',
  signThreats: 'Adiga ama qoyskaaga waa laydin hanjabaa.',
  signPay: 'Qof kale ayaa qaata mushaarkaaga.',
  signHousing: 'Waxaad ku nooshahay meesha aad ka shaqeyso, mana guuri kartid.',
  signsOutro:
    'Markaas waxaa laga yaabaa inaad tahay dhibbane ka ganacsiga dadka ama shaqo qasab ah. Taasi waa dembi Norway. Adiga eed kuma laha.',
  contactsHeading: 'Sida aad caawimaad u heli karto',
  contactEmergency: 'Hadda khatar ma ku jirtaa? Wac lambarka degdegga.',
  contactRosa:
    'ROSA waxay caawisaa dadka dhibbanayaasha u ah ka ganacsiga dadka. Khadku waa furan yahay habeen iyo maalin. Adigu waad wici kartaa.',
  contactPolice: 'Booliiska, marka aysan degdeg ahayn. Waxaad heli kartaa talo, ama waad soo gudbin kartaa dacwad.',
  contactLabour:
    'Arbeidstilsynet (Kormeerka Shaqada): mushaarka iyo xaaladaha shaqada. Waxaad soo sheegi kartaa adigoon sheegin cidda aad tahay.',
  contactShelter:
    'ROSA waxay ku siin kartaa meel ammaan ah oo aad ku noolaato xarun xasaradeed. Waxaa loogu talagalay dadka ka weyn {age} sano. Ciidanka Badbaadada (Frelsesarmeen) sidoo kale waxay leeyihiin guri ammaan ah oo loogu talagalay ragga ka weyn {age} sano.',
  reflectionHeading: 'Waxaa laguu oggolaan karaa inaad Norway joogto muddo',
  reflectionText:
    'Haddii ay jiraan calaamado muujinaya inaad dhibbane u tahay ka ganacsiga dadka, waxaad heli kartaa muddo fakar (refleksjonsperiode). Waa oggolaansho aad ku noolaan karto oo aad ka shaqeyn karto Norway {months} bilood. Uma baahnid inaad qof dacweyso si aad u hesho.',
  reflectionApply:
    'Waxaad codsiga u gudbinaysaa booliiska meesha aad ku nooshahay, waana inaad adigu tagtaa. UDI (hay’adda socdaalka) ayaa go’aamisa. Lagaama saarayo dalka inta muddadu socoto.',
  reflectionLimits:
    'Oggolaanshaha lama cusboonaysiin karo, kuma siinayo xaq aad Norway weligaa ku joogto. Wuxuu ansax ku yahay Norway oo keliya.',
  lawyerHeading: 'Waxaad xaq u leedahay qareen',
  lawyerBefore:
    'Kahor intaadan go’aansan inaad dacwad soo gudbiso, waxaad heli kartaa ugu yaraan {hours} saacadood oo talo sharci ah oo bilaash ah. Waad codsan kartaa wax dheeraad ah.',
  lawyerAfter:
    'Haddii aad dacwad soo gudbiso, waxaad heleysaa qareen bilaash ah (bistandsadvokat) kiiska oo dhan. Dowladda ayaa bixisa.',
  healthHeading: 'Daryeelka caafimaadka',
  healthText:
    'Qof kastaa wuxuu xaq u leeyahay gargaar degdeg ah iyo daryeel aan sugi karin. Haddii aadan haysan sharci deganaansho, daryeel caafimaad oo kale inta badan way adag tahay in la helo. Dhab ahaan tani waxay sidoo kale khusaysaa dad badan oo ku jira muddada fakarka.',
  happensHeading: 'Maxaa dhaca marka aad xiriir sameyso?',
  happensText:
    'ROSA way ku dhageysataa oo waxay kuu sharraxdaa waxa aad sameyn karto. Adigu ayaa go’aansanaya inaad dacwad soo gudbiso iyo in kale. Waxaad caawimaad ka heli kartaa guri, qareen iyo caafimaad.',
  happensNotGuaranteed:
    'Si daacad ah: qofna kuuma ballan qaadi karo inaad Norway joogi doonto. Dadka kuwa kale dhiig-miira waxay yiraahdaan waa lagu celin doonaa haddii aad caawimaad codsato. Kor ka akhri waxa xuquuqdaadu tahay, weydiina ROSA ama qareen.',
  safetyHeading: 'Ku ammaan ahow internetka',
  safetyHistory:
    'Dad kale ma isticmaalaan taleefankaaga? Tirtir taariikhda biraawsarka: fur menu-ga, dooro "Taariikhda", kadib "Tirtir xogta baadhitaanka". Ama isticmaal daaqad gaar ah.',
  safetyQuickExit: 'Badhanka "Ka bax" ee sare wuxuu xiraa boggan wuxuuna furaa saadaasha hawada.',
  quickExit: 'Ka bax',
  quickExitHint: 'Isla markiiba wuxuu xiraa boggan wuxuuna furaa saadaasha hawada.',
  sources: 'Ilaha',
  otherLanguages: 'Luqado kale',
  statusSource: 'Qoraalka asalka ah, oo laga qoray ilaha.',
  statusUnreviewed: 'La turjumay. Weli ma hubin qof luqaddu hooyo u tahay.',
  statusNeedsReview:
    'La turjumay. Qoraalka asalka ah ayaa isbeddelay tan iyo hubintii u dambeysay, sidaa darteed turjumaadda mar kale ayaa la hubin doonaa.',
  statusReviewed: 'La turjumay oo uu hubiyay qof luqaddu hooyo u tahay ({name}, {date}).',
  updated: 'Markii ugu dambeysay ee la cusboonaysiiyay: {date}.',
  cardHeading: 'Ma u baahan tahay caawimaad?',
  cardEmergency: 'Khatar hadda',
  cardRosa: 'ROSA, habeen iyo maalin',
  cardPolice: 'Booliiska',
  cardScan: 'Iskaan garee koodhka si aad macluumaad dheeraad ah ugu hesho luqaddaada.',
  cardLink: 'Kaar la daabici karo',
  cardPrintHint: 'Ku daabac A4: toban kaar oo cabbirka boorsada lacagta ah xaashi kasta.',
  cardPrint: 'Daabac'
};
