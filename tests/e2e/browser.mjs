// Shared set-up of the end-to-end tests: serves dist/ on 127.0.0.1 under a sub-path and
// drives Debian's Chromium through playwright-core, recording console errors and failed
// requests so that every test can fail on them.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";

export const SHOTS = "target/e2e";
mkdirSync(SHOTS, { recursive: true });

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Starts the server and the browser; returns what a test needs and a `close`. */
export async function open({ prefix = "/stsplay/sub/", locale = "en-US" } = {}) {
  const server = await serve("dist", 0, prefix);
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const userDataDir = mkdtempSync(join(tmpdir(), "stsplay-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    locale,
  });
  const problems = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const close = async () => {
    await context.close();
    await new Promise((ok) => server.close(ok));
  };
  return { page, base, problems, close };
}
