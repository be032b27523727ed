import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { field, readE2eEnv } from './helpers';
import { createOrganisation, createStaffUser, logIn, type TStaffUser } from './staff.helpers';

/**
 * The staff side of Report a concern in the browser (forward, report settings, recovery keys), shared by
 * report-staff.spec.ts (JavaScript on, with axe) and report-staff.nojs.spec.ts (JavaScript off). Users,
 * organisations and a routing rule are written straight into the e2e database; everything checked goes
 * through the browser. Each run makes its own, so both specs can run at once.
 */
export interface TStaffWorld {
  orgA: { id: string; name: string };
  orgB: { id: string; name: string };
  handlerA: TStaffUser;
  handlerA2: TStaffUser;
  handlerB: TStaffUser;
  admin: TStaffUser;
  /** The kind of concern routed to organisation A, in a municipality of this run's own. */
  kind: string;
  municipality: string;
  tag: string;
}

export async function createStaffWorld(tag: string): Promise<TStaffWorld> {
  const suffix = randomUUID().slice(0, 6);
  const org = (label: string) => createOrganisation(`${label} ${tag} ${suffix}`);
  const orgA = org('Mottak A');
  const orgB = org('Mottak B');
  const home = org('Forvaltning');
  const user = (name: string, organisation: { id: string; name: string }, role: 'case_handler' | 'admin') =>
    createStaffUser(role, {
      organisation,
      email: `${name}-${tag}-${suffix}@example.org`.toLowerCase(),
      password: `a long pass phrase for ${name}`,
      displayName: `${name} ${tag}`
    });
  const world: TStaffWorld = {
    orgA,
    orgB,
    handlerA: await user('Handler-A', orgA, 'case_handler'),
    handlerA2: await user('Handler-A2', orgA, 'case_handler'),
    handlerB: await user('Handler-B', orgB, 'case_handler'),
    admin: await user('Admin', home, 'admin'),
    kind: 'sexual_exploitation',
    // Each spec routes its own municipality, so one run's inbox never holds the other's report.
    municipality: tag === 'js' ? '5001' : '4601',
    tag
  };
  const db = new Database(readE2eEnv().dbPath);
  try {
    db.prepare(
      'insert into report_route_rule (id, kind, scope, area, organisation_id, created_at) values (?, ?, ?, ?, ?, ?)'
    ).run(randomUUID(), world.kind, 'municipality', world.municipality, orgA.id, new Date().toISOString());
  } finally {
    db.close();
  }
  return world;
}

/** A report routed to organisation A, sent through the public API (the form is tested in report*.spec.ts). */
export async function submitReportTo(page: Page, world: TStaffWorld, text: string): Promise<void> {
  const res = await page.request.post('/api/v1/reports', {
    data: {
      kind: world.kind,
      indicators: [],
      text,
      municipality: world.municipality,
      place: '',
      identity: 'anonymous',
      contact: ''
    }
  });
  expect(res.status()).toBe(202);
}

export type TCheck = (page: Page) => Promise<void>;

/**
 * Forward a report from A to B (keeping access), then B reads it; A's report settings (a refused and a
 * saved retention; a recovery key shown once); an administrator re-grants A's key to a colleague with
 * the recovery key (a wrong key refused first). `check` runs axe where JavaScript is on.
 */
