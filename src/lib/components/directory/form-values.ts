/** An entry as the staff form's text values: lists one per line, checkbox groups as `group:value`. */
export function entryFormValues(e: {
  name: string;
  serviceType: string;
  summaryNb: string;
  summaryEn: string;
  notDoneNb: string;
  notDoneEn: string;
  website: string;
  links: string[];
  sectors: string[];
  exploitation: string[];
  targets: string[];
  languages: string[];
  coverage: string[];
  verification: string;
  verificationNoteNb: string;
  verificationNoteEn: string;
  verifiedAt: string;
  sourceUrl: string;
  sourceNote: string;
  published: string;
}): Record<string, string> {
  const values: Record<string, string> = {
    name: e.name,
    serviceType: e.serviceType,
    summaryNb: e.summaryNb,
    summaryEn: e.summaryEn,
    notDoneNb: e.notDoneNb,
    notDoneEn: e.notDoneEn,
    website: e.website,
    targets: e.targets.join('\n'),
    languages: e.languages.join('\n'),
    coverage: e.coverage.join('\n'),
    verification: e.verification,
    verificationNoteNb: e.verificationNoteNb,
    verificationNoteEn: e.verificationNoteEn,
    verifiedAt: e.verifiedAt,
    sourceUrl: e.sourceUrl,
    sourceNote: e.sourceNote,
    published: e.published
  };
  for (const [group, list] of [
    ['links', e.links],
    ['sectors', e.sectors],
    ['exploitation', e.exploitation]
  ] as const)
    for (const v of list) values[`${group}:${v}`] = 'on';
  return values;
}
