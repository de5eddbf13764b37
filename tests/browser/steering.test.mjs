// Steering in a real browser against the real binary and the Berlin demo's fictional steering
// content: a goal whose progress is read from the monitoring, its page, a measure linked to offers
// found by a search that works without JavaScript, a meeting with minutes and a task,
// a working group's proposal scored and accepted into a measure, and the self-assessment answered
// anonymously through a one-time link that arrives at a real SMTP server (smtp-server from
// npm). Every page of these flows passes axe-core's WCAG 2.1 AA rules in German and Arabic.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { SMTPServer } from "smtp-server";
import { startDemo, launchBrowser, signIn, violations } from "./support.mjs";

let server, browser, smtp;
const mails = [];

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise((ok) => smtp.listen(0, "127.0.0.1", ok));
  const port = smtp.server.address().port;
  server = await startDemo(["--smtp-url", `smtp://127.0.0.1:${port}`, "--mail-from", "kette Demo <kette@example.org>"]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((ok) => (smtp ? smtp.close(ok) : ok()));
});

// axe in German and Arabic on the page the browser is on.
async function accessibleInBothLanguages(page, what) {
  for (const lang of ["de", "ar"]) {
    const url = new URL(page.url());
    url.searchParams.set("lang", lang);
    await page.goto(url.toString());
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.deepEqual(await violations(page), [], `${what} (${lang})`);
  }
  const url = new URL(page.url());
  url.searchParams.set("lang", "de");
  await page.goto(url.toString());
}

test("a goal on the child poverty share shows its progress read from the monitoring", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/steering`);
  assert.ok(await page.isVisible("text=Überblick"));
  await page.click("summary:has-text('Neues Ziel')");
  await page.selectOption("#level", "impact");
  await page.fill("#title", "Browser-Ziel Kinderarmut");
  await page.selectOption("#indicator_code", "mss_s4");
  await page.fill("#baseline_year", "2012");
  await page.fill("#baseline_value", "31");
  await page.fill("#target_year", String(new Date().getFullYear() + 4));
  await page.fill("#target_value", "20");
  await Promise.all([page.waitForURL(/\/steering#goals$/), page.click("button:has-text('Ziel speichern')")]);
  const row = page.locator("tr", { hasText: "Browser-Ziel Kinderarmut" });
  assert.match(await row.innerText(), /\(2018; Pfad: [\d,]+\)/, "the latest value and the path's value are shown");
  assert.equal(await row.locator(".progress").count(), 1);
  await accessibleInBothLanguages(page, "steering dashboard");
  await page.goto(`${server.base}/steering/cycle`);
  assert.ok(await page.isVisible("text=Umsetzung"));
  await accessibleInBothLanguages(page, "strategy cycle");
  await context.close();
});

test("a goal's page draws its course, and a measure is linked to offers found by a plain form search", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/steering`);
  await page.locator("table.goals a").first().click();
  assert.match(page.url(), /\/steering\/goals\/\d+$/);
  assert.ok(await page.isVisible("text=Verlauf"));
  assert.ok(await page.isVisible("text=Ziel bearbeiten"));
  await accessibleInBothLanguages(page, "goal page");
  await page.goto(`${server.base}/steering#measures`);
  await page.click("a:has-text('Lotsinnen in Kitas an der Schwelle zur Grundschule')");
  assert.match(page.url(), /\/steering\/measures\/\d+$/);
  const linkedBefore = await page.locator("#offer_ids input:checked").count();
  await page.fill("#search", "Kita");
  await page.click("button:has-text('Suchen')");
  const found = page.locator("#offer_ids input:not(:checked)");
  assert.ok((await found.count()) > 0, "the search lists offers to link");
  await found.first().check();
  await page.selectOption("#status", "running");
  await Promise.all([page.waitForURL(/\/steering\/measures\/\d+$/), page.click("button:has-text('Maßnahme speichern')")]);
  assert.ok(await page.isVisible("text=läuft"));
  assert.equal(await page.locator("#offer_ids input:checked").count(), linkedBefore + 1, "the offer is linked");
  assert.ok(await page.isVisible("text=Kita → Grundschule"));
  await accessibleInBothLanguages(page, "measure page");
  await context.close();
});

