// The six interface languages: every view translated with no English left, Arabic right to
// left, the browser's language chosen when the URL names none, the switcher keeping the view,
// and plural forms through the browser's own Intl.PluralRules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, newPage, open, shot, params, dataset, messages } from './harness.mjs';

let browser, root;
before(async () => ({ browser, root } = await start()));
after(() => stop(browser, root));

const data = dataset();
const LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

const FILES = Object.fromEntries(LANGS.map((l) => [l, messages(l)]));
const EN = FILES.en.messages;

const NUMBERS = ['{n}', '{total}', '{target}', '{value}'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letters = (s) => s.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '').length;

/**
 * The English interface strings that must not appear in `lang`: every message and plural
 * form, as a whole-text pattern (placeholders match anything), leaving out names, texts with
 * too few letters to tell languages apart, and texts the language writes the same way.
 */
function englishPatterns(lang) {
  const own = FILES[lang].messages;
  const ownTexts = new Set(Object.values(own).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))));
  const out = [];
  for (const [key, value] of Object.entries(EN)) {
    if (key === 'app_name') continue;
    for (const s of typeof value === 'string' ? [value] : Object.values(value)) {
      if (ownTexts.has(s) || letters(s) < 3) continue;
      // Counts are digits, so "{n} processes" does not match a dataset title "UN cyber processes".
      const pattern = s.split(/(\{\w+\})/).map((part, i) => (i % 2 === 0 ? escape(part)
        : NUMBERS.includes(part) ? '[\\p{Nd}][\\p{Nd}\\s.,\u00a0\u202f\u066c]*' : '.+?')).join('');
      out.push({ key, text: s, re: new RegExp(`^${pattern}$`, 'u') });
    }
  }
  return out;
}

/** Every text a reader or a screen reader meets: element texts, labels, placeholders, titles. */
async function pageTexts(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const out = new Set([norm(document.title)]);
    for (const part of document.title.split(' — ')) out.add(norm(part));
    for (const el of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'CODE', 'PRE', 'TEXTAREA'].includes(el.tagName)) continue;
      out.add(norm(el.textContent));
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
      out.add(norm(own));
      for (const n of el.childNodes) if (n.nodeType === 3) out.add(norm(n.textContent));
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.add(norm(v));
      }
    }
    out.delete('');
    return [...out];
  });
}

const firstProcess = data.processes[0].id;
const inDefault = (t) => (typeof t === 'string' ? t : t[data.meta.default_lang]);
const someWord = inDefault(data.processes[0].name).split(' ')[0];
const VIEWS = {
  overview: '?',
  process: `?view=process&id=${firstProcess}`,
  events: '?view=events',
  timeline: '?view=timeline',
  resources: '?view=resources',
  search: `?view=search&q=${encodeURIComponent(someWord)}`,
  about: '?view=about',
  'embed builder': '?view=embed',
  'embedded events': '?view=events&embed=1',
};

