/* The handbook's search worker: Material's search box and result list, the handbook's index.
 *
 * Speaks Material's worker protocol (SETUP=0, READY=1, QUERY=2, RESULT=3; see
 * integrations/search/worker in mkdocs-material) over the index the build writes
 * (search/handbook_index.js, made by scripts/handbook/site/search.py): one entry per paragraph,
 * and a MiniSearch index of them serialised at build time by this same file's `build()` (run in
 * node by scripts/handbook/site/search_build.js), so the browser only loads it.
 *
 * Ranking is MiniSearch's (BM25+ with field weights); what this file adds is reading the query:
 * paragraph and section numbers, "section 47" / "s47" / "S.47" (a section of an Act), an area's
 * name (narrows to that area), stop words, prefix matching on the last word only (the one being
 * typed), fuzzy matching only for a word that matches nothing ("Showing results for ..."), and
 * "web cam" / "webcam" as one word or two.
 *
 * Runs as a real worker online, and from file:// inside the iframe-worker shim (an iframe on
 * the page, where importScripts is asynchronous and resolves against the page): so addresses are
 * worked out from this script's own, and loading waits on a promise either way. Also loaded by
 * node (the build and the tests), where it only defines `self.handbookSearch`.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var MAX_RESULTS = 60, GROUP_MAX = 4, SNIPPET = 260;

// Words too common to say anything about what a paragraph is about (a practitioner's question
// is mostly these: "what should I do if ..."). Removed from the index and from queries alike.
var STOP = {};
("a about above after again against all also am an and any are as at be because been before being below between both but by " +
 "can could did do does doing down during each etc few for from further had has have having he her here hers him his " +
 "how i if in into is it its itself just may me might more most must my no nor not now of off on once only or other " +
 "our out over own same shall she should so some such than that the their them then there these they this those " +
 "through to too under until up upon very via was we were what when where whether which while who whom why will " +
 "with would you your e.g eg i.e ie").split(" ").forEach(function (w) { STOP[w] = true; });

// Words joined by dots ("43.2.12", "S.47", "e.g"), hyphens and apostrophes are read whole first.
var WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*/gu;
var NUMBER = /^\d+(?:\.\d+)*$/;

// A light English stemmer, the same for the index and the query: "images"/"image",
// "groomed"/"grooming"/"groomming", "shared"/"sharing". Only has to be consistent, not pretty.
function stem(w) {
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/[^sui]s$/.test(w)) w = w.slice(0, -1);
  if (/ing$/.test(w) && w.length > 5) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length > 4) w = w.slice(0, -2);
  if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);   // "groomm" -> "groom"
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

function processTerm(term) {
  var w = term.toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, "");
  if (STOP[w]) return null;
  return stem(w);
}

function tokenize(text) {
  var out = [], m, re = new RegExp(WORD.source, "gu");   // its own: callers loop over WORD
  while ((m = re.exec(text))) {
    var w = m[0];
    if (NUMBER.test(w)) { out.push(w); continue; }
    if (w.indexOf("-") !== -1) {   // "whistle-blowing": both words, and the joined word
      var parts = w.split("-");
      out.push.apply(out, parts);
      out.push(parts.join(""));
    } else if (w.indexOf(".") !== -1) out.push(w.replace(/\./g, ""));   // "S.47" -> "s47"
    else out.push(w);
  }
  return out;
}

var FIELDS = ["number", "section", "text", "keywords", "title"];
var OPTIONS = {
  fields: FIELDS,
  tokenize: tokenize,
  processTerm: processTerm,
  searchOptions: { boost: { number: 4, title: 2, section: 1.5, text: 1, keywords: 0.8 } }
};

function documents(data) {
  return data.entries.map(function (e, i) {
    var chapter = !!data.pages[e[0]][2];
    return {
      id: i, number: e[2], section: e[6] || "", text: e[4], keywords: e[5],
      // A chapter paragraph's title repeats the chapter's: not searched (every paragraph would
      // score on "child", "abuse"); the handbook's own pages are found by their titles.
      title: chapter ? "" : e[3]
    };
  }).filter(function (d) { return data.entries[d.id][1] || !data.pages[data.entries[d.id][0]][2]; });
}

/* --- Loading ------------------------------------------------------------------------------ */

var here = (typeof document !== "undefined" && document.currentScript)
  ? document.currentScript.src : (self.location && self.location.href) || "";
