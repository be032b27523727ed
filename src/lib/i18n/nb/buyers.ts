/** Buyers: the rules for a purchase, the åpenhetsloven scope check and the due-diligence plan. */
export const buyers = {
  'buyers.nav': 'For innkjøpere',
  'buyers.home.title': 'For innkjøpere',
  'buyers.home.description':
    'For kommuner, offentlige virksomheter og bedrifter som kjøper renhold, bygg, transport, mat eller tekstiler: hvilke regler gjelder, og en plan for å følge opp leverandøren.',

  'buyers.title': 'Innkjøp uten utnyttelse',
  'buyers.lead':
    'Offentlige og private innkjøpere kjøper renhold, bygg og anlegg, transport, mat og tekstiler i store volum. Finn ut hvilke regler som gjelder for innkjøpet ditt, og få en aktsomhetsplan du kan skrive ut.',
  'buyers.disclaimer':
    'Dette er ikke juridisk rådgivning. Beløpsgrenser justeres fra tid til annen, og enkelte kilder er eldre. Sjekk gjeldende regler på Lovdata og anskaffelser.no før du bruker dem.',
  'buyers.stored': 'Vi lagrer ikke det du fyller ut her. Svaret regnes ut og vises bare for deg.',

  'buyers.form.title': 'Hvilke regler gjelder?',
  'buyers.form.buyerType': 'Hvem kjøper?',
  'buyers.buyerType.state': 'Statlig virksomhet',
  'buyers.buyerType.municipal': 'Kommune eller fylkeskommune',
  'buyers.buyerType.other_public': 'Annet offentligrettslig organ',
  'buyers.buyerType.private': 'Privat virksomhet',
  'buyers.form.sector': 'Bransje',
  'buyers.sector.cleaning': 'Renhold',
  'buyers.sector.construction': 'Bygg, anlegg og oppussing',
  'buyers.sector.transport': 'Transport',
  'buyers.sector.food': 'Mat, landbruk og servering',
  'buyers.sector.textiles': 'Tekstiler og arbeidstøy',
  'buyers.sector.other': 'Annet',
  'buyers.form.contractType': 'Type kontrakt',
  'buyers.contractType.service': 'Tjenester',
  'buyers.contractType.construction': 'Bygge- og anleggsarbeid',
  'buyers.contractType.goods': 'Varer',
  'buyers.form.value': 'Anslått verdi (kroner, uten mva.)',
  'buyers.form.value.hint': 'For eksempel 2 500 000, 2,5 mill. eller kr 900 000,-',
  'buyers.form.orgNumber': 'Leverandørens organisasjonsnummer (valgfritt)',
  'buyers.form.orgNumber.hint': 'Ni sifre. Vi sjekker kontrollsifferet; nummeret lagres ikke.',
  'buyers.form.submit': 'Vis regler og plan',

  'buyers.error.amount': 'Skriv et beløp i kroner, for eksempel 2 500 000 eller 2,5 mill.',
  'buyers.error.negative': 'Beløpet kan ikke være negativt.',
  'buyers.error.tooLarge': 'Beløpet er for stort.',
  'buyers.error.buyerType': 'Velg hvem som kjøper.',
  'buyers.error.sector': 'Velg en bransje fra listen.',
  'buyers.error.contractType': 'Velg type kontrakt.',

  'buyers.result.title': 'Reglene for dette innkjøpet',
  'buyers.result.summary': '{buyer}, {sector}, {contract}, {value} kroner uten mva.',
  'buyers.rules.applies': 'Gjelder',
  'buyers.rules.notApplies': 'Gjelder trolig ikke',
  'buyers.rules.notAppliesLead': 'Disse reglene gjelder trolig ikke for dette innkjøpet:',
  'buyers.rules.threshold': 'Terskel: {amount} kroner uten mva.',
  'buyers.rules.uncertain': 'Usikkert eller datert tall – sjekk Lovdata:',
  'buyers.sources': 'Kilder:',
  'buyers.source.asOf': 'oppdatert {date}',

  'buyers.reason.at_or_above_threshold': 'Verdien er lik eller over terskelen.',
  'buyers.reason.below_threshold': 'Verdien er under terskelen.',
  'buyers.reason.not_public_buyer': 'Gjelder offentlige oppdragsgivere.',
  'buyers.reason.public_buyer': 'Gjelder alle offentlige oppdragsgivere, uansett verdi.',
  'buyers.reason.goods_not_covered': 'Varekontrakter er ikke omfattet.',
  'buyers.reason.sector_covered': 'Gjelder denne bransjen, uansett verdi og kjøper.',
  'buyers.reason.sector_not_covered': 'Gjelder ikke denne bransjen.',
  'buyers.reason.any_buyer': 'Gjelder alle kjøpere.',

  'buyers.rule.pay-conditions.title': 'Lønns- og arbeidsvilkår i offentlige kontrakter',
  'buyers.rule.pay-conditions.summary':
    'Ansatte hos leverandøren og underleverandørene som utfører kontrakten, skal ikke ha dårligere lønn og arbeidsvilkår enn allmenngjøringsforskriften eller landsomfattende tariffavtale for bransjen. Kunngjøringen skal si at kontrakten har slike krav. Kontrakten skal kreve dokumentasjon på forespørsel og ha sanksjoner, og dere skal gjennomføre nødvendige kontroller. Gjelder tjeneste- og bygge- og anleggskontrakter, ikke varer.',
  'buyers.rule.pay-conditions.note':
    'DFØ oppgir 1,3 millioner kroner for statlige og 2,05 millioner for andre oppdragsgivere. En annen DFØ-side oppgir 2,2 millioner for andre, og en eldre tekst på Lovdata 1,1 og 1,75 millioner. Nærings- og fiskeridepartementet justerer tersklene annethvert år.',
  'buyers.rule.serious-2024.title': 'Pensjon, HMS-kort og lønn via bank (fra 1. januar 2024)',
  'buyers.rule.serious-2024.summary':
    'For bygg og anlegg og renhold skal kontrakten også ha krav om lovlige ansettelsesformer, obligatorisk tjenestepensjon (OTP), HMS-kort og at lønn betales via bank. For bygg og anlegg i tillegg informasjonsplikt og språkkunnskaper. Dere skal kontrollere at kravene til lønn, OTP og HMS-kort følges.',
  'buyers.rule.serious-2024.note':
    'Kravene gjelder over de samme tersklene som forskriften om lønns- og arbeidsvilkår, og de tallene er usikre.',
  'buyers.rule.chain-limit.title': 'Høyst to ledd underleverandører',
  'buyers.rule.chain-limit.summary':
    'I bygg og anlegg og renhold er hovedregelen høyst to ledd underleverandører i en vertikal kjede under hovedleverandøren. Det gjelder ikke vareleverandører eller underleverandører som står side om side (anskaffelsesforskriften §§ 8-13 og 19-3).',
  'buyers.rule.chain-limit.note': 'DFØ oppgir tersklene 1,3 millioner (stat) og 2,05 millioner (andre).',
  'buyers.rule.procurement-act-5.title': 'Anskaffelsesloven § 5: menneskerettigheter',
  'buyers.rule.procurement-act-5.summary':
    'Offentlige oppdragsgivere skal ha egnede rutiner for å fremme respekt for grunnleggende menneskerettigheter i anskaffelser der det er risiko for brudd. DFØ anbefaler å bruke høyrisikolisten for å finne hvilke innkjøp som har høy risiko.',
  'buyers.rule.general-application.title': 'Allmenngjorte tariffavtaler, påseplikt og innsynsrett',
  'buyers.rule.general-application.summary':
    'I bransjer med allmenngjort tariffavtale gjelder minstelønn uansett kontraktsverdi, og oppdragsgivere – både private og offentlige – har påseplikt. Allmenngjort per november 2022: byggeplasser, skips- og verftsindustri, jordbruk og gartneri, renhold, fiskeindustri, elektro, godstransport på vei, turbil og overnatting, servering og catering.',
  'buyers.rule.general-application.note':
    'Listen over allmenngjorte bransjer er fra Fafo Østforum, status november 2022. Sjekk gjeldende vedtak.',
  'buyers.rule.cleaning-register.title': 'Renholdsregisteret',
  'buyers.rule.cleaning-register.summary':
    'Det er forbudt å kjøpe renholdstjenester fra en virksomhet som ikke er godkjent av Arbeidstilsynet. Alle ansatte i godkjente virksomheter skal ha HMS-kort på jobb. Registeret er offentlig.',
  'buyers.rule.hms-card.title': 'HMS-kort',
  'buyers.rule.hms-card.summary':
    'Alle som arbeider på en bygge- eller anleggsplass skal ha HMS-kort, norske som utenlandske. Kortet viser hvem du er og hvem du jobber for. Ansatte i godkjente renholdsvirksomheter skal også ha HMS-kort.',
  'buyers.rule.transparency-right.title': 'Åpenhetsloven: retten til informasjon',
  'buyers.rule.transparency-right.summary':
    'Hvem som helst kan be større virksomheter skriftlig om informasjon om hvordan de håndterer risiko for brudd på menneskerettigheter og anstendige arbeidsforhold, også om en bestemt vare eller tjeneste. Større virksomheter skal publisere en redegjørelse innen 30. juni hvert år.',
  'buyers.rule.transparency-right.note':
    'Svarfristen på «tre uker» kommer bare fra et advokatfirmas oppsummering; lovteksten i § 7 er ikke lest.',

  'buyers.plan.title': 'Aktsomhetsplan for innkjøpet',
  'buyers.plan.lead': 'Tre trinn: før konkurransen, når dere velger leverandør, og mens kontrakten løper.',
  'buyers.plan.stage.before': '1. Før konkurransen',
  'buyers.plan.stage.choosing': '2. Når dere velger leverandør',
  'buyers.plan.stage.during': '3. Mens kontrakten løper',
  'buyers.plan.required': 'Krav',
  'buyers.plan.recommended': 'Anbefalt',
  'buyers.plan.why': 'Hvorfor',
  'buyers.plan.how': 'Slik gjør du det',
  'buyers.plan.print': 'Skriv ut planen',
  'buyers.plan.csv': 'Last ned planen (CSV)',
  'buyers.plan.warningSigns': 'Varseltegn fra sjekklisten «{title}»:',
  'buyers.plan.warningSigns.link': 'Se hele sjekklisten',
  'buyers.plan.orgValid': 'Organisasjonsnummeret {number} har gyldig kontrollsiffer. Slå det opp i Enhetsregisteret.',

  'buyers.plan.risk-assessment.title': 'Vurder risikoen i kontrakten',
  'buyers.plan.risk-assessment.why':
    'Som et minimum bør oppdragsgiveren gjøre en risikovurdering av hver kontrakt forskriften om lønns- og arbeidsvilkår omfatter. Omfanget av kontrollene kan tilpasses bransje og region.',
  'buyers.plan.risk-assessment.how':
    'Skriv ned hvor i leveransen det er risiko for dårlige lønns- og arbeidsvilkår: hvilke yrker, hvor mange ledd, innleie, og om arbeidet skjer der det er vanskelig å se det.',
  'buyers.plan.high-risk-list.title': 'Sjekk DFØs høyrisikoliste',
  'buyers.plan.high-risk-list.why':
    'Listen omfatter produktkategorier med omfattende dokumentasjon av systematiske brudd på menneskerettigheter og arbeidstakerrettigheter i leverandørkjeden.',
  'buyers.plan.high-risk-list.how':
    'Se om produktet står på listen. Gjør det det, still krav om at det er produsert med respekt for grunnleggende menneskerettigheter, ILOs kjernekonvensjoner og arbeidslovgivningen i produksjonslandet. Merker som Fairtrade, FSC, Rainforest Alliance, TCO Certified eller UTZ kan brukes som dokumentasjon.',
  'buyers.plan.clause-pay.title': 'Kontraktsklausul: lønn og arbeidsvilkår etter tariff',
  'buyers.plan.clause-pay.why':
    'Forskriften krever at ansatte som direkte medvirker til kontrakten, hos leverandøren og underleverandørene, har lønn og vilkår som i allmenngjøringsforskriften eller landsomfattende tariffavtale.',
  'buyers.plan.clause-pay.how':
    'Si i kunngjøringen at kontrakten får slike krav. Ta med arbeidstid, lønn med overtid, skift- og ubekvemstillegg, og reise, kost og losji der avtalen har det.',
  'buyers.plan.clause-documentation.title': 'Kontraktsklausul: dokumentasjon på forespørsel',
  'buyers.plan.clause-documentation.why':
    'Leverandøren og underleverandørene skal dokumentere at kravene følges når oppdragsgiveren ber om det.',
  'buyers.plan.clause-documentation.how':
    'Krev at arbeidsavtaler, timelister, lønnsslipper og bankutskrifter for lønn legges fram innen en fast frist.',
  'buyers.plan.clause-2024.title': 'Kontraktsklausul: ansettelsesform, pensjon, HMS-kort og lønn via bank',
  'buyers.plan.clause-2024.why':
    'Fra 1. januar 2024 skal kontrakter i bygg og anlegg og renhold ha krav om lovlige ansettelsesformer, OTP, HMS-kort og lønn via bank.',
  'buyers.plan.clause-2024.how':
    'Ta kravene inn i kontrakten. For bygg og anlegg: ta også med informasjonsplikt og språkkunnskaper.',
  'buyers.plan.clause-chain.title': 'Kontraktsklausul: høyst to ledd underleverandører',
  'buyers.plan.clause-chain.why':
    'Lange kjeder gjør det vanskelig å se hvem som faktisk gjør jobben. Hovedregelen i bygg og anlegg og renhold er høyst to ledd.',
  'buyers.plan.clause-chain.how':
    'Begrens antall ledd i kontrakten, og krev at nye underleverandører godkjennes av dere før de starter.',
  'buyers.plan.clause-audit.title': 'Kontraktsklausul: rett til kontroll',
  'buyers.plan.clause-audit.why':
    'Oppdragsgiveren skal gjennomføre nødvendige kontroller. Fellesbestemmelsene fra KS, DFØ, BNL og Fellesforbundet for bygg og anlegg har en sjekkliste for oppfølging.',
  'buyers.plan.clause-audit.how':
    'Gi dere rett til uanmeldte besøk, til å se HMS-kort og mannskapslister, og til å få dokumentasjon fra alle ledd.',
  'buyers.plan.clause-sanctions.title': 'Kontraktsklausul: sanksjoner',
  'buyers.plan.clause-sanctions.why':
    'Kontrakten skal forbeholde retten til å sanksjonere brudd, og sanksjonen må være egnet til å påvirke leverandøren.',
  'buyers.plan.clause-sanctions.how':
    'Beskriv trappen: retting av mindre brudd, bindende tiltaksplan for større brudd, dagbøter eller tilbakeholdelse av deler av kontraktssummen, og heving ved alvorlige eller gjentatte brudd.',
  'buyers.plan.org-number.title': 'Sjekk organisasjonsnummeret',
  'buyers.plan.org-number.why': 'Et seriøst firma kan oppgi organisasjonsnummer.',
  'buyers.plan.org-number.how':
    'Be om organisasjonsnummeret, sjekk at det har ni sifre og gyldig kontrollsiffer, og slå det opp i Enhetsregisteret.',
  'buyers.plan.cleaning-register.title': 'Sjekk renholdsregisteret',
  'buyers.plan.cleaning-register.why':
    'Det er forbudt å kjøpe renhold fra virksomheter som ikke er godkjent. Lovlig er status «godkjent», «søknad under behandling» og «HMS-kortbestilling under behandling».',
  'buyers.plan.cleaning-register.how':
    'Slå opp leverandøren og underleverandørene i Arbeidstilsynets renholdsregister før kontrakt, og igjen under kontrakten.',
  'buyers.plan.tax-certificate.title': 'Be om skatteattest',
  'buyers.plan.tax-certificate.why':
    'BNLs veileder for å velge seriøse aktører anbefaler skatteattest fra alle underleverandører.',
  'buyers.plan.tax-certificate.how':
    'Krev skatteattest fra leverandøren og alle underleverandører før de starter, og forhåndsgodkjenn underleverandørene.',
  'buyers.plan.transparency-account.title': 'Les leverandørens redegjørelse etter åpenhetsloven',
  'buyers.plan.transparency-account.why':
    'Større virksomheter skal publisere en redegjørelse for aktsomhetsvurderingene sine innen 30. juni hvert år, og alle kan be dem om informasjon.',
  'buyers.plan.transparency-account.how':
    'Bruk sjekken nedenfor for å se om leverandøren er omfattet. Finn redegjørelsen på nettsiden, og still skriftlige spørsmål om det som mangler.',
  'buyers.plan.self-assessment.title': 'Be leverandøren svare på spørsmål',
  'buyers.plan.self-assessment.why':
    'Leverandøren skal kunne dokumentere lønns- og arbeidsvilkår på forespørsel, også for underleverandører.',
  'buyers.plan.self-assessment.how':
    'Spør om arbeidsstyrken, underleverandører og antall ledd, hvordan lønn betales, bolig, om arbeidere har betalt for å få jobben, og hvilke dokumenter de har.',
  'buyers.plan.site-visits.title': 'Besøk arbeidsstedet',
  'buyers.plan.site-visits.why': 'Oppdragsgiveren skal gjennomføre nødvendige kontroller mens kontrakten løper.',
  'buyers.plan.site-visits.how':
    'Gjør uanmeldte besøk. Et funn kan være arbeidere som ikke står på mannskapslisten, eller som ikke kan svare selv. Følg opp etter sanksjonstrappen.',
  'buyers.plan.id-cards.title': 'Kontroller HMS-kort',
  'buyers.plan.id-cards.why': 'Alle på bygge- og anleggsplasser og i godkjente renholdsvirksomheter skal ha HMS-kort.',
  'buyers.plan.id-cards.how':
    'Sammenlign kortene med mannskapslisten. Et funn er en person uten kort eller med kort fra en annen arbeidsgiver enn den som står på listen.',
  'buyers.plan.pay-records.title': 'Kontroller timelister og lønnsslipper',
  'buyers.plan.pay-records.why':
    'Leverandøren skal dokumentere lønn og arbeidstid på forespørsel; oppdragsgiveren skal kontrollere at kravene følges.',
  'buyers.plan.pay-records.how':
    'Be om timelister, lønnsslipper og bankutskrifter for et utvalg ansatte. Et funn er lønn under minstelønn, lange arbeidsdager uten overtidstillegg eller lønn i kontanter.',
  'buyers.plan.subcontractor-list.title': 'Kontroller listen over underleverandører',
  'buyers.plan.subcontractor-list.why': 'Antall ledd er begrenset, og nye underleverandører skal være kjent.',
  'buyers.plan.subcontractor-list.how':
    'Be om oppdatert liste med alle ledd. Et funn er en underleverandør dere ikke har godkjent, eller flere enn to ledd.',
  'buyers.plan.warning-signs.title': 'Se etter varseltegn',
  'buyers.plan.warning-signs.why':
    'Sjekklisten i «Sjekk før du kjøper» viser tegn på utnyttelse i bransjen, hvert med kilde.',
  'buyers.plan.warning-signs.how': 'Ha varseltegnene med på besøk og i samtaler med leverandøren.',
  'buyers.plan.report-suspicion.title': 'Meld fra ved mistanke – ikke etterforsk selv',
  'buyers.plan.report-suspicion.why':
    'Offentlige oppdragsgivere skal ikke etterforske mulige lovbrudd selv, men kontakte Arbeidstilsynet, Skatteetaten eller politiet.',
  'buyers.plan.report-suspicion.how':
    'Skriv ned hva dere så og når, og kontakt riktig etat. Ring 112 hvis noen er i fare.',
  'buyers.plan.sanction-ladder.title': 'Bruk sanksjonstrappen',
  'buyers.plan.sanction-ladder.why': 'DFØ anbefaler reaksjoner som står i forhold til bruddet.',
  'buyers.plan.sanction-ladder.how':
    'Mindre brudd: krev retting. Større brudd: krev en bindende tiltaksplan. Ellers: dagbøter eller tilbakeholdelse av deler av kontraktssummen. Alvorlige eller gjentatte brudd kan gi grunnlag for heving.',

  'buyers.scope.title': 'Er leverandøren omfattet av åpenhetsloven?',
  'buyers.scope.lead':
    'En virksomhet er «større» hvis den på balansedagen overstiger to av tre grenser: salgsinntekt 70 millioner kroner, balansesum 35 millioner kroner og gjennomsnittlig 50 årsverk.',
  'buyers.scope.revenue': 'Salgsinntekt (kroner)',
  'buyers.scope.balance': 'Balansesum (kroner)',
  'buyers.scope.employees': 'Gjennomsnittlig antall årsverk',
  'buyers.scope.hint': 'Fra siste årsregnskap, for eksempel 85 mill.',
  'buyers.scope.submit': 'Sjekk',
  'buyers.scope.covered': 'Omfattet: {count} av 3 grenser er overskredet.',
  'buyers.scope.notCovered': 'Trolig ikke omfattet av størrelsesgrensene: {count} av 3 grenser er overskredet.',
  'buyers.scope.limit.revenue': 'Salgsinntekt over 70 millioner kroner',
  'buyers.scope.limit.balance': 'Balansesum over 35 millioner kroner',
  'buyers.scope.limit.employees': 'Over 50 årsverk i snitt',
  'buyers.scope.exceeded': 'overskredet',
  'buyers.scope.notExceeded': 'ikke overskredet',
  'buyers.scope.gives.covered':
    'Leverandøren må gjøre aktsomhetsvurderinger, publisere en redegjørelse innen 30. juni hvert år og svare på skriftlige spørsmål. Be om redegjørelsen, og spør konkret om varene eller tjenestene dere kjøper.',
  'buyers.scope.gives.notCovered':
    'Leverandøren har ikke plikter etter åpenhetsloven ut fra størrelsen. Still krav i kontrakten i stedet, og be om dokumentasjon.',
  'buyers.scope.note':
    'Virksomheter under regnskapsloven § 1-5 er omfattet uansett. Morselskap regnes sammen med konsernet. Loven ble endret 1. november 2024, og vi har ikke lest hva endringen gjaldt – sjekk Lovdata.',

  'buyers.csv.stage': 'Trinn',
  'buyers.csv.item': 'Tiltak',
  'buyers.csv.level': 'Krav eller anbefalt',
  'buyers.csv.why': 'Hvorfor',
  'buyers.csv.how': 'Slik gjør du det',
  'buyers.csv.sources': 'Kilder',
  'buyers.csv.filename': 'aktsomhetsplan.csv',

  'buyers.error.date': 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
  'buyers.error.workers': 'Skriv antall arbeidere som et helt tall.',
  'buyers.error.findingType': 'Velg hva slags funn det var.',
  'buyers.error.planNotFound': 'Fant ikke planen.',
  'buyers.error.checkNotFound': 'Fant ikke kontrollen.',
  'buyers.error.linkInvalid': 'Lenken er ugyldig. Be innkjøperen om en ny.',
  'buyers.error.linkUsed': 'Denne lenken er allerede brukt, og svarene er sendt. Den kan bare brukes én gang.',
  'buyers.error.linkExpired': 'Lenken er utløpt. Be innkjøperen om en ny.',
  'buyers.admin.nav': 'Innkjøpsplaner',
  'buyers.admin.title': 'Innkjøp: planer og oppfølging',
  'buyers.admin.lead':
    'En aktsomhetsplan per kontrakt, med kontroller på faste datoer, resultater, funn og leverandørens egenerklæring. Bare medlemmer av organisasjonen ser planene.',
  'buyers.admin.new': 'Ny plan for en kontrakt',
  'buyers.admin.planTitle': 'Kontraktens navn',
  'buyers.admin.organisation': 'Organisasjon',
  'buyers.admin.supplierName': 'Leverandør',
  'buyers.admin.create': 'Lagre planen',
  'buyers.admin.plans': 'Planer',
  'buyers.admin.noPlans': 'Ingen planer ennå.',
  'buyers.admin.overdue': 'Forfalte kontroller',
  'buyers.admin.upcoming': 'Kontroller de neste 60 dagene',
  'buyers.admin.noOverdue': 'Ingen forfalte kontroller.',
  'buyers.admin.noUpcoming': 'Ingen kontroller de neste 60 dagene.',
  'buyers.admin.col.contract': 'Kontrakt',
  'buyers.admin.col.supplier': 'Leverandør',
  'buyers.admin.col.sector': 'Bransje',
  'buyers.admin.col.value': 'Verdi (kr)',
  'buyers.admin.col.due': 'Dato',
  'buyers.admin.col.check': 'Kontroll',
  'buyers.admin.col.outcome': 'Resultat',
  'buyers.admin.col.note': 'Notat',
  'buyers.admin.created': 'Planen er lagret.',
  'buyers.admin.back': 'Alle planer',
  'buyers.admin.checks': 'Oppfølgingskontroller',
  'buyers.admin.schedule': 'Planlegg en kontroll',
  'buyers.admin.kind': 'Kontroll',
  'buyers.admin.dueOn': 'Dato',
  'buyers.admin.scheduleSubmit': 'Legg til kontrollen',
  'buyers.admin.noChecks': 'Ingen kontroller er planlagt ennå.',
  'buyers.admin.record': 'Registrer resultat',
  'buyers.admin.outcome': 'Resultat',
  'buyers.admin.findingType': 'Type funn',
  'buyers.admin.note': 'Dokumentasjon og notat',
  'buyers.admin.note.hint': 'Hva dere så, og hvilke dokumenter dere fikk. Ikke skriv navn på arbeidere.',
  'buyers.admin.recordSubmit': 'Lagre resultatet',
  'buyers.check.kind.site-visits': 'Besøk på arbeidsstedet',
  'buyers.check.kind.id-cards': 'Kontroll av HMS-kort',
  'buyers.check.kind.pay-records': 'Timelister og lønnsslipper',
  'buyers.check.kind.subcontractor-list': 'Liste over underleverandører',
  'buyers.check.kind.other': 'Annen kontroll',
  'buyers.outcome.ok': 'I orden',
  'buyers.outcome.finding': 'Funn',
  'buyers.outcome.pending': 'Ikke registrert',
  'buyers.finding.pay': 'Lønn under minstelønn eller tariff',
  'buyers.finding.hours': 'Arbeidstid eller overtid',
  'buyers.finding.hms_card': 'Mangler HMS-kort',
  'buyers.finding.subcontractors': 'Ukjent underleverandør eller for mange ledd',
  'buyers.finding.cash_wages': 'Lønn i kontanter',
  'buyers.finding.housing': 'Bolig',
  'buyers.finding.recruitment_fees': 'Arbeidere har betalt for å få jobben',
  'buyers.finding.documents': 'Mangler dokumentasjon',
  'buyers.finding.other': 'Annet',
  'buyers.admin.assess': 'Leverandørens egenerklæring',
  'buyers.admin.assess.lead':
    'Send leverandøren en engangslenke. Den virker i 14 dager og kan brukes én gang. Leverandøren trenger ingen konto, og svarene ser bare dere.',
  'buyers.admin.assess.create': 'Lag en lenke',
  'buyers.admin.assess.link': 'Lenken til leverandøren. Kopier den nå – den vises bare denne ene gangen:',
  'buyers.admin.assess.none': 'Ingen lenker er laget ennå.',
  'buyers.admin.assess.status.open': 'Venter på svar (utløper {date})',
  'buyers.admin.assess.status.expired': 'Utløpt uten svar',
  'buyers.admin.assess.status.answered': 'Besvart {date}',
  'buyers.admin.assess.flags': 'Røde flagg',
  'buyers.admin.assess.noFlags': 'Ingen røde flagg i svarene.',
  'buyers.admin.assess.answers': 'Svarene',
  'buyers.admin.history': 'Historikk',
  'buyers.history.buyers.plan.create': 'Planen ble opprettet',
  'buyers.history.buyers.check.schedule': 'Kontroll planlagt',
  'buyers.history.buyers.check.record': 'Resultat registrert',
  'buyers.history.buyers.assessment.create': 'Lenke til egenerklæring laget',
  'buyers.supplier.title': 'Egenerklæring fra leverandør',
  'buyers.supplier.lead': '{buyer} ber {supplier} svare på noen spørsmål om kontrakten «{contract}».',
  'buyers.supplier.privacy':
    'Svarene går bare til {buyer}. Ikke skriv navn eller andre opplysninger som peker ut enkeltpersoner. Lenken kan brukes én gang.',
  'buyers.supplier.submit': 'Send svarene',
  'buyers.supplier.thanks': 'Takk. Svarene er sendt.',
  'buyers.supplier.invalid': 'Lenken virker ikke',
  'buyers.assess.q.workers': 'Hvor mange arbeidere vil jobbe på kontrakten, hos dere og hos underleverandører?',
  'buyers.assess.q.subcontractorTiers': 'Hvor mange ledd underleverandører blir det under dere?',
  'buyers.assess.q.payMethod': 'Hvordan betales lønn?',
  'buyers.assess.q.tariffPay': 'Får alle minst lønn etter allmenngjøringsforskrift eller landsomfattende tariffavtale?',
  'buyers.assess.q.pension': 'Har alle ansatte obligatorisk tjenestepensjon (OTP)?',
  'buyers.assess.q.hmsCards': 'Har arbeiderne HMS-kort?',
  'buyers.assess.q.housing': 'Hvor bor arbeiderne mens de jobber på kontrakten?',
  'buyers.assess.q.recruitmentFees':
    'Har noen arbeidere betalt for å få jobben (gebyr til rekrutterer, reise, formidling)?',
  'buyers.assess.q.ownDocuments': 'Har arbeiderne selv passet og ID-papirene sine?',
  'buyers.assess.q.comment': 'Vil du legge til noe? (valgfritt)',
  'buyers.assess.a.subcontractorTiers.0': 'Ingen underleverandører',
  'buyers.assess.a.subcontractorTiers.1': 'Ett ledd',
  'buyers.assess.a.subcontractorTiers.2': 'To ledd',
  'buyers.assess.a.subcontractorTiers.3+': 'Tre eller flere ledd',
  'buyers.assess.a.payMethod.bank': 'Via bank',
  'buyers.assess.a.payMethod.cash': 'Kontant',
  'buyers.assess.a.payMethod.mixed': 'Delvis kontant',
  'buyers.assess.a.tariffPay.yes': 'Ja',
  'buyers.assess.a.tariffPay.no': 'Nei',
  'buyers.assess.a.tariffPay.unknown': 'Vet ikke',
  'buyers.assess.a.pension.yes': 'Ja',
  'buyers.assess.a.pension.no': 'Nei',
  'buyers.assess.a.pension.unknown': 'Vet ikke',
  'buyers.assess.a.hmsCards.all': 'Ja, alle',
  'buyers.assess.a.hmsCards.some': 'Noen',
  'buyers.assess.a.hmsCards.none': 'Ingen',
  'buyers.assess.a.hmsCards.not_needed': 'Ikke påkrevd for dette arbeidet',
  'buyers.assess.a.housing.none': 'De ordner bolig selv',
  'buyers.assess.a.housing.employer_provided': 'Arbeidsgiver ordner bolig',
  'buyers.assess.a.housing.at_workplace': 'På arbeidsstedet',
  'buyers.assess.a.recruitmentFees.no': 'Nei',
  'buyers.assess.a.recruitmentFees.yes': 'Ja',
  'buyers.assess.a.recruitmentFees.unknown': 'Vet ikke',
  'buyers.assess.a.ownDocuments.yes': 'Ja',
  'buyers.assess.a.ownDocuments.no': 'Nei',
  'buyers.assess.a.ownDocuments.unknown': 'Vet ikke',
  'buyers.flag.chain-too-long':
    'Flere enn to ledd underleverandører. Hovedregelen i bygg og anlegg og renhold er høyst to ledd.',
  'buyers.flag.cash-wages':
    'Lønn helt eller delvis i kontanter. Fra 2024 skal kontrakter i bygg og anlegg og renhold kreve lønn via bank.',
  'buyers.flag.below-tariff':
    'Leverandøren bekrefter ikke lønn etter allmenngjøring eller tariff, som kontrakten skal kreve.',
  'buyers.flag.no-pension': 'Leverandøren bekrefter ikke obligatorisk tjenestepensjon for alle.',
  'buyers.flag.hms-cards-missing':
    'Ikke alle har HMS-kort. Alle på bygge- og anleggsplasser og i godkjente renholdsvirksomheter skal ha det.',
  'buyers.flag.housing-at-workplace':
    'Arbeiderne bor på arbeidsstedet. Kritikkverdige bo- og arbeidsforhold er en av ILOs indikatorer på tvangsarbeid.',
  'buyers.flag.recruitment-fees':
    'Arbeidere har betalt, eller leverandøren vet ikke om de har betalt, for å få jobben. Gjeld er en av ILOs indikatorer på tvangsarbeid.',
  'buyers.flag.documents-held':
    'Arbeiderne har ikke, eller leverandøren vet ikke om de har, pass og ID selv. Å holde tilbake ID-papirer er en av ILOs indikatorer på tvangsarbeid.',
  'buyers.summary.title': 'Innkjøpere i tall'
};
