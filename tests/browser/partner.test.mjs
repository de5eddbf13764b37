// The partner workflow in a real browser against the real binary: a partner editor proposes a
// change, the coordinator sees what changed and approves it, the public finder follows; the
// verification reminder reaches the partner through a real SMTP server (smtp-server from npm),
// and the partner confirms offers on the to-do list. Keyboard where a person would use it.
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

async function firstOfferOf(request, base, organisationName) {
  const orgs = await (await request.get(`${base}/api/v1/organisations?q=${encodeURIComponent(organisationName)}`)).json();
  const org = orgs.items.find((o) => o.name === organisationName);
  assert.ok(org, `organisation ${organisationName} exists`);
  const offers = await (await request.get(`${base}/api/v1/offers?organisation=${org.id}&per_page=1`)).json();
  assert.ok(offers.total > 0);
  return offers.items[0];
}

// The text of a plain-text mail: headers unfolded, RFC 2047 words and the body's transfer
// encoding (quoted-printable or base64) decoded.
function readMail(raw) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  let body = raw.slice(split + 4);
  const header = (name) => (head.match(new RegExp(`^${name}: (.*)$`, "mi")) || [])[1] || "";
  const words = (s) =>
    s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_, enc, text) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  if (encoding === "base64") body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable")
    body = Buffer.from(body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  return { subject: words(header("Subject")), from: words(header("From")), body };
}

test("a partner's change waits for the coordinator, who sees the difference and approves it; the public finder follows", async () => {
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
  await page.keyboard.type("Mohnblume-Ahorn-7");
  await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press("Enter")]);
  assert.match(await page.locator("header .who").innerText(), /Toni Träger/);

  // own offer (Kindergärten City): change the title
  const own = await firstOfferOf(page.request, base, "Kindergärten City");
  await page.goto(`${base}/offers/${own.id}`);
  await page.getByRole("link", { name: "Angebot bearbeiten" }).click();
  const title = `Kita Regenbogen Testlauf ${Date.now()}`;
  await page.getByLabel("Titel", { exact: true }).fill("");
  await page.getByRole("button", { name: "Zur Freigabe einreichen" }).click();
  assert.equal(await page.locator("#title-error").innerText(), "Bitte ausfüllen.", "error shown next to the field");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await Promise.all([page.waitForURL(`${base}/offers/${own.id}?proposed=1`), page.getByRole("button", { name: "Zur Freigabe einreichen" }).click()]);
  assert.equal(await page.locator("h1").innerText(), own.title, "the approved version stays until the coordinator decides");
  assert.match(await page.locator("main").innerText(), /Ihre Änderung ist eingereicht/);

  // families still see the approved version
  const visitor = await browser.newContext({ locale: "de-DE" });
  const pub = await visitor.newPage();
  await pub.goto(`${base}/search/${own.id}`);
  assert.equal(await pub.locator("h1").innerText(), own.title);

  // the coordinator opens the proposal from the approvals list and approves it
  const coordination = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const coord = await coordination.newPage();
  await signIn(coord, base, "koordination");
  // the tasks menu opens without script (a native disclosure)
  await coord.locator("summary", { hasText: "Aufgaben" }).click();
  await coord.getByRole("link", { name: "Freigaben" }).first().click();
  await coord.getByRole("link", { name: title }).click();
  assert.equal(await coord.locator("table.diff del").first().innerText(), own.title);
  assert.equal(await coord.locator("table.diff ins").first().innerText(), title);
  assert.deepEqual(await violations(coord), [], "axe violations on the proposal page");
  await Promise.all([coord.waitForURL(/\/review\?approved=/), coord.getByRole("button", { name: "Freigeben" }).click()]);
  assert.match(await coord.locator("[role=status]").innerText(), /Freigegeben/);

  // the public finder, signed out, used with the keyboard, shows the new title at once
  await pub.goto(`${base}/search`);
  await pub.locator("#q").focus();
  await pub.keyboard.type("Regenbogen Testlauf");
  await Promise.all([pub.waitForURL(/\/search\?/), pub.keyboard.press("Enter")]);
  await pub.getByRole("link", { name: title }).click();
  assert.equal(await pub.locator("h1").innerText(), title);
  assert.equal(await pub.getByRole("link", { name: "Angebot bearbeiten" }).count(), 0, "visitors cannot edit");
  await visitor.close();
  await coordination.close();

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

test("the reminder reaches the partner through the SMTP server; the partner confirms on the to-do list", async () => {
  const base = server.base;
  // the server's reminder run starts two seconds after it came up; besides the verification
  // reminder it sends the demo's steering task reminders, to fictional members
  const isVerification = (m) => /bitte prüfen/.test(readMail(m.raw).subject);
  for (let i = 0; i < 100 && !mails.some(isVerification); i++) await new Promise((ok) => setTimeout(ok, 200));
  for (const m of mails) for (const to of m.to) assert.match(to, /@example\.org$/, "the demo mails fictional addresses only, never a real organisation's");
  const verification = mails.filter(isVerification);
  assert.equal(verification.length, 1, "exactly one verification reminder: the demo's only partner editor");
  assert.deepEqual(verification[0].to, ["traeger@example.org"]);
  const mail = readMail(verification[0].raw);
  assert.match(mail.subject, /Angebote von Kindergärten City bitte prüfen/);
  assert.match(mail.from, /kette Demo/);
  assert.match(mail.body, /zuletzt geprüft am 01\.09\.2025/);
  assert.ok(mail.body.includes(`${base}/verification`), mail.body);

  const context = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, base, "traeger");
  await page.locator("summary", { hasText: "Aufgaben" }).click();
  await page.getByRole("link", { name: "Prüfliste" }).click();
  const count = Number((await page.locator("main strong").first().innerText()).match(/\d+/)[0]);
  assert.ok(count > 0, "the demo's offers are due: the facility list is from September 2025");
  assert.deepEqual(await violations(page), [], "axe violations on the to-do list");
  const first = page.locator("input[name=offer]").first();
  await first.focus();
  await page.keyboard.press("Space");
  await Promise.all([page.waitForURL(/confirmed=1/), page.getByRole("button", { name: "Ausgewählte als aktuell bestätigen" }).click()]);
  assert.match(await page.locator("[role=status]").innerText(), /1 Angebot bestätigt/);
  const after = Number((await page.locator("main strong").first().innerText()).match(/\d+/)[0]);
  assert.equal(after, count - 1);
  await context.close();

  // the coordinator sees the reminder in the log; reminding again now sends nothing new
  const coordination = await browser.newContext({ locale: "de-DE", bypassCSP: true });
  const coord = await coordination.newPage();
  await signIn(coord, base, "koordination");
  await coord.goto(`${base}/verification`);
  assert.match(await coord.locator("main").innerText(), /traeger@example\.org/);
  await Promise.all([coord.waitForURL(/reminded=1/), coord.getByRole("button", { name: "Jetzt erinnern" }).click()]);
  assert.match(await coord.locator("[role=status]").innerText(), /Erinnerungen versandt: 0/);
  assert.equal(mails.filter(isVerification).length, 1, "reminded at most once per interval");
  assert.deepEqual(await violations(coord), [], "axe violations on the coordinator's verification page");
  await coord.goto(`${base}/review/settings`);
  assert.deepEqual(await violations(coord), [], "axe violations on the review settings");
  await coordination.close();
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
