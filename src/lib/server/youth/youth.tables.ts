/** The Youth module's tables (migration 202611300200_youth). */
export interface YouthQuizSetTable {
  id: string;
  position: number;
  /** '13-15' | '16-19' | 'adult' */
  target_age: string;
  /** The whole set as JSON (src/lib/youth/quiz.ts ZQuizSet). */
  definition: string;
  /** 'seed' (from data/quizzes) | 'editor' (changed in the staff area) */
  origin: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** How often a question was answered and answered right, per mode ('self') and ISO week. */
export interface YouthAnswerTallyTable {
  set_id: string;
  question_id: string;
  mode: string;
  iso_week: string;
  answered: number;
  correct: number;
}

/** How often each option was chosen, per mode and ISO week. */
export interface YouthOptionTallyTable {
  set_id: string;
  question_id: string;
  option_id: string;
  mode: string;
  iso_week: string;
  count: number;
}

export interface YouthTables {
  youth_quiz_set: YouthQuizSetTable;
  youth_answer_tally: YouthAnswerTallyTable;
  youth_option_tally: YouthOptionTallyTable;
}
