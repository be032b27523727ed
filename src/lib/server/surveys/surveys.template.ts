/**
 * The template survey "Holdninger og kunnskap om menneskehandel i Norge", seeded as a draft an analyst
 * publishes. The questions are written here; their model is the Scottish public awareness survey
 * (Kantar TNS for the Scottish Government, 2017–2020; see the shared research notes, surveys.md §4),
 * whose exact wording is not published — only the topics and one scale label ("to a great extent").
 */
import type { TQuestion, TSurveyDefinition } from '../../surveys/definition';

export const TEMPLATE_SLUG = 'holdninger-menneskehandel';

const extent = [
  { code: 'great', label_nb: 'I stor grad', label_en: 'To a great extent' },
  { code: 'some', label_nb: 'I noen grad', label_en: 'To some extent' },
  { code: 'little', label_nb: 'I liten grad', label_en: 'To a small extent' },
  { code: 'none', label_nb: 'Ikke i det hele tatt', label_en: 'Not at all' },
  { code: 'dont_know', label_nb: 'Vet ikke', label_en: "Don't know" }
];

const agree = [
  { code: '1', label_nb: 'Helt uenig', label_en: 'Strongly disagree' },
  { code: '2', label_nb: 'Litt uenig', label_en: 'Somewhat disagree' },
  { code: '3', label_nb: 'Verken enig eller uenig', label_en: 'Neither agree nor disagree' },
  { code: '4', label_nb: 'Litt enig', label_en: 'Somewhat agree' },
  { code: '5', label_nb: 'Helt enig', label_en: 'Strongly agree' }
];

const q = (x: Partial<TQuestion> & Pick<TQuestion, 'id' | 'type' | 'text_nb' | 'text_en'>): TQuestion => ({
  required: false,
  help_nb: '',
  help_en: '',
  options: [],
  ...x
});

const problem = (id: string, nb: string, en: string) =>
  q({
    id,
    type: 'single',
    required: true,
    text_nb: `I hvilken grad tror du menneskehandel er et problem ${nb}?`,
    text_en: `To what extent do you think human trafficking is a problem ${en}?`,
    options: extent
  });