export async function staffFlows(pages: Record<'a' | 'a2' | 'b' | 'admin', Page>, world: TStaffWorld, check: TCheck) {
  const { a, a2, b, admin } = pages;
  // First logins set up keys: A's organisation key, B's (so B's inbox is active), A2's own key pair.
  await logIn(a, world.handlerA);
  await logIn(b, world.handlerB);
  await logIn(a2, world.handlerA2);
  const marker = `FORWARD-${randomUUID()}`;
  await submitReportTo(a, world, `Noe jeg så ${marker}`);

  // Forward.
  await a.goto(`/admin/inbox?org=${world.orgA.id}`);
  await check(a);
  // The status filter is a plain GET form; the organisation is kept.
  await field(a, 'Status').selectOption('closed');
  await a.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(a).toHaveURL(new RegExp(`org=${world.orgA.id}&status=closed`));
  await expect(a.getByText('Ingen meldinger.')).toBeVisible();
  await field(a, 'Status').selectOption('new');
  await a.getByRole('button', { name: 'Vis', exact: true }).click();
  await a.getByRole('table').getByRole('link').first().click();
  await expect(a.getByTestId('case-text')).toContainText(marker);
  await check(a);
  await a.getByRole('button', { name: 'Send videre' }).click();
  await expect(a.getByText('Velg en organisasjon fra listen.').first()).toBeVisible();
  await field(a, 'Organisasjon').selectOption({ label: world.orgB.name });
  await a.getByLabel('Ja, vi beholder tilgangen').check();
  await a.getByRole('button', { name: 'Send videre' }).click();
  await expect(a.getByText('Meldingen er sendt videre.')).toBeVisible();
  await expect(a.getByTestId('case-text')).toContainText(marker);
  await b.goto(`/admin/inbox?org=${world.orgB.id}`);
  await b.getByRole('table').getByRole('link').first().click();
  await expect(b.getByTestId('case-text')).toContainText(marker);

  // Report settings: retention.
  await a.goto(`/admin/inbox/settings?org=${world.orgA.id}`);
  await expect(a.getByRole('heading', { level: 1, name: 'Innstillinger for meldinger' })).toBeVisible();
  await check(a);
  const closed = field(a, 'Slett avsluttede meldinger etter så mange dager');
  await closed.fill('3');
  await a.getByRole('button', { name: 'Lagre lagringstid' }).click();
  await expect(a.getByText('Skriv et helt antall dager mellom 7 og 3650.').first()).toBeVisible();
  await expect(field(a, 'Slett avsluttede meldinger etter så mange dager')).toHaveValue('3');
  await check(a);
  await field(a, 'Slett avsluttede meldinger etter så mange dager').fill('120');
  await a.getByRole('button', { name: 'Lagre lagringstid' }).click();
  await expect(a.getByText('Lagringstiden er lagret.')).toBeVisible();
  await a.goto(`/admin/inbox/settings?org=${world.orgA.id}`);
  await expect(field(a, 'Slett avsluttede meldinger etter så mange dager')).toHaveValue('120');

  // Recovery key: shown once.
  await expect(a.getByTestId('recovery-status')).toHaveText('Organisasjonen har ingen gjenopprettingsnøkkel.');
  await a.getByRole('button', { name: 'Lag en ny gjenopprettingsnøkkel' }).click();
  const key = (await a.getByTestId('recovery-key').innerText()).trim();
  expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{52}$/);
  await check(a);
  await a.goto(`/admin/inbox/settings?org=${world.orgA.id}`);
  await expect(a.getByTestId('recovery-key')).toHaveCount(0);
  await expect(a.getByText(key)).toHaveCount(0);
  await expect(a.getByTestId('recovery-status')).not.toHaveText('Organisasjonen har ingen gjenopprettingsnøkkel.');

  // An administrator re-grants A's key to A2 with it.
  await logIn(admin, world.admin);
  await admin.goto('/admin/report-routing/recovery');
  await expect(admin.getByRole('heading', { level: 1, name: 'Bruk en gjenopprettingsnøkkel' })).toBeVisible();
  await check(admin);
  const member = `Handler-A2 ${world.tag} (${world.handlerA2.email}), ${world.orgA.name}`;
  await field(admin, 'Organisasjon').selectOption({ label: world.orgA.name });
  await field(admin, 'Saksbehandler').selectOption({ label: member });
  await field(admin, 'Gjenopprettingsnøkkel').fill('A'.repeat(52));
  await admin.getByRole('button', { name: 'Gi tilgang' }).click();
  await expect(admin.getByText('Gjenopprettingsnøkkelen er feil.').first()).toBeVisible();
  // The key is never sent back to the page, not even after a mistake.
  await expect(field(admin, 'Gjenopprettingsnøkkel')).toHaveValue('');
  await check(admin);
  await field(admin, 'Organisasjon').selectOption({ label: world.orgA.name });
  await field(admin, 'Saksbehandler').selectOption({ label: member });
  await field(admin, 'Gjenopprettingsnøkkel').fill(key.toLowerCase());
  await admin.getByRole('button', { name: 'Gi tilgang' }).click();
  await expect(
    admin.getByText('Saksbehandleren har fått nøkkelen og kan lese meldingene etter neste innlogging.')
  ).toBeVisible();
}
