// Exploring: combinable filters with counts, chips, search, shareable URLs, the timeline and
// keyboard-only use. Expected results are computed here from the dataset, independently of the
// app's query engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, newPage, open, shot, params, dataset, text, TODAY } from './harness.mjs';

let browser, root;
before(async () => ({ browser, root } = await start()));
after(() => stop(browser, root));

const data = dataset();
const byId = Object.fromEntries(data.processes.map((p) => [p.id, p]));
/** A process and everything under it. */
const subtree = (id) => [id, ...data.processes.filter((p) => p.parent === id).flatMap((p) => subtree(p.id))];
const listed = (page, scope = '.page--events') =>
  page.locator(`${scope} .events-results .event`).evaluateAll((els) => els.map((e) => e.dataset.event));
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function check(page, facet, value) {
  const box = page.locator(`.facet[data-facet="${facet}"] input#f-${facet}-${value}`);
  await box.check();
  await page.waitForFunction(([f, v]) => new URLSearchParams(location.search).get(f)?.split(',').includes(v), [facet === 'tax0' || facet === 'tax1' || facet === 'tax2' ? 'tag' : facet, value]);
}

async function countOf(page, facet, value) {
  return Number(await page.locator(`.facet[data-facet="${facet}"] label[for="f-${facet}-${value}"] .facet__count`).textContent());
}

test('two filters combine with AND, one facet with OR, and chips remove them', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  await check(page, 'process', 'ahc');
  await check(page, 'kind', 'session');
  const expected = data.events.filter((e) => e.processes.some((p) => subtree('ahc').includes(p)) && e.kind === 'session').map((e) => e.id);
  assert.ok(expected.length > 1);
  assert.deepEqual((await listed(page)).sort(), expected.sort());
  assert.equal(await page.locator('.result-count').textContent(), `${expected.length} events`);
  // OR within a facet.
  await check(page, 'process', 'oewg-2021-2025');
  const either = data.events.filter((e) => e.processes.some((p) => [...subtree('ahc'), ...subtree('oewg-2021-2025')].includes(p)) && e.kind === 'session');
  assert.equal((await listed(page)).length, either.length);
  // Chips show each filter and remove it.
  const chips = await page.locator('.chips .chip').allTextContents();
  assert.equal(chips.length, 3);
  await page.locator('.chips .chip', { hasText: 'Kind' }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('kind'));
  const noKind = data.events.filter((e) => e.processes.some((p) => [...subtree('ahc'), ...subtree('oewg-2021-2025')].includes(p)));
  assert.equal((await listed(page)).length, noKind.length);
  await page.locator('.chips__clear').click();
  await page.waitForFunction(() => !location.search.includes('process='));
  assert.equal((await listed(page)).length, data.events.length);
  await shot(page, 'events-filtered-1280');
  assert.deepEqual(page.problems, []);
});

test('a parent process includes its children', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&process=global-mechanism');
  const expected = data.events.filter((e) => e.processes.some((p) => subtree('global-mechanism').includes(p))).map((e) => e.id);
  assert.ok(subtree('global-mechanism').length > 1);
  assert.deepEqual((await listed(page)).sort(), expected.sort());
});

test('the count on an option equals the results after choosing it', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&when=past');
  const options = [['tax0', 'binding'], ['kind', 'resolution'], ['process', 'gge'], ['country', 'AT'], ['year', '2024']];
  for (const [facet, value] of options) {
    const shown = await countOf(page, facet, value);
    await check(page, facet, value);
    assert.equal((await listed(page)).length, shown, `${facet}=${value}`);
    await page.goBack();
    await page.waitForFunction(([f, v]) => !new URLSearchParams(location.search).get(f === 'tax0' ? 'tag' : f)?.includes(v), [facet, value]);
  }
});

test('a shared URL restores the same view, and back undoes a filter', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  await check(page, 'tax0', 'binding');
  await page.locator('#filter-q').fill('session');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'session');
  const ids = await listed(page);
  await page.locator('.page--events .event .event__title a').first().click();
  await page.locator('dialog.event-dialog').waitFor({ state: 'visible' });
  const url = page.url();
  const other = await newPage(browser);
  await other.goto(url);
  await other.locator('dialog.event-dialog').waitFor({ state: 'visible' });
  assert.deepEqual(await listed(other), ids);
  assert.equal(await other.locator('#filter-q').inputValue(), 'session');
  assert.ok(await other.locator('#f-tax0-binding').isChecked());
  assert.equal(params(other).event, params(page).event);
  // Back closes the dialog, then removes the filter (typing replaced the URL, no extra entry).
  await page.goBack();
  await page.locator('dialog.event-dialog').waitFor({ state: 'hidden' });
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('tag='));
  assert.deepEqual(page.problems, []);
});

