// Text from the learner never becomes markup or script: manifests whose annotations and
// commands carry HTML and JavaScript payloads render as text and run nothing, under the
// page's Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open } from "./browser.mjs";

const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

test("payloads in manifests and commands render as text", async () => {
  const { page, base, problems, close } = await open();
  try {
    await page.goto(base);
    const yaml = `apiVersion: v1
kind: Service
metadata:
  name: evil
  annotations:
    note: '${PAYLOAD}'
spec:
  clusterIP: None
  selector: {app: "x"}
  ports: [{port: 80, name: web}]
`;
    await page.getByLabel("Kubernetes manifests (YAML)").fill(yaml);
    await page.locator(".editor-actions .apply").click();
    await page.locator("body").press("End");
    await page.locator('[data-key="Service/default/evil"]').click();
    await page.locator(".inspect", { hasText: "onerror" }).waitFor();
    const prompt = page.getByLabel("Command (kubectl, nslookup, dig)");
    await prompt.fill(`kubectl get pod '${PAYLOAD}'`);
    await prompt.press("Enter");
    await page.locator(".transcript .output", { hasText: "not found" }).waitFor();
    await page.getByLabel("Name to resolve").fill(PAYLOAD);
    await page.locator(".dns-trace").waitFor();
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload ran");
    assert.equal(await page.locator("img[src=x]").count(), 0, "no payload became an element");
    assert.equal(await page.locator("script:not([src])").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
