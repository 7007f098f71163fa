// Takes the README's screenshots (images/diagnostics.png, hover.png,
// completion.png, wrap.png) of a real VS Code: code-server (VS Code 1.96 in a browser) with
// the built linux-x64 package installed, driven by headless Chromium. Not part of
// the build or CI; run by hand when the extension's look changes. Setup, outside
// the repository (Debian, Node 20, as root):
//
//   apt-get install chromium
//   mkdir /tmp/cs && cd /tmp/cs && npm install --ignore-scripts code-server@4.96.4 puppeteer-core@23
//   (cd node_modules/code-server/lib/vscode && mv npm-shrinkwrap.json npm-shrinkwrap.json.orig \
//     && npm install --omit=dev --ignore-scripts && ln -sfn node_modules node_modules.asar \
//     && npm rebuild node-pty @vscode/spdlog native-watchdog --nodedir=/usr \
//     && cd extensions && npm install --omit=dev --ignore-scripts)
//   npm rebuild argon2 --nodedir=/usr
//   node node_modules/code-server/out/node/entry.js --extensions-dir /tmp/csext \
//     --install-extension <repo>/target/vsix/reso-linux-x64.vsix
//   mkdir /tmp/ws && cp <repo>/tests/fixtures/A-RES-66-184.txt <repo>/tests/fixtures/drafts/mun-draft.reso /tmp/ws/
//   node node_modules/code-server/out/node/entry.js --auth none --bind-addr 127.0.0.1:8123 \
//     --extensions-dir /tmp/csext --user-data-dir /tmp/csdata /tmp/ws &
//   NODE_PATH=/tmp/cs/node_modules node <repo>/editors/vscode/scripts/screenshots.cjs <repo>/editors/vscode/images
//
// (the shrinkwrap of code-server's VS Code names a dependency by a git address;
// without it npm takes the same package from the registry.) The script types into
// the draft: run it on fresh copies of the fixtures and a fresh --user-data-dir
// (with a settings.json only). User settings used:
// "workbench.colorTheme": "Default Light Modern", "editor.minimap.enabled": false,
// "workbench.startupEditor": "none".
const puppeteer = require("puppeteer-core");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const out = process.argv[2] ?? ".";
const url = process.env.RESO_CODE_SERVER ?? "http://127.0.0.1:8123/?folder=/tmp/ws";

(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--window-size=1280,800"],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 760, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: "networkidle2", timeout: 60000 });
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await sleep(5000);
  const key = async (combo) => {
    const parts = combo.split("+");
    for (const p of parts.slice(0, -1)) await page.keyboard.down(p);
    await page.keyboard.press(parts[parts.length - 1]);
    for (const p of parts.slice(0, -1).reverse()) await page.keyboard.up(p);
    await sleep(400);
  };
  const goto = async (where) => {
    await key("Control+g");
    await page.keyboard.type(where);
    await page.keyboard.press("Enter");
    await sleep(800);
  };
  await page.click(".monaco-workbench");
  await key("Control+b"); // no side bar
  // The seed as pasted from its PDF, a .txt: the extension opens it as reso.
  await key("Control+p");
  await page.keyboard.type("A-RES-66-184.txt");
  await sleep(1200);
  await page.keyboard.press("Enter");
  await sleep(6000);
  // The problems, and the quick fix on OP 4's `Sresses`.
  await goto("207:6");
  await key("Control+Shift+m");
  await sleep(1500);
  await goto("207:6");
  await key("Control+.");
  await sleep(2500);
  await page.screenshot({ path: `${out}/diagnostics.png` });
  await page.keyboard.press("Escape");
  await key("Control+j");
  // Hover on a cited resolution.
  await goto("5:29");
  await key("Control+k");
  await key("Control+i");
  await sleep(2500);
  await page.screenshot({ path: `${out}/hover.png` });
  await page.keyboard.press("Escape");
  // Completion of a preambular opener at the start of a paragraph.
  await goto("4:1");
  await page.keyboard.type("Rec", { delay: 120 });
  await sleep(800);
  await key("Control+Space");
  await sleep(2500);
  await page.screenshot({ path: `${out}/completion.png` });
  await page.keyboard.press("Escape");
  // Word wrap on a draft with one paragraph a line, in a narrower window.
  await page.setViewport({ width: 1000, height: 600, deviceScaleFactor: 1 });
  await key("Control+b"); // the side bar back
  await key("Control+p");
  await page.keyboard.type("mun-draft.reso");
  await sleep(2700);
  await page.keyboard.press("Enter");
  await sleep(5000);
  await page.screenshot({ path: `${out}/wrap.png` });
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