test('a row kept across a filter change opens its event over the current filters', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  const id = (await listed(page))[0];
  const proc = data.events.find((e) => e.id === id).processes[0];
  const row = page.locator(`.page--events .event[data-event="${id}"]`);
  await row.evaluate((el) => { el.dataset.probe = 'kept'; });
  await check(page, 'process', proc);
  // The same row element, not a rebuilt one, so its link must have followed the filters.
  assert.equal(await row.getAttribute('data-probe'), 'kept');
  assert.match(await row.locator('.event__title a').getAttribute('href'), new RegExp(`process=${proc}`));
  const before = await listed(page);
  await row.locator('.event__title a').click();
  await page.locator('dialog.event-dialog').waitFor({ state: 'visible' });
  assert.equal(params(page).event, id);
  assert.equal(params(page).process, proc, 'opening the event kept the filter');
  assert.deepEqual(await listed(page), before);
  assert.deepEqual(page.problems, []);
});

test('unknown or malformed URL parameters are ignored', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&year=abc,1&process=does-not-exist&when=someday&foo=%E0%A4%A&zoom=galaxy&today=2026-11-26');
  assert.equal((await listed(page)).length, data.events.length - 0 || data.events.length);
  await open(page, root.url, '?view=process&id=%3Cscript%3E');
  assert.equal(await page.locator('main h1').textContent(), 'UN cyber processes');
  assert.deepEqual(page.problems, []);
});

test('search finds an event by a word from its body, diacritics left out, and highlights titles', async () => {
  const page = await newPage(browser);
  // An event whose summary or outcome (not its title) has a word with a diacritic.
  const accented = /[\u00C0-\u024F]/;
  const body = (e) => `${e.summary ? text(e.summary) : ''} ${e.outcome ? text(e.outcome) : ''}`;
  const target = data.events.find((e) => accented.test(body(e)) && !accented.test(text(e.title)));
  const word = body(target).split(/[^\p{L}]+/u).find((w) => accented.test(w));
  const plain = fold(word);
  assert.notEqual(plain, word.toLowerCase(), 'the query really drops a diacritic');
  await open(page, root.url, `?view=events&q=${encodeURIComponent(plain)}`);
  assert.ok((await listed(page)).includes(target.id), `${plain} finds ${target.id}`);
  // Prefix matching as you type, and highlights in titles.
  await page.locator('#filter-q').fill('signi');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'signi');
  const marks = await page.locator('.page--events .event__title mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase().startsWith('signi')), marks.join());
  // Title matches rank first.
  const ids = await listed(page);
  const inTitle = ids.map((id) => fold(text(data.events.find((e) => e.id === id).title)).includes('signi'));
  assert.deepEqual(inTitle, [...inTitle].sort((a, b) => b - a));
});

test('the search page ranks processes, events and resources together', async () => {
  const page = await newPage(browser);
  await open(page, root.url);
  await page.locator('#site-search-input').fill('turkiye');
  await page.locator('#site-search-input').press('Enter');
  await page.waitForSelector('.page--search');
  const res = data.resources.find((r) => r.title.includes('Türkiye'));
  assert.ok(await page.locator(`.resource[data-resource="${res.id}"]`).count());
  assert.equal(await page.locator(`.resource[data-resource="${res.id}"] mark`).textContent(), 'Türkiye');
  await open(page, root.url, '?view=search&q=convention');
  assert.ok(await page.locator('#sr-processes').count());
  assert.ok(await page.locator('#sr-events').count());
});

test('resources filter by kind, language and year, with counts', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=resources');
  assert.equal(await page.locator('.resource').count(), data.resources.length);
  const es = data.resources.filter((r) => r.lang === 'es');
  assert.equal(await countOf(page, 'language', 'es'), es.length);
  await check(page, 'language', 'es');
  const shown = await page.locator('.resource').evaluateAll((els) => els.map((e) => e.dataset.resource));
  assert.deepEqual(shown, es.map((r) => r.id));
  await shot(page, 'resources-1280');
});

