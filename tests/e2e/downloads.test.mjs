// Taking results away: the filtered events as CSV, JSON and a calendar, one event as a calendar,
// the resources as CSV; links to the calendars built with the site. Calendars are parsed by
// Python's `icalendar` (the venv `scripts/dev setup` makes), not by our own code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop, newPage, open, ROOT } from './harness.mjs';

let browser, root;
before(async () => ({ browser, root } = await start()));
after(() => stop(browser, root));

const PYTHON = join(ROOT, '.tools', 'venv', 'bin', 'python');

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.at(-1).push(cell); cell = ''; rows.push([]);
    } else cell += ch;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell);
  return rows.filter((r) => r.length > 1 || r[0]);
}

/** UIDs and summaries of a calendar file, read by Python's icalendar. */
function readCalendar(path) {
  const script = 'import icalendar,json,sys\n'
    + 'cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())\n'
    + 'print(json.dumps([[str(e.get("UID")), str(e.get("SUMMARY")), str(e.get("STATUS") or "")] for e in cal.walk("VEVENT")]))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' }));
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

const shownEvents = (page) => page.locator('.page--events .events-results .event').evaluateAll((els) => els.map((e) => e.dataset.event));

test('the filtered events download as CSV with the rows on screen, and as JSON in the schema', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&kind=session');
  const shown = await shownEvents(page);
  assert.ok(shown.length > 1);
  const csv = await download(page, '[data-download="csv"]');
  assert.match(csv.name, /\.csv$/);
  const text = readFileSync(csv.path, 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 with a BOM, so spreadsheets read accents');
  const [header, ...rows] = parseCsv(text.slice(1));
  const id = header.indexOf('id');
  assert.ok(id >= 0, `an id column in ${header}`);
  assert.deepEqual(rows.map((r) => r[id]).sort(), [...shown].sort());
  assert.ok(rows.every((r) => r.length === header.length));

  const json = await download(page, '[data-download="json"]');
  const data = JSON.parse(readFileSync(json.path, 'utf8'));
  assert.equal(data.schema_version, 1);
  assert.deepEqual(data.events.map((e) => e.id).sort(), [...shown].sort());
  assert.deepEqual(page.problems, []);
});

test('the filtered events and one event download as calendars that icalendar reads', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&when=upcoming');
  const shown = await shownEvents(page);
  const ics = await download(page, '[data-download="ics"]');
  const entries = readCalendar(ics.path);
  assert.equal(entries.length, shown.length);
  for (const id of shown) assert.ok(entries.some(([uid]) => uid.startsWith(`${id}.`)), `${id} in the calendar`);

  await page.locator(`.event[data-event="${shown[0]}"] .event__title a`).click();
  await page.waitForSelector('dialog[open]');
  const one = await download(page, '[data-download="event-ics"]');
  const [entry] = readCalendar(one.path);
  assert.ok(entry[0].startsWith(`${shown[0]}.`));
  // The same event keeps the same UID in every calendar, so subscriptions update, not duplicate.
  assert.equal(entry[0], entries.find(([uid]) => uid.startsWith(`${shown[0]}.`))[0]);
  assert.deepEqual(page.problems, []);
});

test('resources download as CSV; explainers and the events page link to subscribable calendars', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=resources&language=es');
  const shown = await page.locator('.resource').evaluateAll((els) => els.map((e) => e.dataset.resource));
  const csv = await download(page, '[data-download="csv"]');
  const [header, ...rows] = parseCsv(readFileSync(csv.path, 'utf8').slice(1));
  assert.deepEqual(rows.map((r) => r[header.indexOf('id')]).sort(), [...shown].sort());

  await open(page, root.url, '?view=process&id=uncc');
  const sub = page.locator('[data-subscribe="uncc"]');
  assert.match(await sub.getAttribute('href'), /^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/uncc\.ics$/);
  const res = await page.request.get(`${root.url}calendar/uncc.ics`);
  assert.equal(res.status(), 200, 'the built calendar exists');
  await open(page, root.url, '?view=events');
  assert.match(await page.locator('[data-subscribe="upcoming"]').getAttribute('href'), /calendar\/upcoming\.ics$/);
  assert.deepEqual(page.problems, []);
});

test('embeds offer no downloads (their sandbox forbids them)', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&embed=1');
  assert.equal(await page.locator('[data-download]').count(), 0);
  assert.equal(await page.locator('[data-subscribe]').count(), 0);
});
