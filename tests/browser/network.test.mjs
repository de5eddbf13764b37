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

test("the coordinator links a next step, a cycle is refused, and families see what comes next", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/network`);
  await page.click("a:has-text('Die Kette: Schritte und Übergänge')");
  assert.match(page.url(), /\/network\/chain$/);
  assert.ok(await page.isVisible("svg.chain-svg"), "the chain is drawn without JavaScript");
  assert.ok((await page.locator("#links ~ div table tbody tr").count()) > 0, "the demo's steps are listed");
  await page.selectOption("#district", { label: "Mitte" });
  await page.click("button:has-text('Anzeigen')");
  assert.match(page.url(), /district=\d+/);
  await accessibleInBothLanguages(page, "chain page");

  // from the first step's offer, link a primary school as what comes next
  await page.locator("#links ~ div table tbody tr td:first-child a").first().click();
  assert.match(page.url(), /\/offers\/\d+$/);
  const from = page.url().match(/\/offers\/(\d+)/)[1];
  const fromTitle = (await page.locator("h1").textContent()).trim();
  await page.fill("#chain_q", "Grundschule");
  await page.click("form:has(#chain_q) button");
  // a school not yet linked from here (linking one twice is refused)
  const linked = await page.locator("#chain ~ ul a").evaluateAll((as) => as.map((a) => a.getAttribute("href").split("/").pop()));
  const values = await page.locator("#to_offer_id input[type=radio]").evaluateAll((rs) => rs.map((r) => r.value));
  const to = values.find((v) => !linked.includes(v));
  assert.ok(to, "the search finds a school to link");
  await page.locator(`#to_offer_id input[value='${to}']`).check();
  await page.selectOption("#transition", "kita_to_primary");
  await Promise.all([page.waitForURL(/#chain$/), page.click("button:has-text('Als nächsten Schritt verknüpfen')")]);
  assert.ok((await page.locator(`#chain ~ ul a[href='/offers/${to}']`).count()) > 0, "the new step is listed");
  await accessibleInBothLanguages(page, "offer page with its steps");

  // back from the school to the first offer would close a cycle
  await page.goto(`${server.base}/offers/${to}`);
  await page.fill("#chain_q", fromTitle);
  await page.click("form:has(#chain_q) button");
  await page.locator(`#to_offer_id input[value='${from}']`).check();
  await page.click("button:has-text('Als nächsten Schritt verknüpfen')");
  const alert = page.locator("#chain-errors");
  assert.match(await alert.textContent(), /Kreis schließen/);
  assert.deepEqual(await violations(page), [], "the refused link's page");

  // a family reads what comes next on the public page, in Turkish too
  const family = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const pub = await family.newPage();
  await pub.goto(`${server.base}/search/${from}`);
  assert.ok(await pub.isVisible("#next-steps"), "what comes next");
  assert.ok((await pub.locator(`#next-steps ~ ul a[href='/search/${to}']`).count()) > 0);
  await accessibleInBothLanguages(pub, "public offer page with next steps");
  await pub.goto(`${server.base}/search/${from}?lang=tr`);
  assert.equal((await pub.locator("#next-steps").textContent()).trim(), "Sonra ne geliyor?");
  await family.close();
  await context.close();
});

test("a navigator logs a contact without anything about the family and follows one up", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "lotsin");
  await page.goto(`${server.base}/referrals`);
  const open = await page.locator("#follow-up ~ div table tbody tr").count();
  assert.ok(open > 0, "the demo's open follow-ups");
  await accessibleInBothLanguages(page, "navigator log");
  const total = Number((await page.locator("text=Kontakte im Zeitraum").textContent()).match(/(\d[\d.]*)/)[1].replace(".", ""));

  await page.fill("#offer_q", "Familienzentrum");
  await page.click("form:has(#offer_q) button");
  await page.locator("#offer_id input[type=radio]").nth(1).check();
  await page.selectOption("#district", { label: "Neukölln" });
  await page.selectOption("#life_phase", "early_childhood");
  await page.selectOption("#transition", "family_to_daycare");
  await page.selectOption("#domain", "youth_welfare");
  assert.equal(await page.locator("form[action='/referrals'] textarea, form[action='/referrals'] input[type=text]").count(), 0, "no free text");
  await Promise.all([page.waitForURL(/saved=1/), page.click("button:has-text('Kontakt zählen')")]);
  assert.ok(await page.isVisible("text=Kontakt gezählt."));
  const after = Number((await page.locator("text=Kontakte im Zeitraum").textContent()).match(/(\d[\d.]*)/)[1].replace(".", ""));
  assert.equal(after, total + 1);

  // follow up the newest open contact: the family got there
  const first = page.locator("#follow-up ~ div table tbody tr").first().locator("form").first();
  const action = await first.getAttribute("action");
  await Promise.all([page.waitForURL(/#follow-up$/), first.locator("button").click()]);
  assert.equal(await page.locator(`form[action='${action}']`).count(), 0, "the contact is followed up and leaves the list");
  await context.close();
});

test("the coordinator records a training, funding that runs out and a gift matched to a need", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/network`);

  // a training with participants counted by organisation and profession
  await page.click("a:has-text('Veranstaltungen und Fortbildungen')");
  await page.click("a:has-text('Neue Veranstaltung')");
  await page.selectOption("#kind", "training");
  await page.fill("#event_title", "Browser-Fortbildung Armutssensibilität");
  await page.fill("#starts_at", "2026-01-15T09:00");
  await page.fill("#ends_at", "2026-01-15T08:00");
  await page.selectOption("#att_prof_0", "education");
  await page.fill("#att_count_0", "12");
  await page.click("button:has-text('Veranstaltung speichern')");
  assert.match(await page.locator("#errors").textContent(), /endet nach ihrem Beginn/);
  assert.deepEqual(await violations(page), [], "the event form with an error");
  await page.fill("#ends_at", "2026-01-15T13:00");
  await Promise.all([page.waitForURL(/\/events\/\d+$/), page.click("button:has-text('Veranstaltung speichern')")]);
  assert.match(await page.locator("caption").first().textContent(), /Teilnehmende: 12/);
  await accessibleInBothLanguages(page, "event page");

  // project money for a library's reading club that ends in spring: on the radar
  await page.goto(`${server.base}/funding/new?offer_q=Bibliothek&subject_kind=offer`);
  const offer = page.locator("input[name=offer_id]").first();
  await offer.check();
  await page.fill("#source", "Browser-Landesprogramm");
  await page.selectOption("#kind", "project");
  await page.fill("#amount_per_year_eur", "30.000");
  const ends = new Date(Date.now() + 100 * 86400000).toISOString().slice(0, 10);
  await page.fill("#ends_on", ends);
  await Promise.all([page.waitForURL(/\/funding#records$/), page.click("button:has-text('Finanzierung speichern')")]);
  assert.ok((await page.locator("#radar ~ div td:has-text('Browser-Landesprogramm')").count()) > 0, "the new funding is on the radar");
  await accessibleInBothLanguages(page, "funding radar");

  // a gift of time matched to the demo's reading need, then delivered
  await page.goto(`${server.base}/engagement`);
  await page.selectOption("#giver_kind", "citizen");
  await page.selectOption("#gift_kind", "time");
  await page.fill("#gift_description", "Browser-Vorlesestunde");
  await page.fill("#hours", "12");
  await Promise.all([page.waitForURL(/#gifts$/), page.click("button:has-text('Hilfe speichern')")]);
  const match = page.locator("#needs ~ div button:has-text('Browser-Vorlesestunde')").first();
  await Promise.all([page.waitForURL(/#gifts$/), match.click()]);
  const row = page.locator("#gifts ~ div tr:has-text('Browser-Vorlesestunde')");
  assert.match(await row.textContent(), /zugeordnet/);
  await Promise.all([page.waitForURL(/#gifts$/), row.locator("button:has-text('als übergeben markieren')").click()]);
  assert.match(await page.locator("#gifts ~ div tr:has-text('Browser-Vorlesestunde')").textContent(), /übergeben/);
  await accessibleInBothLanguages(page, "engagement register");
  await context.close();
});

test("the network picture is interactive with JavaScript and drawn by the server without", async () => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/network`);
  await page.waitForSelector("#network-graph.interactive canvas");
  assert.deepEqual(problems, [], "no errors and no style-policy violations from the graph library");
  // choosing the busiest organisation from the keyboard's list names it and links to it
  const box = await page.locator("#network-graph").boundingBox();
  assert.ok(box.width > 300, "the interactive view takes the page's width");
  const drawing = await (await page.request.get(`${server.base}/network/graph.json`)).json();
  const busiest = drawing.nodes.reduce((a, b) => (b.degree > a.degree ? b : a));
  await page.selectOption("#network-choose", { label: busiest.label });
  const link = page.locator(`#network-graph-info a[href='/organisations/${busiest.id}']`);
  assert.equal((await link.textContent()).trim(), busiest.label);
  assert.match(await page.locator("#network-graph-info").textContent(), new RegExp(`Verbindungen: ${busiest.degree}`));
  assert.deepEqual(problems, [], "nothing went wrong while choosing");
  // axe needs its script injected past the page's policy: a second context for it
  const checked = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const axePage = await checked.newPage();
  await signIn(axePage, server.base, "koordination");
  await axePage.goto(`${server.base}/network`);
  await axePage.waitForSelector("#network-choose");
  assert.deepEqual(await violations(axePage), [], "the interactive network page");
  await checked.close();

  const plain = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
  const noScript = await plain.newPage();
  await signIn(noScript, server.base, "koordination");
  await noScript.goto(`${server.base}/network`);
  assert.ok(await noScript.isVisible("#network-graph svg.network-svg"), "the server's picture without JavaScript");
  assert.ok((await noScript.locator("#network-graph svg circle").count()) === drawing.nodes.length, "one dot per tied organisation");
  await plain.close();
  await context.close();
});
