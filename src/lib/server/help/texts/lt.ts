import type { THelpText } from '../help.text';

/** Lithuanian: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const lt: THelpText = {
  pageTitle: 'Naudinga informacija',
  heading: 'Pagalba ir jūsų teisės Norvegijoje',
  intro:
    'Šis puslapis skirtas jums, jei galbūt esate išnaudojami darbe ar kitaip. Galite gauti pagalbą. Pagalba yra nemokama.',
  signsHeading: 'Ženklai, kad galbūt esate išnaudojami',
  signsIntro: 'Ar kas nors iš to tinka jums?',
  signPapers: 'Kažkas kitas laiko jūsų pasą ar dokumentus.',
  signDebt: 'Turite skolą, kurios negalite sumokėti.',
  signFreedom: 'Negalite išeiti, išvykti ar atsisakyti darbo.',
  signThreats: 'Jums ar jūsų šeimai grasinama.',
  signPay: 'Kažkas kitas pasiima jūsų atlyginimą.',
  signHousing: 'Gyvenate ten, kur dirbate, ir negalite išsikraustyti.',
  signsOutro:
    'Tada galbūt esate prekybos žmonėmis ar priverstinio darbo auka. Norvegijoje tai yra nusikaltimas. Tai ne jūsų kaltė.',
  contactsHeading: 'Kaip gauti pagalbą',
  contactEmergency: 'Esate pavojuje dabar? Skambinkite skubiosios pagalbos numeriu.',
  contactRosa: 'ROSA padeda prekybos žmonėmis aukoms. Telefonas veikia visą parą. Galite skambinti patys.',
  contactPolice: 'Policija, kai reikalas neskubus. Galite gauti patarimą arba pranešti apie nusikaltimą.',
  contactLabour:
    'Arbeidstilsynet (Darbo inspekcija): atlyginimas ir darbo sąlygos. Galite pranešti nenurodydami, kas esate.',
  contactShelter:
    'ROSA gali suteikti jums saugią vietą gyventi krizių centre. Tai skirta vyresniems nei {age} metų asmenims. Išganymo armija taip pat turi saugius namus vyrams, vyresniems nei {age} metų.',
  reflectionHeading: 'Galite gauti leidimą kurį laiką likti Norvegijoje',
  reflectionText:
    'Jei yra ženklų, kad esate prekybos žmonėmis auka, galite gauti apmąstymo laikotarpį (refleksjonsperiode). Tai leidimas gyventi ir dirbti Norvegijoje {months} mėnesius. Jums nereikia nieko skųsti, kad jį gautumėte.',
  reflectionApply:
    'Prašymą teikiate policijai ten, kur gyvenate, ir turite atvykti asmeniškai. Sprendžia UDI (imigracijos direktoratas). Šiuo laikotarpiu nebūsite išsiųsti iš šalies.',
  reflectionLimits:
    'Leidimo negalima pratęsti, ir jis nesuteikia teisės likti Norvegijoje visam laikui. Jis galioja tik Norvegijoje.',
  lawyerHeading: 'Turite teisę į advokatą',
  lawyerBefore:
    'Prieš nuspręsdami, ar pranešti policijai, galite gauti bent {hours} valandas nemokamos teisinės konsultacijos. Galite prašyti daugiau.',
  lawyerAfter: 'Jei pranešite, gausite nemokamą advokatą (bistandsadvokat) visai bylai. Moka valstybė.',
  healthHeading: 'Sveikatos priežiūra',
  healthText:
    'Kiekvienas turi teisę į skubią pagalbą ir į pagalbą, kuri negali laukti. Be teisėto buvimo šalyje kitą sveikatos priežiūrą dažnai sunku gauti. Praktiškai tai galioja ir daugeliui žmonių apmąstymo laikotarpiu.',
  happensHeading: 'Kas nutinka, kai susisiekiate?',
  happensText:
    'ROSA išklauso ir paaiškina, ką galite daryti. Jūs patys nusprendžiate, ar pranešti policijai. Galite gauti pagalbą dėl būsto, advokato ir sveikatos.',
  happensNotGuaranteed:
    'Sakome sąžiningai: niekas negali pažadėti, kad liksite Norvegijoje. Žmonės, kurie išnaudoja kitus, sako, kad būsite išsiųsti, jei paprašysite pagalbos. Perskaitykite aukščiau, kokias teises turite, ir klauskite ROSA arba advokato.',
  safetyHeading: 'Saugumas internete',
  safetyHistory:
    'Ar kiti naudojasi jūsų telefonu? Ištrinkite naršyklės istoriją: atidarykite meniu, pasirinkite „Istorija“, tada „Išvalyti naršymo duomenis“. Arba naudokite privatų langą.',
  safetyQuickExit: 'Mygtukas „Išeiti“ viršuje uždaro šį puslapį ir atidaro orų prognozę.',
  quickExit: 'Išeiti',
  quickExitHint: 'Iškart uždaro šį puslapį ir atidaro orų prognozę.',
  sources: 'Šaltiniai',
  otherLanguages: 'Kitos kalbos',
  statusSource: 'Originalus tekstas, parašytas pagal šaltinius.',
  statusUnreviewed: 'Išversta. Dar nepatikrinta gimtakalbio.',
  statusNeedsReview:
    'Išversta. Originalus tekstas pasikeitė po paskutinio patikrinimo, todėl vertimą reikia patikrinti iš naujo.',
  statusReviewed: 'Išversta ir patikrinta gimtakalbio ({name}, {date}).',
  updated: 'Paskutinį kartą atnaujinta: {date}.',
  cardHeading: 'Reikia pagalbos?',
  cardEmergency: 'Pavojus dabar',
  cardRosa: 'ROSA, visą parą',
  cardPolice: 'Policija',
  cardScan: 'Nuskenuokite kodą ir skaitykite daugiau savo kalba.',
  cardLink: 'Kortelė spausdinti',
  cardPrintHint: 'Spausdinkite A4 formatu: dešimt piniginės dydžio kortelių kiekviename lape.',
  cardPrint: 'Spausdinti'
};
