// Moves every inline <script> of dist/index.html into dist/boot.js (with the embed's
// click-to-load switch) and checks that the page then has no inline script and only relative asset
// URLs, so it runs under the Content-Security-Policy (no 'unsafe-inline') and from any sub-path.
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
  writeFileSync(join(dist, "boot.js"), clickToLoad(bodies.join("\n")) + "\n");
  html = html.replace("</head>", '<script type="module" src="./boot.js"></script>\n</head>');
  // The loader fetches the wasm itself; preloading it would defeat click-to-load.
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
}
// An embed with `click=1` shows a light placeholder and fetches the bindings and the wasm
// only when "Load the playground" is pressed; every other page starts at once.
function clickToLoad(body) {
  const start = body.replace(
    /import init, \* as bindings from (['"][^'"]+['"]);/,
    "const bindings = await import($1);\nconst init = bindings.default;",
  );
  return `async function start() {
${start}
}
const params = new URLSearchParams(location.search);
if (params.get("embed") === "1" && params.get("click") === "1") {
  const zh = (params.get("lang") ?? "").startsWith("zh");
  const box = document.createElement("div");
  box.className = "click-to-load";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = zh ? "加载演练场" : "Load the playground";
  button.addEventListener("click", () => { box.remove(); start(); }, { once: true });
  box.append(button);
  document.getElementById("app")?.before(box);
} else {
  await start();
}`;
}

const absolute = [...html.matchAll(/\b(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length > 0) {
  console.error(`dist/index.html has absolute asset URLs: ${absolute.join(", ")}`);
  process.exit(1);
}
writeFileSync(file, html);
