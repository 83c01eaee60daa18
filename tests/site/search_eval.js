// Runs queries through the search worker in node, as the browser would (tests/site/test_search_relevance.py):
//   node search_eval.js WORKER MINISEARCH INDEX_JS   with a JSON list of queries on stdin
// prints, per query, what the worker answers: Material's result items, in order.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [worker, library, index] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const sandbox = { URL, console, Promise, setTimeout };
sandbox.self = sandbox;
sandbox.location = { href: "file:///site/assets/javascripts/workers/handbook-search.js" };
const files = { "minisearch.js": library, "handbook_index.js": index };
sandbox.importScripts = (url) => vm.runInContext(fs.readFileSync(files[path.basename(url)], "utf8"), sandbox);
let answer = null;
sandbox.postMessage = (message) => { answer = message; };
let listener = null;
sandbox.addEventListener = (type, fn) => { listener = fn; };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(worker, "utf8"), sandbox, { filename: worker });

(async () => {
  const send = async (message) => { answer = null; listener({ data: message });
    for (let k = 0; k < 1000 && answer === null; k++) await new Promise((r) => setTimeout(r, 0));
    return answer; };
  await send({ type: 0, data: {} });
  const out = [];
  for (const q of queries) out.push((await send({ type: 2, data: q })).data);
  process.stdout.write(JSON.stringify(out));
})();
