// What ctest runs (browser.web, tests/CMakeLists.txt): node run.mjs KEHOACH SCREENSHOT_FOLDER.
// Checks what the browser tests need, then runs every tests/browser/*.test.mjs with `node --test`.
// Where Chromium is not installed the tests are skipped (status 77, which ctest counts as skipped) with
// a message saying so; anything else missing is a failure that says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [kehoach, screenshots] = process.argv.slice(2);
if (!kehoach || !screenshots) {
  console.error('usage: node run.mjs KEHOACH SCREENSHOT_FOLDER');
  process.exit(64);
}

const chromium = process.env.KEHOACH_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`browser tests skipped: no Chromium at ${chromium} (scripts/install-packages test installs Debian's chromium).`);
  process.exit(77);
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`browser tests: Node.js ${process.versions.node} is too old; playwright-core needs Node.js 20 or later.`);
  process.exit(1);
}

// The npm packages as package-lock.json locks them: scripts/install-packages test runs `npm ci` and
// leaves a copy of the lock it installed in node_modules/ to tell when it is stale.
const lock = join(here, 'package-lock.json');
const installed = join(here, 'node_modules', '.kehoach-package-lock.json');
if (!existsSync(installed) || readFileSync(installed, 'utf8') !== readFileSync(lock, 'utf8')) {
  console.error('browser tests: the npm packages of tests/browser/ are missing or not those of package-lock.json; ' +
                'run scripts/install-packages test (it runs npm ci there).');
  process.exit(1);
}

// Screenshots of this run only.
rmSync(screenshots, { recursive: true, force: true });

const tests = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => join(here, name));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...tests], {
  stdio: 'inherit',
  env: { ...process.env, KEHOACH: resolve(kehoach), KEHOACH_SCREENSHOTS: resolve(screenshots), KEHOACH_CHROMIUM: chromium },
});
if (result.error) throw result.error;
console.log(`browser tests: screenshots in ${resolve(screenshots)}`);
process.exit(result.status ?? 1);