var data = null, mini = null, ready = null;
var areaNames = [];   // [[lower-cased name, area]]

// MiniSearch's index comes in shards by the first letters of its terms (search_build.js): a
// query is answered once the shards of its words are in, the rest load after. Each shard is a
// MiniSearch of its terms over all the documents (the same counts and lengths), so a term scores
// exactly as in one index, and the shards' results add up as MiniSearch adds its terms'.
var KEY = 3;
function shardKey(term) { return term.slice(0, KEY); }

function Missing(shards, text) { this.shards = shards; this.text = !!text; }

// The paragraphs' text (most of the index's bytes) is a file of its own, search/handbook_text.js,
// loaded after the first answer: the results' titles (area, number, section) come first, their
// snippets a moment later. What needs the text before it is in (a section of an Act looked for in
// the text, the word a correction shows) waits for it.
var textReady = true;
function needText() { if (!textReady) throw new Missing([], true); }

function Sharded(base, bounds) {
  this.base = base; this.bounds = bounds;
  this.parts = bounds.map(function () { return null; });
}
Sharded.prototype.add = function (i, rows) {
  this.parts[i] = self.MiniSearch.loadJS(Object.assign({}, this.base, { index: rows }), OPTIONS);
};
Sharded.prototype.of = function (key) {
  var i = 0;
  while (i + 1 < this.bounds.length && this.bounds[i + 1] <= key) i++;
  return i;
};
// The shards a word's search reads: its key's, or every key its prefix starts (a short word
// being typed); all of them for a fuzzy search.
Sharded.prototype.which = function (word, o) {
  var self_ = this, out = [];
  if (o.fuzzy) return this.bounds.map(function (_, i) { return i; });
  tokenize(word).forEach(function (t) {
    var p = processTerm(t);
    if (!p) return;
    var last = p.length < KEY && o.prefix ? self_.of(p + "\uffff") : self_.of(shardKey(p));
    for (var i = self_.of(shardKey(p)); i <= last; i++) if (out.indexOf(i) === -1) out.push(i);
  });
  return out;
};
Sharded.prototype.missing = function () {
  var out = [];
  this.parts.forEach(function (p, i) { if (!p) out.push(i); });
  return out;
};
// MiniSearch's own combination (its combinators OR and AND) over raw scores; its search() then
// multiplies by the number of query terms matched, as here.
function combine(a, b, how) {
  var out = how === "AND" ? new Map() : a;
  b.forEach(function (r, id) {
    var e = a.get(id);
    if (!e) { if (how !== "AND") out.set(id, r); return; }
    var merged = { score: e.score + r.score, terms: e.terms.slice(), match: Object.assign({}, e.match, r.match) };
    r.terms.forEach(function (t) { if (merged.terms.indexOf(t) === -1) merged.terms.push(t); });
    out.set(id, merged);
  });
  return out;
}
function copy(results) {
  var out = new Map();
  results.forEach(function (r, id) { out.set(id, { score: r.score, terms: r.terms.slice(), match: Object.assign({}, r.match) }); });
  return out;
}
Sharded.prototype.exec = function (node, inherited, missing) {
  var me = this;
  if (typeof node === "string") node = { queries: [node] };
  var opts = Object.assign({}, inherited, node);
  delete opts.queries;
  var how = (opts.combineWith || "OR").toUpperCase();
  var maps = node.queries.map(function (q) {
    if (typeof q !== "string") return me.exec(q, opts, missing);
    var leaf = Object.assign({}, opts);
    delete leaf.filter;
    // A word's search is the same in the check that it exists and in the query: done once
    var key = JSON.stringify([q, !!leaf.prefix, leaf.fuzzy || false, leaf.maxFuzzy || 0, leaf.boost || null]);
    if (me.memo && me.memo.has(key)) return copy(me.memo.get(key));
    var raw = new Map();
    me.which(q, opts).forEach(function (i) {
      if (!me.parts[i]) { if (missing.indexOf(i) === -1) missing.push(i); return; }
      var found = new Map();
      me.parts[i].search({ queries: [q] }, leaf).forEach(function (r) {
        found.set(r.id, { score: r.score / (r.queryTerms.length || 1), terms: r.queryTerms.slice(), match: Object.assign({}, r.match) });
      });
      raw = combine(raw, found, "OR");
    });
    if (me.memo && !missing.length) me.memo.set(key, copy(raw));
    return raw;
  });
  if (!maps.length) return new Map();
  return maps.reduce(function (a, b) { return combine(a, b, how); });
};
Sharded.prototype.search = function (query, options) {
  var missing = [], out = [];
  var raw = this.exec(query, Object.assign({}, options), missing);
  if (missing.length) throw new Missing(missing);
  raw.forEach(function (r, id) {
    var result = { id: id, score: r.score * (r.terms.length || 1), terms: Object.keys(r.match), queryTerms: r.terms, match: r.match };
    if (!options || !options.filter || options.filter(result)) out.push(result);
  });
  return out.sort(function (a, b) { return b.score - a.score; });
};

