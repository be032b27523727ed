import type { Locale } from '../../i18n';
import { isMultiple } from '../../youth/core';
import type { pupilView, teacherView } from './classroom.service';

type TTeacher = Awaited<ReturnType<typeof teacherView>>;
type TPupil = NonNullable<Awaited<ReturnType<typeof pupilView>>>;

/** The teacher's (projector's) view in one language: plain data, sent by the page load and the event stream. */
export function teacherViewData(v: TTeacher, locale: Locale) {
  const q = v.question?.question;
  const reveal = v.state.phase === 'reveal';
  return {
    code: v.code,
    revision: v.revision,
    phase: v.state.phase,
    run: v.state.run,
    number: v.state.index + 1,
    total: v.set?.questions.length ?? 0,
    title: v.set?.title[locale] ?? '',
    pupils: v.pupils,
    question: q
      ? {
          text: q.text[locale],
          answered: v.question!.answered,
          options: q.options.map((o) => ({
            id: o.id,
            text: o.text[locale],
            count: v.question!.distribution.find((d) => d.id === o.id)?.count ?? 0,
            correct: reveal ? q.correct.includes(o.id) : null
          })),
          explanation: reveal ? q.explanation[locale] : null,
          sources: reveal ? q.sources.flatMap((id) => v.set!.sources.filter((s) => s.id === id)) : []
        }
      : null,
    results: v.results.map((r, i) => ({
      id: r.question.id,
      number: i + 1,
      text: r.question.text[locale],
      before: r.before,
      after: r.after,
      changePoints: r.changePoints
    }))
  };
}
export type TTeacherViewData = ReturnType<typeof teacherViewData>;

/** A pupil's view in one language; the right answer and explanation only once the teacher shows them. */
export function pupilViewData(v: TPupil, locale: Locale) {
  const q = v.question;
  const reveal = v.state.phase === 'reveal';
  return {
    revision: v.revision,
    title: v.set.title[locale],
    nickname: v.nickname,
    phase: v.state.phase,
    run: v.state.run,
    number: v.state.index + 1,
    total: v.set.questions.length,
    question: q
      ? {
          id: q.id,
          text: q.text[locale],
          multiple: isMultiple(q),
          options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })),
          rightAnswer: reveal
            ? q.options
                .filter((o) => q.correct.includes(o.id))
                .map((o) => o.text[locale])
                .join('; ')
            : null,
          explanation: reveal ? q.explanation[locale] : null,
          sources: reveal ? q.sources.flatMap((id) => v.set.sources.filter((s) => s.id === id)) : []
        }
      : null,
    answer: v.answer
      ? {
          text: q!.options
            .filter((o) => v.answer!.options.includes(o.id))
            .map((o) => o.text[locale])
            .join('; '),
          correct: reveal ? v.answer.correct : null
        }
      : null
  };
}
export type TPupilViewData = ReturnType<typeof pupilViewData>;
