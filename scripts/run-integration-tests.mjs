// Runs the mocha suite in test/integration inside a real VS Code: VS Code's server from code-server, its web
// workbench in Debian's headless Chromium (playwright-core), the tests in the Node extension host.
// Usage: node scripts/run-integration-tests.mjs [--vsix <file> | --web] [--grep <pattern>] [--workspace <dir>]
//          [--timeout <seconds>] [--no-build]
//   --vsix       install this packaged extension into the server instead of loading the development path;
//                runs only the packaging tests (test/integration/vsix.test.ts)
//   --web        run Stageflow as a web extension (dist/extensionWeb.js) in the workbench's web worker extension
//                host, as VS Code for the Web does, with the tests that need no process
//                (scripts/bundle-integration-tests.mjs, test/integration/web/webSuite.ts)
//   --grep       run only the tests whose full title matches
//   --workspace  folder to copy and open instead of test/fixtures/workspace
//   --screenshots  let the tests ask for pictures of the workbench (test/integration/workbenchScreenshot.ts),
//                saved in test-output/screenshots/integration/, each with NAME.codelens.json: the width of every
//                line of CodeLens on screen and the room the editor gives it, in pixels
// The last line printed is always `N passed, N failed`; the exit code is non-zero when anything failed.
// In development mode a private Docker daemon with BuildKit (scripts/buildkit-daemon.mjs) runs for the suite's real
// builds; the extension host gets its DOCKER_HOST, and the daemon is stopped at the end.
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleIntegrationSuite, bundleWebIntegrationSuite } from './bundle-integration-tests.mjs';
import { importBusybox, startBuildkitDaemon } from './buildkit-daemon.mjs';
import { ensureDebianPackages, ensureVsCodeServer } from './install-vscode-server.mjs';
import { createServerFolders, installVsix, removeServerFolders, startVsCodeServer, workbenchUrl } from './vscode-server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = path.join(projectRoot, 'test-output');
/** The line test/integration/index.ts prints when mocha ends; carries the counts as JSON. */
const summaryMarker = 'STAGEFLOW_MOCHA_SUMMARY ';
/** The line a test prints to have the workbench photographed (test/integration/workbenchScreenshot.ts). */
const screenshotMarker = 'STAGEFLOW_SCREENSHOT ';
const screenshotDir = path.join(outputDir, 'screenshots', 'integration');

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    grep: { type: 'string' },
    workspace: { type: 'string', default: path.join(projectRoot, 'test', 'fixtures', 'workspace') },
    timeout: { type: 'string', default: '300' },
    'no-build': { type: 'boolean', default: false },
    screenshots: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
  },
});
const mode = options.vsix ? 'vsix' : options.web ? 'web' : 'development';
/**
 * The workbench runs an extension that has both `main` and `browser` in the server's Node host; this machine
 * setting places Stageflow in the browser's web worker extension host instead (the payload's
 * extensionDevelopmentKind is ignored by VS Code 1.100's web workbench).
 */
const webExtensionKind = { 'remote.extensionKind': { 'stageflow.stageflow': ['web'] } };

/** Workbench start-up chatter and offline failures (gallery look-ups, service worker, vsda) that hide test output. */
const workbenchNoise =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|ChatSessionStore)|ENOTFOUND open-vsx\.org|service worker|vsda/i;

/**
 * Rewrites stack frames in the temporary bundles (`.../integration-<mode>-XXXX/refactor.test.js:149:32`) to the
 * TypeScript source lines, through the bundles' source maps: the extension host does not apply them itself.
 */
function toSourceLocations(text, suiteOut) {
  const bundleFrame = new RegExp(`[^\\s(]*${path.basename(suiteOut)}/([^\\s:()]+\\.js):(\\d+):(\\d+)`, 'g');
  return text.replace(bundleFrame, (frame, file, line, column) => {
    try {
      const map = new SourceMap(JSON.parse(readFileSync(path.join(suiteOut, `${file}.map`), 'utf8')));
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry.originalSource) return frame;
      const source = path.relative(projectRoot, path.resolve(path.dirname(path.join(suiteOut, file)), entry.originalSource));
      return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    } catch {
      return frame;
    }
  });
}

