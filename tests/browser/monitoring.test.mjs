// The monitoring map: server-drawn without JavaScript costs, Leaflet only when asked for.
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

test("the interactive choropleth loads Leaflet only when asked", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/monitoring/map?indicator=mss_s4&year=2018`);
  assert.equal(await page.locator("svg.choropleth path").count(), 448, "every planning area drawn on the server");
  assert.ok(!requested.some((p) => p.includes("leaflet")), "no Leaflet before the click");
  await page.getByRole("button", { name: /Interaktive Karte laden/ }).click();
  await page.waitForSelector(".leaflet-choropleth path.leaflet-interactive");
  assert.ok((await page.locator(".leaflet-choropleth path.leaflet-interactive").count()) >= 448);
  assert.ok(requested.some((p) => p.endsWith("leaflet.js")));
  assert.ok(requested.includes("/monitoring/map.geojson"));
  await context.close();
});
