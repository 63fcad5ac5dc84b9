// Debian's Chromium driven by playwright-core, and a Person: one user at one browser (a context of its
// own: cookies, session), with the few gestures the walks are made of. Every page a person looks at
// (`look`) is checked the same way: no serious or critical accessibility violation (axe-core), nothing
// the Content-Security-Policy refused, no style sheet missing; and it is saved as a screenshot to be
// looked at by a person (KEHOACH_SCREENSHOTS, build/browser-screenshots/ from ctest).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.KEHOACH_CHROMIUM || '/usr/bin/chromium';

// Headless, no sandbox (CI runs as root), and nothing that reaches the network by itself: this
// machine's network is closed and Chromium's own connections would be refused, slowly. Playwright
// starts it with a new empty profile (a --user-data-dir of its own, removed when the browser closes).
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                             '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium() {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: scripts/install-packages test installs it`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

// Impacts that fail a page: axe's "serious" and "critical". Minor and moderate ones are printed.
const failingImpacts = new Set(['serious', 'critical']);

function describeViolation(violation) {
  const where = violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`);
  return `  ${violation.impact} ${violation.id}: ${violation.help}\n${where.join('\n')}`;
}

let shotNumber = 0;

export class Person {
  // `site`: what Site (support/site.mjs) gives: { url, browser, screenshots, downloads }.
  constructor(site, who, context, page) {
    this.site = site;
    this.who = who;  // a short name for the screenshots' names: "quantri", "xa-anhoathinh"
    this.context = context;
    this.page = page;
    this.problems = [];  // what the page's console said about refused or missing resources
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      const request = response.request();
      // The browser's own favicon request is no part of a page.
      if (response.status() >= 400 && !request.isNavigationRequest() && !response.url().endsWith('/favicon.ico'))
        this.problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A download is a navigation that ends without a page: not a failure.
      if (!request.isNavigationRequest()) this.problems.push(`${request.failure()?.errorText} for ${request.url()}`);
    });
  }

  static async open(site, who) {
    const context = await site.browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    // A page of this site answers in well under a second; a wait that long means the thing is not there.
    context.setDefaultTimeout(15_000);
    return new Person(site, who, context, await context.newPage());
  }

  async close() {
    await this.context.close();
  }

  // The path of the page shown now, without the site's address: "/don-vi/3".
  path() {
    const url = new URL(this.page.url());
    return url.pathname + url.search;
  }

  // Opens a path of the site as if typed into the address bar; the final response (after redirects).
  async goto(path) {
    return this.page.goto(this.site.url + path);
  }

  // Does `act` (a click that sends a form or follows a link) and waits for the page it leads to; the
  // final document's response (after the server's redirects), whose status the caller may check.
  async navigate(act) {
    const main = this.page.mainFrame();
    const arrived = this.page.waitForEvent('response', {
      predicate: (response) => response.request().isNavigationRequest() && response.frame() === main &&
                               !(response.status() >= 300 && response.status() < 400),
      timeout: 60_000,
    });
    await act();
    const response = await arrived;
    await this.page.waitForLoadState('load');
    return response;
  }

  // A field found by its label's text, or by an id ("#ten") or a selector ("css=tr:nth-child(2) input")
  // for fields whose labels repeat.
  field(labelOrSelector) {
    if (labelOrSelector.startsWith('#') || labelOrSelector.startsWith('css=')) return this.page.locator(labelOrSelector);
    return this.page.getByLabel(labelOrSelector, { exact: true });
  }

  // Fills a form's fields: { label: value }. Text is typed over what is there; a select takes the
  // option whose text is the value; a file field takes a path; a checkbox takes true or false.
  async fill(fields) {
    for (const [name, value] of Object.entries(fields)) {
      const field = this.field(name);
      const kind = await field.evaluate((element) => (element.tagName === 'INPUT' ? element.type : element.tagName.toLowerCase()));
      if (kind === 'select') await field.selectOption({ label: value });
      else if (kind === 'file') await field.setInputFiles(value);
      else if (kind === 'checkbox' || kind === 'radio') await field.setChecked(Boolean(value));
      else await field.fill(String(value));
    }
  }

  // Presses the button named `button` (its visible text): the response of the page it leads to.
  async submit(button) {
    return this.navigate(() => this.page.getByRole('button', { name: button, exact: true }).click());
  }

  // Fills the form and presses its button.
  async fillAndSubmit(fields, button) {
    await this.fill(fields);
    return this.submit(button);
  }

  // Follows the link named `link`.
  async follow(link) {
    return this.navigate(() => this.page.getByRole('link', { name: link, exact: true }).first().click());
  }

  // Clicks `link` (or calls `act`) and saves what it downloads into the site's downloads folder:
  // { path, name } (the name the server gave it).
  async download(link) {
    const started = this.page.waitForEvent('download', { timeout: 60_000 });
    if (typeof link === 'function') await link();
    else await this.page.getByRole('link', { name: link, exact: true }).first().click();
    const download = await started;
    const name = download.suggestedFilename();
    const path = join(this.site.downloads, `${this.who}-${name}`);
    await download.saveAs(path);
    return { path, name };
  }

  async heading() {
    return (await this.page.locator('h1').innerText()).trim();
  }

  // The text of the notice box at the top ("Đã thêm …"), "" when there is none.
  async notice() {
    const box = this.page.locator('.notice');
    return (await box.count()) ? (await box.first().innerText()).trim() : '';
  }

  // The error summary's entries: [{ text, href }] ([] when there is none).
  async errorSummary() {
    return this.page.locator('.error-summary a').evaluateAll((links) =>
      links.map((link) => ({ text: link.textContent.trim(), href: link.getAttribute('href') })));
  }

  // The message shown beside the field `id` ("" when none).
  async fieldError(id) {
    const message = this.page.locator(`#${id}-loi`);
    return (await message.count()) ? (await message.innerText()).replace(/^Lỗi:\s*/, '').trim() : '';
  }

  // The page as it is now on a phone's screen (390 pixels wide): it must fit, with no sideways
  // scrolling; looked at like any page, then the window is as it was.
  async lookOnPhone(name) {
    const before = this.page.viewportSize();
    await this.page.setViewportSize({ width: 390, height: 844 });
    try {
      const [scrolled, width, wide] = await this.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // The outermost elements sticking out of the page (not those inside a box that scrolls), to say
        // what to mend.
        const sticksOut = (element) => element.getBoundingClientRect().right > width + 0.5;
        const scrolls = (element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(element).overflowX);
        const inScrollBox = (element) => {
          for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return true;
          return false;
        };
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => sticksOut(element) && !inScrollBox(element) &&
                               !(element.parentElement && sticksOut(element.parentElement)))
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}` +
                            `${element.className ? '.' + String(element.className).split(' ').join('.') : ''}` +
                            ` (${Math.round(element.getBoundingClientRect().right)} px)`);
        return [document.documentElement.scrollWidth, width, wide];
      });
      assert.ok(scrolled <= width, `${this.path()} is ${scrolled} pixels wide on a phone's ${width}: ${wide.join(', ')}`);
      return await this.look(name);
    } finally {
      await this.page.setViewportSize(before);
    }
  }

  // The page as it is now: a screenshot (NN-who-name.png), then the checks every page passes.
  async look(name) {
    shotNumber += 1;
    const file = `${String(shotNumber).padStart(2, '0')}-${this.who}-${name}.png`;
    mkdirSync(this.site.screenshots, { recursive: true });
    await this.page.screenshot({ path: join(this.site.screenshots, file), fullPage: true });
    const results = await new AxeBuilder({ page: this.page }).analyze();
    const failing = results.violations.filter((violation) => failingImpacts.has(violation.impact));
    const others = results.violations.filter((violation) => !failingImpacts.has(violation.impact));
    if (others.length)
      console.log(`${file}: axe, not failing:\n${others.map(describeViolation).join('\n')}`);
    assert.deepEqual(failing.map(describeViolation), [], `${file} (${this.path()}): serious or critical accessibility violations`);
    const problems = this.problems.splice(0);
    assert.deepEqual(problems, [], `${file} (${this.path()}): resources refused or missing`);
    return file;
  }
}