for (const lang of LANGS) {
  test(`every view in ${lang} is in ${lang}, with no key missing`, async () => {
    const page = await newPage(browser);
    const english = lang === 'en' ? [] : englishPatterns(lang);
    // On the English pages the same detector must find English, or it proves nothing.
    const probe = lang === 'en' ? englishPatterns('fr') : [];
    assert.ok(lang === 'en' || english.length > 100, `${english.length} English strings to look for`);
    for (const [name, query] of Object.entries(VIEWS)) {
      await open(page, root.url, `${query}${query === '?' ? '' : '&'}lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, name);
      const texts = await pageTexts(page);
      const left = [];
      for (const t of texts) {
        const hit = english.find((e) => e.re.test(t));
        if (hit) left.push(`${hit.key}: “${t.slice(0, 80)}”`);
      }
      assert.deepEqual(left, [], `${lang} ${name}: English left`);
      if (lang === 'en') {
        const found = new Set(texts.flatMap((t) => probe.filter((e) => e.re.test(t)).map((e) => e.key)));
        assert.ok(found.size >= 8, `${name}: the detector finds English on the English page (${found.size})`);
      }
      const holes = texts.filter((t) => /\{[a-z_]+\}/.test(t));
      assert.deepEqual(holes, [], `${lang} ${name}: an unfilled placeholder`);
    }
    // The About page says whether a native speaker has checked this translation.
    await open(page, root.url, `?view=about&lang=${lang}`);
    const notice = page.locator('[data-translation-unreviewed]');
    if (FILES[lang].meta.translation_reviewed) {
      assert.equal(await notice.count(), 0);
    } else {
      assert.equal(await notice.textContent(), FILES[lang].messages.translation_unreviewed);
    }
    assert.deepEqual(page.problems, []);
  });
}

test('Arabic is right to left throughout, and its timeline runs right to left', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=timeline&lang=ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const items = await page.locator('.tl__item').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.event, x: e.getBoundingClientRect().right })));
  const start = Object.fromEntries(data.events.map((e) => [e.id, e.start]));
  const dated = items.filter((i) => start[i.id]).sort((a, b) => (start[a.id] < start[b.id] ? -1 : 1));
  assert.ok(dated.length >= 2, 'at least two events drawn');
  const [earliest, latest] = [dated[0], dated[dated.length - 1]];
  assert.ok(start[earliest.id] < start[latest.id]);
  assert.ok(earliest.x > latest.x, `earlier ${earliest.id} (${earliest.x}) right of later ${latest.id} (${latest.x})`);
  // The arrow keys follow the axis: ← goes later in time, → earlier.
  const focused = async (not) => {
    await page.waitForFunction((n) => document.activeElement?.dataset.event && document.activeElement.dataset.event !== n, not);
    return page.evaluate(() => document.activeElement.dataset.event);
  };
  await page.locator('.tl__scroller').focus();
  await page.keyboard.press('ArrowLeft');
  const first = await focused(null);
  await page.keyboard.press('ArrowLeft');
  const second = await focused(first);
  assert.ok(start[second] >= start[first], `← from ${first} went later, to ${second}`);
  const x = async (id) => page.locator(`.tl__item[data-event="${id}"]`).evaluate((e) => e.getBoundingClientRect().right);
  assert.ok((await x(second)) < (await x(first)), 'and to the left');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(second), first);
  // Numbers as Intl writes them for Arabic.
  const count = await page.locator('.result-count').textContent();
  const digits = await page.evaluate(() => new Intl.NumberFormat('ar').format(10));
  if (/[\u0660-\u0669]/.test(digits)) assert.match(count, /[\u0660-\u0669]/, count);
  // The "opens elsewhere" arrow is mirrored with the text.
  await open(page, root.url, '?view=events&embed=1&lang=ar');
  const transform = await page.locator('.embed-bar .icon-out').evaluate((e) => getComputedStyle(e).transform);
  assert.notEqual(transform, 'none');
  assert.deepEqual(page.problems, []);
});

test('a browser that prefers French opens in French with no parameter', async () => {
  const page = await newPage(browser, { locale: 'fr-FR' });
  await open(page, root.url, '?view=events');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('main h1').textContent(), FILES.fr.messages.nav_events);
  assert.equal(params(page).lang, undefined, 'the URL is left as it was');
  assert.deepEqual(page.problems, []);
  // A language the tracker lacks falls through to the dataset's.
  const de = await newPage(browser, { locale: 'de-DE' });
  await open(de, root.url, '?view=events');
  assert.equal(await de.getAttribute('html', 'lang'), data.meta.default_lang);
});

test('the switcher keeps the view, the filters and the selection', async () => {
  const page = await newPage(browser);
  const kind = data.events[0].kind;
  await open(page, root.url, `?view=events&kind=${kind}&q=a&when=past`);
  const before = params(page);
  const chips = await page.locator('.chips li').count();
  assert.ok(chips >= 2, 'filters shown as chips');
  await page.selectOption('#lang-switch', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await page.waitForSelector('main h1');
  assert.deepEqual(params(page), { ...before, lang: 'ru' });
  assert.equal(await page.locator('main h1').textContent(), FILES.ru.messages.nav_events);
  assert.equal(await page.locator('.chips li').count(), chips, 'the same filters, now in Russian');
  // Each option names its language in itself, marked with that language and direction.
  const options = await page.locator('#lang-switch option').evaluateAll((os) =>
    os.map((o) => [o.value, o.lang, o.dir, o.textContent]));
  assert.deepEqual(options, LANGS.map((l) => [l, l, l === 'ar' ? 'rtl' : 'ltr', FILES[l].meta.name]));
  // Back goes to the language before.
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // The embed bar has one too.
  await open(page, root.url, '?view=timeline&embed=1&zoom=year');
  const q = params(page);
  await page.selectOption('#embed-lang-switch', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh');
  assert.deepEqual(params(page), { ...q, lang: 'zh' });
  assert.deepEqual(page.problems, []);
});

test('counts read correctly in Arabic and Russian through the browser’s plural rules', async () => {
  const page = await newPage(browser);
  // The browser's rules agree with CLDR for 0, 1, 2, 3, 11, 100.
  const cats = await page.evaluate(() => ['ar', 'ru'].map((l) => {
    const r = new Intl.PluralRules(l);
    return [0, 1, 2, 3, 11, 100].map((n) => r.select(n));
  }));
  assert.deepEqual(cats, [
    ['zero', 'one', 'two', 'few', 'many', 'other'],
    ['many', 'one', 'few', 'few', 'many', 'many'],
  ]);
  // Counts the data gives: none, one process's events, a year's, all of them. The English
  // page says the number; the Arabic and Russian ones must say it in the right form.
  const queries = ['q=zzzzqqq', ...data.processes.map((p) => `process=${p.id}`),
    ...[...new Set(data.events.map((e) => e.start.slice(0, 4)))].map((y) => `year=${y}`), ''];
  const seen = { ar: new Set(), ru: new Set() };
  for (const q of queries) {
    await open(page, root.url, `?view=events&lang=en${q ? `&${q}` : ''}`);
    const en = await page.locator('.page--events .result-count').textContent();
    const n = Number(en.match(/^(\d+) events?$/)?.[1]);
    assert.ok(Number.isInteger(n), en);
    for (const lang of ['ar', 'ru']) {
      await open(page, root.url, `?view=events&lang=${lang}${q ? `&${q}` : ''}`);
      const got = await page.locator('.page--events .result-count').textContent();
      const [cat, num] = await page.evaluate(([l, k]) =>
        [new Intl.PluralRules(l).select(k), new Intl.NumberFormat(l).format(k)], [lang, n]);
      const want = FILES[lang].messages.n_events[cat].replace('{n}', num);
      assert.equal(got, want, `${lang}, ${n} events (${cat})`);
      seen[lang].add(cat);
    }
  }
  assert.ok(seen.ar.size >= 4, `Arabic forms met: ${[...seen.ar]}`);
  assert.ok(seen.ru.size >= 3, `Russian forms met: ${[...seen.ru]}`);
  assert.deepEqual(page.problems, []);
});

test('screenshots: overview and timeline in Arabic and Chinese, wide and narrow', async () => {
  for (const width of [1280, 375]) {
    const page = await newPage(browser, { width });
    for (const lang of ['ar', 'zh']) {
      for (const [name, q] of [['overview', '?'], ['timeline', '?view=timeline']]) {
        await open(page, root.url, `${q}${q === '?' ? '' : '&'}lang=${lang}`);
        await page.evaluate(() => document.fonts.ready);
        await shot(page, `${name}-${lang}-${width}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${lang} ${name} ${width}: no sideways scroll (${overflow}px)`);
      }
    }
    assert.deepEqual(page.problems, []);
  }
});
