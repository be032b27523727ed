import type { surveys as nb } from '../nb/surveys';

export const surveys: Record<keyof typeof nb, string> = {
  'surveys.error.noRespondents':
    'No respondents in {cell}, but the cell has a population total. Merge categories or choose other margins.',
  'surveys.error.notInMargins': 'The respondents in {cell} have no population total in the margins.',
  'surveys.error.marginTotals':
    'The margins do not add up to the same total: {first} gives {firstTotal}, {other} gives {otherTotal}.',
  'surveys.error.notConverged':
    'Weighting (raking) did not converge after {iterations} sweeps. The last sweep still changed a cell by {lastChange}.',
  'surveys.error.singleRespondentStratum':
    'Wave {stratum} has a single respondent, so its uncertainty cannot be estimated.',
  'surveys.error.trimNeedsEqualBaseWeights':
    'Trimming weights needs equal base weights within each cell, but {cell} has unequal ones.',
  'surveys.error.badInput': 'The data for the calculation are invalid.',
  'surveys.error.questionId':
    'The question id must start with a lower-case letter and contain only lower-case letters, digits and _ (at most 40 characters).',
  'surveys.error.optionCode':
    'The answer code may contain only lower-case letters, digits, - and _ (at most 30 characters).',
  'surveys.error.tooManyOptions': 'A question can have at most 30 answers.',
  'surveys.error.tooManyQuestions': 'A section can have at most 60 questions.',
  'surveys.error.tooManySections': 'A survey can have at most 20 sections.',
  'surveys.error.minAge': 'The age limit must be between 13 and 99.',
  'surveys.error.duplicateQuestion': 'Two questions have the same id.',
  'surveys.error.duplicateDemographic': 'Sex, age group and county can each be asked only once.',
  'surveys.error.needOptions': 'A choice question needs at least two answers.',
  'surveys.error.likertPoints': 'A scale has 5 or 7 points, each with a label.',
  'surveys.error.noOptions': 'This type of question has no answers of its own.',
  'surveys.error.duplicateOption': 'Two answers have the same code.',
  'surveys.error.range': 'The smallest value is larger than the largest.',
  'surveys.error.skipRuleEarlier':
    'A condition for showing the question must refer to a question in an earlier section.',
  'surveys.error.skipRuleAnswer': 'The condition refers to an answer the question does not have.',
  'surveys.error.unknownQuestion': 'This question is not part of the survey.',
  'surveys.error.chooseAtLeastOne': 'Choose at least one answer.',
  'surveys.error.wholeNumber': 'Enter a whole number.',
  'surveys.error.outOfRange': 'The number is outside the allowed range.',
  'surveys.error.oneAnswer': 'Choose only one answer.',
  'surveys.error.notAnOption': 'The answer is not one of the choices.',
  'surveys.error.forbidden': 'Only analysts, editors and administrators can work with surveys.',
  'surveys.error.definition': 'The survey is not valid ({where}).',
  'surveys.error.slugTaken': 'Another survey already uses this address.',
  'surveys.error.notFound': 'Survey not found.',
  'surveys.error.nothingToPublish':
    'There is no draft to publish. Change the questions first, which makes a new draft.',
  'surveys.error.noQuestions': 'The survey has no questions yet.',
  'surveys.error.closesBeforeOpens': 'The closing date is before the opening date.',
  'surveys.error.waveNotFound': 'Wave not found.',
  'surveys.error.publishFirst': 'Publish the survey before you create a wave.',
  'surveys.error.waveHasResponses': 'The wave has responses and cannot be deleted.',
  'surveys.error.linkNotFound': 'The survey link is not valid.',
  'surveys.error.waveClosed': 'The survey is not open for answers now.',
  'surveys.error.quotaFull':
    'Thank you for wanting to take part! We already have enough answers from people in your group, so your answers will not be stored.',
  'surveys.error.answers': 'Some answers are missing or not valid.',
  'surveys.error.tokenNeeded': 'This link needs the personal code from your invitation.',
  'surveys.error.tokenUsed': 'This invitation has already been used to answer.',
  'surveys.error.alreadyAnswered': 'You have already answered this survey from this browser.',
  'surveys.error.date': 'Enter the date as YYYY-MM-DD.',
  'surveys.error.slug': 'The address may contain only lower-case letters, digits and hyphens.',
  'surveys.error.quotaLine': 'A quota line cannot be read. Write, for example: sex=female age_group=16-24 max=100.',
  'surveys.error.sourceCode': 'The source code may contain only letters, digits, full stops, - and _.',
  'surveys.sex.female': 'Female',
  'surveys.sex.male': 'Male',
  'surveys.sex.other': 'Other / prefer not to say',
  'surveys.ageGroup': '{group} years',
  'surveys.form.tooYoung':
    'Thank you for your interest! This survey is for people aged {age} or older, so we will not ask you any questions. Nothing has been stored.',
  'surveys.form.learnLink': 'Read more about human trafficking in Learn',
  'surveys.form.progress': 'Part {n} of {total}',
  'surveys.form.requiredNote': 'Questions marked "required" must be answered. You can skip the others.',
  'surveys.form.required': 'required',
  'surveys.form.send': 'Send my answers',
  'surveys.form.next': 'Next',
  'surveys.form.start': 'Start',
  'surveys.form.choose': 'Choose',
  'surveys.form.range': 'A whole number from {min} to {max}.',
  'surveys.form.storedTitle': 'What we store',
  'surveys.form.stored':
    'We store only your answers and the week you answered. We do not store your IP address, which browser you use or the time of day, and we do not ask for your name. Nothing is stored until you send the last page.',
  'surveys.form.onceCookie':
    'So that nobody answers twice from the same browser, we store a cookie that says only which round of the survey you have answered.',
  'surveys.form.oncePanel': 'The link from your invitation can be used to answer once.',
  'surveys.form.ageQuestion': 'Are you {age} or older?',
  'surveys.form.ageYes': 'Yes, I am {age} or older',
  'surveys.form.ageNo': 'No, I am under {age}',
  'surveys.thanks.title': 'Thank you for your answers!',
  'surveys.thanks.lead':
    'Your answers have been stored. They become part of the statistics on what people in Norway know and think.',
  'surveys.thanks.stored': 'We have stored the answers and the week you answered – not who you are.',
  'surveys.nav': 'Surveys',
  'surveys.home.title': 'Surveys',
  'surveys.home.description':
    'Answer surveys on what people in Norway know and think about human trafficking, and see the results with their uncertainty.',
  'surveys.list.title': 'Surveys',
  'surveys.list.lead':
    'Surveys of knowledge of and attitudes to human trafficking. The results are weighted to the population and shown with margins of error.',
  'surveys.list.empty': 'No published surveys yet',
  'surveys.list.emptyBody': 'When a survey is published, you can answer it and see its results here.',
  'surveys.list.answer': 'Answer the survey',
  'surveys.list.closed': 'Not open for answers now',
  'surveys.list.results': 'See the results',
  'surveys.admin.nav': 'Surveys'
};
