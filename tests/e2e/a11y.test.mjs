// Accessibility of the playground: axe-core (WCAG 2.0/2.1 A and AA rules) on every stage a
// learner sees, in the light and the dark colour scheme and in English and 简体中文; the
// graph by keyboard (arrow keys move between boxes, Enter opens the inspector, the
// timeline does not step); the wheel zooms the graph without scrolling the page; and a
// keyboard walk with Tab reaches every control, each with a visible focus indicator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { open } from "./browser.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page; returns one line per violation and node. */
async function audit(page, stage) {
  // page.evaluate runs through the DevTools protocol, outside the page's CSP.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async (tags) =>
      (await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }))
        .violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) })),
    TAGS,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${stage}: ${v.id} (${v.help}) at ${n.target}\n    ${n.summary?.replace(/\n/g, "\n    ")}`));
}

for (const colorScheme of ["light", "dark"]) {
  for (const lang of ["en", "zh"]) {
    test(`axe finds no WCAG A/AA violation (${colorScheme}, ${lang})`, async () => {
      const { page, base, problems, close } = await open();
      try {
        await page.emulateMedia({ colorScheme });
        await page.goto(base);
        await page.locator(".step-hint").waitFor();
        if (lang === "zh") {
          await page.getByRole("button", { name: "简体中文" }).click();
          await page.locator("html[lang=zh-CN]").waitFor();
        }
        const found = [];
        found.push(...(await audit(page, "first view")));

        await page.locator("body").press("End");
        await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
        await page.locator('[data-key="PersistentVolumeClaim/default/www-web-0"]').click();
        await page.locator(".inspected").waitFor();
        found.push(...(await audit(page, "settled, claim selected")));

        await page.locator("body").press("?");
        await page.locator(".help").waitFor();
        found.push(...(await audit(page, "shortcuts dialog")));
        await page.locator(".help button").click();

        await page.locator(".lessons-button").click();
        await page.locator(".lessons").waitFor();
        found.push(...(await audit(page, "lessons panel")));
        await page.locator(".lessons-head button").click();

        await page.locator(".dns-query input").fill("web-0.nginx");
        await page.locator(".dns-trace", { hasText: "web-0.nginx.default.svc.cluster.local" }).waitFor();
        found.push(...(await audit(page, "DNS answer")));

        await page.locator(".prompt input").fill("kubectl get pods");
        await page.locator(".prompt input").press("Enter");
        await page.locator(".transcript .output", { hasText: "web-2" }).waitFor();
        found.push(...(await audit(page, "console")));

        if (found.length) console.log(found.join("\n"));
        assert.deepEqual(found, []);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}

test("arrow keys move between graph boxes, Enter opens one, the timeline stays", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    await page.locator("body").press("End");
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    const position = await page.locator(".controls .position").textContent();
    const focusedKey = () => page.evaluate(() => document.activeElement?.getAttribute("data-key"));

    // Tab enters the graph once: exactly one box is in the tab order.
    assert.equal(await page.locator('.graph-svg .object[tabindex="0"]').count(), 1);
    await page.locator('[data-key="Pod/default/web-0"]').focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await focusedKey(), "PersistentVolumeClaim/default/www-web-0");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focusedKey(), "PersistentVolumeClaim/default/www-web-1");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await focusedKey(), "Pod/default/web-1");
    await page.keyboard.press("ArrowUp");
    assert.equal(await focusedKey(), "Pod/default/web-0");
    await page.keyboard.press("ArrowDown");
    const box = page.locator('[data-key="Pod/default/web-1"]');
    assert.equal(await box.getAttribute("tabindex"), "0", "the roving tabindex follows the focus");
    assert.match(await box.locator("title").textContent(), /^Pod web-1, Ready · node-\d · 10\.244\./);
    assert.equal(await page.getByRole("button", { name: /^Pod web-1, Ready/ }).count(), 1, "the title names the box");
    const ring = await box.evaluate((e) => getComputedStyle(e).outlineStyle);
    assert.notEqual(ring, "none", "the focused box shows a focus ring");

    await page.keyboard.press("Enter");
    await page.locator(".inspected", { hasText: "web-1" }).waitFor();
    assert.equal(await page.locator(".controls .position").textContent(), position, "the arrows did not step");

    await box.focus();
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("graph-svg")), true);
    // Outside the graph the arrows still step the timeline.
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press("ArrowLeft");
    await page.locator(".controls .position", { hasNotText: position }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("the wheel zooms the graph and does not scroll the page", async () => {
  const { page, base, problems, close } = await open();
  try {
    // A narrow window stacks the panels, so the page itself can scroll.
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    await page.locator("body").press("End");
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    const svg = page.locator(".graph-svg");
    await svg.scrollIntoViewIfNeeded();
    const room = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
    assert.ok(room > 100, "the page could scroll further down under the graph");
    const before = { viewBox: await svg.getAttribute("viewBox"), scrollY: await page.evaluate(() => scrollY) };
    const b = await svg.boundingBox();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction((v) => document.querySelector(".graph-svg").getAttribute("viewBox") !== v, before.viewBox);
    // Let a scroll the wheel might have caused land before reading the position.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.equal(await page.evaluate(() => scrollY), before.scrollY);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("Tab reaches every control, each with a visible focus indicator", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    await page.locator("body").press("End");
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    // Every control a learner could reach: visible, enabled, not taken out of the order.
    const controls = await page.evaluate(() => {
      const all = document.querySelectorAll("button, input, select, textarea, summary, a[href], [tabindex]");
      return [...all]
        .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0)
        .map((e, i) => (e.dataset.walk = String(i)));
    });
    const reached = new Set();
    const unmarked = [];
    const invisible = [];
    for (let i = 0; i < 400; i++) {
      const was = await page.evaluate(() => document.activeElement?.tagName);
      if (was === "TEXTAREA") await page.keyboard.press("Escape"); // the editor's way out
      await page.keyboard.press("Tab");
      const at = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const frame = e.closest(".editor-frame");
        const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"
          || (frame && getComputedStyle(frame).outlineStyle !== "none");
        return { walk: e.dataset.walk, name: e.getAttribute("aria-label") ?? e.textContent.trim().slice(0, 30) ?? e.tagName, ring };
      });
      if (!at) continue;
      if (at.walk === undefined) unmarked.push(at.name);
      if (!at.ring) invisible.push(at.name);
      if (reached.has(at.walk)) break;
      reached.add(at.walk);
    }
    const missed = controls.filter((c) => !reached.has(c));
    assert.deepEqual(missed, [], "controls Tab never reached");
    assert.deepEqual(invisible, [], "focused controls without a visible indicator");
    assert.deepEqual(unmarked, [], "focus went to an element that is not a control");
    assert.ok(reached.size > 20, `only ${reached.size} controls reached`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
