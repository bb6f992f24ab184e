// Prints the size of every file in dist/ (raw, gzip -9, brotli quality 11) and how the
// whole site compares with its budget (300 KB brotli). It fails when the site grows past
// the ceiling (SIZE_CEILING_KB, 433 by default): the site is over its budget today (see
// ARCHITECTURE.md, "Bundle"), and the ceiling keeps it from growing while that is worked off.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const budget = 300 * 1000;
const ceiling = Number(process.env.SIZE_CEILING_KB ?? 433) * 1000;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!name.startsWith(".")) files.push(path);
  }
})(dist);

const kb = (n) => (n / 1000).toFixed(1).padStart(8) + " KB";
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
for (const path of files) {
  const data = readFileSync(path);
  const row = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
  for (const k in total) total[k] += row[k];
  console.log(`${relative(dist, path).padEnd(44)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
}
console.log(`${"total".padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
console.log(`budget: ${(budget / 1000).toFixed(0)} KB brotli; used ${((100 * total.brotli) / budget).toFixed(1)}%`);
if (total.brotli > budget) {
  console.log(`OVER BUDGET: the site is ${((total.brotli - budget) / 1000).toFixed(1)} KB brotli over its 300 KB budget`);
}
if (total.brotli > ceiling) {
  console.error(`the site is over the ceiling of ${(ceiling / 1000).toFixed(0)} KB brotli by ${((total.brotli - ceiling) / 1000).toFixed(1)} KB`);
  process.exit(1);
}
