// Starts the real kette binary with the Berlin demo and a headless Debian chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
const bin = process.env.KETTE_BIN || join(repo, "target/debug/kette");

export async function startDemo(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), "kette-browser-"));
  const child = spawn(bin, ["demo", "--db", join(dir, "demo.db"), "--addr", "127.0.0.1:0", "--data", join(repo, "data/berlin"), ...extraArgs], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("kette did not start within 120 s")), 120_000);
    child.on("exit", (code) => fail(new Error(`kette exited with ${code}`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const m = line.match(/http:\/\/(\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(`http://${m[1]}`);
      }
    });
  });
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Signs in through the login form.
export async function signIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill("#username", username);
  await page.fill("#password", "Mohnblume-Ahorn-7");
  await Promise.all([page.waitForURL(`${base}/`), page.press("#password", "Enter")]);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// WCAG 2.1 A/AA violations axe-core finds on the page, one line each.
export async function violations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(" ")})`);
  });
}
