import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readE2eEnv } from './helpers';

/**
 * A quiz set of its own (four questions of a shipped set, unpublished) put straight into the e2e database,
 * so a spec can delete and reorder questions without changing what the other specs answer. With
 * `answered`, the question at that index has one self-paced answer counted, as after a past lesson.
 */
export function createQuizSet(answered?: number): { id: string; questions: string[] } {
  const shipped = JSON.parse(readFileSync('data/quizzes/sectors-around-us.json', 'utf8')) as {
    id: string;
    order: number;
    questions: { id: string; text: { nb: string } }[];
  };
  const id = `e2e-${randomUUID().slice(0, 8)}`;
  const set = { ...shipped, id, order: 900, questions: shipped.questions.slice(0, 4) };
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    db.prepare(
      'insert into youth_quiz_set (id, position, target_age, definition, origin, published_at, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, ?)'
    ).run(id, 900, (shipped as unknown as { targetAge: string }).targetAge, JSON.stringify(set), 'editor', now, now);
    if (answered !== undefined)
      db.prepare(
        'insert into youth_answer_tally (set_id, question_id, mode, iso_week, answered, correct) values (?, ?, ?, ?, 1, 1)'
      ).run(id, set.questions[answered]!.id, 'self', '2026-W48');
  } finally {
    db.close();
  }
  return { id, questions: set.questions.map((q) => q.text.nb) };
}
