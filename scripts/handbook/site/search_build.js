// Makes the search index's MiniSearch part at build time (called by site/search.py):
//   node search_build.js WORKER -   with {"library": MiniSearch's UMD source, "data": index} on stdin
// prints MiniSearch's serialised index (toJSON) of the entries, cut into shards by the first
// letters of its terms: {"base": the index without its terms, "bounds": each shard's first key,
// "shards": [[term, postings], ...] per shard}. Loading MiniSearch's index is most of the time to
// the first result at scale (about 1 s at 1,000 chapters), and a query needs only the shards of
// its words, so the browser loads those first and the rest afterwards. The worker's own code
// cuts the text into words (handbookSearch.build), so the index and the browser's queries agree,
// and its own shardKey says which shard a term is in.
"use strict";
const fs = require("fs");
const vm = require("vm");

const SHARDS = 24;   // about 40 KB of postings each at the real 5 chapters, 0.5 MB at 1,000
const [worker] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const sandbox = { URL, console };
sandbox.self = sandbox;
vm.createContext(sandbox);
vm.runInContext(input.library, sandbox, { filename: "minisearch.js" });
vm.runInContext(fs.readFileSync(worker, "utf8"), sandbox, { filename: worker });
const search = sandbox.handbookSearch;
const js = search.build(input.data).toJSON();

// Terms grouped by key, keys in order, cut into runs of about equal size: a shard is a range of keys.
const byKey = new Map();
for (const row of js.index) {
  const key = search.shardKey(row[0]);
  if (!byKey.has(key)) byKey.set(key, { rows: [], size: 0 });
  const group = byKey.get(key);
  group.rows.push(row);
  group.size += JSON.stringify(row).length;
}
const keys = [...byKey.keys()].sort();
const total = keys.reduce((n, k) => n + byKey.get(k).size, 0);
const bounds = [], shards = [];
let size = Infinity;
for (const key of keys) {
  if (size >= total / SHARDS) { bounds.push(shards.length ? key : ""); shards.push([]); size = 0; }
  shards[shards.length - 1].push(...byKey.get(key).rows);
  size += byKey.get(key).size;
}
if (!shards.length) { bounds.push(""); shards.push([]); }
process.stdout.write(JSON.stringify({ base: Object.assign({}, js, { index: [] }), bounds, shards }));
