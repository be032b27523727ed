import type { ColumnType } from 'kysely';

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
  /** Which of the key's rows (see tally-shard.ts): readers sum over shards; 0 on SQLite. Migration 202612020300. */
  shard: ColumnType<number, number | undefined, never>;
}

/** How often each option was chosen, per mode and ISO week. */
export interface YouthOptionTallyTable {
  set_id: string;
  question_id: string;
  option_id: string;
  mode: string;
  iso_week: string;
  count: number;
  /** Which of the key's rows (see tally-shard.ts): readers sum over shards; 0 on SQLite. Migration 202612020300. */
  shard: ColumnType<number, number | undefined, never>;
}

/** A classroom session: state only; deleted with its pupils and answers 24 h after it starts. */
export interface YouthClassSessionTable {
  id: string;
  code: string;
  teacher_key_hash: string;
  set_id: string;
  municipality: string | null;
  /** 'lobby' | 'question' | 'reveal' | 'between' | 'ended' */
  phase: string;
  /** 'before' | 'after' */
  run: string;
  question_index: number;
  /** Goes up with every change, so pages and streams know when to update. */
  revision: number;
  /** When ended: the class's before/after result per question, as JSON (anonymous counts). */
  summary: string | null;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
  /** The set as published when the class started (JSON; migration 202612030100); null for older sessions. */
  quiz_definition: string | null;
  /** The content studio's version number of that set (null for older sessions or a set not in the studio). */
  quiz_version: number | null;
}

export interface YouthClassPupilTable {
  id: string;
  session_id: string;
  token_hash: string;
  nickname: string | null;
  joined_at: string;
}

export interface YouthClassAnswerTable {
  session_id: string;
  pupil_id: string;
  run: string;
  question_id: string;
  /** The chosen option ids, JSON. */
  options: string;
  /** 'right' | 'wrong' */
  result: string;
}

/** What is kept of a class: answers and right answers per set, question, run, ISO week and municipality. */
export interface YouthClassTallyTable {
  set_id: string;
  question_id: string;
  run: string;
  iso_week: string;
  /** Four-digit municipality number, or '' when the teacher gave none. */
  municipality: string;
  answered: number;
  correct: number;
  /** Which of the key's rows (see tally-shard.ts): readers sum over shards; 0 on SQLite. Migration 202612020300. */
  shard: ColumnType<number, number | undefined, never>;
}

/**
 * Quiz sessions started per ISO week (migration 202612050300): `kind` 'class' (a teacher started a classroom
 * session) or 'self' (a solo quiz's first answer). A count only, nothing about the session or its pupils.
 */
export interface YouthSessionWeekTable {
  kind: string;
  iso_week: string;
  started: number;
  /** Which of the key's rows (see tally-shard.ts): readers sum over shards; 0 on SQLite. */
  shard: ColumnType<number, number | undefined, never>;
}

export interface YouthTables {
  youth_quiz_set: YouthQuizSetTable;
  youth_answer_tally: YouthAnswerTallyTable;
  youth_option_tally: YouthOptionTallyTable;
  youth_class_session: YouthClassSessionTable;
  youth_class_pupil: YouthClassPupilTable;
  youth_class_answer: YouthClassAnswerTable;
  youth_class_tally: YouthClassTallyTable;
  youth_session_week: YouthSessionWeekTable;
}
