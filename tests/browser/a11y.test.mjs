// WCAG 2.1 AA checks with axe-core on the main pages, in German and English, signed out and in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDemo, launchBrowser, violations } from "./support.mjs";

let server, browser;

before(async () => {
  server = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


async function check(context, paths) {
  const page = await context.newPage();
  for (const path of paths) {
    const res = await page.goto(`${server.base}${path}`);
    assert.ok(res.status() < 500, `${path}: ${res.status()}`);
    assert.deepEqual(await violations(page), [], `axe violations on ${path}`);
  }
  await page.close();
}

test("the checker itself finds a known violation", async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.setContent('<html lang="de"><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input></main></body></html>');
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith("image-alt")), found.join("; "));
  await context.close();
});

const publicPages = ["/steering", "/steering/goals/1", "/steering/measures/1", "/anchor-points", "/anchor-points?district=1", "/search?q=Hebamme&near=Skalitzer+Stra%C3%9Fe", "/search?q=Frauenhaus", "/accessibility", "/feedback", "/districts/compare?a=200&b=201", "/monitoring/boundaries", "/monitoring/recipes", "/monitoring/recipes/berlin_mss_2019", "/monitoring/recipes/berlin_mss_2019/run?year=2018", "/monitoring", "/monitoring/map?indicator=mss_s4&year=2018", "/", "/search", "/search?age=2&q=kita", "/offers", "/offers?life_phase=kita&domain=education", "/offers/1", "/organisations", "/organisations/1", "/districts", "/districts/1", "/districts/100", "/login", "/offers/99999999", "/events", "/events/4"];

for (const lang of ["de", "en", "ar", "tr", "uk"]) {
  test(`public pages have no WCAG 2.1 AA violations (${lang})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: lang });
    await context.addCookies([{ name: "kette_lang", value: lang, url: server.base }]);
    await check(context, publicPages);
    await context.close();
  });
}

test("signed-in pages and the form with errors have no WCAG 2.1 AA violations", async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.fill("#username", "traeger");
  await page.fill("#password", "Mohnblume-Ahorn-7");
  await Promise.all([page.waitForURL(`${server.base}/`), page.press("#password", "Enter")]);
  const orgs = await (await page.request.get(`${server.base}/api/v1/organisations?q=${encodeURIComponent("Kindergärten City")}`)).json();
  const offers = await (await page.request.get(`${server.base}/api/v1/offers?organisation=${orgs.items[0].id}&per_page=1`)).json();
  const id = offers.items[0].id;
  const org = orgs.items[0].id;
  await check(context, ["/", "/referrals", "/network", "/network/agreements/new", "/engagement", `/offers/${id}`, `/offers/${id}/edit`, `/offers/${id}/texts`, "/offers/new", "/offers?status=paused", `/organisations/${org}`, `/organisations/${org}/edit`, `/organisations/${org}/locations/new`, "/verification", "/review", "/account"]);
  await page.goto(`${server.base}/offers/${id}/edit`);
  await page.fill("#title", "");
  await page.fill("#capacity", "viele");
  await page.click("form.offer-form button[type=submit]");
  assert.equal(await page.locator(".error-summary").count(), 1);
  assert.deepEqual(await violations(page), [], "axe violations on the form with errors");
  await context.close();
});

for (const lang of ["de", "ar"]) test(`the coordinator's and the navigator's pages have no WCAG 2.1 AA violations (${lang})`, async () => {
  const context = await browser.newContext({ bypassCSP: true, locale: lang });
  await context.addCookies([{ name: "kette_lang", value: lang, url: server.base }]);
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.fill("#username", "koordination");
  await page.fill("#password", "Mohnblume-Ahorn-7");
  await Promise.all([page.waitForURL(`${server.base}/`), page.press("#password", "Enter")]);
  const shelter = (await (await page.request.get(`${server.base}/api/v1/offers?q=Frauenhaus`)).json()).items[0].id;
  // the gap the demo has taken up (its link in the needs analysis)
  const gap = (await (await page.request.get(`${server.base}/needs`)).text()).match(/href="(\/needs\/gaps\/\d+\/[a-z_]+)"/)[1];
  await check(context, ["/", "/steering", "/review", "/verification", "/verification?page=2", "/review/settings", "/monitoring/confidentiality", "/monitoring/boundaries", "/vocabulary", "/monitoring/recipes", "/monitoring/recipes/berlin_mss_2019", "/monitoring/recipes/berlin_mss_2019/run", "/monitoring/import", "/synonyms", "/feedback/inbox", `/search/${shelter}`, `/offers/${shelter}`, `/offers/${shelter}/texts`, "/steering/cycle", "/bodies", "/bodies/1", "/bodies/2", "/meetings/1", "/meetings/3", "/tasks", "/proposals", "/proposals/1", "/proposals/2", "/survey", "/steering/goals/2", "/steering/measures/2", "/network", "/network/agreements/new", "/network/agreements/1", "/network/chain", "/network/chain?district=11", "/events", "/events/new", "/events/1", "/events/3", "/funding", "/funding/new?offer_q=Familienzentrum", "/funding/1", "/engagement", "/engagement?offer_q=Familienzentrum", "/network/proposals/1", "/needs", "/needs?level=1&weight=0", "/needs/scenarios", "/needs/scenarios/1", "/needs/scenarios/1?q=Kita&level=3", "/needs/scenarios/compare?a=1&b=2", gap, "/needs/inventory", "/needs/inventory?dimension=domain&level=2", "/needs/walk", "/needs/walk?phase=primary&level=2", "/needs/walk/runs/1?phase=kita"]);
  await context.close();
  // the navigator's view and the referral sheet in the family's language
  const nav = await browser.newContext({ bypassCSP: true, locale: lang });
  await nav.addCookies([{ name: "kette_lang", value: lang, url: server.base }]);
  const navPage = await nav.newPage();
  await navPage.goto(`${server.base}/login`);
  await navPage.fill("#username", "lotsin");
  await navPage.fill("#password", "Mohnblume-Ahorn-7");
  await Promise.all([navPage.waitForURL(`${server.base}/`), navPage.press("#password", "Enter")]);
  await check(nav, [`/search/${shelter}`, "/referrals", "/search?q=Kita&age=3"]);
  await navPage.goto(`${server.base}/search/${shelter}`);
  await navPage.selectOption("#family_language", "ar");
  await Promise.all([navPage.waitForLoadState("load"), navPage.click("form[action$='/referral'] button[type=submit]")]);
  assert.match(await navPage.content(), /هذا المكان محمي/);
  assert.deepEqual(await violations(navPage), [], "axe violations on the referral sheet");
  await nav.close();
});