function setup(loaded) {
  data = loaded;
  textReady = !data.textLater;
  if (data.mini && data.mini.bounds) {
    mini = new Sharded(data.mini.base, data.mini.bounds);
    (data.mini.shards || []).forEach(function (rows, i) { mini.add(i, rows); });
  } else mini = data.mini ? self.MiniSearch.loadJS(data.mini, OPTIONS) : build(data);
  data.mini = null;
  var seen = {};
  data.pages.forEach(function (p) {
    if (p[2] && !seen[p[2]]) { seen[p[2]] = true; areaNames.push([p[2].toLowerCase(), p[2]]); }
  });
  areaNames.sort(function (a, b) { return b[0].length - a[0].length; });
}

function build(loaded) {
  var index = new self.MiniSearch(OPTIONS);
  index.addAll(documents(loaded));
  return index;
}

function load() {
  if (ready) return ready;
  var lib = new URL("minisearch.js", here).href;
  var idx = new URL("../../../search/handbook_index.js", here).href;
  ready = Promise.resolve(importScripts(lib)).then(function () {
    return importScripts(idx);
  }).then(function () { setup(self.__handbook_index); });
  return ready;
}

var textLoad = null;
function loadText() {
  if (!textLoad) {
    textLoad = Promise.resolve(importScripts(new URL("../../../search/handbook_text.js", here).href)).then(function () {
      var texts = self.__handbook_text;
      data.entries.forEach(function (e, i) { e[4] = texts[i]; });
      self.__handbook_text = null;
      textReady = true;
    });
  }
  return textLoad;
}

// A shard's file (search/handbook_index_N.js) sets self.__handbook_shards[N]; loaded once.
var shardLoads = {};
function loadShard(i) {
  if (!shardLoads[i]) {
    self.__handbook_shards = self.__handbook_shards || {};
    var url = new URL("../../../search/handbook_index_" + i + ".js", here).href;
    shardLoads[i] = Promise.resolve(importScripts(url)).then(function () {
      mini.add(i, self.__handbook_shards[i]);
      self.__handbook_shards[i] = null;
    });
  }
  return shardLoads[i];
}

/* --- Reading the query -------------------------------------------------------------------- */

// "para 9.2 london" -> {area: "London", numbers: ["9.2"], ...}; what is left is searched as words.
function parse(query) {
  var q = " " + query.toLowerCase().replace(/[“”"]/g, " ").replace(/\s+/g, " ") + " ";
  var out = { area: null, numbers: [], sections: [], acts: [], words: "" };
  for (var k = 0; k < areaNames.length; k++) {
    var at = q.indexOf(" " + areaNames[k][0] + " ");
    if (at !== -1 && q.trim() !== areaNames[k][0]) {
      out.area = areaNames[k][1];
      q = q.slice(0, at) + " " + q.slice(at + areaNames[k][0].length + 1);
      break;
    }
  }
  // "s47", "S.47", "s 47": a section of an Act (Children Act 1989 s47 is the one practitioners type)
  q = q.replace(/ s\.? ?(\d+)(?=[ ,;:.?!)])/g, function (_, n) { out.acts.push(n); return " "; });
  // "section 7": the chapter's section 7 when it has one, otherwise a section of an Act
  q = q.replace(/ (?:section|sect\.?|sec\.?) (\d+)(?=[ ,;:?!)])/g, function (_, n) { out.sections.push(n); return " "; });
  q = q.replace(/ (?:paragraphs?|paras?\.?|¶|chapter|ch\.?) (?=\d)/g, " ");
  q = q.replace(/ (\d+(?:\.\d+)+)\.?(?=[ ,;:?!)])/g, function (_, n) { out.numbers.push(n); return " "; });
  out.words = q.trim();
  return out;
}

function inArea(i, area) {
  return !area || data.pages[data.entries[i][0]][2] === area;
}

