// Drives a real VS Code (code-server, with the packaged extension installed) in headless Chromium, as a user
// would: hover an actor's surname, read the Problems panel, press F12 on an event mention, run
// "Dateline: Show denied claims". Started by vscode.sh; exits non-zero when an expected text is missing.
// Environment: VSCODE_URL, CORPUS, CHROMIUM, PLAYWRIGHT_DIR, ARTIFACTS (screenshots go there).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const url = env('VSCODE_URL');
const corpus = env('CORPUS');
const artifacts = env('ARTIFACTS');
const { chromium } = createRequire(path.join(env('PLAYWRIGHT_DIR'), 'package.json'))('playwright-core');

const TRIP = '2026-05-04-baltic-herald-trip.md';
const TALKS = '2026-05-02-coastal-times-talks.md';

let failures = 0;
const check = (cond, what, detail) => {
  if (cond) {
    console.log(`ok   ${what}`);
  } else {
    failures += 1;
    console.log(`FAIL ${what}${detail === undefined ? '' : `: ${String(detail).slice(0, 1500)}`}`);
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `fn` until it returns a truthy value or `ms` pass; returns the last value.
async function until(ms, fn) {
  const end = Date.now() + ms;
  let value;
  do {
    value = await fn().catch(() => undefined);
    if (value) return value;
    await sleep(250);
  } while (Date.now() < end);
  return value;
}

// The screen position of `needle` (its `offset`-th character) in the visible editor, found through a DOM
// Range over the rendered text (view lines use non-breaking spaces).
async function positionOf(page, needle, offset) {
  return page.evaluate(
    ({ needle, offset }) => {
      const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line');
      for (const line of lines) {
        const text = line.textContent.replace(/\u00a0/g, ' ');
        const at = text.indexOf(needle);
        if (at < 0) continue;
        let target = at + offset;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (target < node.length) {
            const range = document.createRange();
            range.setStart(node, target);
            range.setEnd(node, target + 1);
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          target -= node.length;
        }
      }
      return null;
    },
    { needle, offset },
  );
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  await sleep(400);
  await page.keyboard.press('Enter');
}

// Quick Open (Ctrl+P), tried again while the workbench is still starting and takes no keys yet.
async function openFile(page, name) {
  const active = async () =>
    (await page.locator('.tabs-container .tab.active').getAttribute('aria-label', { timeout: 500 }))?.includes(name);
  for (let attempt = 0; attempt < 5 && !(await active().catch(() => false)); attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    if (!(await input.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false))) continue;
    await input.fill(name);
    await sleep(600);
    await page.keyboard.press('Enter');
    await until(5000, active);
  }
  if (!(await active().catch(() => false))) throw new Error(`Quick Open did not open ${name}`);
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: 10000 });
  await sleep(300);
}

async function hoverText(page, needle, offset) {
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content');
  return until(30000, async () => {
    const pos = await positionOf(page, needle, offset);
    if (process.env.DEBUG && !pos) {
      console.log('no position; lines:', await page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => l.textContent).join(' | ').slice(0, 300)));
    }
    if (!pos) return undefined;
    await page.mouse.move(pos.x, pos.y + 120);
    await sleep(150);
    await page.mouse.move(pos.x, pos.y);
    await sleep(700);
    const text = await hover.first().innerText({ timeout: 500 }).catch(() => '');
    if (process.env.DEBUG) console.log('hover at', pos, JSON.stringify(text.slice(0, 200)));
    return text.includes('Lehtinen') ? text : undefined;
  });
}

const lineOf = (file, needle) =>
  readFileSync(path.join(corpus, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
mkdirSync(artifacts, { recursive: true });
const shot = (name) => page.screenshot({ path: path.join(artifacts, name) }).catch(() => undefined);
try {
  await page.goto(`${url}/?folder=${encodeURIComponent(corpus)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  // the explorer lists the corpus once the workspace is loaded
  await page.locator('.explorer-folders-view').getByText(TRIP).waitFor({ timeout: 60000 });
  await openFile(page, TRIP);

  // 1. Hover on the surname.
  const hover = await hoverText(page, 'Lehtinen and Tamm', 3);
  check(hover?.includes('Aino Lehtinen'), 'hover on "Lehtinen" shows the full name', hover);
  check(hover?.includes('Finnish Foreign Minister'), 'hover shows the role', hover);
  await shot('vscode-hover.png');
  await page.mouse.move(5, 890);

  // 2. The Problems panel lists the denied claim.
  await runCommand(page, 'Problems: Focus on Problems View');
  const problems = await until(30000, async () => {
    const text = await page.locator('.markers-panel').first().innerText({ timeout: 500 });
    return text.includes('Maria Saar') ? text : undefined;
  });
  check(problems?.includes('Maria Saar'), 'the Problems panel lists the denied claim, naming the denier', problems);
  check(problems?.includes(TRIP), 'the problem is filed under the claiming article', problems);

  // 3. F12 on the event mention opens the other article at the defining mention.
  await openFile(page, TRIP);
  const talks = await positionOf(page, 'talks between', 1);
  check(talks !== null, 'the event mention is on screen');
  if (talks) {
    await page.mouse.click(talks.x, talks.y);
    await sleep(300);
    await page.keyboard.press('F12');
    const tab = await until(15000, async () => {
      const label = await page.locator('.tabs-container .tab.active').getAttribute('aria-label');
      return label?.includes(TALKS) ? label : undefined;
    });
    check(tab?.includes(TALKS), 'F12 opens the article that defines the event', tab);
    const want = lineOf(TALKS, 'met Estonian');
    const status = await until(5000, async () => {
      const text = await page.locator('[id="status.editor.selection"]').innerText({ timeout: 500 });
      return text.includes(`Ln ${want},`) ? text : undefined;
    });
    check(status?.includes(`Ln ${want},`), `the cursor lands on the defining mention (line ${want})`, status);
    await shot('vscode-definition.png');
  }

  // 4. The extension's own command.
  await runCommand(page, 'Dateline: Show denied claims');
  const pick = await until(10000, async () => {
    const text = await page.locator('.quick-input-widget').innerText({ timeout: 500 });
    return text.includes('Maria Saar') ? text : undefined;
  });
  check(pick?.includes('Maria Saar'), '"Dateline: Show denied claims" lists the denied claim', pick);
  await shot('vscode-denied-claims.png');
  await page.keyboard.press('Escape');

  // 5. "Dateline: Restart server": a new server answers hovers again (the talks article is open now).
  await runCommand(page, 'Dateline: Restart server');
  await sleep(1000);
  const again = await hoverText(page, 'Lehtinen met', 3);
  check(again?.includes('Finnish Foreign Minister'), 'after "Dateline: Restart server" hover works again', again);
} catch (err) {
  failures += 1;
  console.log(`FAIL ${err?.stack ?? err}`);
} finally {
  if (failures > 0) {
    await shot('vscode-failure.png');
    console.log(`screenshot: ${path.join(artifacts, 'vscode-failure.png')}`);
  }
  await browser.close();
}
console.log(failures === 0 ? 'vscode: all checks passed' : `vscode: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
