import type { buyers as nb } from '../nb/buyers';

/** Buyers, in English. */
export const buyers: Record<keyof typeof nb, string> = {
  'buyers.nav': 'For buyers',
  'buyers.home.title': 'For buyers',
  'buyers.home.description':
    'For municipalities, public bodies and companies buying cleaning, construction, transport, food or textiles: which rules apply, and a plan to follow up the supplier.',

  'buyers.title': 'Buying without exploitation',
  'buyers.lead':
    'Public and private buyers purchase cleaning, building and construction, transport, food and textiles in large volumes. Find out which rules apply to your purchase, and get a due-diligence plan you can print.',
  'buyers.disclaimer':
    'This is not legal advice. Thresholds are adjusted from time to time, and some sources are old. Check the rules in force on Lovdata and anskaffelser.no before relying on them.',
  'buyers.stored': 'We do not store what you fill in here. The answer is worked out and shown only to you.',

  'buyers.form.title': 'Which rules apply?',
  'buyers.form.buyerType': 'Who is buying?',
  'buyers.buyerType.state': 'State body',
  'buyers.buyerType.municipal': 'Municipality or county',
  'buyers.buyerType.other_public': 'Other body governed by public law',
  'buyers.buyerType.private': 'Private company',
  'buyers.form.sector': 'Sector',
  'buyers.sector.cleaning': 'Cleaning',
  'buyers.sector.construction': 'Building, construction and renovation',
  'buyers.sector.transport': 'Transport',
  'buyers.sector.food': 'Food, agriculture and catering',
  'buyers.sector.textiles': 'Textiles and work clothes',
  'buyers.sector.other': 'Other',
  'buyers.form.contractType': 'Contract type',
  'buyers.contractType.service': 'Services',
  'buyers.contractType.construction': 'Building and construction work',
  'buyers.contractType.goods': 'Goods',
  'buyers.form.value': 'Estimated value (NOK, excl. VAT)',
  'buyers.form.value.hint': 'For example 2 500 000, 2,5 mill. or kr 900 000,-',
  'buyers.form.orgNumber': 'The supplier’s organisation number (optional)',
  'buyers.form.orgNumber.hint': 'Nine digits. We check the check digit; the number is not stored.',
  'buyers.form.submit': 'Show rules and plan',

  'buyers.error.amount': 'Enter an amount in NOK, for example 2 500 000 or 2,5 mill.',
  'buyers.error.negative': 'The amount cannot be negative.',
  'buyers.error.tooLarge': 'The amount is too large.',
  'buyers.error.buyerType': 'Choose who is buying.',
  'buyers.error.sector': 'Choose a sector from the list.',
  'buyers.error.contractType': 'Choose a contract type.',

  'buyers.result.title': 'The rules for this purchase',
  'buyers.result.summary': '{buyer}, {sector}, {contract}, NOK {value} excl. VAT.',
  'buyers.rules.applies': 'Applies',
  'buyers.rules.notApplies': 'Probably does not apply',
  'buyers.rules.notAppliesLead': 'These rules probably do not apply to this purchase:',
  'buyers.rules.threshold': 'Threshold: NOK {amount} excl. VAT',
  'buyers.rules.uncertain': 'Uncertain or dated figure – check Lovdata:',
  'buyers.sources': 'Sources:',
  'buyers.source.asOf': 'updated {date}',

  'buyers.reason.at_or_above_threshold': 'The value is at or above the threshold.',
  'buyers.reason.below_threshold': 'The value is below the threshold.',
  'buyers.reason.not_public_buyer': 'Applies to public buyers.',
  'buyers.reason.public_buyer': 'Applies to every public buyer, whatever the value.',
  'buyers.reason.goods_not_covered': 'Goods contracts are not covered.',
  'buyers.reason.sector_covered': 'Applies to this sector, whatever the value and the buyer.',
  'buyers.reason.sector_not_covered': 'Does not apply to this sector.',
  'buyers.reason.any_buyer': 'Applies to every buyer.',

  'buyers.rule.pay-conditions.title': 'Pay and working conditions in public contracts',
  'buyers.rule.pay-conditions.summary':
    'Employees of the supplier and subcontractors who carry out the contract must not have worse pay and conditions than the general-application regulation or the nationwide collective agreement for the trade. The notice must say the contract has such terms. The contract must require documentation on request and set sanctions, and you must carry out the necessary checks. Covers service and building/construction contracts, not goods.',
  'buyers.rule.pay-conditions.note':
    'DFØ gives NOK 1.3 million for state bodies and 2.05 million for other buyers. Another DFØ page gives 2.2 million for others, and an older text on Lovdata 1.1 and 1.75 million. The Ministry of Trade and Industry adjusts the thresholds every other year.',
  'buyers.rule.serious-2024.title': 'Pension, HMS cards and pay through a bank (from 1 January 2024)',
  'buyers.rule.serious-2024.summary':
    'For building/construction and cleaning the contract must also require lawful forms of employment, mandatory occupational pension (OTP), HMS cards and pay through a bank. For building/construction also information duty and language skills. You must check that the terms on pay, OTP and HMS cards are met.',
  'buyers.rule.serious-2024.note':
    'These terms apply above the same thresholds as the pay-and-conditions regulation, and those figures are uncertain.',
  'buyers.rule.chain-limit.title': 'At most two tiers of subcontractors',
  'buyers.rule.chain-limit.summary':
    'In building/construction and cleaning the main rule is at most two tiers of subcontractors in a vertical chain under the main supplier. It does not cover suppliers of goods or subcontractors side by side (anskaffelsesforskriften §§ 8-13 and 19-3).',
  'buyers.rule.chain-limit.note': 'DFØ gives the thresholds NOK 1.3 million (state) and 2.05 million (others).',
  'buyers.rule.procurement-act-5.title': 'Public Procurement Act § 5: human rights',
  'buyers.rule.procurement-act-5.summary':
    'Public buyers must have suitable routines to promote respect for fundamental human rights in procurements where there is a risk of breaches. DFØ advises using its high-risk list to find out which purchases are high-risk.',
  'buyers.rule.general-application.title': 'General-application agreements, duty to check and right of access',
  'buyers.rule.general-application.summary':
    'In trades with a general-application agreement, minimum pay applies whatever the contract value, and clients – private and public – have a duty to check (påseplikt). Generally applied as of November 2022: construction sites, ship and yard industry, agriculture and horticulture, cleaning, fish processing, electrical, goods transport by road, tourist buses, and hotels, restaurants and catering.',
  'buyers.rule.general-application.note':
    'The list of trades is from Fafo Østforum, status November 2022. Check the decisions in force.',
  'buyers.rule.cleaning-register.title': 'The cleaning register (renholdsregisteret)',
  'buyers.rule.cleaning-register.summary':
    'It is forbidden to buy cleaning services from a firm that Arbeidstilsynet has not approved. All employees of approved firms must carry an HMS card at work. The register is public.',
  'buyers.rule.hms-card.title': 'HMS cards',
  'buyers.rule.hms-card.summary':
    'Everyone working on a building or construction site must have an HMS card, Norwegian or foreign. The card shows who you are and who you work for. Employees of approved cleaning firms must also carry one.',
  'buyers.rule.transparency-right.title': 'Transparency Act: the right to information',
  'buyers.rule.transparency-right.summary':
    'Anyone may ask larger enterprises in writing how they deal with risks to human rights and decent work, also about a specific product or service. Larger enterprises must publish an account by 30 June each year.',
  'buyers.rule.transparency-right.note':
    'The answer deadline of “three weeks” comes only from a law firm’s summary; the text of § 7 was not read.',

  'buyers.plan.title': 'Due-diligence plan for the purchase',
  'buyers.plan.lead': 'Three stages: before the tender, choosing the supplier, and during the contract.',
  'buyers.plan.stage.before': '1. Before the tender',
  'buyers.plan.stage.choosing': '2. Choosing the supplier',
  'buyers.plan.stage.during': '3. During the contract',
  'buyers.plan.required': 'Required',
  'buyers.plan.recommended': 'Recommended',
  'buyers.plan.why': 'Why',
  'buyers.plan.how': 'How',
  'buyers.plan.print': 'Print the plan',
  'buyers.plan.csv': 'Download the plan (CSV)',
  'buyers.plan.warningSigns': 'Warning signs from the checklist “{title}”:',
  'buyers.plan.warningSigns.link': 'See the whole checklist',
  'buyers.plan.orgValid': 'The organisation number {number} has a valid check digit. Look it up in Enhetsregisteret.',

  'buyers.plan.risk-assessment.title': 'Assess the contract’s risk',
  'buyers.plan.risk-assessment.why':
    'As a minimum the buyer should do a risk assessment of every contract the pay-and-conditions regulation covers. The amount of checking can be matched to the trade and region.',
  'buyers.plan.risk-assessment.how':
    'Write down where in the delivery pay and conditions are at risk: which jobs, how many tiers, hired-in staff, and whether the work happens out of sight.',
  'buyers.plan.high-risk-list.title': 'Check DFØ’s high-risk list',
  'buyers.plan.high-risk-list.why':
    'The list covers product categories with extensive documentation of systematic breaches of human and labour rights in the supply chain.',
  'buyers.plan.high-risk-list.how':
    'See whether the product is on the list. If it is, require that it is made with respect for fundamental human rights, the ILO core conventions and the producing country’s labour law. Labels such as Fairtrade, FSC, Rainforest Alliance, TCO Certified or UTZ can serve as documentation.',
  'buyers.plan.clause-pay.title': 'Contract clause: pay and conditions by the collective agreement',
  'buyers.plan.clause-pay.why':
    'The regulation requires employees who directly help carry out the contract, at the supplier and subcontractors, to get pay and conditions in line with the general-application regulation or the nationwide agreement.',
  'buyers.plan.clause-pay.how':
    'State in the notice that the contract will have such terms. Cover working time, pay including overtime, shift and inconvenience supplements, and travel, board and lodging where the agreement has these.',
  'buyers.plan.clause-documentation.title': 'Contract clause: documentation on request',
  'buyers.plan.clause-documentation.why':
    'The supplier and subcontractors must document compliance when the buyer asks.',
  'buyers.plan.clause-documentation.how':
    'Require employment contracts, time sheets, pay slips and bank records of pay to be handed over within a set deadline.',
  'buyers.plan.clause-2024.title': 'Contract clause: form of employment, pension, HMS cards and pay through a bank',
  'buyers.plan.clause-2024.why':
    'Since 1 January 2024 contracts in building/construction and cleaning must require lawful forms of employment, OTP, HMS cards and pay through a bank.',
  'buyers.plan.clause-2024.how':
    'Put the terms in the contract. For building/construction also include information duty and language skills.',
  'buyers.plan.clause-chain.title': 'Contract clause: at most two tiers of subcontractors',
  'buyers.plan.clause-chain.why':
    'Long chains hide who actually does the work. The main rule in building/construction and cleaning is at most two tiers.',
  'buyers.plan.clause-chain.how':
    'Limit the number of tiers in the contract, and require you to approve new subcontractors before they start.',
  'buyers.plan.clause-audit.title': 'Contract clause: the right to audit',
  'buyers.plan.clause-audit.why':
    'The buyer must carry out the necessary checks. The joint clauses of KS, DFØ, BNL and Fellesforbundet for building/construction come with a follow-up checklist.',
  'buyers.plan.clause-audit.how':
    'Reserve the right to unannounced visits, to see HMS cards and crew lists, and to get documentation from every tier.',
  'buyers.plan.clause-sanctions.title': 'Contract clause: sanctions',
  'buyers.plan.clause-sanctions.why':
    'The contract must reserve the right to sanction breaches, and the sanction must be suited to influence the supplier.',
  'buyers.plan.clause-sanctions.how':
    'Describe the ladder: correction of minor breaches, a binding action plan for larger ones, daily fines or withholding part of the contract sum, and termination for serious or repeated breaches.',
  'buyers.plan.org-number.title': 'Check the organisation number',
  'buyers.plan.org-number.why': 'A serious firm can give its organisation number.',
  'buyers.plan.org-number.how':
    'Ask for the organisation number, check that it has nine digits and a valid check digit, and look it up in Enhetsregisteret.',
  'buyers.plan.cleaning-register.title': 'Check the cleaning register',
  'buyers.plan.cleaning-register.why':
    'Buying cleaning from unapproved firms is forbidden. Lawful statuses are “approved”, “application under consideration” and “HMS-card order under consideration”.',
  'buyers.plan.cleaning-register.how':
    'Look up the supplier and its subcontractors in Arbeidstilsynet’s cleaning register before the contract, and again during it.',
  'buyers.plan.tax-certificate.title': 'Ask for a tax certificate',
  'buyers.plan.tax-certificate.why':
    'BNL’s guide to choosing serious suppliers recommends a tax certificate from all subcontractors.',
  'buyers.plan.tax-certificate.how':
    'Require a tax certificate from the supplier and every subcontractor before they start, and pre-approve subcontractors.',
  'buyers.plan.transparency-account.title': 'Read the supplier’s Transparency Act account',
  'buyers.plan.transparency-account.why':
    'Larger enterprises must publish an account of their due diligence by 30 June each year, and anyone may ask them for information.',
  'buyers.plan.transparency-account.how':
    'Use the check below to see whether the supplier is covered. Find the account on its website, and ask in writing about what is missing.',
  'buyers.plan.self-assessment.title': 'Ask the supplier to answer questions',
  'buyers.plan.self-assessment.why':
    'The supplier must be able to document pay and conditions on request, also for subcontractors.',
  'buyers.plan.self-assessment.how':
    'Ask about the workforce, subcontractors and the number of tiers, how pay is paid, housing, whether workers paid to get the job, and which documents they have.',
  'buyers.plan.site-visits.title': 'Visit the workplace',
  'buyers.plan.site-visits.why': 'The buyer must carry out the necessary checks during the contract.',
  'buyers.plan.site-visits.how':
    'Make unannounced visits. A finding can be workers missing from the crew list, or workers who cannot answer for themselves. Follow up with the sanction ladder.',
  'buyers.plan.id-cards.title': 'Check HMS cards',
  'buyers.plan.id-cards.why': 'Everyone on building sites and in approved cleaning firms must have an HMS card.',
  'buyers.plan.id-cards.how':
    'Compare the cards with the crew list. A finding is someone without a card, or with a card from another employer than the one on the list.',
  'buyers.plan.pay-records.title': 'Check time sheets and pay slips',
  'buyers.plan.pay-records.why':
    'The supplier must document pay and working time on request; the buyer must check that the terms are met.',
  'buyers.plan.pay-records.how':
    'Ask for time sheets, pay slips and bank records for a sample of employees. A finding is pay below the minimum, long days without overtime pay, or wages in cash.',
  'buyers.plan.subcontractor-list.title': 'Check the list of subcontractors',
  'buyers.plan.subcontractor-list.why': 'The number of tiers is limited, and new subcontractors must be known.',
  'buyers.plan.subcontractor-list.how':
    'Ask for an up-to-date list with every tier. A finding is a subcontractor you have not approved, or more than two tiers.',
  'buyers.plan.warning-signs.title': 'Look for warning signs',
  'buyers.plan.warning-signs.why':
    'The checklist in “Check before you buy” shows signs of exploitation in the sector, each with its source.',
  'buyers.plan.warning-signs.how': 'Take the warning signs along on visits and in talks with the supplier.',
  'buyers.plan.report-suspicion.title': 'Report a suspicion – do not investigate yourself',
  'buyers.plan.report-suspicion.why':
    'Public buyers must not investigate possible crimes themselves; they should contact Arbeidstilsynet, Skatteetaten or the police.',
  'buyers.plan.report-suspicion.how':
    'Write down what you saw and when, and contact the right agency. Call 112 if someone is in danger.',
  'buyers.plan.sanction-ladder.title': 'Use the sanction ladder',
  'buyers.plan.sanction-ladder.why': 'DFØ advises reactions in proportion to the breach.',
  'buyers.plan.sanction-ladder.how':
    'Minor breaches: require correction. Larger breaches: require a binding action plan. Otherwise: daily fines or withholding part of the contract sum. Serious or repeated breaches can justify termination.',

  'buyers.scope.title': 'Is the supplier covered by the Transparency Act?',
  'buyers.scope.lead':
    'An enterprise is “larger” if on the balance-sheet date it exceeds two of three limits: sales revenue NOK 70 million, balance-sheet total NOK 35 million and an average of 50 full-time equivalents.',
  'buyers.scope.revenue': 'Sales revenue (NOK)',
  'buyers.scope.balance': 'Balance-sheet total (NOK)',
  'buyers.scope.employees': 'Average full-time equivalents',
  'buyers.scope.hint': 'From the latest annual accounts, for example 85 mill.',
  'buyers.scope.submit': 'Check',
  'buyers.scope.covered': 'Covered: {count} of 3 limits are exceeded.',
  'buyers.scope.notCovered': 'Probably not covered by the size limits: {count} of 3 limits are exceeded.',
  'buyers.scope.limit.revenue': 'Sales revenue over NOK 70 million',
  'buyers.scope.limit.balance': 'Balance-sheet total over NOK 35 million',
  'buyers.scope.limit.employees': 'More than 50 full-time equivalents on average',
  'buyers.scope.exceeded': 'exceeded',
  'buyers.scope.notExceeded': 'not exceeded',
  'buyers.scope.gives.covered':
    'The supplier must carry out due diligence, publish an account by 30 June each year and answer written requests. Ask for the account, and ask specifically about the goods or services you buy.',
  'buyers.scope.gives.notCovered':
    'The supplier has no duties under the Transparency Act by its size. Set terms in the contract instead, and ask for documentation.',
  'buyers.scope.note':
    'Enterprises under regnskapsloven § 1-5 are covered regardless. A parent company counts the group as one unit. The Act was amended on 1 November 2024, and we have not read what the amendment changed – check Lovdata.',

  'buyers.csv.stage': 'Stage',
  'buyers.csv.item': 'Action',
  'buyers.csv.level': 'Required or recommended',
  'buyers.csv.why': 'Why',
  'buyers.csv.how': 'How',
  'buyers.csv.sources': 'Sources',
  'buyers.csv.filename': 'due-diligence-plan.csv',

  'buyers.error.date': 'Enter a valid date (YYYY-MM-DD).',
  'buyers.error.workers': 'Enter the number of workers as a whole number.',
  'buyers.error.findingType': 'Choose what kind of finding it was.',
  'buyers.error.planNotFound': 'The plan was not found.',
  'buyers.error.checkNotFound': 'The check was not found.',
  'buyers.error.linkInvalid': 'The link is not valid. Ask the buyer for a new one.',
  'buyers.error.linkUsed': 'This link has already been used and the answers sent. It works only once.',
  'buyers.error.linkExpired': 'The link has expired. Ask the buyer for a new one.',
  'buyers.admin.nav': 'Procurement plans',
  'buyers.admin.title': 'Procurement: plans and follow-up',
  'buyers.admin.lead':
    'A due-diligence plan per contract, with checks on set dates, outcomes, findings and the supplier’s self-assessment. Only members of the organisation see the plans.',
  'buyers.admin.new': 'New plan for a contract',
  'buyers.admin.planTitle': 'Contract name',
  'buyers.admin.organisation': 'Organisation',
  'buyers.admin.supplierName': 'Supplier',
  'buyers.admin.create': 'Save the plan',
  'buyers.admin.plans': 'Plans',
  'buyers.admin.noPlans': 'No plans yet.',
  'buyers.admin.overdue': 'Overdue checks',
  'buyers.admin.upcoming': 'Checks in the next 60 days',
  'buyers.admin.noOverdue': 'No overdue checks.',
  'buyers.admin.noUpcoming': 'No checks in the next 60 days.',
  'buyers.admin.col.contract': 'Contract',
  'buyers.admin.col.supplier': 'Supplier',
  'buyers.admin.col.sector': 'Sector',
  'buyers.admin.col.value': 'Value (NOK)',
  'buyers.admin.col.due': 'Date',
  'buyers.admin.col.check': 'Check',
  'buyers.admin.col.outcome': 'Outcome',
  'buyers.admin.col.note': 'Note',
  'buyers.admin.created': 'The plan has been saved.',
  'buyers.admin.back': 'All plans',
  'buyers.admin.checks': 'Follow-up checks',
  'buyers.admin.schedule': 'Schedule a check',
  'buyers.admin.kind': 'Check',
  'buyers.admin.dueOn': 'Date',
  'buyers.admin.scheduleSubmit': 'Add the check',
  'buyers.admin.noChecks': 'No checks scheduled yet.',
  'buyers.admin.record': 'Record the outcome',
  'buyers.admin.outcome': 'Outcome',
  'buyers.admin.findingType': 'Type of finding',
  'buyers.admin.note': 'Evidence and notes',
  'buyers.admin.note.hint': 'What you saw, and which documents you got. Do not write workers’ names.',
  'buyers.admin.recordSubmit': 'Save the outcome',
  'buyers.check.kind.site-visits': 'Visit to the workplace',
  'buyers.check.kind.id-cards': 'HMS card check',
  'buyers.check.kind.pay-records': 'Time sheets and pay slips',
  'buyers.check.kind.subcontractor-list': 'List of subcontractors',
  'buyers.check.kind.other': 'Other check',
  'buyers.outcome.ok': 'In order',
  'buyers.outcome.finding': 'Finding',
  'buyers.outcome.pending': 'Not recorded',
  'buyers.finding.pay': 'Pay below the minimum or the agreement',
  'buyers.finding.hours': 'Working hours or overtime',
  'buyers.finding.hms_card': 'Missing HMS card',
  'buyers.finding.subcontractors': 'Unknown subcontractor or too many tiers',
  'buyers.finding.cash_wages': 'Wages in cash',
  'buyers.finding.housing': 'Housing',
  'buyers.finding.recruitment_fees': 'Workers paid to get the job',
  'buyers.finding.documents': 'Missing documentation',
  'buyers.finding.other': 'Other',
  'buyers.admin.assess': 'The supplier’s self-assessment',
  'buyers.admin.assess.lead':
    'Send the supplier a one-time link. It works for 14 days and can be used once. The supplier needs no account, and only you see the answers.',
  'buyers.admin.assess.create': 'Make a link',
  'buyers.admin.assess.link': 'The link for the supplier. Copy it now – it is shown only this once:',
  'buyers.admin.assess.none': 'No links made yet.',
  'buyers.admin.assess.status.open': 'Waiting for answers (expires {date})',
  'buyers.admin.assess.status.expired': 'Expired without answers',
  'buyers.admin.assess.status.answered': 'Answered {date}',
  'buyers.admin.assess.flags': 'Red flags',
  'buyers.admin.assess.noFlags': 'No red flags in the answers.',
  'buyers.admin.assess.answers': 'The answers',
  'buyers.admin.history': 'History',
  'buyers.history.buyers.plan.create': 'The plan was created',
  'buyers.history.buyers.check.schedule': 'Check scheduled',
  'buyers.history.buyers.check.record': 'Outcome recorded',
  'buyers.history.buyers.assessment.create': 'Self-assessment link made',
  'buyers.supplier.title': 'Supplier self-assessment',
  'buyers.supplier.lead': '{buyer} asks {supplier} to answer a few questions about the contract “{contract}”.',
  'buyers.supplier.privacy':
    'The answers go only to {buyer}. Do not write names or anything else that points to individuals. The link works once.',
  'buyers.supplier.submit': 'Send the answers',
  'buyers.supplier.thanks': 'Thank you. The answers have been sent.',
  'buyers.supplier.invalid': 'The link does not work',
  'buyers.assess.q.workers': 'How many workers will work on the contract, at your firm and at subcontractors?',
  'buyers.assess.q.subcontractorTiers': 'How many tiers of subcontractors will there be below you?',
  'buyers.assess.q.payMethod': 'How are wages paid?',
  'buyers.assess.q.tariffPay':
    'Does everyone get at least the pay of the general-application regulation or the nationwide collective agreement?',
  'buyers.assess.q.pension': 'Do all employees have mandatory occupational pension (OTP)?',
  'buyers.assess.q.hmsCards': 'Do the workers have HMS cards?',
  'buyers.assess.q.housing': 'Where do the workers live while working on the contract?',
  'buyers.assess.q.recruitmentFees': 'Have any workers paid to get the job (fees to a recruiter, travel, placement)?',
  'buyers.assess.q.ownDocuments': 'Do the workers keep their own passports and ID papers?',
  'buyers.assess.q.comment': 'Anything to add? (optional)',
  'buyers.assess.a.subcontractorTiers.0': 'No subcontractors',
  'buyers.assess.a.subcontractorTiers.1': 'One tier',
  'buyers.assess.a.subcontractorTiers.2': 'Two tiers',
  'buyers.assess.a.subcontractorTiers.3+': 'Three or more tiers',
  'buyers.assess.a.payMethod.bank': 'Through a bank',
  'buyers.assess.a.payMethod.cash': 'In cash',
  'buyers.assess.a.payMethod.mixed': 'Partly in cash',
  'buyers.assess.a.tariffPay.yes': 'Yes',
  'buyers.assess.a.tariffPay.no': 'No',
  'buyers.assess.a.tariffPay.unknown': 'Don’t know',
  'buyers.assess.a.pension.yes': 'Yes',
  'buyers.assess.a.pension.no': 'No',
  'buyers.assess.a.pension.unknown': 'Don’t know',
  'buyers.assess.a.hmsCards.all': 'Yes, all',
  'buyers.assess.a.hmsCards.some': 'Some',
  'buyers.assess.a.hmsCards.none': 'None',
  'buyers.assess.a.hmsCards.not_needed': 'Not required for this work',
  'buyers.assess.a.housing.none': 'They arrange their own housing',
  'buyers.assess.a.housing.employer_provided': 'The employer arranges housing',
  'buyers.assess.a.housing.at_workplace': 'At the workplace',
  'buyers.assess.a.recruitmentFees.no': 'No',
  'buyers.assess.a.recruitmentFees.yes': 'Yes',
  'buyers.assess.a.recruitmentFees.unknown': 'Don’t know',
  'buyers.assess.a.ownDocuments.yes': 'Yes',
  'buyers.assess.a.ownDocuments.no': 'No',
  'buyers.assess.a.ownDocuments.unknown': 'Don’t know',
  'buyers.flag.chain-too-long':
    'More than two tiers of subcontractors. The main rule in building/construction and cleaning is at most two.',
  'buyers.flag.cash-wages':
    'Wages wholly or partly in cash. Since 2024 contracts in building/construction and cleaning must require pay through a bank.',
  'buyers.flag.below-tariff':
    'The supplier does not confirm pay by the general-application regulation or the agreement, which the contract must require.',
  'buyers.flag.no-pension': 'The supplier does not confirm mandatory occupational pension for everyone.',
  'buyers.flag.hms-cards-missing':
    'Not everyone has an HMS card. Everyone on building sites and in approved cleaning firms must have one.',
  'buyers.flag.housing-at-workplace':
    'The workers live at the workplace. Abusive working and living conditions are one of the ILO indicators of forced labour.',
  'buyers.flag.recruitment-fees':
    'Workers paid to get the job, or the supplier does not know. Debt bondage is one of the ILO indicators of forced labour.',
  'buyers.flag.documents-held':
    'The workers do not keep their passports and ID, or the supplier does not know. Retention of identity documents is one of the ILO indicators of forced labour.',
  'buyers.summary.title': 'Buyers in figures'
};
