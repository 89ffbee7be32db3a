// Node's Intl for the prerender step (src/web/native/intl.rs): one JSON question per line on
// stdin, one JSON answer per line on stdout (null when Intl cannot answer). Node and Chromium
// carry the same ICU, so a static page words its dates, numbers and names as the app will.
import { createInterface } from 'node:readline';

const day = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

function answer(q) {
  switch (q.op) {
    case 'date': {
      const f = new Intl.DateTimeFormat(q.locale, q.options);
      return q.end ? f.formatRange(day(q.start), day(q.end)) : f.format(day(q.start));
    }
    case 'name':
      return new Intl.DisplayNames(q.locale, { type: q.kind }).of(q.code) ?? null;
    case 'number':
      return new Intl.NumberFormat(q.locale).format(q.n);
    default:
      return null;
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  let out = null;
  try {
    out = answer(JSON.parse(line));
  } catch {
    out = null;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
