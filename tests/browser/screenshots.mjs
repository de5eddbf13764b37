// Takes the README's screenshots from the real demo: `node screenshots.mjs` (after a debug build).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startDemo, launchBrowser, signIn, repo } from "./support.mjs";

const out = join(repo, "docs/screenshots");
mkdirSync(out, { recursive: true });
const server = await startDemo();
const browser = await launchBrowser();
try {
  const shot = async (context, path, file, full = false) => {
    const page = await context.newPage();
    await page.goto(`${server.base}${path}`);
    await page.screenshot({ path: join(out, file), fullPage: full });
    await page.close();
  };
  const family = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale: "de-DE" });
  await shot(family, "/search?age=3&near=Skalitzer+Stra%C3%9Fe&q=Kita&map=1#results", "finder-nearest-first.png");
  await shot(family, "/anchor-points?district=2", "anchor-points.png");
  const arabic = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: "ar" });
  await arabic.addCookies([{ name: "kette_lang", value: "ar", url: server.base }]);
  await shot(arabic, "/search?q=Hebamme#results", "finder-no-dead-end-ar.png");
  const staff = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale: "de-DE" });
  const page = await staff.newPage();
  await signIn(page, server.base, "koordination");
  await page.screenshot({ path: join(out, "coordinator-overview.png") });
  await page.goto(`${server.base}/steering`);
  await page.screenshot({ path: join(out, "steering-dashboard.png") });
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
