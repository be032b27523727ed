import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { readE2eEnv } from './helpers';

/** A campaign written straight into the e2e database (the registry's own form is campaigns.spec.ts's). */
export function insertCampaign(name: string, published = false): { id: string; slug: string } {
  const db = new Database(readE2eEnv().dbPath);
  try {
    const now = new Date().toISOString();
    const id = randomUUID();
    const slug = `filer-${id.slice(0, 8)}`;
    db.prepare(
      `insert into campaign (id, slug, name, goal, target_group, sectors, channels, starts_on, ends_on, budget_nok,
        survey_id, question_id, answer_code, sdg_targets, measure_ids, partners, materials, design, baseline_wave_id,
        followup_wave_id, exposure_question_id, exposure_answer_code, source_codes, weighting, published_at,
        created_by, created_at, updated_at)
       values (?, ?, ?, 'Flere skal kjenne igjen tegn på menneskehandel.', 'Reisende', '[]', '["posters"]',
        '2026-09-07', '2026-10-04', null, null, null, null, '[]', '[]', '', '[]', 'before_after', null, null, null,
        null, '[]', 'none', ?, null, ?, ?)`
    ).run(id, slug, name, published ? now : null, now, now);
    return { id, slug };
  } finally {
    db.close();
  }
}

/** A 40×24 PNG (blue and yellow halves) that a browser decodes. */
export const PNG_IMAGE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAYCAIAAAAH5iiXAAAALUlEQVR42mOQ96skG3066Ec2Yhi1eNTiUYtHLR61eNTiUYtHLR61eNTi4WMxANRHcWzb/R37AAAAAElFTkSuQmCC',
  'base64'
);

/** A small PDF (the type is read from `%PDF-`). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1'
);
