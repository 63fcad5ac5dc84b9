// A whole site for a walk: a new data folder, its first administrator, the server, one Chromium; and
// the journeys several walks share (signing in for the first time, adding units, making an account),
// done through the pages as a person would. A walk (a *.test.mjs file) starts one Site in `before`
// and stops it in `after`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, Person } from './browser.mjs';
import { Server } from './server.mjs';

// Where screenshots and downloads go: KEHOACH_SCREENSHOTS (run.mjs sets build/browser-screenshots/).
const outputFolder = resolve(process.env.KEHOACH_SCREENSHOTS || 'browser-screenshots');

// The repository's folder (for the example data of data/examples/).
export const sourceFolder = resolve(new URL('../../..', import.meta.url).pathname);
export const examples = join(sourceFolder, 'data', 'examples');

export class Site {
  // `name`: the walk's name, a folder of screenshots of its own. `clock`: a Date, where the server's clock
  // starts instead of now (then setClock moves it).
  static async start(name, { admin = 'quantri', clock = null } = {}) {
    const site = new Site();
    site.screenshots = join(outputFolder, name);
    site.downloads = join(site.screenshots, 'downloads');
    mkdirSync(site.downloads, { recursive: true });
    site.server = Server.inNewFolder();
    if (clock) site.server.setClock(clock);
    site.admin = { login: admin, password: await site.server.initAdmin(admin) };
    site.url = await site.server.start();
    site.browser = await launchChromium();
    site.people = [];
    return site;
  }

  // Moves the server's clock to `moment` (a Date; the site was started with a clock): days pass.
  setClock(moment) {
    assert.ok(this.server.clockFile, 'Site.start(name, { clock }) gives the server a clock to move');
    this.server.setClock(moment);
  }

  // A new person at their own browser window (own cookies): `who` names their screenshots.
  async person(who) {
    const person = await Person.open(this, who);
    this.people.push(person);
    return person;
  }

  // Closes the browser and stops the server with SIGTERM: it must stop cleanly (status 0, "đã dừng").
  // The server's log is returned for the walk to check (nothing personal in it).
  async stop() {
    if (this.browser) await this.browser.close();
    const stopped = await this.server.stop();
    await this.server.removeData();
    if (stopped) {
      assert.equal(stopped.code, 0, `the server's status after SIGTERM; its log:\n${stopped.log}`);
      assert.match(stopped.printed, /kehoach serve: đã dừng\./);
    }
    return stopped;
  }
}

// Signs in with the one-time password `once`, is sent to the password change, sets `password`.
// Afterwards the person is on the page "/" sends them to. `look: false` for the second and later people of a
// walk: the two pages are the same for all.
export async function signInFirstTime(person, login, once, password, { look = true } = {}) {
  await person.goto('/dang-nhap');
  if (look) await person.look('dang-nhap');
  let response = await person.fillAndSubmit({ 'Tên đăng nhập': login, 'Mật khẩu': once }, 'Đăng nhập');
  assert.equal(response.status(), 200);
  assert.equal(person.path(), '/doi-mat-khau', 'a one-time password leads to the password change');
  assert.equal(await person.heading(), 'Đổi mật khẩu');
  if (look) await person.look('doi-mat-khau');
  response = await person.fillAndSubmit({ 'Mật khẩu hiện tại': once, 'Mật khẩu mới': password,
                                          'Nhập lại mật khẩu mới': password }, 'Đổi mật khẩu');
  assert.equal(response.status(), 200);
  assert.notEqual(person.path(), '/doi-mat-khau', 'after the change the person goes on');
  assert.equal(await person.notice(), 'Đã đổi mật khẩu.');
}

// Signs in with a password already set; the person lands where "/" sends them.
export async function signIn(person, login, password) {
  await person.goto('/dang-nhap');
  const response = await person.fillAndSubmit({ 'Tên đăng nhập': login, 'Mật khẩu': password }, 'Đăng nhập');
  assert.equal(response.status(), 200);
  assert.notEqual(person.path(), '/dang-nhap', `${login} is signed in`);
}

