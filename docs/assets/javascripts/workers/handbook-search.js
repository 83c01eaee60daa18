/* The handbook's search worker: Material's search box and result list, the handbook's index.
 *
 * Speaks Material's worker protocol (SETUP=0, READY=1, QUERY=2, RESULT=3; see
 * integrations/search/worker in mkdocs-material) over the compact index the build writes
 * (search/handbook_index.js, made by scripts/handbook/site/search.py): one entry per paragraph.
 * Nothing is indexed in the browser: the entries are joined into one lower-cased string and each
 * query term is found with indexOf, as a prefix at a word start (what Material's `term*` does).
 * Measured against the alternatives in scripts/benchmark_search.py (README "Search").
 *
 * Runs as a real worker online, and from file:// inside the iframe-worker shim (an iframe on
 * the page, where importScripts is asynchronous and resolves against the page): so the index's
 * address is worked out from this script's own, and loading waits on a promise either way.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var MAX_GROUPS = 200, MAX_PER_PAGE = 12, SNIPPET = 260;

var here = (typeof document !== "undefined" && document.currentScript)
  ? document.currentScript.src : self.location.href;
var indexUrl = new URL("../../../search/handbook_index.js", here).href;

var data = null;     // {pages, entries}
var hay = "";        // every entry's searchable text, lower-cased, joined by "\u0001"
var starts = null;   // Int32Array: where each entry starts in `hay`
var fields = null;   // per entry: [end of number+title, end of text] offsets inside its slice
var ready = null;

function load() {
  if (ready) return ready;
  ready = Promise.resolve(importScripts(indexUrl)).then(function () {
    data = self.__handbook_index;
    var parts = [], at = 0;
    starts = new Int32Array(data.entries.length + 1);
    fields = new Int32Array(data.entries.length * 2);
    for (var i = 0; i < data.entries.length; i++) {
      var e = data.entries[i];
      var head = (" " + e[2] + " " + e[3] + " ").toLowerCase();
      var body = (e[4] + " ").toLowerCase();
      var piece = head + body + " " + e[5].toLowerCase() + "\u0001";
      starts[i] = at;
      fields[2 * i] = head.length;
      fields[2 * i + 1] = head.length + body.length;
      parts.push(piece);
      at += piece.length;
    }
    starts[data.entries.length] = at;
    hay = parts.join("");
  });
  return ready;
}

/* --- Query ------------------------------------------------------------------------------ */

// Quoted phrases stay whole; Material's +/- operators are read as plain words.
function terms(query) {
  var out = [], re = /"([^"]+)"|(\S+)/g, m;
  while ((m = re.exec(query.toLowerCase()))) {
    var t = (m[1] || m[2]).replace(/^[+\-]+|[*~^]+$|[,;:!?()]+$/g, "").trim();
    if (t && out.indexOf(t) < 0) out.push(t);
  }
  return out.slice(0, 8);
}

function isWord(ch) { return /[\p{L}\p{N}]/u.test(ch); }

