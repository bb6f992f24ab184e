// Browser performance of the built site, printed as numbers with their budgets:
//   time from navigation to an interactive page (first visit and a repeat visit),
//   applying and settling a 1,000-replica StatefulSet in the browser,
//   step + re-render latency with about 100 and about 1,000 objects in the cluster,
//   memory (JS heap and wasm memory) once the simulation holds 10,000 steps.
// Run `./scripts/perf.sh` (builds dist/ when needed), or `node scripts/perf.mjs` against an
// existing dist/ (PERF_REPLICAS=N settles N replicas instead of 1,000; PERF_ONLY_LOAD=1 stops
// after the navigation timings). Uses playwright-core
// with the system Chromium, like the end-to-end tests.
// Wasm memory is read from the loader's start event (see dist/boot.js).
//
// The first visit is timed in a fresh browser context (empty HTTP cache, no compiled code,
// no offline worker) once the browser has finished starting: a just-launched Chromium
// spends about a second of CPU building its own pages (the omnibox pop-up's WebUI renderer)
// while the page loads, which no visitor's running browser does. The first visit into the
// just-launched browser is printed too, without a budget, for comparison.
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage", "--enable-precise-memory-info",
];

/** A Parallel StatefulSet with dynamic provisioning and its headless Service. */
function scenario(replicas) {
  return `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  podManagementPolicy: Parallel
  serviceName: web
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];
function report(what, value, budget, unit = "ms") {
  const shown = unit === "ms" ? ms(value) : `${(value / 1e6).toFixed(1)} MB`;
  const verdict = budget === undefined ? "" : value <= budget ? "met" : `over by ${ms(value - budget)}`;
  rows.push([what, shown, budget === undefined ? "-" : `≤ ${budget} ms`, verdict]);
  console.log(`${what}: ${shown}${budget === undefined ? "" : ` (budget ${budget} ms: ${verdict})`}`);
}

/** The cursor and total as the step controls show them. */
async function position(page) {
  const [cursor, total] = (await page.locator(".controls .position").textContent()).split(" / ").map(Number);
  return { cursor, total };
}

/** Replaces the manifests, applies them and plays to the end (the End key settles the
 * cluster); returns the time from Apply until the settled trace is on screen. */
async function applyScenario(page, yaml) {
  const editor = page.getByLabel("Kubernetes manifests (YAML)");
  await editor.fill(yaml);
  const started = await page.evaluate(() => performance.now());
  await page.locator(".editor-actions .apply").click();
  await page.locator("body").press("End", { timeout: 600_000 });
  await page.waitForFunction(
    () => {
      const controls = document.querySelector(".controls");
      const text = controls?.querySelector(".position")?.textContent ?? "";
      const [cursor, total] = text.split(" / ").map(Number);
      return controls?.getAttribute("aria-busy") === "false" && cursor === total && total > 100;
    },
    null,
    { timeout: 600_000, polling: 5 },
  );
  const ended = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now()))));
  return ended - started;
}

/** Presses a key and measures until the step position changed and the next frame painted
 * (`frame`), and until the page was updated and laid out (`work`: the frame's time less
 * the wait for the display's next frame, which depends on when in the frame the key came). */
async function stepLatency(page, key) {
  return page.evaluate(
    (key) =>
      new Promise((ok) => {
        const label = document.querySelector(".controls .position");
        const before = label.textContent;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (label.textContent === before) return;
          observer.disconnect();
          document.body.getBoundingClientRect();
          const work = performance.now() - t0;
          requestAnimationFrame(() => ok({ frame: performance.now() - t0, work }));
        });
        observer.observe(label, { childList: true, characterData: true, subtree: true });
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
      }),
    key,
  );
}

async function measureSteps(page, objects, replicas) {
  // A fresh page and cluster, so the objects counted are the only ones (no history left
  // by an earlier scenario).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator(".controls .position").waitFor();
  const settled = await applyScenario(page, scenario(replicas));
  console.log(`  (${replicas} replicas settled in ${ms(settled)})`);
  const times = [];
  for (let i = 0; i < 30; i++) times.push(await stepLatency(page, i % 2 ? "ArrowRight" : "ArrowLeft"));
  const frames = times.map((t) => t.frame);
  report(`step + re-render, ~${objects} objects (median of 30)`, median(frames), objects <= 100 ? 16 : 50);
  report(`step + re-render, ~${objects} objects (p95)`, p95(frames));
  report(`  of which updating and laying out the page (median)`, median(times.map((t) => t.work)));
}

/** Waits until the browser's processes together use less than 10% of a core over a
 * quarter of a second (at most 20 s); returns how long that took. */
async function browserIdle(browser) {
  const session = await browser.newBrowserCDPSession();
  const cpu = async () =>
    (await session.send("SystemInfo.getProcessInfo")).processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
  const started = Date.now();
  let last = await cpu();
  while (Date.now() - started < 20_000) {
    await new Promise((ok) => setTimeout(ok, 250));
    const now = await cpu();
    if (now - last < 0.025) break;
    last = now;
  }
  await session.detach();
  return Date.now() - started;
}

async function main() {
  const server = await serve(process.argv[2] ?? "dist", 0, "/");
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
  });
  const newContext = () => browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  // Navigation to interactive: the step hint is on screen and the controls answer keys.
  const interactive = async (page) => {
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    return page.evaluate(() => performance.now());
  };
  const errors = [];
  {
    const cold = await newContext();
    const coldPage = await cold.newPage();
    coldPage.on("pageerror", (e) => errors.push(e.message));
    report("navigation to interactive, first visit, cold browser", await interactive(coldPage));
    await cold.close();
  }
  const context = await newContext();
  const page = await context.newPage();
  console.log(`  (browser idle after ${await browserIdle(browser)} ms)`);
  // The loader announces the started wasm instance; keep its memory to measure it.
  await page.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => (window.stsplayMemory = e.detail.wasm.memory)),
  );
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    report("navigation to interactive, first visit", await interactive(page), 500);
    const repeats = [];
    for (let i = 0; i < 5; i++) repeats.push(await interactive(page));
    report("navigation to interactive, repeat visit (median of 5)", median(repeats), 500);
    if (!process.env.PERF_ONLY_LOAD) {
      // Settling 1,000 replicas in the browser (wasm), including the first render.
      await page.evaluate(() => localStorage.clear());
      const big = Number(process.env.PERF_REPLICAS ?? 1000);
      report(`apply + settle ${big} replicas in the browser`, await applyScenario(page, scenario(big)), big === 1000 ? 60 : undefined);
      const { total: bigSteps } = await position(page);
      console.log(`  (${bigSteps} steps)`);

      // Step latency: 30 replicas make about 100 objects (a pod, a claim, a volume each),
      // 330 about 1,000.
      await measureSteps(page, 100, 30);
      await measureSteps(page, 1000, 330);

      // Memory with 10,000 steps in the timeline, from a fresh page and cluster.
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.locator(".controls .position").waitFor();
      const replicas = Math.ceil((10_000 * big) / Math.max(1, bigSteps));
      await applyScenario(page, scenario(replicas));
      const { total } = await position(page);
      const { wasm, heap } = await page.evaluate(() => ({
        wasm: window.stsplayMemory?.buffer.byteLength ?? 0,
        heap: performance.memory?.usedJSHeapSize ?? 0,
      }));
      console.log(`memory with ${total} steps (${replicas} replicas):`);
      report(`  wasm memory (${total} steps)`, wasm, undefined, "bytes");
      report(`  JS heap (${total} steps)`, heap, undefined, "bytes");
    }
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
  console.log("\nsummary");
  for (const [what, value, budget, verdict] of rows) {
    console.log(`${what.padEnd(56)}${value.padStart(12)}  ${budget.padEnd(10)} ${verdict}`);
  }
  if (errors.length) {
    console.error(`page errors:\n${errors.join("\n")}`);
    process.exit(1);
  }
}

await main();
