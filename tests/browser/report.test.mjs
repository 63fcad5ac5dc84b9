// The reports walk in Chromium: on a new site the administrator makes a commune (An Hòa Thịnh), another one
// and their officers; An Hòa Thịnh's officer uploads the village table, makes the year's plan ("Tạo văn
// bản"), opens the 6-month report, uploads the example's movement table and sees the results, which are
// those `kehoach report … --json` computes from the version's own files; a broken table shows its located
// errors and saves nothing; "Tạo văn bản" makes the Word report and its Excel table, whose figures (read
// with python) are the command line's; the home says Đã hoàn thành. Kỳ Anh's officer who types the report's
// address gets "not found". Every page looked at is checked by axe and saved as a screenshot (desktop and
// phone widths).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentText, sheetNumbers } from './support/files.mjs';
import { kehoachProgram } from './support/server.mjs';
import { addUnit, createAccount, examples, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

const example = join(examples, 'an-hoa-thinh-2022');

// The figures `kehoach report PLAN --period 6m --movements FILE --json` prints.
function cliReport(folder) {
  const printed = execFileSync(kehoachProgram(), ['report', join(folder, 'ke-hoach.yaml'), '--period', '6m', '--movements',
                                                  join(folder, 'bien-dong-6m.csv'), '--json'], { encoding: 'utf8' });
  return JSON.parse(printed);
}

// "2.047": a count as the pages and documents write it; "59,26", "50": a share of a target.
const count = (n) => n.toLocaleString('de-DE');
const share = (n) => (n === null ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ','));

