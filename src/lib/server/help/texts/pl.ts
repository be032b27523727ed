import type { THelpText } from '../help.text';

/** Polish: a translation of the bokmål and English texts, not yet checked by a native speaker. */
export const pl: THelpText = {
  pageTitle: 'Przydatne informacje',
  heading: 'Pomoc i Twoje prawa w Norwegii',
  intro:
    'Ta strona jest dla Ciebie, jeśli możesz być wykorzystywany w pracy lub w inny sposób. Możesz dostać pomoc. Pomoc jest bezpłatna.',
  signsHeading: 'Znaki, że możesz być wykorzystywany',
  signsIntro: 'Czy coś z tego dotyczy Ciebie?',
  signPapers: 'Ktoś inny trzyma Twój paszport lub Twoje dokumenty.',
  signDebt: 'Masz dług, którego nie możesz spłacić.',
  signFreedom: 'Nie możesz odejść, wyjechać ani odmówić pracy.',
  signThreats: 'Ty lub Twoja rodzina jesteście zastraszani.',
  signPay: 'Ktoś inny zabiera Twoją pensję.',
  signHousing: 'Mieszkasz tam, gdzie pracujesz, i nie możesz się wyprowadzić.',
  signsOutro:
    'Wtedy możesz być ofiarą handlu ludźmi lub pracy przymusowej. To przestępstwo w Norwegii. To nie jest Twoja wina.',
  contactsHeading: 'Jak dostać pomoc',
  contactEmergency: 'Jesteś teraz w niebezpieczeństwie? Zadzwoń na numer alarmowy.',
  contactRosa: 'ROSA pomaga osobom, które są ofiarami handlu ludźmi. Telefon działa całą dobę. Możesz zadzwonić sam.',
  contactPolice: 'Policja, gdy sprawa nie jest pilna. Możesz dostać radę albo złożyć zawiadomienie.',
  contactLabour:
    'Arbeidstilsynet (Inspekcja Pracy): wynagrodzenie i warunki pracy. Możesz zgłosić sprawę bez podawania, kim jesteś.',
  contactShelter:
    'ROSA może dać Ci bezpieczne miejsce w ośrodku kryzysowym. Dotyczy to osób powyżej {age} lat. Armia Zbawienia ma też bezpieczny dom dla mężczyzn powyżej {age} lat.',
  reflectionHeading: 'Możesz dostać zgodę na pobyt w Norwegii na pewien czas',
  reflectionText:
    'Jeśli są znaki, że jesteś ofiarą handlu ludźmi, możesz dostać okres do namysłu (refleksjonsperiode). To zezwolenie na pobyt i pracę w Norwegii przez {months} miesięcy. Nie musisz nikogo zgłaszać, żeby je dostać.',
  reflectionApply:
    'Wniosek składasz na policji tam, gdzie mieszkasz, i musisz przyjść osobiście. Decyzję podejmuje UDI (urząd imigracyjny). W tym okresie nie zostaniesz wydalony z kraju.',
  reflectionLimits:
    'Zezwolenia nie można przedłużyć i nie daje ono prawa do stałego pobytu w Norwegii. Jest ważne tylko w Norwegii.',
  lawyerHeading: 'Masz prawo do adwokata',
  lawyerBefore:
    'Zanim zdecydujesz, czy złożyć zawiadomienie, możesz dostać co najmniej {hours} godziny bezpłatnej porady prawnej. Możesz wnioskować o więcej.',
  lawyerAfter:
    'Jeśli złożysz zawiadomienie, dostaniesz bezpłatnego adwokata (bistandsadvokat) na całą sprawę. Płaci państwo.',
  healthHeading: 'Opieka zdrowotna',
  healthText:
    'Każdy ma prawo do pomocy w nagłych wypadkach i do leczenia, które nie może czekać. Bez legalnego pobytu inna opieka zdrowotna jest często trudno dostępna. W praktyce dotyczy to też wielu osób w okresie do namysłu.',
  happensHeading: 'Co się dzieje, gdy się zgłosisz?',
  happensText:
    'ROSA wysłucha Cię i wyjaśni, co możesz zrobić. Sam decydujesz, czy złożyć zawiadomienie. Możesz dostać pomoc w sprawie mieszkania, adwokata i zdrowia.',
  happensNotGuaranteed:
    'Mówimy uczciwie: nikt nie może obiecać, że zostaniesz w Norwegii. Ludzie, którzy wykorzystują innych, mówią, że zostaniesz wydalony, jeśli poprosisz o pomoc. Przeczytaj wyżej, jakie masz prawa, i zapytaj ROSA lub adwokata.',
  safetyHeading: 'Bezpieczeństwo w internecie',
  safetyHistory:
    'Czy inni używają Twojego telefonu? Usuń historię przeglądarki: otwórz menu, wybierz „Historia”, a potem „Wyczyść dane przeglądania”. Albo użyj okna prywatnego.',
  safetyQuickExit: 'Przycisk „Wyjdź” na górze zamyka tę stronę i otwiera prognozę pogody.',
  quickExit: 'Wyjdź',
  quickExitHint: 'Od razu zamyka tę stronę i otwiera prognozę pogody.',
  sources: 'Źródła',
  otherLanguages: 'Inne języki',
  statusSource: 'Tekst oryginalny, napisany na podstawie źródeł.',
  statusUnreviewed: 'Tłumaczenie. Jeszcze nie sprawdzone przez osobę, dla której to język ojczysty.',
  statusNeedsReview:
    'Tłumaczenie. Tekst oryginalny zmienił się od ostatniego sprawdzenia, więc tłumaczenie trzeba sprawdzić ponownie.',
  statusReviewed: 'Tłumaczenie sprawdzone przez osobę, dla której to język ojczysty ({name}, {date}).',
  updated: 'Ostatnia aktualizacja: {date}.',
  cardHeading: 'Potrzebujesz pomocy?',
  cardEmergency: 'Zagrożenie teraz',
  cardRosa: 'ROSA, całą dobę',
  cardPolice: 'Policja',
  cardScan: 'Zeskanuj kod, aby przeczytać więcej w swoim języku.',
  cardLink: 'Karta do wydruku',
  cardPrintHint: 'Drukuj na A4: dziesięć kart wielkości portfela na każdym arkuszu.',
  cardPrint: 'Drukuj'
};
