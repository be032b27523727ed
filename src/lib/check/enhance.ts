/**
 * The only JavaScript of the check pages (/check, /check/<sector>, /check/ask-a-company and /en/…),
 * which are rendered on the server without the SvelteKit client (`csr = false`): everything works as
 * plain forms, and this script adds
 * - scoring in the page: the checklist form is scored with the same `scoreChecklist` the server uses,
 *   the result is shown from the server-rendered template of every part a result can show, and the
 *   anonymous aggregate is sent to `POST /api/v1/checks` — or queued in localStorage when offline and
 *   sent once when the network returns;
 * - the service worker that keeps the check pages for offline use;
 * - the quick-exit shortcut (Escape twice) of the site shell, and the letter's copy button.
 * Bundled on its own by Vite (see ../../routes/check/+layout.svelte), so it must stay small: no
 * dictionaries and no zod — every text it shows comes from the page.
 */
import type { TLevel } from './checklist';
import { enqueue, flush, send, type TQueuedCheck } from './queue';
import { scoreChecklist, type TScorable } from './score';
import { isValidOrgNumber, normaliseOrgNumber } from '../schemas/org-number';

type TAnswer = 'yes' | 'no' | 'unknown';
const isAnswer = (v: unknown): v is TAnswer => v === 'yes' || v === 'no' || v === 'unknown';

const QUICK_EXIT_URL = 'https://www.yr.no/';
const DOUBLE_ESCAPE_MS = 1000;

function quickExitShortcut() {
  let lastEscape = -Infinity;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    if (event.timeStamp - lastEscape <= DOUBLE_ESCAPE_MS) {
      document.documentElement.classList.add('is-exiting');
      location.replace(QUICK_EXIT_URL);
    } else lastEscape = event.timeStamp;
  });
  window.addEventListener('pageshow', () => document.documentElement.classList.remove('is-exiting'));
  // Now that Escape works, say so in the quick-exit link's description (as the shell does with its client).
  const keyHint = document.getElementById('quick-exit-key-hint');
  document.getElementById('quick-exit-hint')?.append(` ${keyHint?.textContent ?? ''}`);
  keyHint?.remove();
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/service-worker.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}

/** Checks counted while offline are sent once the network is back (now, or when it returns). */
function sendQueuedChecks() {
  const sendQueued = () => void flush(localStorage, fetch);
  sendQueued();
  window.addEventListener('online', sendQueued);
}

/** Keeps the template's parts a result shows, removes the others. */
function narrow(root: ParentNode, attribute: string, keep: (value: string) => boolean) {
  for (const el of root.querySelectorAll<HTMLElement>(`[${attribute}]`))
    if (!keep(el.getAttribute(attribute) ?? '')) el.remove();
}

/** Marks the unanswered questions the way the server does, when there is no server to ask (offline). */
function showProblems(form: HTMLFormElement, problems: Map<string, string>) {
  const prefix = form.dataset.errorPrefix ?? '';
  for (const old of form.querySelectorAll('[data-client-error]')) old.remove();
  for (const el of form.querySelectorAll('.fieldset--error[data-client-marked]'))
    el.classList.remove('fieldset--error');
  document.getElementById('check-client-errors')?.remove();
  const summary = document.createElement('div');
  summary.id = 'check-client-errors';
  summary.className = 'alert alert--error';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const title = document.createElement('p');
  title.className = 'alert__title';
  title.textContent = form.dataset.summary ?? '';
  const list = document.createElement('ul');
  for (const [name, message] of problems) {
    const group = document.getElementById(`field-${name}`);
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#field-${name}`;
    link.textContent = `${group?.querySelector('legend, label')?.textContent?.trim() ?? name}: ${message}`;
    item.append(link);
    list.append(item);
    if (group) {
      const error = document.createElement('p');
      error.className = 'field__error';
      error.dataset.clientError = '';
      const label = document.createElement('span');
      label.className = 'field__error-label';
      label.textContent = prefix;
      error.append(label, ` ${message}`);
      const anchor = group.querySelector('.field__hint') ?? group.querySelector('legend, label');
      anchor?.after(error);
      if (group.tagName === 'FIELDSET') {
        group.classList.add('fieldset--error');
        group.dataset.clientMarked = '';
      }
    }
  }
  summary.append(title, list);
  form.before(summary);
  summary.focus();
}

