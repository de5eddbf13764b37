// The public finder as a family uses it: in German and Arabic (right to left), with the
// keyboard only, and checked by axe-core for WCAG 2.1 AA on every page of the walk.
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


async function anOffer(request) {
  const found = await (await request.get(`${server.base}/api/v1/offers?q=familienzentrum&per_page=1`)).json();
  assert.ok(found.total > 0, "the demo has family centres");
  return found.items[0].id;
}

for (const lang of ["de", "ar"]) {
  test(`finder pages have no WCAG 2.1 AA violations (${lang})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: lang });
    await context.addCookies([{ name: "kette_lang", value: lang, url: server.base }]);
    const page = await context.newPage();
    const id = await anOffer(page.request);
    const paths = [
      "/search",
      "/search?age=2&near=10115&q=kita",
      "/search?age=2&near=10115&q=kita&map=1",
      "/search?age=4&radius_m=1000&near=10115&domain=education&cost=free",
      "/search?near=Atlantis",
      "/search?radius_m=5&lat=52&lon=13",
      `/search/${id}`,
      `/search/${id}/print`,
      "/accessibility",
      "/feedback",
    ];
    for (const path of paths) {
      const res = await page.goto(`${server.base}${path}`);
      assert.ok(res.status() < 500, `${path}: ${res.status()}`);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      if (lang === "ar") assert.equal(await page.getAttribute("html", "dir"), "rtl", path);
      assert.deepEqual(await violations(page), [], `axe violations on ${path} (${lang})`);
    }
    // the feedback form with its error
    await page.goto(`${server.base}/feedback`);
    await page.locator("input[name=topic]").first().check();
    await page.locator("#message").fill(" ");
    await page.locator("form[action='/feedback'] button[type=submit]").click();
    assert.equal(await page.locator(".error-summary").count(), 1);
    assert.deepEqual(await violations(page), [], `axe violations on the feedback form with an error (${lang})`);
    await context.close();
  });
}

test("a family searches with the keyboard only, reads the offer and prints it", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${server.base}/search`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip", "first Tab reaches the skip link");
  // walk to the first question with Tab, as a keyboard user would
  let guard = 0;
  while ((await page.evaluate(() => document.activeElement.id)) !== "age" && guard++ < 40) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "age", "the age question is reachable by Tab");
  await page.keyboard.press("ArrowDown"); // expecting
  await page.keyboard.press("ArrowDown"); // under 1
  await page.keyboard.press("ArrowDown"); // 1 year
  await page.keyboard.press("ArrowDown"); // 2 years
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "near");
  await page.keyboard.type("10115");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.type("Familienzentren");
  await Promise.all([page.waitForURL(/\/search\?/), page.keyboard.press("Enter")]);
  assert.match(page.url(), /age=2/);
  assert.match(await page.locator("p.count").innerText(), /\d+ Angebot/);
  assert.ok((await page.locator(".distance").count()) > 0, "distances shown");
  // Tab to the first result and open it with Enter
  const first = page.locator(".results h3 a").first();
  const title = await first.innerText();
  guard = 0;
  while (!(await first.evaluate((el) => el === document.activeElement)) && guard++ < 60) {
    await page.keyboard.press("Tab");
  }
  assert.ok(guard < 60, "the first result is reachable by Tab");
  await Promise.all([page.waitForURL(/\/search\/\d+/), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").innerText(), title);
  const print = page.getByRole("link", { name: "Drucken" });
  await print.focus();
  await Promise.all([page.waitForURL(/\/print/), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").innerText(), title);
  assert.equal(await page.locator("nav").count(), 0, "the print sheet has no navigation");
  await context.close();
});

test("the finder works without JavaScript and in Arabic", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "ar" });
  const page = await context.newPage();
  await page.goto(`${server.base}/search?lang=ar`);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.locator("#age").selectOption("3");
  await page.locator("#q").fill("Bibliothek");
  await Promise.all([page.waitForURL(/q=Bibliothek/), page.locator("form[role=search] button[type=submit]").click()]);
  assert.ok((await page.locator(".results > li").count()) > 0, "results without JavaScript");
  assert.match(await page.locator("h2#results").innerText(), /النتائج/);
  await context.close();
});

test("the results map is drawn by the server and becomes interactive only when asked", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  const loaded = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/search?age=2&near=10115&q=kita`);
  await page.getByRole("link", { name: "Ergebnisse auf der Karte zeigen" }).click();
  await page.waitForURL(/map=1/);
  const dots = await page.locator("svg.results-svg circle").count();
  assert.ok(dots > 0 && dots <= 20, `${dots} numbered points`);
  assert.equal(await page.locator(".results .map-no").first().innerText(), "1", "the list carries the same numbers");
  assert.ok(!loaded.some((p) => p.includes("leaflet")), "Leaflet is not loaded before it is asked for");
  await page.getByRole("button", { name: "Karte zum Verschieben und Zoomen laden" }).click();
  await page.locator(".leaflet-results .leaflet-interactive").first().waitFor();
  assert.ok(loaded.some((p) => p.endsWith("/leaflet.js")) && loaded.some((p) => p.startsWith("/search/map.geojson")));
  assert.equal(await page.locator("svg.results-svg").count(), 0, "the drawing gave way to the interactive map");
  assert.equal(await page.getByRole("button", { name: "Karte zum Verschieben und Zoomen laden" }).count(), 0, "the load button is gone once loaded");
  assert.deepEqual(await violations(page), [], "axe violations with the interactive map");
  await context.close();
  // without JavaScript there is no button that could not work
  const plain = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
  const p2 = await plain.newPage();
  await p2.goto(`${server.base}/search?age=2&near=10115&q=kita&map=1`);
  assert.equal(await p2.locator("#load-results-map").isVisible(), false, "no script: no load button");
  // a search near a place zooms the drawing to the results: numbers as large as the list's
  const box = await p2.locator("svg.results-svg").evaluate((svg) => svg.viewBox.baseVal.width);
  assert.ok(box < 760, `the drawing is zoomed to the results (view ${box} of 760)`);
  const numberHeight = await p2.locator("svg.results-svg text.offer-no").first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(numberHeight >= 10, `marker numbers are legible (${numberHeight}px)`);
  await p2.goto(`${server.base}/monitoring/map?indicator=mss_s4&year=2018`);
  assert.equal(await p2.locator("#load-map").isVisible(), false, "no script: no interactive-map button on the indicator map");
  await plain.close();
});