function mentionsAct(i, n) {
  needText();
  var e = data.entries[i];
  var re = new RegExp("\\b(?:section|s\\.?) ?" + n + "(?![\\d.])", "i");
  return re.test(e[4]) || re.test(e[6] || "");
}

// Paragraphs found by their place: number (exact, then the section or chapter it opens), a
// chapter's section N, or a section of an Act. Scores above any word match, so they come first.
function structural(p) {
  var found = new Map();
  function add(i, score) { if (inArea(i, p.area) && data.entries[i][1]) found.set(i, Math.max(found.get(i) || 0, score)); }
  var acts = p.acts.slice(), sections = [];
  p.sections.forEach(function (n) {
    // "section 1 protection of children act": the Act's; "section 7": the chapter's, if any has one
    if (/\bacts?\b/.test(p.words)) acts.push(n); else sections.push(n);
  });
  data.entries.forEach(function (e, i) {
    p.numbers.forEach(function (n) {
      if (e[2] === n) add(i, 1000);
      else if (e[2].indexOf(n + ".") === 0) add(i, 600 - i * 1e-4);
    });
    sections.forEach(function (n) {
      if (e[2].indexOf(n + ".") === 0 && e[2].split(".").length === 2) add(i, 600 - i * 1e-4);
      else if (!e[2] && new RegExp("^" + n + "\\.? ").test(e[6] || "")) add(i, 600 - i * 1e-4);
    });
  });
  sections.forEach(function (n) {   // "section 47" where no chapter has a section 47: an Act's
    var any = false;
    found.forEach(function (_, i) { var e = data.entries[i]; if (e[2].indexOf(n + ".") === 0 || (e[6] || "").indexOf(n + ".") === 0) any = true; });
    if (!any) acts.push(n);
  });
  acts.forEach(function (n) {
    data.entries.forEach(function (e, i) { if (mentionsAct(i, n)) add(i, 400); });
  });
  return found;
}

function exists(word, prefix) {
  return mini.search(word, { prefix: prefix, fuzzy: false }).length > 0;
}

// The word-search part: MiniSearch with prefix on the last word, fuzzy only where a word finds
// nothing, and "webcam" also as "web cam" (and the reverse).
function wordSearch(words, area) {
  var tokens = tokenize(words).filter(function (t) { return processTerm(t) !== null; });
  if (!tokens.length) return { hits: new Map(), corrected: null, count: 0 };
  var queries = [], corrected = [];
  tokens.forEach(function (t, k) {
    // prefix on the word being typed, once it has two letters ("c" would be every c-word)
    var last = k === tokens.length - 1 && t.length > 1;
    if (exists(t, last)) queries.push({ queries: [t], prefix: last, fuzzy: false });
    else {
      var alts = [];
      for (var cut = 2; cut <= t.length - 2; cut++) {   // "webcam" -> "web cam"
        var a = t.slice(0, cut), b = t.slice(cut);
        if (processTerm(a) && processTerm(b) && exists(a, false) && exists(b, false)) {
          alts.push({ combineWith: "AND", queries: [a, b], prefix: false, fuzzy: false });
        }
      }
      if (alts.length) queries.push({ combineWith: "OR", queries: alts });
      else {
        queries.push({ queries: [t], prefix: false, fuzzy: t.length > 3 ? 0.25 : false, maxFuzzy: 2 });
        corrected.push(t);
      }
    }
    if (k > 0) {   // "web cam" -> also "webcam"
      var joined = tokens[k - 1] + t;
      if (exists(joined, false)) queries.push({ queries: [joined], prefix: false, fuzzy: false, boost: 2 });
    }
  });
  var results = mini.search({ combineWith: "OR", queries: queries }, {
    filter: function (r) { return inArea(r.id, area); }
  });
  var hits = new Map();
  results.forEach(function (r) {
    // Coordination: a paragraph with more of the words typed ranks above one with a rare word
    var share = Math.min(1, r.queryTerms.length / tokens.length);
    hits.set(r.id, { score: r.score * share * share, terms: r.terms, queryTerms: r.queryTerms });
  });
  var fix = null;
  if (corrected.length && results.length) {
    fix = words;
    corrected.forEach(function (t) {
      var best = results.find(function (r) { return r.queryTerms.indexOf(processTerm(t)) !== -1 || r.queryTerms.indexOf(t) !== -1; });
      var term = best && best.terms.find(function (x) { return processTerm(x) !== processTerm(t); });
      var word = term && surface(best.id, term);
      if (word) fix = fix.replace(new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), word);
    });
  }
  return { hits: hits, corrected: fix, count: tokens.length };
}

