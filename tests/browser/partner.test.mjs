// A partner editor signs in, edits its own offer, sees the change in the public search, and is
// refused on another organisation's offer. Everything with the keyboard where a person would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDemo, launchBrowser } from "./support.mjs";

let server, browser;

before(async () => {
  server = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function firstOfferOf(request, base, organisationName) {
  const orgs = await (await request.get(`${base}/api/v1/organisations?q=${encodeURIComponent(organisationName)}`)).json();
  const org = orgs.items.find((o) => o.name === organisationName);
  assert.ok(org, `organisation ${organisationName} exists`);
  const offers = await (await request.get(`${base}/api/v1/offers?organisation=${org.id}&per_page=1`)).json();
  assert.ok(offers.total > 0);
  return offers.items[0];
}

test("partner editor edits own offer, the public finder shows it, other offers are refused", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const base = server.base;

  // sign in with the keyboard only
  await page.goto(`${base}/login`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip", "first Tab reaches the skip link");
  await page.locator("#username").focus();
  await page.keyboard.type("traeger");
  await page.keyboard.press("Tab");
  await page.keyboard.type("kette-demo");
  await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press("Enter")]);
  assert.match(await page.locator("header .who").innerText(), /Toni Träger/);

  // own offer (Kindergärten City): change the title
  const own = await firstOfferOf(page.request, base, "Kindergärten City");
  await page.goto(`${base}/offers/${own.id}`);
  await page.getByRole("link", { name: "Angebot bearbeiten" }).click();
  const title = `Kita Regenbogen Testlauf ${Date.now()}`;
  await page.getByLabel("Titel", { exact: true }).fill("");
  await page.getByRole("button", { name: "Speichern" }).click();
  assert.equal(await page.locator("#title-error").innerText(), "Bitte ausfüllen.", "error shown next to the field");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await Promise.all([page.waitForURL(`${base}/offers/${own.id}`), page.getByRole("button", { name: "Speichern" }).click()]);
  assert.equal(await page.locator("h1").innerText(), title);

  // the public finder, signed out, in a fresh browser context, used with the keyboard
  const visitor = await browser.newContext({ locale: "de-DE" });
  const pub = await visitor.newPage();
  await pub.goto(`${base}/search`);
  await pub.locator("#q").focus();
  await pub.keyboard.type("Regenbogen Testlauf");
  await Promise.all([pub.waitForURL(/\/search\?/), pub.keyboard.press("Enter")]);
  await pub.getByRole("link", { name: title }).click();
  assert.equal(await pub.locator("h1").innerText(), title);
  assert.equal(await pub.getByRole("link", { name: "Angebot bearbeiten" }).count(), 0, "visitors cannot edit");
  await visitor.close();

  // another organisation's offer: refused, unchanged
  const other = await firstOfferOf(page.request, base, "Kindergärten NordOst");
  const res = await page.goto(`${base}/offers/${other.id}/edit`);
  assert.equal(res.status(), 403);
  assert.match(await page.locator("main").innerText(), /Berechtigung/);
  const view = await page.goto(`${base}/offers/${other.id}`);
  assert.equal(view.status(), 200);
  assert.equal(await page.getByRole("link", { name: "Angebot bearbeiten" }).count(), 0);
  const after = await (await page.request.get(`${base}/api/v1/offers/${other.id}`)).json();
  assert.equal(after.title, other.title);
  await context.close();
});

test("pages work without JavaScript", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${server.base}/search`);
  await page.locator("#age").selectOption("2");
  await Promise.all([page.waitForURL(/age=2/), page.getByRole("button", { name: "Suchen" }).click()]);
  assert.match(await page.locator("p.count").innerText(), /\d+ Angebote/);
  await page.goto(`${server.base}/districts`);
  await page.getByRole("link", { name: "Neukölln" }).click();
  assert.equal(await page.locator("#map svg").count(), 1, "server-drawn map without JavaScript");
  await context.close();
});