// The administrator adds one unit through the form of /quan-tri/don-vi. `parent`: the text of its
// option in "Thuộc đơn vị" ("Tỉnh Hà Tĩnh › Xã An Hòa Thịnh"), or none for a province.
export async function addUnit(admin, level, name, parent = 'Không (đơn vị cấp cao nhất: tỉnh)') {
  if (admin.path() !== '/quan-tri/don-vi') await admin.goto('/quan-tri/don-vi');
  const response = await admin.fillAndSubmit({ 'Cấp': level, 'Tên đơn vị': name, 'Thuộc đơn vị': parent }, 'Thêm đơn vị');
  assert.equal(response.status(), 200);
  assert.deepEqual(await admin.errorSummary(), [], `${level} ${name} is added`);
  assert.match(await admin.notice(), new RegExp(`^Đã thêm ${level} ${name}( thuộc .*)?\\.$`));
}

// The administrator adds the units of a units table (a row per village: Tỉnh, Xã, Thôn, …) with the form
// of /quan-tri/don-vi; the notice says how many.
export async function addUnitsFromFile(admin, path) {
  if (admin.path() !== '/quan-tri/don-vi') await admin.goto('/quan-tri/don-vi');
  const response = await admin.fillAndSubmit({ 'Tệp đơn vị': path }, 'Tải lên và thêm');
  assert.equal(response.status(), 200);
  assert.deepEqual(await admin.errorSummary(), [], `the units of ${path} are added`);
}

// The administrator makes an account on /quan-tri/tai-khoan: the one-time password the page shows.
// `unit`: the text of its option in "Đơn vị" ("Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)").
export async function createAccount(admin, { login, name, role, unit }) {
  await admin.goto('/quan-tri/tai-khoan');
  const response = await admin.fillAndSubmit({ 'Tên đăng nhập': login, 'Họ tên': name, 'Vai trò': role, 'Đơn vị': unit },
                                             'Tạo tài khoản');
  assert.equal(response.status(), 200);
  assert.equal(await admin.heading(), 'Đã tạo tài khoản');
  const once = (await admin.page.locator('.secret').innerText()).trim();
  assert.match(once, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  return once;
}

// A commune's officer uploads a village table (a .csv or .xlsx file) on the unit's page of that year; it is
// saved as a new version.
export async function uploadVillageTable(officer, unitId, year, path) {
  await officer.goto(`/don-vi/${unitId}/thon?nam=${year}`);
  const response = await officer.fillAndSubmit({ 'Tệp bảng số liệu thôn': path }, 'Tải lên và lưu');
  assert.equal(response.status(), 200);
  assert.deepEqual(await officer.errorSummary(), [], `${path} is saved`);
}

// A commune's officer, on the page of a work (village table, plan, report), sends its latest version up with
// "Gửi phiên bản N lên …", with an explanation of what `check` found when one is given; the notice it gets.
export async function sendSubmission(officer, { explanation = '' } = {}) {
  if (explanation) await officer.fill({ 'Giải trình': explanation });
  const response = await officer.navigate(() => officer.page.getByRole('button', { name: /^Gửi phiên bản \d+ lên / }).click());
  assert.equal(response.status(), 200);
  assert.deepEqual(await officer.errorSummary(), []);
  const notice = await officer.notice();
  assert.match(notice, /^Đã gửi .* lên /);
  return notice;
}

// The id of a unit from a link to its home on the page ("/don-vi/7" → "7").
export function unitIdOf(path) {
  const found = /^\/don-vi\/(\d+)/.exec(path);
  assert.ok(found, `${path} is a unit's page`);
  return found[1];
}

// Runs `steps` one after another as the tests of a walk: once a step fails, the steps after it are
// skipped (they would fail for its reason, hiding it). `step(name, fn)` is node:test's `it`.
export function walkSteps(it) {
  let failed = null;
  return (name, fn) =>
    it(name, async (t) => {
      if (failed) {
        t.skip(`skipped: the step "${failed}" failed`);
        return;
      }
      try {
        await fn(t);
      } catch (error) {
        failed = name;
        throw error;
      }
    });
}
