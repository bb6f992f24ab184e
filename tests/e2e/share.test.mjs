// End-to-end tests of sharing, saving and embedding: a lesson with its checkpoint done
// survives a reload (same editor text, same step); the Share button's link opens the same
// step in a fresh browser without touching that browser's saved work; broken and
// future-version links say so and the playground still works; an embedded lesson posts
// `stsplay:step` to the page around it; `click=1` loads nothing until clicked; the YAML
// download is one file for kubectl. Screenshots go to target/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { open, SHOTS } from "./browser.mjs";

/** The `solution_manifests` block of a lesson file, unindented. */
function solutionManifests(id) {
  const lines = readFileSync(`static/lessons/${id}.yaml`, "utf8").split("\n");
  const start = lines.indexOf("solution_manifests: |") + 1;
  const body = [];
  for (const line of lines.slice(start)) {
    if (line !== "" && !line.startsWith("  ")) break;
    body.push(line.slice(2));
  }
  return body.join("\n").trim() + "\n";
}

const position = (page) => page.locator(".controls .position").textContent();
const nodeNames = (page) =>
  page.locator("[data-key]").evaluateAll((nodes) => nodes.map((n) => n.dataset.key).sort());

test("a finished lesson is restored on reload: same editor text, same step", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.getByRole("button", { name: "Lessons" }).click();
    await page.getByRole("button", { name: /StatefulSet basics/ }).click();
    const guide = page.locator(".guide");
    while (await guide.getByRole("button", { name: "Next" }).count()) {
      await guide.getByRole("button", { name: "Next" }).click();
    }
    await guide.locator(".task").waitFor();
    const editor = page.getByLabel("Kubernetes manifests (YAML)");
    await editor.fill(solutionManifests("01-statefulset-basics"));
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill("kubectl scale statefulset web --replicas=4");
    await prompt.press("Enter");
    await page.getByRole("button", { name: "Jump to end" }).click();
    await page.locator('[data-key="Pod/default/web-3"].ready').waitFor();
    await guide.getByRole("button", { name: "Check" }).click();
    await guide.locator(".lesson-done").waitFor();
    // Step back a little, so that the cursor is not simply the end.
    await page.getByRole("button", { name: "Step back" }).click();
    await page.getByRole("button", { name: "Step back" }).click();
    const step = await position(page);
    const text = await editor.inputValue();
    const stop = await guide.locator(".position").textContent();
    await page.screenshot({ path: `${SHOTS}/share-1-lesson-done.png` });

    await page.reload();
    await page.locator(".guide .position", { hasText: stop }).waitFor();
    assert.equal(await position(page), step);
    assert.equal(await page.getByLabel("Kubernetes manifests (YAML)").inputValue(), text);
    await page.getByRole("button", { name: "Lessons" }).click();
    await page.locator(".lesson-item", { hasText: "StatefulSet basics" }).locator(".done").waitFor();
    await page.screenshot({ path: `${SHOTS}/share-2-restored.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("Share copies a link that opens the same step in a fresh browser", async () => {
  const first = await open();
  let link;
  let step;
  let names;
  let clock;
  try {
    const { page, base } = first;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(base);
    await page.getByRole("button", { name: "Jump to end" }).click();
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill("kubectl delete pod web-1");
    await prompt.press("Enter");
    for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "Step forward" }).click();
    step = await position(page);
    clock = await page.locator(".controls .clock").textContent();
    names = await nodeNames(page);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await page.locator(".share-status", { hasText: "Link copied" }).waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#s=1\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(first.problems, []);
  } finally {
    await first.close();
  }

  const second = await open();
  try {
    const { page, base, problems } = second;
    // This browser has saved work of its own, which the link must not overwrite.
    await page.goto(base);
    const editor = page.getByLabel("Kubernetes manifests (YAML)");
    await editor.fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n");
    await page.locator("#editor .problems, .controls .position").first().waitFor();
    // Pasted into the same tab, only the fragment changes: the page loads it anew.
    await page.goto(base + link.slice(link.indexOf("#")));
    await page.locator(".controls .position", { hasText: step }).waitFor();
    assert.equal(await position(page), step);
    assert.equal(await page.locator(".controls .clock").textContent(), clock);
    assert.deepEqual(await nodeNames(page), names);
    await page.locator(".transcript", { hasText: "kubectl delete pod web-1" }).waitFor();
    // The replayed commands are marked as coming from the link, not as typed here.
    assert.match(await page.locator(".transcript li").last().textContent(), /^Opened from a shared link/);
    await page.screenshot({ path: `${SHOTS}/share-3-opened-link.png` });
    // Looking and stepping does not save; the learner's own work is back without the link.
    await page.getByRole("button", { name: "Step forward" }).click();
    await page.goto(base);
    await page.waitForFunction(() => document.querySelector("textarea.source")?.value.includes("name: mine"));
    assert.deepEqual(problems, []);
  } finally {
    await second.close();
  }
});

test("every press of Share is announced, in both languages", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(base);
    const status = page.locator(".share-status");
    await status.waitFor({ state: "attached" });
    // What a screen reader is given: the live region's text after each change.
    await status.evaluate((region) => {
      window.announced = [];
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, {
        childList: true, characterData: true, subtree: true,
      });
    });
    const announced = () => page.evaluate(() => window.announced);
    const press = async (count) => {
      await page.locator(".share-button").click();
      await page.waitForFunction((n) => window.announced.length >= n, count);
    };
    await press(1);
    await press(2);
    await press(3);
    const english = await announced();
    assert.equal(english.length, 3, JSON.stringify(english));
    for (const said of english) assert.equal(said.trim(), "Link copied");
    assert.notEqual(english[1], english[0]);
    assert.notEqual(english[2], english[1]);

    await page.getByRole("button", { name: "简体中文" }).click();
    await page.locator("html[lang=zh-CN]").waitFor();
    await page.waitForFunction(() => window.announced.length >= 4);
    await press(5);
    await press(6);
    const chinese = (await announced()).slice(3);
    assert.equal(chinese.length, 3, JSON.stringify(chinese));
    for (const said of chinese) assert.equal(said.trim(), "链接已复制");
    assert.notEqual(chinese[1], chinese[0]);
    assert.notEqual(chinese[2], chinese[1]);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a restored timeline's commands are in the console, marked as replayed", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".controls .position").waitFor();
    // On a first visit the page applies the example but the console starts empty.
    assert.equal(await page.locator(".transcript li").count(), 0);
    const session = () => page.evaluate(() => localStorage.getItem("stsplay.session"));
    const before = await session();
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill("kubectl get pvc");
    await prompt.press("Enter");
    await page.locator(".transcript .command", { hasText: "$ kubectl get pvc" }).waitFor();
    await page.waitForFunction((old) => localStorage.getItem("stsplay.session") !== old, before);

    await page.reload();
    const items = page.locator(".transcript li");
    await page.locator(".transcript .note").waitFor();
    const texts = await items.evaluateAll((lis) => lis.map((li) => li.textContent));
    assert.equal(texts.length, 3, JSON.stringify(texts));
    assert.match(texts[0], /^\$ kubectl apply -f manifests\.yaml/);
    assert.match(texts[1], /^\$ kubectl get pvc/);
    assert.equal(texts[2], "Restored from your last visit: the commands above were run again to rebuild the timeline.");
    await page.screenshot({ path: `${SHOTS}/share-restored-console.png` });

    // What is typed next comes after the note; ↑ recalls commands, never the note.
    await prompt.fill("kubectl get pods");
    await prompt.press("Enter");
    await page.locator(".transcript li").nth(3).waitFor();
    assert.match(await items.nth(3).textContent(), /^\$ kubectl get pods/);
    await prompt.press("ArrowUp");
    assert.equal(await prompt.inputValue(), "kubectl get pods");
    await prompt.press("ArrowUp");
    assert.equal(await prompt.inputValue(), "kubectl get pvc");

    await page.getByRole("button", { name: "简体中文" }).click();
    await page.locator(".transcript .note", { hasText: "已从你上次的访问恢复" }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("when the clipboard is refused, the link is shown selected to copy by hand", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
    });
    await page.goto(base);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const field = page.locator(".share-manual input");
    await field.waitFor();
    assert.match(await field.inputValue(), /#s=1\./);
    assert.notEqual(await field.getAttribute("readonly"), null);
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".share-manual") !== null), true);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("broken and future-version links say so and the playground still works", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(`${base}#s=1.AAAAthisisnotdeflate`);
    await page.locator(".notice", { hasText: "This link is damaged" }).waitFor();
    await page.locator("body").press("ArrowRight");
    await page.locator(".controls .position", { hasText: /^1 \// }).waitFor();
    await page.screenshot({ path: `${SHOTS}/share-4-damaged.png` });
    await page.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await page.locator(".notice").count(), 0);

    await page.goto(`${base}?v=2#s=2.AAAA`);
    await page
      .locator(".notice", { hasText: "made by a newer version of stsplay (format 2); nothing was loaded" })
      .waitFor();
    await page.waitForFunction(() => document.querySelector("textarea.source")?.value.includes("name: pv1"));
    await page.locator("body").press("End");
    await page.locator('[data-key="Pod/default/web-0"].ready').waitFor();
    await page.screenshot({ path: `${SHOTS}/share-5-future.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a damaged saved timeline is reported and kept until the learner changes something", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".controls .position").waitFor();
    await page.evaluate(() => localStorage.setItem("stsplay.session", "1.damaged!"));
    await page.reload();
    await page.locator(".notice", { hasText: "saved timeline could not be read" }).waitFor();
    await page.getByRole("button", { name: "Step forward" }).click();
    await page.locator(".controls .position", { hasText: /^1 \// }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("stsplay.session")), "1.damaged!");
    await page.getByLabel("Kubernetes manifests (YAML)").fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fresh\n");
    await page.waitForFunction(() => localStorage.getItem("stsplay.session")?.startsWith("1.") &&
      localStorage.getItem("stsplay.session") !== "1.damaged!");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("an embed opens an inline scenario at a step, in the theme and language asked for", async () => {
  const first = await open();
  let scenario;
  try {
    const { page, base } = first;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(base);
    await page.getByRole("button", { name: "Jump to end" }).click();
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await page.locator(".share-status", { hasText: "Link copied" }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    scenario = link.slice(link.indexOf("#s=") + 3);
  } finally {
    await first.close();
  }
  const { page, base, problems, close } = await open();
  try {
    await page.goto(`${base}?embed=1&s=${scenario}&step=7&theme=dark&lang=zh&readonly=1&panels=editor,graph&junk=%3Cx%3E`);
    await page.locator(".controls .position", { hasText: /^7 \// }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
    assert.equal(await page.locator("textarea.source").getAttribute("readonly") !== null, true);
    assert.equal(await page.locator("button.apply").count(), 0, "no Apply when read-only");
    assert.equal(await page.locator("#log").count(), 0);
    await page.screenshot({ path: `${SHOTS}/share-8-embed-dark-zh.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("an embed of an unknown lesson says so and still plays the example", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(`${base}?embed=1&lesson=99-no-such-lesson&autoplay=1`);
    await page.locator(".notice", { hasText: '"99-no-such-lesson" is not on this site' }).waitFor();
    // autoplay: the player moves on by itself.
    await page.locator(".controls .position", { hasText: /^[1-9]\d* \// }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

/** Serves one HTML page (the tutorial around the embed) on another port. */
async function tutorial(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { url: `http://127.0.0.1:${server.address().port}/`, close };
}

test("an embedded lesson posts stsplay:step to the tutorial page as it steps", async () => {
  const { page, base, problems, close } = await open();
  const src = `${base}?embed=1&lesson=01-statefulset-basics&step=0&readonly=1&panels=graph,log&lang=en`;
  const host = await tutorial(`<!doctype html><title>tutorial</title>
    <script>window.got = []; addEventListener("message", (e) => window.got.push(e.data));</script>
    <iframe src="${src}" width="1000" height="600"></iframe>`);
  try {
    await page.goto(host.url);
    const frame = page.frameLocator("iframe");
    await frame.locator(".guide").waitFor();
    assert.equal(await frame.locator(".topbar").count(), 0, "no header in an embed");
    assert.equal(await frame.locator("#editor").count(), 0, "only the panels asked for");
    assert.equal(await frame.locator("#graph").count(), 1);
    assert.equal(await frame.locator("#log").count(), 1);
    await page.waitForFunction(() => window.got.some((m) => m.type === "stsplay:ready"));
    await frame.getByRole("button", { name: "Step forward" }).click();
    await frame.getByRole("button", { name: "Step forward" }).click();
    await page.waitForFunction(() => window.got.some((m) => m.type === "stsplay:step" && m.step === 2));
    const messages = await page.evaluate(() => window.got.filter((m) => m.type === "stsplay:step"));
    const two = messages.find((m) => m.step === 2);
    assert.ok(two.total >= 2, JSON.stringify(two));
    for (const key of ["time", "component", "reason", "object"]) assert.equal(typeof two[key], "string", key);
    assert.ok(messages.some((m) => m.step === 1), "every cursor change is posted");
    assert.equal(new Set(messages.map((m) => m.total)).size, 1, "only the lesson's steps are posted");
    await page.screenshot({ path: `${SHOTS}/share-6-embed.png` });
    // The embed kept its hands off the learner's saved work.
    assert.equal(await frame.locator("body").evaluate(() => localStorage.getItem("stsplay.session")), null);
    assert.deepEqual(problems, []);
  } finally {
    await host.close();
    await close();
  }
});

test("click=1 fetches nothing of the playground until the button is pressed", async () => {
  const { page, base, problems, close } = await open();
  try {
    const wasm = [];
    page.on("request", (r) => /\.wasm$|stsplay-web-[^/]*\.js$/.test(r.url()) && wasm.push(r.url()));
    await page.goto(`${base}?embed=1&click=1&panels=graph`);
    const button = page.getByRole("button", { name: "Load the playground" });
    await button.waitFor();
    assert.deepEqual(wasm, []);
    await page.screenshot({ path: `${SHOTS}/share-7-click-to-load.png` });
    await button.click();
    await page.locator(".controls .position").waitFor();
    assert.ok(wasm.some((u) => u.endsWith(".wasm")), wasm.join(" "));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("Download YAML saves the scenario as one file for kubectl apply", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.getByRole("button", { name: "Jump to end" }).click();
    await page.locator('[data-key="Pod/default/web-2"].ready').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download YAML" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "stsplay-scenario.yaml");
    const body = readFileSync(await download.path(), "utf8");
    assert.match(body, /^# stsplay scenario/);
    assert.match(body, /\n---\n/);
    assert.match(body, /kind: StatefulSet/);
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill("kubectl get sts");
    await prompt.press("Enter");
    await page.locator(".transcript .output", { hasText: "web" }).waitFor();
    const [transcript] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download transcript" }).click(),
    ]);
    const lines = readFileSync(await transcript.path(), "utf8");
    assert.match(lines, /^\$ kubectl get sts\nNAME +READY/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
