// Layout and keyboard: no page is wider than a 320 px screen (WCAG 1.4.10 reflow), a search
// moves focus to its results, and the focus ring stands out on every background it meets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startDemo, launchBrowser, signIn } from "./support.mjs";

let server, browser;

before(async () => {
  server = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// How far the page reaches beyond the viewport, in CSS pixels (0: it fits).
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function checkReflow(context, paths) {
  const page = await context.newPage();
  const wide = [];
  for (const path of paths) {
    const res = await page.goto(`${server.base}${path}`);
    assert.ok(res.status() < 500, `${path}: ${res.status()}`);
    const extra = await overflow(page);
    if (extra > 0) {
      const culprit = await page.evaluate(() => {
        const w = window.innerWidth;
        const el = [...document.querySelectorAll("body *")].find((e) => e.getBoundingClientRect().right > w + 0.5 && !e.closest(".scroll"));
        return el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")}` : "?";
      });
      wide.push(`${path} (+${extra}px, ${culprit})`);
    }
  }
  await page.close();
  return wide;
}

const publicPages = ["/", "/steering", "/steering/goals/1", "/steering/measures/1", "/anchor-points", "/anchor-points?district=1", "/search", "/search?q=Kita&near=Skalitzer+Stra%C3%9Fe&map=1", "/search?q=Hebamme", "/offers", "/offers/1", "/organisations", "/organisations/1", "/districts", "/districts/1", "/districts/100", "/districts/compare?a=200&b=201", "/monitoring", "/monitoring/map?indicator=mss_s4&year=2018", "/monitoring/recipes", "/monitoring/recipes/berlin_mss_2019", "/monitoring/recipes/berlin_mss_2019/run", "/monitoring/boundaries", "/accessibility", "/feedback", "/login", "/events", "/events/4"];

for (const lang of ["de", "ar"]) {
  test(`no public page is wider than a 320 px screen (${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: lang });
    await context.addCookies([{ name: "kette_lang", value: lang, url: server.base }]);
    assert.deepEqual(await checkReflow(context, publicPages), []);
    await context.close();
  });
}

test("no staff page is wider than a 320 px screen", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "de-DE" });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  const shelter = (await (await page.request.get(`${server.base}/api/v1/offers?q=Frauenhaus`)).json()).items[0].id;
  // the gap the demo has taken up (its link in the needs analysis)
  const gap = (await (await page.request.get(`${server.base}/needs`)).text()).match(/href="(\/needs\/gaps\/\d+\/[a-z_]+)"/)[1];
  const wide = await checkReflow(context, ["/", "/review", "/verification", "/review/settings", "/vocabulary", "/synonyms", "/monitoring/import", "/monitoring/confidentiality", `/offers/${shelter}`, `/offers/${shelter}/edit`, `/offers/${shelter}/texts`, `/search/${shelter}`, "/offers/new", "/referrals", "/feedback/inbox", "/steering", "/steering/cycle", "/bodies", "/bodies/1", "/meetings/1", "/tasks", "/proposals", "/proposals/1", "/survey", "/steering/goals/2", "/steering/measures/2", "/network", "/network/agreements/new", "/network/agreements/1", "/network/chain", "/network/chain?district=11", "/events", "/events/new", "/events/1", "/events/3", "/funding", "/funding/new?offer_q=Familienzentrum", "/funding/1", "/engagement", "/engagement?offer_q=Familienzentrum", "/network/proposals/1", "/needs", "/needs?level=1&weight=0", "/needs/scenarios", "/needs/scenarios/1", "/needs/scenarios/1?q=Kita&level=3", "/needs/scenarios/compare?a=1&b=2", gap, "/needs/inventory", "/needs/inventory?dimension=domain&level=2", "/needs/walk", "/needs/walk?phase=primary&level=2", "/needs/walk/runs/1?phase=kita"]);
  assert.deepEqual(wide, []);
  await context.close();
  const nav = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: "de-DE" });
  const navPage = await nav.newPage();
  await signIn(navPage, server.base, "lotsin");
  assert.deepEqual(await checkReflow(nav, [`/search/${shelter}`, "/search?q=Kita&age=3"]), []);
  await nav.close();
});

test("after a search, the next Tab reaches the first result, not the top of the page", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${server.base}/search`);
  await page.fill("#q", "Kita");
  await Promise.all([page.waitForURL(/\/search\?/), page.press("#q", "Enter")]);
  await page.keyboard.press("Tab");
  const where = await page.evaluate(() => {
    const heading = document.getElementById("results");
    const active = document.activeElement;
    return { after: !!(heading.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING), text: active.textContent.trim().slice(0, 40) };
  });
  assert.ok(where.after, `focus went to "${where.text}" before the results`);
  // from the start page's search box as well
  await page.goto(`${server.base}/`);
  await page.fill("#q", "Familienzentrum");
  await Promise.all([page.waitForURL(/\/search\?/), page.press("#q", "Enter")]);
  await page.keyboard.press("Tab");
  const after = await page.evaluate(() => !!(document.getElementById("results").compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.ok(after, "focus after the results heading");
  await context.close();
});

// WCAG relative luminance contrast of two CSS colours "rgb(r, g, b)".
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("the focus ring has at least 3:1 contrast on every background it meets", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  const rings = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    rings.push(await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      // the background around the element: the first ancestor with an opaque background
      let bg = "rgb(255, 255, 255)";
      for (let e = el.parentElement; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") { bg = c; break; }
      }
      return { what: el.tagName + (el.className ? "." + el.className : ""), outline: style.outlineColor, width: style.outlineWidth, shadow: style.boxShadow, bg };
    }));
  }
  for (const r of rings) {
    assert.notEqual(r.width, "0px", `${r.what} has no focus ring`);
    // two rings: the dark outline against light backgrounds, the white inner ring against dark ones
    const best = Math.max(contrast(r.outline, r.bg), r.shadow.includes("255, 255, 255") ? contrast("rgb(255, 255, 255)", r.bg) : 0);
    assert.ok(best >= 3, `${r.what}: ring ${r.outline} on ${r.bg} is ${best.toFixed(2)}:1`);
  }
  await context.close();
});