// The word as the paragraph writes it, for an index term (a stem): "groom" -> "grooming".
function surface(i, term) {
  needText();
  var e = data.entries[i], m;
  var text = e[4] + " " + e[5] + " " + (e[6] || "");
  WORD.lastIndex = 0;
  while ((m = WORD.exec(text))) {
    var parts = tokenize(m[0]);
    for (var k = 0; k < parts.length; k++) if (processTerm(parts[k]) === term) return parts[k].toLowerCase();
  }
  return null;
}

/* --- Our own pages, the glossary ---------------------------------------------------------- */

function ours(i) { return !data.pages[data.entries[i][0]][2]; }

// The query names one of our pages when it has every word of the page's title ("glossary",
// "concerns about a colleague"), not merely one of them ("grooming").
function namesPage(i, words) {
  var asked = tokenize(words).map(processTerm).filter(Boolean);
  var title = tokenize(data.pages[data.entries[i][0]][1]).map(processTerm).filter(Boolean);
  return title.length > 0 && title.every(function (t) { return asked.indexOf(t) !== -1; });
}

// The glossary term the whole query names ("LADO", "sexting"): shown as one line above.
function definition(words) {
  var w = words.trim().toLowerCase();
  if (!w || !data.terms) return null;
  return data.terms.find(function (t) { return t[3].some(function (f) { return f.toLowerCase() === w; }); }) || null;
}

/* --- Search ------------------------------------------------------------------------------- */

function search(query) {
  if (mini instanceof Sharded) mini.memo = new Map();
  try { return searchOnce(query); } finally { if (mini instanceof Sharded) mini.memo = null; }
}

function searchOnce(query) {
  var p = parse(query);
  var found = structural(p);
  var w = wordSearch(p.words, p.area);
  var ranked = [];
  var structuredOnly = found.size > 0;
  var asked = p.acts.concat(p.sections);   // marked in the snippets: "Section 47", "s47"
  var actTerms = asked.length ? ["section"].concat(asked, asked.map(function (n) { return "s" + n; })) : [];
  found.forEach(function (score, i) {
    var h = w.hits.get(i);
    ranked.push({ i: i, score: score + (h ? h.score : 0), terms: (h ? h.terms : []).concat(actTerms) });
  });
  w.hits.forEach(function (h, i) {
    if (found.has(i) || !data.entries[i][1] && !ours(i)) return;
    var score = h.score;
    if (ours(i)) score = namesPage(i, p.words) ? score + 500 : score * 1e-4;   // below every chapter paragraph, unless named
    // with a number or section asked for, word matches elsewhere come after it
    ranked.push({ i: i, score: structuredOnly ? score * 0.01 : score, terms: h.terms });
  });
  ranked.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
  var items = [];
  var note = w.corrected ? '<span class="hb-search-corrected">Showing results for <b>' + escape(w.corrected) + "</b></span>" : "";
  var term = definition(p.words);
  // Material shows a lone item with an anchor as its title only: the definition is the title.
  if (term) items.push([{ location: term[4] || "", title: note + '<span class="hb-search-define"><b>' + escape(term[0]) + "</b>" +
    (term[1] ? " (" + escape(term[1]) + ")" : "") + ": " + escape(term[2]) + " <i>Glossary</i></span>", text: "", score: 0, terms: {} }]);
  groups(ranked.slice(0, MAX_RESULTS)).forEach(function (g, k) {
    items.push(render(g, query, k === 0 && !term ? note : ""));
  });
  return { items: items, total: ranked.length };
}

// Paragraphs in rank order, runs of the same page in one group (at most GROUP_MAX): the best
// paragraph is always the first one shown, and none is folded under "more on this page".
function groups(ranked) {
  var out = [];
  ranked.forEach(function (r) {
    var page = data.entries[r.i][0], last = out[out.length - 1];
    if (last && last.page === page && last.items.length < GROUP_MAX) last.items.push(r);
    else out.push({ page: page, items: [r] });
  });
  return out;
}

/* --- Results (Material's SearchItem shape; title and text are HTML, so escape first) ------ */