test("a meeting gets minutes with attendance and a task, which lands on the owner's list", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/bodies`);
  await page.click("a:has-text('Steuerungsgruppe Präventionskette')");
  await accessibleInBothLanguages(page, "body page");
  await page.click("summary:has-text('Sitzung planen')");
  await page.fill("#meeting_title", "Sondersitzung Browser");
  await page.fill("#meeting_date", "2027-03-10");
  await page.fill("#starts_time", "15:00");
  await page.fill("#ends_time", "14:00");
  await page.click("button:has-text('Sitzung speichern')");
  assert.ok(await page.isVisible("text=Die Sitzung endet vor ihrem Beginn."), "a meeting that ends before it starts is refused");
  await page.fill("#ends_time", "17:00");
  await page.fill("#agenda", "1. Begrüßung\n2. Haushalt");
  await Promise.all([page.waitForURL(/\/meetings\/\d+$/), page.click("button:has-text('Sitzung speichern')")]);
  assert.ok(await page.isVisible("li:has-text('Haushalt')"));
  await page.check("label:has-text('Kim Koordination') input");
  await page.fill("#minutes", "Protokoll\n<script>alert(1)</script>");
  await page.click("button:has-text('Protokoll und Anwesenheit speichern')");
  assert.ok(await page.isVisible("text=Zeile 2"), "the refused line is named");
  await page.fill("#minutes", "## Ergebnis\n\nDer **Haushalt** ist beschlossen.");
  await Promise.all([page.waitForURL(/saved=1/), page.click("button:has-text('Protokoll und Anwesenheit speichern')")]);
  assert.equal(await page.locator(".minutes strong").innerText(), "Haushalt");
  await page.click("summary:has-text('Neue Aufgabe')");
  await page.fill("#task_title", "Haushaltsvorlage schreiben");
  await page.selectOption("#owner_member_id", { label: "Kim Koordination" });
  await page.fill("#due_on", "2027-03-31");
  await Promise.all([page.waitForURL(/#tasks$/), page.click("button:has-text('Aufgabe speichern')")]);
  await accessibleInBothLanguages(page, "meeting page");
  await page.goto(`${server.base}/tasks`);
  assert.ok(await page.isVisible("text=Haushaltsvorlage schreiben"));
  await accessibleInBothLanguages(page, "my tasks");
  // the body's calendar opens without a sign-in through its secret link
  await page.goto(`${server.base}/bodies`);
  await page.click("a:has-text('Steuerungsgruppe Präventionskette')");
  const feed = await page.inputValue("#calendar-url");
  const anonymous = await browser.newContext();
  const ics = await anonymous.request.get(feed.replace(/^https?:\/\/[^/]+/, server.base));
  assert.equal(ics.status(), 200);
  // content lines unfolded as RFC 5545 3.1 says
  const unfolded = (await ics.text()).replace(/\r\n[ \t]/g, "");
  assert.match(unfolded, /SUMMARY:Steuerungsgruppe Präventionskette \(fiktiv\) – Sondersitzung Browser\r\n/);
  assert.match(unfolded, /DTSTART:20270310T140000Z/, "15:00 in Berlin is 14:00 UTC in March");
  await anonymous.close();
  await context.close();
});

test("a working group's proposal is scored and accepted into a measure", async () => {
  const navigator = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await navigator.newPage();
  await signIn(page, server.base, "lotsin");
  await page.goto(`${server.base}/proposals`);
  await page.fill("#proposal_title", "Sprachcafé für Eltern");
  await page.fill("#problem", "Eltern verstehen die Briefe der Schule nicht.");
  await page.selectOption("#proposal_body_id", { label: "AG Übergang Kita–Grundschule (fiktiv)" });
  await page.selectOption("#proposal_life_phase", "primary");
  await page.fill("#cost_eur", "8.000");
  await Promise.all([page.waitForURL(/\/proposals\/\d+$/), page.click("button:has-text('Vorschlag einreichen')")]);
  const url = page.url();
  assert.ok(!(await page.isVisible("button:has-text('Bewertung speichern')")), "the working group does not score");
  await navigator.close();
  const coordination = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const p = await coordination.newPage();
  await signIn(p, server.base, "koordination");
  await p.goto(url);
  for (const [criterion, score] of [["need", "5"], ["reach", "4"], ["cost", "3"], ["feasibility", "4"]]) {
    await p.check(`input[name=score_${criterion}][value="${score}"]`);
  }
  await Promise.all([p.waitForURL(url), p.click("button:has-text('Bewertung speichern')")]);
  assert.ok(await p.isVisible("strong:has-text('4,25')"), "(3·5 + 2·4 + 1·3 + 2·4) / 8 = 4,25");
  await accessibleInBothLanguages(p, "proposal page");
  await Promise.all([p.waitForURL(url), p.click("button:has-text('Annehmen und als Maßnahme anlegen')")]);
  await p.goto(`${server.base}/steering#measures`);
  const measure = p.locator("#measures ~ div tr", { hasText: "Sprachcafé für Eltern" });
  assert.match(await measure.innerText(), /geplant/);
  assert.match(await measure.innerText(), /8\.000 €/);
  await p.goto(`${server.base}/proposals`);
  await accessibleInBothLanguages(p, "proposals");
  await coordination.close();
});

test("partners answer the self-assessment anonymously through their one-time link", async () => {
  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, server.base, "koordination");
  await page.goto(`${server.base}/survey`);
  await accessibleInBothLanguages(page, "self-assessment results");
  await page.fill("#year", String(new Date().getFullYear() + 1));
  await Promise.all([page.waitForURL(/\/survey\?sent=\d+/), page.click("button:has-text('Links verschicken')")]);
  assert.ok(mails.length > 0, "links went out by mail");
  const raw = mails[mails.length - 1].raw.replace(/=\r\n/g, "");
  const link = raw.match(/http:\/\/[^\s]+\/survey\/[0-9a-f]{64}/)[0];
  await context.close();
  const partner = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const form = await partner.newPage();
  await form.goto(link.replace(/^http:\/\/[^/]+/, server.base));
  assert.equal(await form.locator("fieldset").count(), 12);
  await accessibleInBothLanguages(form, "questionnaire");
  await form.check("input[name=trust][value='4']");
  await form.check("input[name=documentation][value='2']");
  await Promise.all([form.waitForURL(/\/survey\/thanks$/), form.click("button:has-text('Antworten absenden')")]);
  assert.ok(await form.isVisible("text=Vielen Dank!"));
  await form.goto(link.replace(/^http:\/\/[^/]+/, server.base));
  assert.ok(await form.isVisible("text=schon geantwortet"), "a link answers once");
  const cookies = await partner.cookies();
  assert.ok(!cookies.some((c) => c.name === "kette_session"), "no sign-in, no session");
  await partner.close();
});
