// End-to-end smoke test of the built site in headless Chromium: the page loads from a
// sub-path under its Content-Security-Policy with no console error or failed request,
// the app renders, and the language switch works. Screenshots go to target/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, SHOTS } from "./browser.mjs";

test("the shell renders under its CSP, from a sub-path, with no errors", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator("h1.brand").waitFor();
    assert.equal(await page.locator("h1.brand").textContent(), "stsplay");
    await page.locator(".graph-svg").waitFor();
    for (const id of ["editor", "steps", "graph", "inspector", "log", "console"]) {
      assert.ok(await page.locator(`section#${id}`).isVisible(), `panel ${id} is visible`);
    }
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline scripts");
    await page.screenshot({ path: `${SHOTS}/shell-en.png` });

    await page.getByRole("button", { name: "简体中文" }).click();
    await page.locator("#editor-title", { hasText: "清单" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    await page.screenshot({ path: `${SHOTS}/shell-zh.png` });

    await page.reload();
    await page.locator("#editor-title", { hasText: "清单" }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a narrow screen stacks the panels", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(base);
    await page.locator("h1.brand").waitFor();
    const editor = await page.locator("section#editor").boundingBox();
    const steps = await page.locator("section#steps").boundingBox();
    assert.ok(steps.y > editor.y + editor.height - 1, "steps sit below the editor");
    assert.ok(Math.abs(steps.x - editor.x) < 1, "panels share one column");
    await page.screenshot({ path: `${SHOTS}/shell-narrow.png`, fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