export const templateDefinition: TSurveyDefinition = {
  title_nb: 'Holdninger og kunnskap om menneskehandel i Norge',
  title_en: 'Attitudes to and knowledge of human trafficking in Norway',
  intro_nb:
    'Vi vil vite hva folk i Norge vet og mener om menneskehandel. Det tar omtrent fem minutter. Du kan hoppe over spørsmål som ikke er merket som obligatoriske.',
  intro_en:
    'We want to know what people in Norway know and think about human trafficking. It takes about five minutes. You can skip questions that are not marked as required.',
  min_age: 16,
  model_note_nb:
    'Spørsmålene er skrevet for Forebygg etter mønster av den skotske befolkningsundersøkelsen om menneskehandel (Scottish Opinion Survey, Kantar TNS for den skotske regjeringen, årlig fra 2017). Den skotske ordlyden er ikke publisert, så tallene kan ikke sammenlignes direkte.',
  model_note_en:
    "The questions were written for Forebygg, modelled on Scotland's public survey on human trafficking (Scottish Opinion Survey, Kantar TNS for the Scottish Government, yearly from 2017). The Scottish wording is not published, so the figures are not directly comparable.",
  sections: [
    {
      title_nb: 'Om deg',
      title_en: 'About you',
      questions: [
        q({ id: 'sex', type: 'sex', required: true, text_nb: 'Kjønn', text_en: 'Sex' }),
        q({ id: 'age_group', type: 'age_group', required: true, text_nb: 'Alder', text_en: 'Age' }),
        q({
          id: 'county',
          type: 'county',
          required: true,
          text_nb: 'Hvilket fylke bor du i?',
          text_en: 'Which county do you live in?'
        })
      ]
    },
    {
      title_nb: 'Hvor stort er problemet?',
      title_en: 'How big is the problem?',
      questions: [
        problem('problem_world', 'i verden', 'in the world'),
        problem('problem_europe', 'i Europa', 'in Europe'),
        problem('problem_norway', 'i Norge', 'in Norway'),
        problem('problem_local', 'der du bor', 'where you live')
      ]
    },
    {
      title_nb: 'Hva du kjenner til',
      title_en: 'What you know',
      questions: [
        q({
          id: 'forms_known',
          type: 'multiple',
          text_nb: 'Hvilke former for menneskehandel har du hørt om?',
          text_en: 'Which forms of human trafficking have you heard of?',
          help_nb: 'Velg alle som passer.',
          help_en: 'Choose all that apply.',
          options: [
            { code: 'sexual', label_nb: 'Seksuell utnytting', label_en: 'Sexual exploitation' },
            { code: 'labour', label_nb: 'Tvangsarbeid', label_en: 'Forced labour' },
            { code: 'criminality', label_nb: 'Tvang til kriminalitet', label_en: 'Forced criminality' },
            { code: 'begging', label_nb: 'Tvangstigging', label_en: 'Forced begging' },
            { code: 'marriage', label_nb: 'Tvangsekteskap', label_en: 'Forced marriage' },
            { code: 'organs', label_nb: 'Fjerning av organer', label_en: 'Removal of organs' }
          ]
        }),
        q({
          id: 'heard_recently',
          type: 'single',
          required: true,
          text_nb: 'Har du sett eller hørt noe om menneskehandel de siste tolv månedene?',
          text_en: 'Have you seen or heard anything about human trafficking in the last twelve months?',
          options: [
            { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
            { code: 'no', label_nb: 'Nei', label_en: 'No' },
            { code: 'dont_know', label_nb: 'Husker ikke', label_en: "Can't remember" }
          ]
        })
      ]
    },
    {
      title_nb: 'Tjenester du kjøper',
      title_en: 'Services you buy',
      questions: [
        q({
          id: 'where_heard',
          type: 'multiple',
          text_nb: 'Hvor så eller hørte du om det?',
          text_en: 'Where did you see or hear about it?',
          help_nb: 'Velg alle som passer.',
          help_en: 'Choose all that apply.',
          show_if: { question: 'heard_recently', answer: 'yes' },
          options: [
            { code: 'news', label_nb: 'Nyheter', label_en: 'The news' },
            { code: 'social', label_nb: 'Sosiale medier', label_en: 'Social media' },
            { code: 'campaign', label_nb: 'En kampanje eller annonse', label_en: 'A campaign or advert' },
            { code: 'work_school', label_nb: 'På jobb eller skole', label_en: 'At work or school' },
            { code: 'people', label_nb: 'Fra noen jeg kjenner', label_en: 'From someone I know' }
          ]
        }),
        q({
          id: 'services_risk',
          type: 'likert',
          text_nb:
            'Hvor enig er du: «Menneskehandel kan forekomme i tjenester jeg selv kjøper, for eksempel bilvask, neglesalong, rengjøring eller oppussing.»',
          text_en:
            'How much do you agree: "Human trafficking can happen in services I buy myself, for example car washes, nail salons, cleaning or renovation."',
          options: agree
        }),
        q({
          id: 'pay_more',
          type: 'likert',
          text_nb:
            'Hvor enig er du: «Jeg er villig til å betale mer for en tjeneste når jeg vet at de som gjør jobben, har ordnede arbeidsforhold.»',
          text_en:
            'How much do you agree: "I am willing to pay more for a service when I know the people doing the work have proper working conditions."',
          options: agree
        }),
        q({
          id: 'chose_differently',
          type: 'single',
          text_nb:
            'Har du noen gang valgt en annen leverandør fordi du var usikker på arbeidsforholdene hos den første?',
          text_en:
            'Have you ever chosen another provider because you were unsure about working conditions at the first?',
          options: [
            { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
            { code: 'no', label_nb: 'Nei', label_en: 'No' },
            { code: 'dont_know', label_nb: 'Vet ikke', label_en: "Don't know" }
          ]
        })
      ]
    },
    {
      title_nb: 'Hvis du fikk mistanke',
      title_en: 'If you had a suspicion',
      questions: [
        q({
          id: 'would_do',
          type: 'multiple',
          text_nb: 'Hva ville du gjort hvis du mistenkte at noen var utsatt for menneskehandel?',
          text_en: 'What would you do if you suspected someone was a victim of human trafficking?',
          help_nb: 'Velg alle som passer.',
          help_en: 'Choose all that apply.',
          options: [
            { code: 'police', label_nb: 'Melde fra til politiet', label_en: 'Report it to the police' },
            { code: 'friends', label_nb: 'Fortelle det til venner eller familie', label_en: 'Tell friends or family' },
            { code: 'find_out', label_nb: 'Finne ut mer', label_en: 'Find out more' },
            { code: 'stop_using', label_nb: 'Slutte å bruke tjenesten', label_en: 'Stop using the service' },
            { code: 'nothing', label_nb: 'Ingenting', label_en: 'Nothing' }
          ]
        }),
        q({
          id: 'tell_whom',
          type: 'single',
          text_nb: 'Hvem ville du helst sagt fra til først?',
          text_en: 'Whom would you most like to tell first?',
          options: [
            { code: 'police', label_nb: 'Politiet', label_en: 'The police' },
            { code: 'organisation', label_nb: 'En hjelpeorganisasjon', label_en: 'A support organisation' },
            {
              code: 'employer_union',
              label_nb: 'Arbeidsgiver eller fagforening',
              label_en: 'An employer or trade union'
            },
            {
              code: 'authority',
              label_nb: 'Kommunen eller et tilsyn',
              label_en: 'The municipality or an inspectorate'
            },
            { code: 'nobody', label_nb: 'Ingen', label_en: 'Nobody' },
            { code: 'dont_know', label_nb: 'Vet ikke', label_en: "Don't know" }
          ]
        }),
        q({
          id: 'know_where',
          type: 'single',
          required: true,
          text_nb: 'Vet du hvor du kan melde fra om mistanke om menneskehandel?',
          text_en: 'Do you know where to report a suspicion of human trafficking?',
          options: [
            { code: 'yes', label_nb: 'Ja', label_en: 'Yes' },
            { code: 'unsure', label_nb: 'Usikker', label_en: 'Unsure' },
            { code: 'no', label_nb: 'Nei', label_en: 'No' }
          ]
        })
      ]
    }
  ]
};
