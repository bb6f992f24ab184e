// Offline after the first visit: the worker that boot.js registers caches the build, takes
// control of the page, and with the network gone a reload still renders the playground and
// opens a lesson (lessons are files fetched next to the page). Also checks the worker's
// file list against dist/, so a new kind of file cannot be left out of the cache.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { open } from "./browser.mjs";

test("the playground works offline after the first visit", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, base, "the worker's scope is the page's own sub-path");

    await page.context().setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    await page.reload();
    await page.locator(".step-hint").waitFor();
    await page.getByRole("button", { name: "Lessons" }).click();
    await page.getByRole("button", { name: /StatefulSet basics/ }).click();
    await page.locator(".guide").getByRole("button", { name: "Next" }).click();
    await page.locator('[data-key="Pod/default/web-0"].ready').waitFor();
    // A shared link with a query is still the page (it reopens the saved lesson).
    await page.goto(`${base}?from=offline`);
    await page.locator(".guide").waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("the worker lists every file of the build and a build id", () => {
  const worker = readFileSync("dist/sw.js", "utf8");
  const listed = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(worker)[1]);
  const files = readdirSync("dist", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `./${relative("dist", join(e.parentPath ?? e.path, e.name)).split(sep).join("/")}`)
    .filter((f) => f !== "./sw.js" && f !== "./.stamp");
  assert.deepEqual([...listed].sort(), ["./", ...files].sort());
  assert.ok(listed.includes("./index.html") && listed.includes("./boot.js"));
  assert.ok(listed.some((f) => f.endsWith(".wasm")) && listed.some((f) => f.startsWith("./lessons/")));
  assert.match(worker, /const BUILD = "[0-9a-f]{16}";/);
  assert.match(readFileSync("dist/boot.js", "utf8"), /serviceWorker\.register\("\.\/sw\.js", \{ scope: "\.\/" \}\)/);
});
