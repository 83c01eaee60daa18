// Makes the search index's MiniSearch part at build time (called by site/search.py):
//   node search_build.js WORKER -   with {"library": MiniSearch's UMD source, "data": index} on stdin
// prints MiniSearch's serialised index (toJSON) of the entries. The worker's own code cuts the
// text into words (handbookSearch.build), so the index and the browser's queries agree.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [worker] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const sandbox = { URL, console };
sandbox.self = sandbox;
vm.createContext(sandbox);
vm.runInContext(input.library, sandbox, { filename: "minisearch.js" });
vm.runInContext(fs.readFileSync(worker, "utf8"), sandbox, { filename: worker });
const mini = sandbox.handbookSearch.build(input.data);
process.stdout.write(JSON.stringify(mini));