describe("a commune's officer makes the plan, then the 6-month report", () => {
  const step = walkSteps(it);
  let site;
  let officer;   // An Hòa Thịnh's officer, signed in
  let other;     // Kỳ Anh's officer, signed in
  let communeId;
  let reportPath;  // the 6-month report's page
  let cli;         // what the command line computes from the saved version's files
  const scratch = mkdtempSync(join(tmpdir(), 'kehoach-report-walk-'));
  const secrets = [];

  before(async () => {
    site = await Site.start('report');
    secrets.push(site.admin.password);
  });

  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!site) return;
    const stopped = await site.stop();
    for (const secret of secrets) assert.ok(!stopped.log.includes(secret), 'a password in the server log');
    for (const word of ['xa.anhoathinh', 'Lê Thị Hoa', 'An Hòa Thịnh', 'Đông Hà', 'bien-dong-6-thang'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /POST \/don-vi\/\{unit\}\/bao-cao\/tai-len 303/);
  });

  step('the administrator makes two communes and their officers', async () => {
    const admin = await site.person('quantri');
    const password = 'quan tri bao cao tinh';
    secrets.push(password);
    await signInFirstTime(admin, site.admin.login, site.admin.password, password);
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    await addUnit(admin, 'Xã', 'Kỳ Anh', 'Tỉnh Hà Tĩnh');
    const once = await createAccount(admin, { login: 'xa.anhoathinh', name: 'Lê Thị Hoa', role: 'Cán bộ xã',
                                              unit: 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)' });
    const otherOnce = await createAccount(admin, { login: 'xa.kyanh', name: 'Phạm Văn Kỳ', role: 'Cán bộ xã',
                                                   unit: 'Xã Kỳ Anh (Tỉnh Hà Tĩnh)' });
    secrets.push(once, otherOnce, 'bao cao sau thang dau nam', 'ky anh bien xanh');
    officer = await site.person('xa-anhoathinh');
    await signInFirstTime(officer, 'xa.anhoathinh', once, 'bao cao sau thang dau nam');
    communeId = unitIdOf(officer.path());
    other = await site.person('xa-kyanh');
    await signInFirstTime(other, 'xa.kyanh', otherOnce, 'ky anh bien xanh');
    await admin.close();
  });

  step('the officer uploads the village table and makes the plan with Tạo văn bản', async () => {
    await officer.goto(`/don-vi/${communeId}/thon?nam=2022`);
    let response = await officer.fillAndSubmit({ 'Tệp bảng số liệu thôn': join(example, 'thon.csv') }, 'Tải lên và lưu');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    await officer.goto(`/don-vi/${communeId}/ke-hoach?nam=2022`);
    await officer.fill({ 'Tỷ lệ hoặc số hộ nghèo': '4,93', 'Tỷ lệ hoặc số hộ cận nghèo': '5,86', 'Báo cáo 6 tháng': '10/06' });
    response = await officer.submit('Tạo văn bản');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    assert.match(await officer.notice(), /^Đã tạo văn bản kế hoạch năm 2022 \(phiên bản 1\)/);
  });

  step('the list of periods: four reports not started, the 6-month one due 10/06', async () => {
    await officer.goto(`/don-vi/${communeId}?nam=2022`);
    await officer.follow('Báo cáo 6 tháng đầu năm 2022');
    reportPath = officer.path();
    assert.equal(reportPath, `/don-vi/${communeId}/bao-cao?nam=2022&ky=6m`);
    await officer.goto(`/don-vi/${communeId}/bao-cao?nam=2022`);
    assert.equal(await officer.heading(), 'Báo cáo năm 2022');
    const rows = officer.page.locator('table tbody tr');
    assert.equal(await rows.count(), 4);
    assert.match(await rows.nth(1).innerText(), /Báo cáo 6 tháng đầu năm 2022\s+Chưa bắt đầu\s+10\/06\/2022/);
    await officer.look('bao-cao-cac-ky');
    await officer.lookOnPhone('bao-cao-cac-ky-dien-thoai');
  });

  step('the officer uploads the 6-month movement table and sees the results the command line computes', async () => {
    await officer.goto(reportPath);
    assert.equal(await officer.heading(), 'Báo cáo 6 tháng đầu năm 2022');
    await officer.look('bao-cao-6-thang-moi');
    const response = await officer.fillAndSubmit({ 'Tệp bảng biến động': join(example, 'bien-dong-6-thang.csv') },
                                                 'Tải lên và lưu');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    assert.equal(await officer.notice(), 'Đã lưu bảng biến động 6 tháng đầu năm 2022 từ tệp bien-dong-6-thang.csv (phiên bản 1).');
    // The version's own files, as a person downloads them, into a folder for the command line.
    for (const name of ['ke-hoach.yaml', 'thon.csv', 'bien-dong-6m.csv']) {
      const saved = await officer.download(name);
      copyFileSync(saved.path, join(scratch, name));
    }
    cli = cliReport(scratch);
    const results = officer.page.locator('table', { has: officer.page.locator('caption', { hasText: /^Kết quả thực hiện/ }) });
    const total = (await results.locator('tfoot td').allInnerTexts()).map((text) => text.trim());
    const expected = [];
    for (const key of ['poor', 'near_poor']) {
      const f = cli.total[key];
      expected.push(count(f.start), count(f.end), count(f.achieved), count(f.target), share(f.share));
    }
    assert.deepEqual(total.slice(0, 10), expected);
    const firstVillage = cli.units[0];
    const row = (await results.locator('tbody tr').first().allInnerTexts())[0];
    assert.match(row, new RegExp(`^${firstVillage.name}\\s+${count(firstVillage.poor.start)}\\s+${count(firstVillage.poor.end)}`));
    // The villages behind, named as the report names them.
    for (const name of cli.behind)
      await assert.doesNotReject(officer.page.locator('ul.behind li', { hasText: new RegExp(`^${name}: `) }).waitFor());
    await officer.look('bao-cao-6-thang-ket-qua');
    await officer.lookOnPhone('bao-cao-6-thang-ket-qua-dien-thoai');
  });

  step('a broken movement table shows its located errors and saves nothing', async () => {
    const broken = join(scratch, 'bien-dong-loi.csv');
    const lines = readFileSync(join(example, 'bien-dong-6-thang.csv'), 'utf8').split('\n');
    lines[6] = lines[6].replace(/^5,Đông Hà,1,0,1,/, '5,Đông Hà,1,0,x,');
    writeFileSync(broken, lines.join('\n'));
    const response = await officer.fillAndSubmit({ 'Tệp bảng biến động': broken }, 'Tải lên và lưu');
    assert.equal(response.status(), 422);
    const summary = await officer.errorSummary();
    assert.equal(summary.length, 1);
    assert.equal(summary[0].href, '#o-7-E');
    assert.match(summary[0].text, /^bien-dong-loi\.csv:7, cột E \(Hộ nghèo - Giảm khác\): /);
    await officer.look('bao-cao-bang-loi');
    await officer.lookOnPhone('bao-cao-bang-loi-dien-thoai');
    await officer.page.getByRole('link', { name: summary[0].text }).click();
    assert.equal(await officer.page.evaluate(() => document.querySelector(':target')?.id), 'o-7-E');
    await officer.goto(reportPath);
    assert.match(await officer.page.locator('main').innerText(), /Trạng thái: Đang nhập Phiên bản 1,/);
  });

  step('Tạo văn bản: the Word report and its Excel table carry the command line figures', async () => {
    await officer.fill({ 'Số báo cáo': '30', 'Ngày ban hành': '08/06/2022',
                         'Kính gửi': 'Ủy ban nhân dân huyện Hương Sơn\nPhòng Lao động - Thương binh và Xã hội huyện' });
    const response = await officer.submit('Tạo văn bản');
    assert.deepEqual(await officer.errorSummary(), []);
    assert.equal(response.status(), 200);
    assert.match(await officer.notice(),
                 /^Đã tạo văn bản Báo cáo 6 tháng đầu năm 2022 \(phiên bản 2\): ke-hoach-bao-cao-6m\.docx, ke-hoach-bao-cao-6m-bieu\.xlsx/);
    await officer.look('bao-cao-da-tao');
    await officer.lookOnPhone('bao-cao-da-tao-dien-thoai');
    const docx = await officer.download('ke-hoach-bao-cao-6m.docx');
    const xlsx = await officer.download('ke-hoach-bao-cao-6m-bieu.xlsx');
    const paragraphs = documentText(docx.path).split('\n').map((line) => line.trim());
    const poor = cli.total.poor;
    assert.ok(paragraphs.some((p) => p.startsWith(`- Đến nay còn ${count(poor.end)} hộ nghèo`)),
              `the report says the poor households left (${poor.end})`);
    assert.ok(paragraphs.some((p) => p.includes('Số: 30/BC-UBND')), 'the report has its number');
    // The table's total row (the last row with numbers): the poor households left and reduced.
    const numbers = sheetNumbers(xlsx.path);
    const last = Math.max(...numbers.map(([row]) => row));
    const total = numbers.filter(([row]) => row === last).map(([, , value]) => value);
    assert.ok(total.includes(poor.end) && total.includes(poor.achieved), `the total row ${total} has ${poor.end}, ${poor.achieved}`);
    await officer.goto(`/don-vi/${communeId}?nam=2022`);
    const work = officer.page.locator('table', { has: officer.page.locator('caption', { hasText: /^Công việc năm/ }) });
    assert.match(await work.getByRole('row', { name: /Báo cáo 6 tháng đầu năm 2022/ }).innerText(), /Đã hoàn thành/);
    assert.match(await work.getByRole('row', { name: /Báo cáo quý I năm 2022/ }).innerText(), /Chưa bắt đầu/);
    await officer.look('trang-chinh-bao-cao-xong');
  });

  step("another commune's officer who types the report's address gets 404", async () => {
    for (const path of [reportPath, `/don-vi/${communeId}/bao-cao?nam=2022`]) {
      const response = await other.goto(path);
      assert.equal(response.status(), 404, path);
      assert.equal(await other.heading(), 'Không tìm thấy trang');
      assert.ok(!(await other.page.content()).includes('An Hòa Thịnh'), 'nothing of the other commune is shown');
    }
    await other.look('bao-cao-khong-tim-thay');
  });
});
