import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { readE2eEnv } from './helpers';

/**
 * Puts a published copy of the template survey with an open wave straight into the e2e database, under
 * a slug of its own, so a spec does not depend on another spec's clicks.
 */
export function publishedTemplateCopy(): string {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const template = db
      .prepare(
        "select v.definition from survey s join survey_version v on v.survey_id = s.id where s.slug = 'holdninger-menneskehandel' order by v.version limit 1"
      )
      .get() as { definition: string };
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    const now = new Date().toISOString();
    const [surveyId, versionId, waveId] = [randomUUID(), randomUUID(), randomUUID()];
    db.prepare('insert into survey (id, slug, created_at, updated_at) values (?, ?, ?, ?)').run(
      surveyId,
      slug,
      now,
      now
    );
    db.prepare(
      'insert into survey_version (id, survey_id, version, definition, published_at, created_at) values (?, ?, 1, ?, ?, ?)'
    ).run(versionId, surveyId, template.definition, now, now);
    db.prepare(
      "insert into survey_wave (id, survey_id, version_id, name, opens_on, closes_on, target_n, method, method_note_nb, method_note_en, quotas, created_at) values (?, ?, ?, 'E2E', '2020-01-01', '2099-12-31', null, 'campaign_link', 'Lenke i en test', 'Link in a test', '[]', ?)"
    ).run(waveId, surveyId, versionId, now);
    return slug;
  } finally {
    db.close();
  }
}

/**
 * A published copy of the template with two waves of different methods (a campaign link, then face to face),
 * each with `perWave` responses stored through the survey service (so the counters are the real ones).
 */
export async function publishedTemplateWithAnswers(perWave = 8): Promise<string> {
  const slug = publishedTemplateCopy();
  const { dbPath } = readE2eEnv();
  const sqlite = new Database(dbPath);
  let surveyId: string;
  const waveIds: string[] = [];
  try {
    const first = sqlite
      .prepare(
        'select w.id, w.survey_id, w.version_id from survey_wave w join survey s on s.id = w.survey_id where s.slug = ?'
      )
      .get(slug) as { id: string; survey_id: string; version_id: string };
    surveyId = first.survey_id;
    const second = randomUUID();
    sqlite
      .prepare(
        "insert into survey_wave (id, survey_id, version_id, name, opens_on, closes_on, target_n, method, method_note_nb, method_note_en, quotas, created_at) values (?, ?, ?, 'E2E 2', '2021-01-01', '2099-12-31', null, 'face_to_face', '', '', '[]', ?)"
      )
      .run(second, surveyId, first.version_id, new Date().toISOString());
    waveIds.push(first.id, second);
  } finally {
    sqlite.close();
  }
  const { connect } = await import('../../src/lib/server/db/connect');
  const { submitResponse } = await import('../../src/lib/server/surveys/surveys.service');
  const conn = await connect(`sqlite:${dbPath}`);
  try {
    for (const [w, waveId] of waveIds.entries())
      for (let k = 0; k < perWave; k++)
        await submitResponse(conn.db, {
          surveyId,
          waveId,
          answers: {
            sex: k % 2 ? 'male' : 'female',
            age_group: '25-34',
            county: '46',
            problem_world: k < 6 - w ? 'great' : 'some',
            problem_europe: 'great',
            problem_norway: 'some',
            problem_local: 'little',
            heard_recently: 'yes',
            would_do: ['police'],
            know_where: 'yes'
          }
        });
  } finally {
    await conn.close();
  }
  return slug;
}

/**
 * A published copy of the template whose first wave ("E2E", 8 responses, 6 of them "great" to problem_world)
 * has closed (closing day moved into the past after the answers were stored); the second stays open.
 */
export async function surveyWithClosedWave(): Promise<{ slug: string; surveyId: string }> {
  const slug = await publishedTemplateWithAnswers(8);
  const db = new Database(readE2eEnv().dbPath);
  try {
    const { id } = db.prepare('select id from survey where slug = ?').get(slug) as { id: string };
    db.prepare("update survey_wave set closes_on = '2021-12-31' where survey_id = ? and name = 'E2E'").run(id);
    return { slug, surveyId: id };
  } finally {
    db.close();
  }
}
