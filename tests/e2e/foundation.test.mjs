// The tracker end to end: overview, explainers, events, URLs, failures, sub-path hosting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, newPage, open, shot, params, dataset, text, TODAY } from './harness.mjs';

let browser, root, sub;
before(async () => ({ browser, root, sub } = await start({ sub: '/some/deep/path/' })));
after(() => stop(browser, root, sub));

const data = dataset();

test('the overview lists every process and what comes next', async () => {
  const page = await newPage(browser);
  await open(page, root.url);
  const cards = await page.locator('.card').evaluateAll((els) => els.map((e) => e.dataset.process));
  assert.deepEqual(cards.sort(), data.processes.map((p) => p.id).sort());
  const upcoming = data.events.filter((e) => (e.end ?? e.start) >= TODAY).length;
  assert.ok(upcoming > 0, 'the dataset has upcoming events at the pinned date');
  const next = await page.locator('.next .event').count();
  assert.equal(next, Math.min(5, upcoming));
  // Tag meanings: a legend, and each badge described by its definition.
  const def = text(data.taxonomies[0].tags[0].definition);
  assert.ok((await page.locator('.legend').textContent()).includes(def));
  const badge = page.locator('.card .tag').first();
  const describedBy = await badge.getAttribute('aria-describedby');
  assert.ok((await page.locator(`#${describedBy}`).textContent()).length > 10);
  await badge.focus();
  assert.ok(await page.locator(`#${describedBy}`).isVisible(), 'definition shows on keyboard focus');
  await shot(page, 'overview-1280');
  assert.deepEqual(page.problems, []);
});

test('a click opens the OEWG explainer with its sections and events', async () => {
  const page = await newPage(browser);
  await open(page, root.url);
  const oewg = data.processes.find((p) => p.id === 'oewg-2021-2025');
  await page.locator('.card[data-process="oewg-2021-2025"] h3 a').click();
  await page.waitForSelector('.page--process');
  assert.equal(params(page).view, 'process');
  assert.equal(params(page).id, 'oewg-2021-2025');
  assert.equal(await page.locator('main h1').textContent(), text(oewg.name));
  const h2 = await page.locator('main h2').allTextContents();
  for (const s of ['Key facts', 'Why it matters', 'How it works', 'How to engage', 'Events', 'Sources']) {
    assert.ok(h2.includes(s), `section ${s} in ${h2}`);
  }
  const own = data.events.filter((e) => e.processes.includes('oewg-2021-2025')).map((e) => e.id).sort();
  const shown = (await page.locator('.page--process .event').evaluateAll((els) => els.map((e) => e.dataset.event))).sort();
  assert.deepEqual(shown, own);
  // Focus moves to the new page's heading, as a page load would.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await shot(page, 'process-1280');
  assert.deepEqual(page.problems, []);
});

test('a deep link opens a process directly, and reload keeps it', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=process&id=uncc');
  const uncc = data.processes.find((p) => p.id === 'uncc');
  assert.equal(await page.locator('main h1').textContent(), text(uncc.name));
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.locator('main h1').textContent(), text(uncc.name));
  // Figures carry their "as of" date.
  const fig = await page.locator('.figure').first().textContent();
  assert.match(fig, /as of \d{1,2} \w+ \d{4}/);
});

test('back and forward move between views', async () => {
  const page = await newPage(browser);
  await open(page, root.url);
  await page.locator('.site-nav a', { hasText: 'Events' }).click();
  await page.waitForSelector('.page--events');
  await page.locator('.site-nav a', { hasText: 'About the data' }).click();
  await page.waitForSelector('.page--about');
  await page.goBack();
  await page.waitForSelector('.page--events');
  assert.equal(params(page).view, 'events');
  await page.goBack();
  await page.waitForSelector('.page--overview');
  await page.goForward();
  await page.waitForSelector('.page--events');
  assert.deepEqual(page.problems, []);
});

