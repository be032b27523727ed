/** ISO-8601 week of a date ("2026-W48"), in UTC: the finest time resolution anonymous aggregates keep. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** True for a well-formed "YYYY-Www" that exists (week 53 only in years that have one). */
export function isIsoWeek(value: string): boolean {
  if (!ISO_WEEK_PATTERN.test(value)) return false;
  const [year, week] = [Number(value.slice(0, 4)), Number(value.slice(6))];
  return week < 53 || isoWeek(new Date(Date.UTC(year, 11, 28))) === `${year}-W53`;
}
