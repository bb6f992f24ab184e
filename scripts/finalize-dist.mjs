// Moves every inline <script> of dist/index.html into dist/boot.js (with the embed's
// click-to-load switch) and checks that the page then has no inline script and only
// relative asset URLs, so it runs under the Content-Security-Policy (no 'unsafe-inline')
// and from any sub-path. Leaves out the lessons' README (the site never reads it) and
// joins the lesson files into one bundle, lessons/all.txt. Then
// writes the offline worker dist/sw.js from static/sw.js with the list of dist files and
// a build id (a hash of their contents), and has boot.js register it with a relative URL
// and scope once the app has started and the page is idle. The wasm-bindgen bindings and
// the stylesheet are minified (esbuild) first; the stylesheet's integrity hash in the page
// follows its new contents.
//
// The loader fetches and compiles the wasm (streaming, as it arrives) while the bindings
// load, rather than after them; a host that does not serve the wasm as application/wasm
// makes streaming compilation fail, and the bindings then fetch it again and compile it
// from its bytes, as before (so does a browser without streaming compilation).
import { transformSync } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

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
// The worker caches every file of the build as it installs (the wasm fetched a second
// time among them): registered at once, that competes with the first visit's own loading
// and compiling, so it waits until the app has started and the page is idle.
const register = `if ("serviceWorker" in navigator) {
  const register = () => navigator.serviceWorker.register("./sw.js", { scope: "./" }).catch(() => {});
  if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 200);
}`;
if (bodies.length > 0) {
  writeFileSync(join(dist, "boot.js"), clickToLoad(bodies.join("\n")) + "\n");
  html = html.replace("</head>", '<script type="module" src="./boot.js"></script>\n</head>');
  // The loader fetches the wasm itself; preloading it would defeat click-to-load.
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
}
// An embed with `click=1` shows a light placeholder and fetches the bindings and the wasm
// only when "Load the playground" is pressed; every other page starts at once.
function clickToLoad(body) {
  const importLine = /import init, \* as bindings from (['"][^'"]+['"]);/;
  const initCall = /await init\(\{ module_or_path: (['"][^'"]+['"]) \}\)/;
  if (!importLine.test(body) || !initCall.test(body)) {
    console.error("dist/index.html: Trunk's loader no longer has the expected import and init call");
    process.exit(1);
  }
  const wasmUrl = initCall.exec(body)[1];
  const start = body
    .replace(
      importLine,
      `const compiled = (typeof WebAssembly.compileStreaming === "function"
  ? WebAssembly.compileStreaming(fetch(${wasmUrl})).catch(() => ${wasmUrl})
  : ${wasmUrl});
const bindings = await import($1);
const init = bindings.default;`,
    )
    .replace(initCall, "await init({ module_or_path: await compiled })");
  return `async function start() {
${start}
${register}
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

// Minified: the same code and the same rules in fewer bytes (about 2 KB brotli).
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  const loader = /^stsplay-web-[0-9a-f]+\.js$/.test(name) ? "js" : name.endsWith(".css") ? "css" : null;
  if (loader === null) continue;
  const before = readFileSync(path);
  const after = transformSync(before.toString("utf8"), { loader, format: loader === "js" ? "esm" : undefined, minify: true }).code;
  writeFileSync(path, after);
  html = html.replace(sri(before), sri(after));
}

const absolute = [...html.matchAll(/\b(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length > 0) {
  console.error(`dist/index.html has absolute asset URLs: ${absolute.join(", ")}`);
  process.exit(1);
}
writeFileSync(file, html);

// The lessons' README is for readers of the repository; the site never fetches it.
rmSync(join(dist, "lessons", "README.md"), { force: true });
// The lessons travel as one file, in the order of index.yaml, separated by a form feed
// (manifest::lesson::BUNDLE_SEPARATOR): compressed together they are about 9 KB brotli
// smaller than one file each. The page reads only the bundle, so the files go.
const lessonsDir = join(dist, "lessons");
// index.yaml lists the stems as a block (`- 01-…`) or a flow list (`lessons: [01-…, …]`).
const ids = readFileSync(join(lessonsDir, "index.yaml"), "utf8")
  .split("\n")
  .map((l) => l.replace(/#.*/, "").trim().replace(/^lessons:/, "").trim().replace(/^\[|\]$/g, ""))
  .flatMap((l) => l.split(","))
  .map((s) => s.trim().replace(/^- /, "").trim())
  .filter((s) => s !== "");
const lessonTexts = ids.map((id) => readFileSync(join(lessonsDir, `${id}.yaml`), "utf8"));
if (ids.length === 0 || lessonTexts.some((t) => t.includes("\f"))) {
  console.error("dist/lessons: no lessons in index.yaml, or a lesson file holds a form feed");
  process.exit(1);
}
writeFileSync(join(lessonsDir, "all.txt"), lessonTexts.join("\f"));
for (const name of readdirSync(lessonsDir)) {
  if (name.endsWith(".yaml")) rmSync(join(lessonsDir, name));
}

// The offline worker: every file of the build but the worker itself and the build stamp.
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dist, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
  .filter((f) => f !== "sw.js" && f !== ".stamp")
  .sort();
const hash = createHash("sha256");
for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dist, f))).update("\0");
const build = hash.digest("hex").slice(0, 16);
const urls = ["./", ...files.map((f) => `./${f}`)];
const worker = readFileSync(new URL("../static/sw.js", import.meta.url), "utf8")
  .replace('"__STSPLAY_BUILD__"', JSON.stringify(build))
  .replace("__STSPLAY_FILES__", JSON.stringify(urls, null, 2));
writeFileSync(join(dist, "sw.js"), worker);