test('the events page lists all events by year, today marked, coarse dates kept coarse', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  const ids = await page.locator('.page--events .event').evaluateAll((els) => els.map((e) => e.dataset.event));
  assert.equal(ids.length, data.events.length);
  const years = await page.locator('.year__title').allTextContents();
  assert.deepEqual(years, [...years].sort(), 'years ascend');
  // The marker sits right before the first event not yet over.
  const firstOpen = [...data.events].sort((a, b) => (a.start < b.start ? -1 : 1)).find((e) => (e.end ?? e.start) >= TODAY);
  const after = await page.locator('.today-marker + .event').getAttribute('data-event');
  assert.equal(after, firstOpen.id);
  // A month-precise event shows its month, not an invented day.
  const monthly = data.events.find((e) => /^\d{4}-\d{2}$/.test(e.start) && !e.end);
  const text = await page.locator(`.event[data-event="${monthly.id}"] time`).textContent();
  const [y, m] = monthly.start.split('-');
  const monthName = new Date(Date.UTC(+y, +m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  assert.equal(text, `${monthName} ${y}`);
  await shot(page, 'events-1280');
});

test('a long list opens a page around today and grows with Show earlier and Show more', async () => {
  const page = await newPage(browser);
  const long = structuredClone(data);
  const model = data.events.find((e) => !e.end);
  for (let i = 0; i < 400; i++) {
    const d = new Date(Date.UTC(1995, 0, 1) + i * 40 * 86400e3).toISOString().slice(0, 10);
    long.events.push({ ...structuredClone(model), id: `bulk-${i}`, start: d, title: `Bulk event ${i}` });
  }
  await page.route('**/data/un-cyber-processes.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(long) }));
  await open(page, root.url, '?view=events');
  const total = long.events.length;
  const rows = page.locator('.page--events .event');
  const earlierButton = page.locator('.show-more--earlier button');
  const moreButton = page.locator('.show-more:not(.show-more--earlier) button');
  const hidden = async (button) => Number((await button.textContent()).match(/of (\d+)/)[1]);
  const shown = await rows.count();
  assert.ok(shown > 0 && shown < total, `a page of rows, not all ${total}: ${shown}`);
  assert.equal((await hidden(earlierButton)) + shown + (await hidden(moreButton)), total, 'nothing lost between the buttons');
  // The page is the one around today: the marker is in it, before the earliest event not yet over.
  const open1 = long.events.filter((e) => (e.end ?? e.start) >= TODAY).map((e) => e.start).sort()[0];
  const afterId = await page.locator('.today-marker + .event').getAttribute('data-event');
  assert.equal(long.events.find((e) => e.id === afterId).start, open1);
  const firstBefore = await rows.first().getAttribute('data-event');
  const laterBefore = await hidden(moreButton);
  await moreButton.click();
  await page.waitForFunction((n) => document.querySelectorAll('.page--events .event').length > n, shown);
  const grown = await rows.count();
  assert.equal(laterBefore - (grown - shown), (await moreButton.count()) ? await hidden(moreButton) : 0, 'Show more adds at the end');
  assert.equal(await rows.first().getAttribute('data-event'), firstBefore);
  const earlierBefore = await hidden(earlierButton);
  await earlierButton.click();
  await page.waitForFunction((n) => document.querySelectorAll('.page--events .event').length > n, grown);
  const added = (await rows.count()) - grown;
  assert.equal((await earlierButton.count()) ? await hidden(earlierButton) : 0, earlierBefore - added, 'Show earlier adds at the start');
  const ids = await rows.evaluateAll((els) => els.map((e) => e.dataset.event));
  assert.equal(ids[added], firstBefore, 'the earlier rows come before the ones already shown');
  assert.deepEqual(page.problems, []);
});

test('an event opens in a dialog with its own URL, and Back closes it', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events');
  const ev = data.events.find((e) => e.id === 'oewg2-s11');
  await page.locator('.event[data-event="oewg2-s11"] .event__title a').click();
  const dialog = page.locator('dialog.event-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(params(page).event, 'oewg2-s11');
  assert.equal(await dialog.locator('h2').textContent(), text(ev.title));
  await page.goBack();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(params(page).event, undefined);
  // Opened directly from a link too.
  await open(page, root.url, '?view=events&event=oewg2-s11');
  await dialog.waitFor({ state: 'visible' });
  await shot(page, 'event-dialog-1280');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // The browser hides a modal dialog on Escape at once and fires its `close` event (which
  // updates the URL) as a later task.
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('event'));
  assert.equal(params(page).event, undefined);
});

test('a missing dataset shows the error and Try again recovers', async () => {
  const page = await newPage(browser, { allow: ['404'] });
  let fail = true;
  await page.route('**/data/un-cyber-processes.json', (route) => (fail ? route.fulfill({ status: 404, body: 'nope' }) : route.continue()));
  await open(page, root.url);
  assert.equal(await page.locator('main h1').textContent(), 'The tracker could not load its data');
  assert.match(await page.locator('.load-error').textContent(), /404/);
  await shot(page, 'error-404-1280');
  fail = false;
  await page.locator('.load-error button').click();
  await page.waitForSelector('.page--overview');
});

test('server errors, timeouts and offline each get a message and a retry', async () => {
  for (const [name, handler, pattern] of [
    ['500', (r) => r.fulfill({ status: 500, body: 'boom' }), /could not send the data/],
    ['timeout', (r) => r.abort('timedout'), /could not be fetched/],
  ]) {
    const page = await newPage(browser, { allow: ['500', 'Failed', 'ERR_'] });
    await page.route('**/data/un-cyber-processes.json', handler);
    await open(page, root.url);
    assert.match(await page.locator('.load-error').textContent(), pattern, name);
    assert.equal(await page.locator('.load-error button').textContent(), 'Try again', name);
  }
  const page = await newPage(browser, { allow: ['ERR_', 'Failed'] });
  await open(page, root.url);
  await page.context().setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  // A reload while offline fails to fetch the page itself; instead use the in-app path:
  // a partner dataset URL change triggers a new load.
  await page.evaluate(() => {
    history.pushState(null, '', location.pathname + '?data=https%3A%2F%2Fexample.invalid%2Fd.json');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForSelector('.load-error');
  assert.match(await page.locator('.load-error').textContent(), /offline/i);
  await page.context().setOffline(false);
});

test('a malformed dataset says where the problem is', async () => {
  const page = await newPage(browser);
  await page.route('**/data/un-cyber-processes.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{\n "schema_version": 1,\n "meta": oops\n}' }));
  await open(page, root.url);
  const text = await page.locator('.load-error').textContent();
  assert.match(text, /not valid JSON/);
  assert.match(text, /line 3/);
  assert.equal(await page.locator('.load-error button').textContent(), 'Load again');
});

test('hostile text is shown as text and bad records are reported, not run', async () => {
  const page = await newPage(browser);
  const hostile = structuredClone(data);
  hostile.events[0].title = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  hostile.events[1].links = [{ url: 'javascript:alert(3)', title: 'click me' }];
  hostile.events[2].end = '1990-01-01';
  hostile.events.push({ ...hostile.events[3] });
  hostile.processes[0].tags.push('no-such-tag');
  await page.route('**/data/un-cyber-processes.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  await open(page, root.url, '?view=events');
  assert.equal(await page.locator('.page--events .event').count(), data.events.length - 2, 'two bad events left out, the rest shown');
  const title = await page.locator(`.event[data-event="${hostile.events[0].id}"] .event__title`).textContent();
  assert.equal(title, hostile.events[0].title);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  await page.locator('.site-footer .warn-link').click();
  await page.waitForSelector('.page--about');
  const problems = await page.locator('.problems').textContent();
  assert.match(problems, /events\[1\].*field “links\[0\]\.url”/);
  assert.match(problems, /ends \(1990-01-01\) before it starts/);
  assert.match(problems, /already used by an earlier record/);
  assert.match(problems, /unknown tag “no-such-tag”/);
  assert.deepEqual(page.problems, [], 'no script ran');
});

test('the app works under a sub-path, deep links included', async () => {
  const page = await newPage(browser);
  await open(page, sub.url, '?view=process&id=ahc');
  assert.equal(await page.locator('main h1').textContent(), text(data.processes.find((p) => p.id === 'ahc').name));
  await page.locator('.site-nav a', { hasText: 'Events' }).click();
  await page.waitForSelector('.page--events');
  assert.ok(new URL(page.url()).pathname.startsWith('/some/deep/path/'));
  await page.goto(sub.url + 'index.html?view=events&today=' + TODAY);
  await page.waitForSelector('.page--events');
  assert.deepEqual(page.problems, []);
});

test('narrow screens: 375 and 320 px wide without sideways scrolling', async () => {
  for (const width of [375, 320]) {
    const page = await newPage(browser, { width, height: 800 });
    for (const q of ['', '?view=process&id=oewg-2021-2025', '?view=events']) {
      await open(page, root.url, q);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width}px ${q}: ${overflow}px too wide`);
    }
    if (width === 375) {
      await open(page, root.url);
      await shot(page, 'overview-375');
      await open(page, root.url, '?view=process&id=oewg-2021-2025');
      await shot(page, 'process-375');
      await open(page, root.url, '?view=events');
      await shot(page, 'events-375');
    }
  }
});

test('a right-to-left language lays the page out right to left, with dates in that language', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=events&lang=ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  const date = await page.locator('.page--events .event time').first().textContent();
  assert.match(date, /[\u0600-\u06FF]/, `an Arabic date: ${date}`);
  // Logical properties: the filter column sits on the right in RTL.
  const filters = await page.locator('.explore__filters').boundingBox();
  const results = await page.locator('.explore__results').boundingBox();
  assert.ok(filters.x > results.x, 'filters on the inline start, which is the right');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0);
  await shot(page, 'events-ar-1280');
  assert.deepEqual(page.problems, []);
});