function escape(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Marks every word whose index term is one the paragraph matched on (its stem, or a longer word
// for the word being typed).
function mark(text, terms) {
  var out = "", at = 0, m;
  if (!terms.length) return escape(text);
  WORD.lastIndex = 0;
  while ((m = WORD.exec(text))) {
    var hit = tokenize(m[0]).some(function (t) { var s = processTerm(t); return s && terms.indexOf(s) !== -1; });
    if (!hit) continue;
    out += escape(text.slice(at, m.index)) + "<mark>" + escape(m[0]) + "</mark>";
    at = m.index + m[0].length;
  }
  return out + escape(text.slice(at));
}

function snippet(text, terms) {
  if (text.length <= SNIPPET) return mark(text, terms);
  var first = -1, m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(text)) && first === -1) {
    if (tokenize(m[0]).some(function (t) { return terms.indexOf(processTerm(t)) !== -1; })) first = m.index;
  }
  var start = Math.max(0, first - 60);
  start = start > 0 ? text.lastIndexOf(" ", start) + 1 : 0;
  var cut = text.slice(start, start + SNIPPET);
  return (start > 0 ? "… " : "") + mark(cut, terms) + (start + SNIPPET < text.length ? " …" : "");
}

function render(group, query, note) {
  var page = data.pages[group.page];
  var words = {};
  tokenize(query).forEach(function (t) { if (processTerm(t)) words[t.toLowerCase()] = true; });
  // score 0 on the page's own line: Material folds a paragraph only when it scores below it
  var items = [{ location: page[0], title: note + escape(page[1]), text: "", score: 0, terms: words }];
  group.items.forEach(function (x) {
    var e = data.entries[x.i];
    var terms = x.terms.map(function (t) { return processTerm(t) || t; });
    var text = snippet(e[4], terms);
    // Say why a paragraph matched words it does not contain: the glossary names it knows.
    var via = e[5] ? e[5].split("; ").filter(function (form) {
      return tokenize(form).some(function (t) { return terms.indexOf(processTerm(t)) !== -1; });
    }) : [];
    if (via.length) text += ' <em class="hb-search-via">(found through the glossary: ' + escape(via.join(", ")) + ")</em>";
    items.push({ location: e[1] ? page[0] + "#" + e[1] : page[0], title: escape(e[3]), text: text,
                 score: Math.max(x.score, 1e-6), terms: words });
  });
  return items;
}

/* --- Messages ------------------------------------------------------------------------------ */

self.handbookSearch = { build: build, documents: documents, options: OPTIONS, setup: setup, search: search, parse: parse, shardKey: shardKey };

// Only the latest query is answered: the reader types faster than the first shards load, and
// the words typed on the way ("c", "co", "coe") would each cost a search nobody sees.
var pending = null, busy = false, idle = null, answered = null;
var REST_AFTER = 200;   // ms without a query before the next background load (each blocks ~50 ms from disk)
function answer() {
  if (busy) return;
  busy = true;
  load().then(function step() {
    if (pending === null) { busy = false; if (answered) rest(); return; }
    var q = pending, result;
    try {
      result = q ? search(q) : { items: [], total: 0 };
    } catch (e) {
      if (e instanceof Missing) return Promise.all(e.shards.map(loadShard).concat(e.text ? [loadText()] : [])).then(step);
      throw e;
    }
    if (pending === q) pending = null;
    self.postMessage({ type: RESULT, data: result });
    if (!textReady && q) {   // the same answer again with its snippets, unless the reader has typed on
      loadText().then(function () { if (pending === null && answered === q) { pending = q; answer(); } });
    }
    answered = q;
    return step();
  }).catch(function (e) { busy = false; throw e; });
}

// The shards no query has needed yet, one at a time while the reader reads the results.
function rest() {
  if (textReady && !(mini instanceof Sharded && mini.missing().length)) return;
  if (idle !== null) clearTimeout(idle);
  idle = setTimeout(function () {
    idle = null;
    if (!textReady) { if (!busy) loadText().then(rest); else rest(); return; }
    var next = mini instanceof Sharded ? mini.missing()[0] : undefined;
    if (next !== undefined && !busy) loadShard(next).then(rest);
    else if (next !== undefined) rest();
  }, REST_AFTER);
}

if (typeof self.addEventListener === "function") {
  self.addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      load().then(function () { self.postMessage({ type: READY }); });
    } else if (message.type === QUERY) {
      pending = String(message.data || "").trim();
      if (idle) rest();   // put the background loading off while the reader types
      answer();
    }
  });
}
