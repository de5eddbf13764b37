// The network in a real browser against the real binary and the Berlin demo's fictional
// agreements: the coordinator reads the brokers, writes a new agreement between two partners
// found by the form's search, and the graph downloads as GraphML; every page passes axe-core's
// WCAG 2.1 AA rules in German and Arabic.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDemo, launchBrowser, signIn, violations } from "./support.mjs";

let server, browser;

before(async () => {
  server = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function accessibleInBothLanguages(page, what) {
  for (const lang of ["de", "ar"]) {
    const url = new URL(page.url());
    url.searchParams.set("lang", lang);
    await page.goto(url.toString());
    assert.deepEqual(await violations(page), [], `${what} (${lang})`);
  }
  const url = new URL(page.url());
  url.searchParams.set("lang", "de");
  await page.goto(url.toString());
}

test("the coordinator reads the brokers, writes an agreement and downloads the graph", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/steering`);
  await page.click("a:has-text('Netzwerk')");
  assert.match(page.url(), /\/network$/);
  const brokers = page.locator("#brokers ~ div table tbody tr");
  assert.ok((await brokers.count()) > 0, "the demo's agreements make brokers");
  const before = await page.locator("#agreements ~ div table tbody tr").count();
  await accessibleInBothLanguages(page, "network page");

  await page.click("a:has-text('Neue Kooperationsvereinbarung')");
  await accessibleInBothLanguages(page, "agreement form");
  await page.selectOption("#kind", "referral_route");
  await page.fill("#agreement_title", "Browser-Vereinbarung Bibliothek und Stadtteilzentrum");
  await page.fill("#search", "Bibliothek");
  await page.click("button:has-text('Suchen')");
  await page.locator("#organisation_ids input").first().check();
  await page.fill("#search", "Stadtteilzentrum");
  await page.click("button:has-text('Suchen')");
  await page.locator("#organisation_ids input:not(:checked)").first().check();
  await page.fill("#agreement_title", "Browser-Vereinbarung Bibliothek und Stadtteilzentrum");
  await page.click("button:has-text('Suchen')"); // the duty rows offer the parties chosen so far
  await page.selectOption("#duty_org_0", { index: 1 });
  await page.fill("#duty_task_0", "Lesestunden für Kitagruppen");
  await Promise.all([page.waitForURL(/\/network#agreements$/), page.click("button:has-text('Vereinbarung speichern')")]);
  assert.equal(await page.locator("#agreements ~ div table tbody tr").count(), before + 1);
  assert.ok(await page.isVisible("text=Browser-Vereinbarung Bibliothek und Stadtteilzentrum"));
  assert.ok(await page.isVisible("text=Lesestunden für Kitagruppen"), "the duty is kept");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("a:has-text('GraphML')")]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const graphml = await readFile(path, "utf8");
  assert.match(graphml, /<graphml/);
  assert.match(graphml, /referral_route/);
  await context.close();
});