/** Prints what the extension host logs; returns the mocha summary when the suite reports it. */
function forwardLog(level, message, suiteOut, onSummary, onScreenshot) {
  const text = toSourceLocations(Array.isArray(message) ? format(...message) : String(message), suiteOut);
  const shot = text.indexOf(screenshotMarker);
  if (shot >= 0) {
    onScreenshot(text.slice(shot + screenshotMarker.length).split('\n')[0].replace(/[^\w.-]/g, '_'));
    return;
  }
  const at = text.indexOf(summaryMarker);
  if (at >= 0) {
    onSummary(JSON.parse(text.slice(at + summaryMarker.length).split('\n')[0]));
    return;
  }
  if (workbenchNoise.test(text)) return;
  (level === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
}

async function main() {
  const timeoutMs = Number(options.timeout) * 1000;
  ensureDebianPackages(mode === 'development' ? ['chromium', 'docker.io', 'busybox-static', 'git'] : ['chromium']);
  const serverMain = ensureVsCodeServer();
  mkdirSync(path.join(projectRoot, 'out'), { recursive: true });
  const suiteOut = mkdtempSync(path.join(projectRoot, 'out', `integration-${mode}-`));
  const folders = createServerFolders('stageflow-vscode-', mode === 'web' ? webExtensionKind : {});
  const workspace = path.join(folders.root, 'workspace');
  cpSync(path.resolve(options.workspace), workspace, { recursive: true });
  mkdirSync(outputDir, { recursive: true });
  const serverLogPath = path.join(outputDir, `integration-${mode}-server.log`);
  const serverLog = createWriteStream(serverLogPath);

  let server;
  let browser;
  let summary;
  let daemon;
  const started = Date.now();
  const screenshotPath = path.join(outputDir, `integration-${mode}-failure.png`);
  rmSync(screenshotPath, { force: true });
  // The server runs in a process group of its own, so an interrupted or stuck run must take it down explicitly.
  const abandon = (reason) => {
    server?.stop();
    void daemon?.stop();
    removeServerFolders(folders);
    rmSync(suiteOut, { recursive: true, force: true });
    console.error(`Integration tests (${mode}) stopped: ${reason}`);
    console.log(`${summary?.passed ?? 0} passed, ${(summary?.failed ?? 0) + 1} failed`);
    process.exit(1);
  };
  process.once('SIGINT', () => abandon('interrupted'));
  process.once('SIGTERM', () => abandon('terminated'));
  setTimeout(() => abandon(`the whole run took longer than ${timeoutMs / 1000 + 120} s`), timeoutMs + 120_000).unref();
  try {
    if (!options['no-build'] && mode !== 'vsix') {
      execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
    }
    const testEnv = {
      STAGEFLOW_TEST_MODE: mode,
      STAGEFLOW_TEST_EXTENSIONS_DIR: folders.extensions,
      STAGEFLOW_TEST_GREP: options.grep ?? '',
      STAGEFLOW_TEST_SCREENSHOTS: options.screenshots ? '1' : '',
    };
    // The web worker host has no environment: the web suite gets these settings inside its bundle.
    const extensionTestsPath = mode === 'web' ? await bundleWebIntegrationSuite(suiteOut, testEnv) : await bundleIntegrationSuite(suiteOut);
    const payload = { extensionTestsPath, skipWelcome: 'true' };
    if (mode === 'development') {
      const daemonRoot = path.join(folders.root, 'docker');
      mkdirSync(daemonRoot);
      daemon = await startBuildkitDaemon(daemonRoot);
      importBusybox(daemonRoot, daemon.env);
    }
    if (mode === 'vsix') {
      installVsix(serverMain, folders, path.resolve(options.vsix));
      // The extension host only runs tests in development mode; an empty development folder keeps the
      // installed copy the one that loads.
      const emptyDevelopmentFolder = path.join(folders.root, 'no-development-extension');
      mkdirSync(emptyDevelopmentFolder);
      payload.extensionDevelopmentPath = emptyDevelopmentFolder;
    } else {
      payload.extensionDevelopmentPath = projectRoot;
    }
    server = await startVsCodeServer({
      serverMain,
      folders,
      onOutput: (text) => serverLog.write(text),
      env: {
        ...testEnv,
        // The builds from the editor go to the private daemon (docker reads DOCKER_HOST), never to the machine's.
        ...(daemon ? { DOCKER_HOST: daemon.env.DOCKER_HOST } : {}),
      },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const exitCode = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the suite did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      Promise.all([
        page.exposeFunction('codeAutomationLog', (level, message) =>
          forwardLog(level, message, suiteOut, (counts) => { summary = counts; }, (name) => {
            mkdirSync(screenshotDir, { recursive: true });
            page.screenshot({ path: path.join(screenshotDir, `${name}.png`) }).catch((error) => console.error(`No screenshot ${name}: ${error.message}`));
            measureCodeLenses(page)
              .then((lines) => writeFileSync(path.join(screenshotDir, `${name}.codelens.json`), JSON.stringify(lines, null, 2)))
              .catch((error) => console.error(`No CodeLens measures for ${name}: ${error.message}`));
          })),
        page.exposeFunction('codeAutomationExit', (code) => {
          clearTimeout(timer);
          resolve(code);
        }),
      ])
        .then(() => page.goto(workbenchUrl(server, workspace, payload)))
        .catch((error) => {
          clearTimeout(timer);
          reject(error);
        });
    }).catch(async (error) => {
      await saveScreenshot(page, screenshotPath);
      throw error;
    });
    if (exitCode !== 0 || !summary || summary.failed > 0) await saveScreenshot(page, screenshotPath);
    if (!summary) throw new Error(`the suite exited with code ${exitCode} without reporting results`);
    if (exitCode !== 0 && summary.failed === 0) summary.failed = 1;
  } catch (error) {
    console.error(`Integration tests (${mode}) could not complete: ${error.message}`);
    console.error(`VS Code server log: ${path.relative(projectRoot, serverLogPath)}`);
    summary = { passed: summary?.passed ?? 0, failed: (summary?.failed ?? 0) + 1 };
  } finally {
    await browser?.close().catch(() => {});
    server?.stop();
    await daemon?.stop();
    serverLog.end();
    removeServerFolders(folders);
    rmSync(suiteOut, { recursive: true, force: true });
  }
  console.log(`Integration tests (${mode}) took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  process.exit(summary.failed > 0 ? 1 : 0);
}

/**
 * Every line of CodeLens the workbench shows, as drawn: its text, its font, the width it needs (`needs`) and the
 * width the editor gives it from where it starts to the minimap or the scrollbar (`room`), in CSS pixels.
 */
function measureCodeLenses(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.monaco-editor .codelens-decoration')].map((lens) => {
      const editor = lens.closest('.monaco-editor');
      const rightEdge = editor.querySelector('.minimap')?.getBoundingClientRect().left ?? editor.querySelector('.editor-scrollable').getBoundingClientRect().right;
      const style = getComputedStyle(lens);
      return {
        text: lens.textContent,
        font: `${style.fontSize} ${style.fontFamily}`,
        needs: lens.scrollWidth,
        room: Math.round(rightEdge - lens.getBoundingClientRect().left),
      };
    }),
  );
}

/** Keeps a picture of the workbench for a failed run, in test-output/. */
async function saveScreenshot(page, file) {
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    console.error(`Screenshot of the workbench: ${path.relative(projectRoot, file)}`);
  } catch (error) {
    console.error(`No screenshot: ${error.message}`);
  }
}

await main();