function enhanceCheckForm(form: HTMLFormElement, template: HTMLTemplateElement) {
  const scoring = JSON.parse(form.dataset.scoring ?? 'null') as TScorable | null;
  if (!scoring) return;
  form.addEventListener('submit', async (event) => {
    // The municipality search is a form action of its own.
    if (event.submitter?.hasAttribute('formaction')) return;
    const fd = new FormData(form);
    const answers: Record<string, TAnswer> = {};
    const problems = new Map<string, string>();
    for (const q of scoring.questions) {
      const v = fd.get(`q-${q.id}`);
      if (isAnswer(v)) answers[q.id] = v;
      else problems.set(`q-${q.id}`, form.dataset.answerRequired ?? '');
    }
    const org = normaliseOrgNumber(String(fd.get('orgNumber') ?? '').trim());
    if (org && !isValidOrgNumber(org)) problems.set('orgNumber', form.dataset.orgNumberInvalid ?? '');
    if (problems.size) {
      // Online the server brings the form back with the questions marked: one error path.
      if (navigator.onLine) return;
      event.preventDefault();
      showProblems(form, problems);
      return;
    }
    event.preventDefault();
    const scored = scoreChecklist(scoring, answers);
    const municipality = String(fd.get('municipality') ?? '');
    let stored: 'stored' | 'queued' | 'demo' = 'demo';
    if (fd.get('demo') !== 'on') {
      const check: TQueuedCheck = {
        sector: scoring.id,
        version: scoring.version,
        answers,
        ...(municipality ? { municipality } : {})
      };
      if ((await send(fetch, check)) === 'sent') stored = 'stored';
      else {
        enqueue(localStorage, check);
        stored = 'queued';
      }
    }
    showResult(form, template, {
      level: scored.level,
      triggered: scored.triggered.map((i) => i.id),
      unknown: scored.unknownQuestions,
      advice: scored.advice,
      strongRule: scored.strongRule,
      stored,
      municipality,
      orgNumber: org || null
    });
  });
}

interface TClientResult {
  level: TLevel;
  triggered: string[];
  unknown: string[];
  advice: string[];
  strongRule: boolean;
  stored: 'stored' | 'queued' | 'demo';
  municipality: string;
  orgNumber: string | null;
}

function showResult(form: HTMLFormElement, template: HTMLTemplateElement, r: TClientResult) {
  const view = template.content.cloneNode(true) as DocumentFragment;
  narrow(view, 'data-level', (v) => v === r.level);
  narrow(view, 'data-stored', (v) => v === r.stored);
  narrow(view, 'data-indicator', (v) => r.triggered.includes(v));
  narrow(view, 'data-reasons', () => r.triggered.length > 0);
  narrow(view, 'data-strong-rule', () => r.triggered.length > 0 && r.strongRule);
  narrow(view, 'data-no-reasons', () => r.triggered.length === 0);
  narrow(view, 'data-unknown', (v) => r.unknown.includes(v));
  narrow(view, 'data-unknown-section', () => r.unknown.length > 0);
  narrow(view, 'data-advice', (v) => r.advice.includes(v));
  const mark = template.dataset.orgNumberMark ?? '';
  for (const el of view.querySelectorAll<HTMLElement>('[data-org-number]')) {
    if (r.orgNumber) el.textContent = (el.textContent ?? '').replace(mark, r.orgNumber);
    else el.remove();
  }
  // The hand-off to the report form carries this check's findings.
  const handoff = view.querySelector<HTMLFormElement>('form[action*="/report"]');
  if (handoff) {
    handoff.querySelector<HTMLInputElement>('input[name="indicators"]')!.value = r.triggered.join(',');
    handoff.querySelector<HTMLInputElement>('input[name="municipality"]')!.value = r.municipality;
  }
  const page = document.getElementById('check-page');
  if (!page) return;
  page.replaceChildren(view);
  const title = form.dataset.title;
  if (title) document.title = title;
  window.scrollTo(0, 0);
  document.getElementById('result-level')?.focus();
}

/** The letter page: a copy button, shown only when there is a script to make it work. */
function enhanceCopyButtons() {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const target = document.getElementById(button.dataset.copyTarget ?? '') as HTMLTextAreaElement | null;
    const status = document.getElementById(button.dataset.copyStatus ?? '');
    if (!target || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(target.value);
      if (status) status.textContent = status.dataset.message ?? '';
    });
  }
}

quickExitShortcut();
registerServiceWorker();
sendQueuedChecks();
const form = document.getElementById('check-form');
const template = document.getElementById('check-result-template');
if (form instanceof HTMLFormElement && template instanceof HTMLTemplateElement) enhanceCheckForm(form, template);
enhanceCopyButtons();
