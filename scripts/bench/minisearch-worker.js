/* Benchmark only (scripts/benchmark_search.py): the same worker protocol over MiniSearch, with
 * its index either built in the browser at the first search ("minisearch") or loaded from a
 * serialised index made at build time ("minisearch-prebuilt"). Results are rendered simply. */
"use strict";
var here = (typeof document !== "undefined" && document.currentScript) ? document.currentScript.src : self.location.href;
var base = new URL("../../../search/", here).href;
var mini = null, data = null, ready = null;
var OPTIONS = { fields: ["number", "title", "text", "keywords"], idField: "id",
                searchOptions: { prefix: true, combineWith: "AND", boost: { number: 10, title: 5, keywords: 2 } } };
function load() {
  if (ready) return ready;
  ready = Promise.resolve(importScripts(new URL("minisearch.js", base).href))
    .then(function () { return importScripts(new URL(self.__bench_prebuilt ? "minisearch_index.js" : "handbook_index.js", base).href); })
    .then(function () {
      if (self.__minisearch_json) {
        mini = MiniSearch.loadJSON(self.__minisearch_json, OPTIONS);
        data = self.__minisearch_pages;
      } else {
        data = self.__handbook_index;
        mini = new MiniSearch(OPTIONS);
        mini.addAll(data.entries.map(function (e, i) { return { id: i, number: e[2], title: e[3], text: e[4], keywords: e[5] }; }));
      }
    });
  return ready;
}
function search(q) {
  var hits = mini.search(q), groups = new Map();
  hits.forEach(function (h) {
    var e = data.entries[h.id], g = groups.get(e[0]);
    if (!g) groups.set(e[0], g = []);
    g.push({ location: data.pages[e[0]][0] + (e[1] ? "#" + e[1] : ""), title: e[3], text: e[4].slice(0, 200), score: h.score, terms: {} });
  });
  return { items: Array.from(groups.entries()).slice(0, 200).map(function (p) {
    return [{ location: data.pages[p[0]][0], title: data.pages[p[0]][1], text: "", score: p[1][0].score, terms: {} }].concat(p[1].slice(0, 12));
  }), total: groups.size };
}
self.addEventListener("message", function (ev) {
  if (ev.data.type === 0) load().then(function () { self.postMessage({ type: 1 }); });
  else if (ev.data.type === 2) load().then(function () { self.postMessage({ type: 3, data: search(String(ev.data.data)) }); });
});
