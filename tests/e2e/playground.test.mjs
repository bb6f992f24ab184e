// End-to-end test of the playground as a learner uses it, by keyboard and mouse: the page
// opens on the tutorial's example at step 0, → steps, End settles the cluster, the graph
// shows web-0..2 Ready with their claims bound, the DNS panel resolves web-0.nginx, the
// console runs kubectl get pods, and the interface switches to 简体中文. Screenshots of
// each stage go to target/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, SHOTS } from "./browser.mjs";

/** A Parallel StatefulSet `big` with a claim per pod from the default StorageClass. */
function bigSet(replicas) {
  return `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: big
spec:
  replicas: ${replicas}
  podManagementPolicy: Parallel
  serviceName: big
  selector:
    matchLabels: {app: big}
  template:
    metadata:
      labels: {app: big}
    spec:
      containers: [{name: c, image: busybox:1.36}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`;
}

test("a learner steps through the tutorial's StatefulSet", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.locator(".step-hint").waitFor();
    const position = page.locator(".controls .position");
    assert.match(await position.textContent(), /^0 \/ \d+$/);
    await page.screenshot({ path: `${SHOTS}/1-start.png` });

    // Step forward by keyboard: the first step creates pv1.
    await page.locator("body").press("ArrowRight");
    await page.locator(".controls .position", { hasText: /^1 \// }).waitFor();
    await page.locator('[data-key="PersistentVolume//pv1"]').waitFor();
    await page.locator("body").press("ArrowRight");
    await page.locator("body").press("ArrowLeft");
    await page.locator(".controls .position", { hasText: /^1 \// }).waitFor();

    // End settles the cluster.
    await page.locator("body").press("End");
    for (const n of [0, 1, 2]) {
      await page.locator(`[data-key="Pod/default/web-${n}"].ready`).waitFor();
      await page.locator(`[data-key="PersistentVolumeClaim/default/www-web-${n}"].bound`).waitFor();
    }
    await page.screenshot({ path: `${SHOTS}/2-settled.png` });

    // Select a claim in the graph: the inspector explains its binding.
    await page.locator('[data-key="PersistentVolumeClaim/default/www-web-2"]').click();
    await page.getByRole("tab", { name: "Explain" }).click();
    await page.locator(".inspect.explain", { hasText: "pv3" }).waitFor();

    // DNS panel.
    await page.getByLabel("Name to resolve").fill("web-0.nginx");
    await page.locator(".dns-trace", { hasText: "web-0.nginx.default.svc.cluster.local" }).waitFor();
    assert.match(await page.locator(".dns-trace").textContent(), /10\.244\.\d+\.\d+/);

    // Console.
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill("kubectl get pods");
    await prompt.press("Enter");
    await page.locator(".transcript .output", { hasText: "web-2   1/1     Running" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/3-console.png` });

    // 简体中文.
    await page.getByRole("button", { name: "简体中文" }).click();
    await page.locator("#log-title", { hasText: "事件日志" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/4-zh.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("manifests are saved as they are typed and restored on reload", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    const editor = page.getByLabel("Kubernetes manifests (YAML)");
    await editor.waitFor();
    await editor.fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: saved\n");
    await page.reload();
    await page.getByLabel("Kubernetes manifests (YAML)").waitFor();
    assert.match(await page.getByLabel("Kubernetes manifests (YAML)").inputValue(), /name: saved/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("an edit the page had no time to save is kept when the page is left, and restored", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.getByLabel("Kubernetes manifests (YAML)").waitFor();
    await page.waitForFunction(() => localStorage.getItem("stsplay.session") !== null);
    // Typing then leaving at once, in one task: the page has not drawn or saved the edit.
    const before = await page.evaluate(() => localStorage.getItem("stsplay.session"));
    const kept = await page.evaluate(() => {
      const area = document.querySelector("textarea.source");
      area.value = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed\n";
      area.dispatchEvent(new InputEvent("input", { bubbles: true }));
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      return localStorage.getItem("stsplay.unsaved");
    });
    assert.match(kept, /name: typed/);
    // Once the edit is saved, leaving keeps nothing more.
    await page.waitForFunction((before) => localStorage.getItem("stsplay.session") !== before, before);
    await page.evaluate(() => localStorage.removeItem("stsplay.unsaved"));
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
    assert.equal(await page.evaluate(() => localStorage.getItem("stsplay.unsaved")), null);
    // A visit after an unsaved edit opens the saved timeline with the edited text.
    await page.evaluate(() => localStorage.setItem("stsplay.unsaved", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: left\n"));
    await page.reload();
    const editor = page.getByLabel("Kubernetes manifests (YAML)");
    await editor.waitFor();
    assert.match(await editor.inputValue(), /name: left/);
    assert.equal(await page.evaluate(() => localStorage.getItem("stsplay.unsaved")), null);
    await page.waitForFunction(() => localStorage.getItem("stsplay.manifests")?.includes("name: left"));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a hundred replicas settle and the graph groups them", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    const yaml = bigSet(100);
    await page.getByLabel("Kubernetes manifests (YAML)").fill(yaml);
    await page.locator(".editor-actions .apply").click();
    const started = Date.now();
    await page.locator("body").press("End");
    await page.locator('[data-key="Pod/default/big-5 … big-96"].ready').waitFor({ timeout: 60_000 });
    console.log(`100 replicas settled and rendered in ${Date.now() - started} ms`);
    await page.screenshot({ path: `${SHOTS}/5-hundred.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("a guided lesson plays stop by stop and checks the task", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    await page.getByRole("button", { name: "Lessons" }).click();
    await page.getByRole("button", { name: /StatefulSet basics/ }).click();
    const guide = page.locator(".guide");
    await guide.waitFor();
    await guide.getByRole("button", { name: "Next" }).click();
    await guide.locator(".say").waitFor();
    // The first stop applies the manifests and pauses when web-0 is Ready.
    await page.locator('[data-key="Pod/default/web-0"].ready').waitFor();
    assert.equal(await page.locator('[data-key="Pod/default/web-1"]').count(), 0);
    while (await guide.getByRole("button", { name: "Next" }).count()) {
      await guide.getByRole("button", { name: "Next" }).click();
    }
    await guide.locator(".task").waitFor();
    await guide.getByRole("button", { name: "Check" }).click();
    await guide.locator(".checks li").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/6-lesson.png` });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("reset asks first and restores the example", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    const editor = page.getByLabel("Kubernetes manifests (YAML)");
    await editor.fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n");
    page.once("dialog", (d) => d.dismiss());
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    assert.match(await editor.inputValue(), /name: mine/, "dismissing keeps the learner's text");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("textarea.source")?.value.includes("name: pv1"));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("End settles a big cluster in slices and the page keeps drawing", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    const yaml = bigSet(60);
    await page.getByLabel("Kubernetes manifests (YAML)").fill(yaml);
    await page.locator(".editor-actions .apply").click();
    // Record the frames drawn while End is still busy playing the cluster to its end.
    await page.evaluate(() => {
      window.busy_frames = 0;
      window.saw_busy = false;
      const controls = document.querySelector(".controls");
      const count = () => {
        if (controls.getAttribute("aria-busy") === "true") {
          window.saw_busy = true;
          window.busy_frames += 1;
        }
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    });
    await page.locator("body").press("End");
    await page.waitForFunction(() => {
      const controls = document.querySelector(".controls");
      const [cursor, total] = controls.querySelector(".position").textContent.split(" / ").map(Number);
      return controls.getAttribute("aria-busy") === "false" && cursor === total && total > 600;
    }, null, { timeout: 120_000 });
    await page.locator('[data-key="Pod/default/big-5 … big-56"].ready').waitFor();
    const { saw, frames } = await page.evaluate(() => ({ saw: window.saw_busy, frames: window.busy_frames }));
    assert.ok(saw && frames >= 2, `the page drew ${frames} frames while settling`);
    // Home goes back to the start and nothing keeps running.
    await page.locator("body").press("Home");
    assert.equal(await page.locator(".controls").getAttribute("aria-busy"), "false");
    assert.match(await page.locator(".controls .position").textContent(), /^0 \//);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
