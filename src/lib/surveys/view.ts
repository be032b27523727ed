/** Surveys as the pages show them: texts in the page's language, demographic answers spelt out. */
import { translate, type Locale, type MessageKey } from '../i18n';
import { ageGroups, choiceCodes, sexCodes, type TPlaces, type TQuestion, type TSurveyDefinition } from './definition';

export interface TQuestionView {
  id: string;
  type: TQuestion['type'];
  required: boolean;
  text: string;
  help: string;
  /** Radios, checkboxes or a select (county, municipality). */
  control: 'radio' | 'checkbox' | 'select' | 'number' | 'text';
  options: { code: string; label: string }[];
  min: number | null;
  max: number | null;
  shownIf: { question: string; answer: string } | null;
}

export interface TSectionView {
  title: string;
  questions: TQuestionView[];
}

export function optionLabel(q: TQuestion, code: string, places: TPlaces, locale: Locale): string {
  switch (q.type) {
    case 'sex':
      return translate(locale, `surveys.sex.${code}` as MessageKey);
    case 'age_group':
      return translate(locale, 'surveys.ageGroup', { group: code });
    case 'county':
      return places.counties.find((c) => c.number === code)?.name ?? code;
    case 'municipality':
      return places.municipalities.find((c) => c.number === code)?.name ?? code;
    default: {
      const o = q.options.find((x) => x.code === code);
      return o ? (locale === 'en' ? o.label_en : o.label_nb) : code;
    }
  }
}

export function questionView(q: TQuestion, places: TPlaces, locale: Locale): TQuestionView {
  const control: TQuestionView['control'] =
    q.type === 'multiple'
      ? 'checkbox'
      : q.type === 'county' || q.type === 'municipality'
        ? 'select'
        : q.type === 'number'
          ? 'number'
          : q.type === 'text'
            ? 'text'
            : 'radio';
  return {
    id: q.id,
    type: q.type,
    required: q.required,
    text: locale === 'en' ? q.text_en : q.text_nb,
    help: locale === 'en' ? q.help_en : q.help_nb,
    control,
    options: choiceCodes(q, places).map((code) => ({ code, label: optionLabel(q, code, places, locale) })),
    min: q.min ?? null,
    max: q.max ?? null,
    shownIf: q.show_if ?? null
  };
}

export function sectionsView(def: TSurveyDefinition, places: TPlaces, locale: Locale): TSectionView[] {
  return def.sections.map((s) => ({
    title: locale === 'en' ? s.title_en : s.title_nb,
    questions: s.questions.map((q) => questionView(q, places, locale))
  }));
}

export const titleOf = (def: TSurveyDefinition, locale: Locale) => (locale === 'en' ? def.title_en : def.title_nb);

/** Labels of the codes the engine and exports use, for checks in tests. */
export const demographicCodes = { sex: sexCodes, age_group: ageGroups.map((a) => a.code) };
