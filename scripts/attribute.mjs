// Where the wasm's bytes go, by module and crate: reads `twiggy top -f json` of a wasm that kept
// its names (scripts/attribute.sh builds one) and prints a table. Brotli KB are estimated: the
// real brotli size of the shipped (name-less) wasm, shared out in proportion to raw bytes.
//   node scripts/attribute.mjs top.json SHIPPED.wasm [--json]
// A function is charged to the type or function that defines it: `<X as Trait>::f` to X's
// crate or module, so a tachys `Render` impl for one of our view closures counts under that
// `ui::` page, while Leptos generics instantiated for our types (ArcMemo<Results>::new, …) count
// under Leptos, with the share instantiated for our types shown apart.
import { readFileSync } from 'node:fs';
import { brotli } from './size.mjs';

const [topPath, shippedPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!topPath || !shippedPath) {
  console.error('usage: node scripts/attribute.mjs top.json shipped.wasm [--json]');
  process.exit(2);
}
const items = JSON.parse(readFileSync(topPath, 'utf8'));
const shipped = readFileSync(shippedPath);
const shippedBrotli = brotli(shipped);

/** The path that defines `name`: the self type of `<X as T>::f` (or T when X is `_`), else the
 * name itself, with generic arguments and crate hashes dropped. */
function owner(name) {
  let n = name;
  // `<<X>::f as T>::g`: peel until a plain path is left.
  for (let guard = 0; n.startsWith('<') && guard < 8; guard++) {
    // Find the matching " as " at depth 1.
    let depth = 0;
    for (let i = 0; i < n.length; i++) {
      const c = n[i];
      if (c === '<') depth++;
      else if (c === '>') {
        depth--;
        if (depth === 0) {
          n = n.slice(1, i);
          break;
        }
      } else if (depth === 1 && n.startsWith(' as ', i)) {
        // References, tuples and slices are charged to what they hold.
        const self = n.slice(1, i).replace(/^(&mut |&|\(|\[|\*const |\*mut |dyn )+/, '');
        n = self === '_' || self === '' ? n.slice(i + 4) : self;
        break;
      }
    }
  }
  return n.replace(/\[[0-9a-f]+\]/g, '');
}

const LEPTOS = {
  reactive_graph: 'Leptos: reactive_graph (signals, memos, effects)',
  tachys: 'Leptos: tachys (DOM views, attributes, keyed lists)',
  leptos: 'Leptos: leptos (components, For, mount)',
  leptos_dom: 'Leptos: leptos (components, For, mount)',
  any_spawner: 'Leptos: leptos (components, For, mount)',
  or_poisoned: 'Leptos: reactive_graph (signals, memos, effects)',
  slotmap: 'Leptos: reactive_graph (signals, memos, effects)',
  throw_error: 'Leptos: leptos (components, For, mount)',
  oco_ref: 'Leptos: leptos (components, For, mount)',
  either_of: 'Leptos: tachys (DOM views, attributes, keyed lists)',
  next_tuple: 'Leptos: tachys (DOM views, attributes, keyed lists)',
  indexmap: 'Leptos: tachys (DOM views, attributes, keyed lists)',
  drain_filter_polyfill: 'Leptos: tachys (DOM views, attributes, keyed lists)',
};

const STD = ['core', 'alloc', 'std', 'hashbrown'];
const PRIMITIVE = ['str', 'char', 'bool', 'u8', 'u16', 'u32', 'u64', 'usize', 'i8', 'i16', 'i32', 'i64', 'isize', 'f32', 'f64', 'F64', 'Ref'];

function bucket(name) {
  if (/^"function names" subsection$|subsection$|^custom section|headers$/.test(name)) return null; // not shipped
  if (name.startsWith('data segment')) return 'data segments (strings, tables)';
  if (/^(import|export|type|table|elem|global|code\[)/.test(name)) return 'imports, exports, types, tables';
  const o = owner(name);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?(?:::([A-Za-z_][A-Za-z0-9_]*))?/.exec(o);
  if (!m) return 'other';
  const [, crate, a, b] = m;
  if (crate === 'process_tracker') {
    if (a === 'ui' || a === 'core' || a === 'web') return `${a}::${b ?? '?'}`;
    if (a === 'main') return 'main';
    return a ?? 'process_tracker';
  }
  if (LEPTOS[crate]) return LEPTOS[crate];
  if (crate === 'serde_json') return 'serde_json';
  if (crate === 'serde' || crate === 'serde_core') return 'serde (derive glue)';
  if (crate === 'chrono') return 'chrono';
  if (['wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures'].includes(crate)) return 'wasm-bindgen, js-sys, web-sys';
  if (crate.startsWith('gloo') || crate === 'http' || crate === 'futures_channel' || crate === 'pin_project') return 'gloo-net, futures';
  if (crate.startsWith('futures')) return 'gloo-net, futures';
  if (STD.includes(crate) || PRIMITIVE.includes(crate)) {
    // Option<T>, Vec<T>, drop glue, iterator adapters…: std's generics, charged to the first of
    // our modules or of the other crates they are instantiated for.
    const inner = name.replace(/\[[0-9a-f]+\]/g, '').slice(o.length > 0 ? 0 : 0);
    for (const mm of inner.matchAll(/(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)::([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?/g)) {
      const [, c, x, y] = mm;
      if (c === 'process_tracker' && ['ui', 'core', 'web'].includes(x)) return `${x}::${y}`;
      if (c === 'process_tracker') return x;
      if (LEPTOS[c]) return LEPTOS[c];
      if (c === 'serde_json') return 'serde_json';
      if (['wasm_bindgen', 'js_sys', 'web_sys'].includes(c)) return 'wasm-bindgen, js-sys, web-sys';
    }
  }
  if (PRIMITIVE.includes(crate) || o.startsWith('[')) return 'std: other';
  if (/^(__wbindgen|__wbg|__externref|intounderlying|wasm_streams|wasm$|Closure$)/.test(crate)) return 'wasm-bindgen, js-sys, web-sys';
  if (crate === 'zmij' || crate === 'itoa' || crate === 'ryu') return 'serde_json';
  if (['core', 'alloc', 'std', 'dlmalloc', 'compiler_builtins', 'hashbrown'].includes(crate)) {
    if (/^(core|alloc)::fmt|::fmt::|Display|Debug|fmt$/.test(o) || /::fmt::/.test(o)) return 'std: fmt';
    if (crate === 'dlmalloc' || /^alloc::alloc|__rust_alloc|__rdl/.test(o)) return 'std: allocator';
    if (crate === 'hashbrown' || /collections/.test(o)) return 'std: collections';
    if (/^core::(str|unicode|char)|^alloc::str|^alloc::string/.test(o)) return 'std: str, unicode';
    if (/^core::slice::sort|^alloc::slice/.test(o)) return 'std: slice sort';
    if (/^core::num|^core::fmt::num/.test(o)) return 'std: num';
    return 'std: other';
  }
  if (crate === 'thiserror' || crate === 'console_error_panic_hook') return crate;
  if (crate === 'rustc_hash' || crate === 'send_wrapper' || crate === 'guardian') return LEPTOS.leptos;
  if (/^__(original_main|rustc)|^main$|^memory$/.test(crate)) return 'std: other';
  return `other: ${crate}`;
}

const DEBUG = process.env.ATTR_DEBUG;
const OURS = /^(ui|core|web)::|^(main|i18n|api)$/;
const buckets = new Map();
let total = 0;
for (const it of items) {
  const b = bucket(it.name);
  if (DEBUG && b === DEBUG) console.error(it.shallow_size, owner(it.name).slice(0, 120), "<=", it.name.slice(0, 160));
  if (!b) continue;
  const e = buckets.get(b) ?? { raw: 0, ours: 0, items: 0 };
  e.raw += it.shallow_size;
  e.items++;
  if (!OURS.test(b) && it.name.includes('process_tracker[')) e.ours += it.shallow_size;
  buckets.set(b, e);
  total += it.shallow_size;
}
const rows = [...buckets].map(([name, e]) => ({ name, ...e, brotli: (e.raw / total) * shippedBrotli })).sort((a, b) => b.raw - a.raw);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ total, shipped: shipped.length, shippedBrotli, rows }));
} else {
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`${'module / crate'.padEnd(56)} ${'raw KB'.padStart(8)} ${'% '.padStart(6)} ${'≈ brotli KB'.padStart(12)} ${'of it for our types'.padStart(20)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(56)} ${kb(r.raw).padStart(8)} ${((100 * r.raw) / total).toFixed(1).padStart(5)}% ${kb(r.brotli).padStart(12)} ${(r.ours ? kb(r.ours) + ' KB raw' : '').padStart(20)}`);
  }
  console.log(`${'total (names excluded)'.padEnd(56)} ${kb(total).padStart(8)} ${'100%'.padStart(6)} ${kb(shippedBrotli).padStart(12)}`);
  console.log(`shipped wasm: ${shipped.length} B raw, ${shippedBrotli} B brotli`);
}
