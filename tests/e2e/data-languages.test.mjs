// The default dataset's own text (names, summaries, tags, explainers) in the language asked for.
// Interface strings are another matter (src/i18n); these tests read only what the data says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, newPage, open, dataset, text } from './harness.mjs';

let browser, root;
before(async () => ({ browser, root } = await start()));
after(() => stop(browser, root));

const data = dataset();
const proc = (id) => data.processes.find((p) => p.id === id);
const firstParagraph = (blocks) => blocks.find((b) => !b.list);

for (const lang of ['fr', 'es']) {
  test(`a process page in ${lang} shows the dataset's ${lang} name, summary, tags and explainer`, async () => {
    const page = await newPage(browser);
    await open(page, root.url, `?view=process&id=uncc&lang=${lang}`);
    const uncc = proc('uncc');
    assert.equal(await page.locator('main h1').textContent(), text(uncc.name, lang));
    assert.notEqual(text(uncc.name, lang), text(uncc.name), 'the name is translated');
    assert.ok((await page.locator('.page-head .lead').textContent()).startsWith(text(uncc.summary, lang)));
    const tag = data.taxonomies.flatMap((t) => t.tags).find((g) => g.id === uncc.tags[0]);
    const defs = await page.locator('.tag-defs').textContent();
    assert.ok(defs.includes(text(tag.label, lang)) && defs.includes(text(tag.definition, lang)), defs);
    const why = await page.locator('.explainer-section p').allTextContents();
    assert.ok(why.includes(text(firstParagraph(uncc.explainer.why_it_matters), lang)), why.join('\n'));
    assert.deepEqual(page.problems, []);
  });
}

test('the overview in Arabic and Chinese shows the dataset title and short names in that language', async () => {
  for (const lang of ['ar', 'zh']) {
    const page = await newPage(browser);
    await open(page, root.url, `?lang=${lang}`);
    assert.equal(await page.locator('main h1').textContent(), text(data.meta.title, lang));
    const gm = proc('global-mechanism');
    const card = page.locator('.card[data-process="global-mechanism"]');
    assert.equal((await card.locator('h3').textContent()).trim(), text(gm.short_name, lang));
    assert.equal(await card.locator('.card__full-name').textContent(), text(gm.name, lang));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('text with no translation shows in the dataset language, marked with its lang and dir', async () => {
  const page = await newPage(browser);
  await open(page, root.url, '?view=resources&lang=ar');
  // Computed from the data: a resource whose title (the publication's own) has no Arabic.
  const untranslated = data.resources.find((r) => typeof r.title === 'string' || !r.title.ar);
  assert.ok(untranslated, 'the dataset has an untranslated title');
  const title = page.locator(`.resource[data-resource="${untranslated.id}"] .resource__title`);
  assert.equal(await title.getAttribute('lang'), data.meta.default_lang);
  assert.equal(await title.getAttribute('dir'), 'ltr');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  // Translated text carries no mark of its own: it is in the page's language.
  await open(page, root.url, '?view=process&id=uncc&lang=ar');
  const lead = page.locator('main .lead').first();
  assert.ok(proc('uncc').summary.ar, 'the summary has Arabic');
  assert.equal(await lead.locator('[lang]').count(), 0);
  assert.deepEqual(page.problems, []);
});
