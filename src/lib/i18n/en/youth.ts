import type { youth as nb } from '../nb/youth';

/** Youth, in English. */
export const youth: Record<keyof typeof nb, string> = {
  'youth.nav': 'Youth',
  'youth.home.title': 'Youth and schools',
  'youth.home.description':
    'Quizzes with explanations and sources, and a plan for one school lesson on human trafficking.',

  'youth.title': 'Youth and schools',
  'youth.lead':
    'What do you know about human trafficking? Take a quiz on your own or with your class. After each answer you get an explanation with its source.',
  'youth.sets.title': 'Quizzes',
  'youth.set.questions': '{count} questions',
  'youth.set.age': 'For: {age}',
  'youth.set.start': 'Start the quiz "{title}"',
  'youth.age.13-15': 'ages 13–15',
  'youth.age.16-19': 'ages 16–19',
  'youth.age.adult': 'adults',
  'youth.stored.title': 'What we store',
  'youth.stored.body':
    'We only count how many answer each question, how many answer it right and how often each option is chosen, per week. We do not store who you are, your IP address or your answers together.',
  'youth.teachers.title': 'For teachers',
  'youth.teachers.body':
    'The lesson plan shows how to use a quiz in a 45-minute lesson, with the questions both before and after the discussion.',
  'youth.teachers.link': 'Plan for one lesson',
  'youth.learn.title': 'Read more',
  'youth.learn.what': 'What is human trafficking?',
  'youth.learn.sectors': 'Sectors at risk in Norway',
  'youth.learn.do': 'What can you do?',

  'youth.quiz.progress': 'Question {n} of {total}',
  'youth.quiz.chooseOne': 'Choose one answer.',
  'youth.quiz.chooseMany': 'Choose all that apply.',
  'youth.quiz.answer': 'Answer',
  'youth.quiz.right': 'Right!',
  'youth.quiz.wrong': 'Not quite right.',
  'youth.quiz.yourAnswer': 'You answered: {answer}',
  'youth.quiz.correctAnswer': 'Right answer: {answer}',
  'youth.quiz.explanation': 'Explanation',
  'youth.quiz.sourcesTitle': 'Sources',
  'youth.quiz.next': 'Next question',
  'youth.quiz.finish': 'See the result',
  'youth.quiz.stored':
    'We count your answer anonymously (question, option chosen and week). We do not know who you are.',
  'youth.summary.title': 'Result',
  'youth.summary.score': 'You got {right} of {total} right.',
  'youth.summary.listTitle': 'Your answers',
  'youth.summary.right': 'Right',
  'youth.summary.wrong': 'Wrong',
  'youth.summary.again': 'Take the quiz again',
  'youth.summary.others': 'See all quizzes',
  'youth.error.unknownSet': 'We cannot find a quiz with this name.',
  'youth.error.answerRequired': 'Choose an answer before you go on.',
  'youth.error.finished': 'You have answered every question. Start the quiz again to answer again.',
  'youth.error.notJson': 'The text is not valid JSON.',
  'youth.error.invalidSet': 'The quiz is not valid: {path}: {problem}',
  'youth.error.invalidSetField': 'Correct the error named above and save again.',
  'youth.error.idChanged': "The quiz's id cannot be changed.",
  'youth.notFound.title': 'Quiz not found',
  'youth.notFound.back': 'See all quizzes',

  'youth.lesson.title': 'Lesson plan: one school lesson on human trafficking',
  'youth.lesson.lead':
    '45 minutes for lower or upper secondary school, built around one of the quizzes. All you need is a projector; pupils need no account.',
  'youth.lesson.print': "Print this page with your browser's print function.",
  'youth.lesson.goals.title': 'Goals of the lesson',
  'youth.lesson.goals.1': 'Pupils can explain in their own words what human trafficking is.',
  'youth.lesson.goals.2': 'Pupils know some signs of exploitation in sectors they buy from themselves.',
  'youth.lesson.goals.3': 'Pupils know what they can do if they are worried about someone.',
  'youth.lesson.prepare.title': 'Preparation (10 minutes before the lesson)',
  'youth.lesson.prepare.body':
    'Choose a quiz that suits the class, and take it once yourself so you know the explanations and sources. Read the learning pages the quiz builds on.',
  'youth.lesson.steps.title': 'The lesson, step by step',
  'youth.lesson.step.minutes': '{minutes} min',
  'youth.lesson.step.1.title': 'Before: the quiz without explanations',
  'youth.lesson.step.1.body':
    'Show the quiz on the projector. Read each question aloud and let pupils answer by show of hands or on their own phones. Note how many answer right, but wait before discussing the answers.',
  'youth.lesson.step.2.title': 'Discussion: what is human trafficking?',
  'youth.lesson.step.2.body':
    'Go through the explanations of the questions the pupils disagreed on most. Ask: where in our daily life might we meet work that could be exploitation?',
  'youth.lesson.step.3.title': 'Group work: what can we do?',
  'youth.lesson.step.3.body':
    'In groups of three or four: choose one sector from the quiz, and write down three signs a customer can see and three things a customer can do. Groups present briefly.',
  'youth.lesson.step.4.title': 'After: the same quiz again',
  'youth.lesson.step.4.body':
    'Take the same quiz again, now with the explanations. Compare how many answered right before and after.',
  'youth.lesson.step.5.title': 'Closing',
  'youth.lesson.step.5.body':
    'Sum up: one sign is not proof, but you can tell someone who can check. Say where help is.',
  'youth.lesson.care.title': 'Look after the pupils',
  'youth.lesson.care.body':
    'Some pupils may recognise themselves in what you talk about. Give room to talk with you after the lesson, and say clearly: if someone is in danger now, call 112.',
  'youth.lesson.quizzes.title': 'The quizzes',
  'youth.lesson.sources.title': 'Sources',

  'youth.admin.nav': 'Quizzes',
  'youth.admin.title': 'Quizzes',
  'youth.admin.lead':
    'The quizzes pupils and teachers see under Youth. Every question has 2–5 options, the correct answers and an explanation with a source in bokmål and English.',
  'youth.admin.col.title': 'Title',
  'youth.admin.col.age': 'Audience',
  'youth.admin.col.questions': 'Questions',
  'youth.admin.col.state': 'State',
  'youth.admin.col.updated': 'Last changed',
  'youth.admin.published': 'Published',
  'youth.admin.unpublished': 'Not published',
  'youth.admin.edit': 'Edit "{title}"',
  'youth.admin.edit.title': 'Edit the quiz "{title}"',
  'youth.admin.edit.lead':
    'The whole quiz as JSON: title, audience (13-15, 16-19 or adult), questions with options, correct answers (correct), explanation and sources. It is checked the same way as the quizzes shipped with the app.',
  'youth.admin.definition.label': 'The quiz (JSON)',
  'youth.admin.published.label': 'Published (visible to everyone)',
  'youth.admin.save': 'Save the quiz',
  'youth.admin.saved': 'The quiz is saved.',
  'youth.admin.back': 'Back to the quizzes',
  'youth.admin.tallies': 'Answers so far (all weeks, self-paced)',
  'youth.admin.tally.answered': 'Answered',
  'youth.admin.tally.correct': 'Right'
};