function entryAt(pos) {  // binary search over entry starts
  var lo = 0, hi = starts.length - 2;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function search(query) {
  var ts = terms(query);
  var hits = new Map();  // entry -> {score, mask}
  ts.forEach(function (t, k) {
    var from = 0, pos;
    while ((pos = hay.indexOf(t, from)) !== -1) {
      from = pos + 1;
      if (pos > 0 && isWord(hay[pos - 1])) continue;   // a prefix at a word start only
      var i = entryAt(pos), off = pos - starts[i];
      var weight = off < fields[2 * i] ? 10 : off < fields[2 * i + 1] ? 1 : 3;
      var e = data.entries[i];
      if (off < fields[2 * i] && e[2] && e[2].toLowerCase() === t) weight = 100;   // its number
      var h = hits.get(i);
      if (!h) hits.set(i, h = { score: 0, mask: 0, tf: 0 });
      h.score += weight / (1 + h.tf * 0.5);
      h.tf += 1;
      h.mask |= 1 << k;
    }
  });
  var all = (1 << ts.length) - 1, phrase = ts.join(" ");
  var best = 0;
  hits.forEach(function (h) { if (h.mask === all) best = all; });
  var pages = new Map();
  hits.forEach(function (h, i) {
    if (best && h.mask !== all) return;        // every term found, when any entry has them all
    var e = data.entries[i];
    var score = h.score;
    if (ts.length > 1 && hay.substring(starts[i], starts[i + 1]).indexOf(phrase) !== -1) score *= 2;
    var g = pages.get(e[0]);
    if (!g) pages.set(e[0], g = { score: 0, items: [] });
    g.score = Math.max(g.score, score);
    g.items.push({ i: i, score: score, mask: h.mask });
  });
  var groups = Array.from(pages.entries()).sort(function (a, b) { return b[1].score - a[1].score || a[0] - b[0]; });
  return {
    items: groups.slice(0, MAX_GROUPS).map(function (pair) { return render(pair[0], pair[1], ts); }),
    total: groups.length
  };
}

/* --- Results (Material's SearchItem shape; title and text are HTML, so escape first) ------ */

function escape(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function mark(text, ts) {
  var lower = text.toLowerCase(), spans = [];
  ts.forEach(function (t) {
    var from = 0, pos;
    while ((pos = lower.indexOf(t, from)) !== -1) {
      from = pos + t.length;
      if (pos === 0 || !isWord(lower[pos - 1])) spans.push([pos, pos + t.length]);
    }
  });
  spans.sort(function (a, b) { return a[0] - b[0]; });
  var out = "", at = 0;
  spans.forEach(function (s) {
    if (s[0] < at) return;
    out += escape(text.slice(at, s[0])) + "<mark>" + escape(text.slice(s[0], s[1])) + "</mark>";
    at = s[1];
  });
  return out + escape(text.slice(at));
}

function snippet(text, ts) {
  var lower = text.toLowerCase(), first = -1;
  ts.forEach(function (t) { var p = lower.indexOf(t); if (p !== -1 && (first === -1 || p < first)) first = p; });
  if (text.length <= SNIPPET) return mark(text, ts);
  var start = Math.max(0, first - 60), cut = text.slice(start, start + SNIPPET);
  return (start > 0 ? "… " : "") + mark(cut, ts) + (start + SNIPPET < text.length ? " …" : "");
}

function termsOf(ts, mask) {
  var out = {};
  ts.forEach(function (t, k) { out[t] = !!(mask & (1 << k)); });
  return out;
}

function render(pageIndex, group, ts) {
  var page = data.pages[pageIndex];
  group.items.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
  var mask = group.items.reduce(function (m, x) { return m | x.mask; }, 0);
  var items = [{ location: page[0], title: escape(page[1]), text: "", score: group.score, terms: termsOf(ts, mask) }];
  group.items.slice(0, MAX_PER_PAGE).forEach(function (x) {
    var e = data.entries[x.i];
    if (!e[1]) return;  // the page's own entry is the group's heading
    var text = snippet(e[4], ts);
    // Say why a paragraph matched words it does not contain: the glossary names it knows.
    var missing = ts.filter(function (t) { return e[4].toLowerCase().indexOf(t) === -1; });
    var via = e[5] ? e[5].split("; ").filter(function (form) {
      return missing.some(function (t) { return form.toLowerCase().indexOf(t) !== -1; });
    }) : [];
    if (via.length) text += ' <em class="hb-search-via">(found through the glossary: ' + escape(via.join(", ")) + ")</em>";
    items.push({ location: page[0] + "#" + e[1], title: escape(e[3]), text: text, score: x.score, terms: termsOf(ts, x.mask) });
  });
  return items;
}

/* --- Messages ------------------------------------------------------------------------------ */

self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    load().then(function () { self.postMessage({ type: READY }); });
  } else if (message.type === QUERY) {
    load().then(function () {
      var q = String(message.data || "").trim();
      self.postMessage({ type: RESULT, data: q ? search(q) : { items: [], total: 0 } });
    });
  }
});
