// Moves every inline <script> of dist/index.html into dist/boot.js and checks that the
// page then has no inline script and only relative asset URLs, so it runs under the
// Content-Security-Policy (no 'unsafe-inline') and from any sub-path.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const file = join(dist, "index.html");
let html = readFileSync(file, "utf8");
const inline = /<script([^>]*)>([\s\S]*?)<\/script>/g;
const bodies = [];
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || body.trim() === "") return whole;
  bodies.push(body.trim());
  return "";
});
if (bodies.length > 0) {
  writeFileSync(join(dist, "boot.js"), bodies.join("\n") + "\n");
  html = html.replace("</head>", '<script type="module" src="./boot.js"></script>\n</head>');
}
const absolute = [...html.matchAll(/\b(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length > 0) {
  console.error(`dist/index.html has absolute asset URLs: ${absolute.join(", ")}`);
  process.exit(1);
}
writeFileSync(file, html);