test('keyboard only: filters, the timeline, and opening an event', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=timeline');
  // Reach the first filter checkbox with Tab and toggle it with Space.
  await page.locator('#filter-q').focus();
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.type === 'checkbox')) && tabs++ < 10) await page.keyboard.press('Tab');
  const id = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.includes('process='));
  assert.ok(await page.locator(`#${id}`).isChecked());
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !location.search.includes('process='));
  // Into the timeline: arrows move between events, Enter opens one.
  // Focus moves in the frame after a key press (the item may first need scrolling into view).
  const focusedEvent = async (not) => {
    await page.waitForFunction((n) => document.activeElement?.dataset.event && document.activeElement.dataset.event !== n, not);
    return page.evaluate(() => document.activeElement.dataset.event);
  };
  await page.locator('.tl__scroller').focus();
  await page.keyboard.press('ArrowRight');
  const first = await focusedEvent(null);
  assert.equal(first, data.events.filter((e) => (e.end ?? e.start) >= TODAY).sort((a, b) => (a.start < b.start ? -1 : 1))[0].id, 'the first key lands on the next event');
  await page.keyboard.press('ArrowRight');
  const second = await focusedEvent(first);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedEvent(second), first);
  await page.keyboard.press('Enter');
  await page.locator('dialog.event-dialog').waitFor({ state: 'visible' });
  assert.equal(params(page).event, first);
  await page.keyboard.press('Escape');
  await page.locator('dialog.event-dialog').waitFor({ state: 'hidden' });
  // Zoom from the keyboard.
  await page.locator('.tl__scroller').focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('zoom') === 'month');
  assert.deepEqual(page.problems, []);
});

test('the timeline opens on today, zooms, and never overlaps events', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=timeline');
  // The view scrolls to today once the canvas has its size (a frame after render).
  const inView = () => page.evaluate(() => {
    const t = document.querySelector('.tl__today').getBoundingClientRect();
    const v = document.querySelector('.tl__scroller').getBoundingClientRect();
    return t.left > v.left && t.left < v.right;
  });
  await page.waitForFunction(() => new URLSearchParams(location.search).has('at'), null, { timeout: 5000 });
  assert.ok(await inView(), 'today is in view');
  await shot(page, 'timeline-1280');
  for (const zoom of ['Decades', 'Years', 'Months']) {
    await page.locator('.tl__zoom button', { hasText: zoom }).click();
    await page.waitForTimeout(100);
    assert.equal(await page.locator(`.tl__zoom button[aria-pressed="true"]`).textContent(), zoom);
    const boxes = await page.locator('.tl__item').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x0: r.left, x1: r.right, y: Math.round(r.top), id: e.dataset.event };
    }));
    for (const a of boxes) for (const b of boxes) {
      if (a !== b && a.y === b.y) assert.ok(a.x1 <= b.x0 + 0.5 || b.x1 <= a.x0 + 0.5, `${zoom}: ${a.id} overlaps ${b.id}`);
    }
  }
  // Coarse and tentative dates look uncertain.
  await open(page, root.url, '?view=timeline&zoom=decade');
  const monthly = data.events.find((e) => /^\d{4}(-\d{2})?$/.test(e.start));
  await page.locator('.tl__scroller').evaluate((el) => { el.scrollLeft = 0; });
  await page.waitForTimeout(100);
  const cls = await page.locator(`.tl__item[data-event="${monthly.id}"]`).getAttribute('class');
  assert.match(cls, /tl__item--vague/);
  // Filters apply to the timeline.
  await open(page, root.url, '?view=timeline&process=uncc&zoom=decade');
  const lanes = await page.locator('.tl__lane').evaluateAll((els) => els.map((e) => e.dataset.lane));
  assert.deepEqual(lanes, ['uncc']);
});

test('narrow screens get a vertical timeline', async () => {
  const page = await newPage(browser, { width: 375, height: 800 });
  await open(page, root.url, '?view=timeline');
  assert.equal(await page.locator('.tl__scroller').count(), 0);
  assert.ok(await page.locator('.events-results--vertical .event').count() > 0);
  assert.ok(await page.locator('#today').isVisible());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0);
  await shot(page, 'timeline-375');
});
