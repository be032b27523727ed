/**
 * The timeline's geometry: one row per plan (its period as a bar), each measure's deadline as a marker on
 * its plan's row, and today as a vertical line. Pure; the page draws it as SVG and gives a table beside it.
 */
export interface TTimelineInput {
  plans: { slug: string; title: string; periodFrom: number; periodTo: number | null }[];
  measures: { id: string; plan: string; number: string; title: string; deadline: string | null; status: string }[];
  today: string;
}

export interface TTimeline {
  width: number;
  height: number;
  years: { year: number; x: number }[];
  todayX: number;
  rows: {
    slug: string;
    title: string;
    y: number;
    x: number;
    w: number;
    /** True when the plan states no end year: the bar runs to today and is drawn open. */
    open: boolean;
    markers: { id: string; x: number; label: string; overdue: boolean }[];
  }[];
}

const LEFT = 16;
const RIGHT = 16;
const TOP = 28;
const ROW = 40;

function yearFraction(iso: string): number {
  const d = new Date(`${iso}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return y + (d.getTime() - start) / (Date.UTC(y + 1, 0, 1) - start);
}

export function timelineLayout(input: TTimelineInput, width = 720): TTimeline {
  const todayY = yearFraction(input.today);
  const deadlines = input.measures.filter((m) => m.deadline).map((m) => yearFraction(m.deadline as string));
  const from = Math.min(...input.plans.map((p) => p.periodFrom), Math.floor(todayY));
  const to = Math.max(...input.plans.map((p) => (p.periodTo ?? 0) + 1), Math.ceil(todayY), ...deadlines.map(Math.ceil));
  const span = Math.max(1, to - from);
  const x = (year: number) => LEFT + ((year - from) / span) * (width - LEFT - RIGHT);
  const years = [];
  for (let y = from; y <= to; y++) years.push({ year: y, x: x(y) });
  const rows = input.plans.map((p, i) => {
    const open = p.periodTo === null;
    const end = open ? Math.max(todayY, p.periodFrom + 1) : p.periodTo! + 1;
    return {
      slug: p.slug,
      title: p.title,
      y: TOP + i * ROW,
      x: x(p.periodFrom),
      w: x(end) - x(p.periodFrom),
      open,
      markers: input.measures
        .filter((m) => m.plan === p.slug && m.deadline)
        .map((m) => ({
          id: m.id,
          x: x(yearFraction(m.deadline as string)),
          label: `${m.number ? `${m.number}. ` : ''}${m.title}: ${m.deadline}`,
          overdue: (m.deadline as string) < input.today && m.status !== 'done' && m.status !== 'discontinued'
        }))
    };
  });
  return { width, height: TOP + input.plans.length * ROW + 8, years, todayX: x(todayY), rows };
}
