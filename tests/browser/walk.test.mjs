// The walk of issue 13 in Chromium, as far as the pages exist: the administrator signs in with the
// one-time password --init-admin printed and must change it, builds the unit tree (province → commune →
// villages by the form, more communes from a units table) and makes the communes' accounts; An Hòa
// Thịnh's officer signs in, changes the password and lands on the commune's home, where nothing is
// started yet; Kỳ Anh's officer who types An Hòa Thịnh's address gets "not found". On the way: a wrong
// password, a form without its name, a form without its CSRF token. Every page looked at is checked
// by axe and saved as a screenshot (support/browser.mjs, Person.look).
//
// The steps run in order and share what they made (the site, the people, ids); once one fails, the
// rest are skipped. The plan walk adds its steps at the end, each a `step(…)` using `officer` (signed
// in as An Hòa Thịnh's officer), `other` (Kỳ Anh's) and the helpers of support/ — for example (the
// labels are those its pages will have):
//
//   step("the officer uploads An Hòa Thịnh's thon.csv", async () => {
//     await officer.follow('Bảng số liệu thôn');
//     const response = await officer.fillAndSubmit(
//         { 'Tệp bảng số liệu': join(examples, 'an-hoa-thinh-2022', 'thon.csv') }, 'Tải lên');
//     assert.equal(response.status(), 200);
//     assert.deepEqual(await officer.errorSummary(), []);
//     await officer.look('bang-thon');            // axe, CSP, screenshot
//     await officer.lookOnPhone('bang-thon-dien-thoai');
//   });
//   step('the plan is made and downloaded', async () => {
//     …
//     const plan = await officer.download('KE_HOACH.docx');  // { path, name }, saved in downloads/
//   });
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentText, sheetNumbers } from './support/files.mjs';
import { addUnit, createAccount, examples, signIn, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

// The villages whose reductions the published plan fixed (data/examples/an-hoa-thinh-2022/ke-hoach.yaml),
// typed into the plan form as the officer would.
const fixedPoor = { 'Đông Hà': 1, 'Cây Da': 1, 'Giếng Thị': 1, 'Trung Mỹ': 2, 'Đông Mỹ': 2, 'Đông Vực': 2, 'Thiên Nhẫn': 1,
                    'Tiến Thịnh': 0, 'Phúc Thịnh': 1, 'An Thịnh': 2, 'Đại Thịnh': 3, 'Tân Thịnh': 0 };
const fixedNearPoor = { 'Sâm Cồn': 5, 'Trùa': 3, 'Nậy': 2, 'Cừa Quán': 7, 'Đông Hà': 4, 'Bình Hòa': 2, 'Tiến Thịnh': 1,
                        'Đức Thịnh': 1, 'Hưng Thịnh': 6, 'Phúc Thịnh': 5, 'An Thịnh': 1, 'Đại Thịnh': 3 };

describe('a commune is set up, its officer signs in and makes the plan', () => {
  const step = walkSteps(it);
  let site;
  let admin;    // the administrator (quantri), signed in
  let officer;  // An Hòa Thịnh's officer (xa.anhoathinh), signed in
  let other;    // Kỳ Anh's officer (xa.kyanh), signed in
  let communeId;  // An Hòa Thịnh's id, in /don-vi/{id}
  let otherId;    // Kỳ Anh's
  const year = new Date().getFullYear();  // the year the home offers
  const onceOf = {};     // login → the one-time password the administrator was shown
  const passwords = {};  // who → the password set on first sign-in
  const secrets = [];    // every password used, looked for in the server's log at the end

  before(async () => {
    site = await Site.start('walk');
    secrets.push(site.admin.password);
  });

  after(async () => {
    if (!site) return;
    const stopped = await site.stop();
    // Nothing personal in the log: method, path template and status only.
    for (const secret of secrets) assert.ok(!stopped.log.includes(secret), 'a password in the server log');
    for (const word of ['quantri', 'xa.anhoathinh', 'xa.kyanh', 'Lê Thị Hoa', 'An Hòa Thịnh', 'Kỳ Anh'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /POST \/dang-nhap 303/);
  });

  step('a wrong password shows the error summary, linked to the field', async () => {
    const visitor = await site.person('khach');
    await visitor.goto('/');
    assert.equal(visitor.path(), '/dang-nhap', 'a visitor is sent to the sign-in page');
    let response = await visitor.fillAndSubmit({ 'Tên đăng nhập': site.admin.login, 'Mật khẩu': 'khong-phai-mat-khau' },
                                               'Đăng nhập');
    assert.equal(response.status(), 422);
    assert.deepEqual(await visitor.errorSummary(),
                     [{ text: 'Tên đăng nhập hoặc mật khẩu không đúng.', href: '#ten-dang-nhap' }]);
    assert.equal(await visitor.fieldError('ten-dang-nhap'), 'Tên đăng nhập hoặc mật khẩu không đúng.');
    assert.equal(await visitor.field('Tên đăng nhập').inputValue(), site.admin.login, 'the name is kept');
    assert.equal(await visitor.field('Mật khẩu').inputValue(), '', 'the password is not sent back');
    assert.match(await visitor.page.title(), /^Lỗi: Đăng nhập/);
    await visitor.look('dang-nhap-sai-mat-khau');
    await visitor.lookOnPhone('dang-nhap-sai-mat-khau-dien-thoai');
    // The summary's link leads to the field it names.
    await visitor.page.getByRole('link', { name: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).click();
    assert.ok(visitor.page.url().endsWith('#ten-dang-nhap'));
    assert.equal(await visitor.page.evaluate(() => document.querySelector(':target')?.id), 'ten-dang-nhap');

    // An empty password: its own message, linked to its own field.
    response = await visitor.fillAndSubmit({ 'Tên đăng nhập': site.admin.login, 'Mật khẩu': '' }, 'Đăng nhập');
    assert.equal(response.status(), 422);
    assert.deepEqual(await visitor.errorSummary(), [{ text: 'Hãy nhập mật khẩu.', href: '#mat-khau' }]);
    assert.equal(await visitor.field('Mật khẩu').getAttribute('aria-invalid'), 'true');
    await visitor.close();
  });

  step('the administrator signs in with the one-time password and must change it', async () => {
    admin = await site.person('quantri');
    passwords.quantri = 'quan tri tinh ha tinh';
    secrets.push(passwords.quantri);
    await signInFirstTime(admin, site.admin.login, site.admin.password, passwords.quantri);
    assert.equal(admin.path(), '/quan-tri');
    assert.equal(await admin.heading(), 'Quản trị');
    await admin.look('quan-tri');
  });

  step('the administrator adds a province, a commune and two of its villages', async () => {
    await admin.follow('Đơn vị');
    assert.equal(admin.path(), '/quan-tri/don-vi');
    await admin.look('don-vi-trong');
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    await addUnit(admin, 'Thôn', 'Sâm Cồn', 'Tỉnh Hà Tĩnh › Xã An Hòa Thịnh');
    await addUnit(admin, 'Thôn', 'Trùa', 'Tỉnh Hà Tĩnh › Xã An Hòa Thịnh');
    const tree = admin.page.locator('ul.tree');
    await tree.getByText('Xã An Hòa Thịnh (2 thôn, tổ dân phố)').click();  // unfolds the villages
    await assert.doesNotReject(tree.getByText('Thôn Trùa').waitFor());
    await admin.look('don-vi-da-them');
  });

  step('a unit without a name is refused with the field named, and nothing is added', async () => {
    const response = await admin.fillAndSubmit({ 'Cấp': 'Thôn', 'Tên đơn vị': '',
                                                 'Thuộc đơn vị': 'Tỉnh Hà Tĩnh › Xã An Hòa Thịnh' }, 'Thêm đơn vị');
    assert.equal(response.status(), 422);
    assert.deepEqual(await admin.errorSummary(), [{ text: 'Hãy nhập tên đơn vị.', href: '#ten' }]);
    assert.equal(await admin.fieldError('ten'), 'Hãy nhập tên đơn vị.');
    assert.equal(await admin.field('Cấp').inputValue(), 'Thôn', 'what was chosen is kept');
    await admin.look('don-vi-thieu-ten');
    await admin.goto('/quan-tri/don-vi');
    await assert.doesNotReject(admin.page.getByText('Xã An Hòa Thịnh (2 thôn, tổ dân phố)').waitFor());
  });

  step('the administrator adds the rest from a units table: the other villages and communes', async () => {
    const response = await admin.fillAndSubmit({ 'Tệp đơn vị': join(examples, 'ha-tinh-2026', 'don-vi.csv') },
                                               'Tải lên và thêm');
    assert.equal(response.status(), 200);
    assert.deepEqual(await admin.errorSummary(), []);
    // The table's 42 units (the province, 4 communes, 37 villages) less the 4 added by hand.
    assert.equal(await admin.notice(), 'Đã thêm 38 đơn vị từ tệp don-vi.csv (4 đơn vị đã có từ trước, giữ nguyên).');
    await assert.doesNotReject(admin.page.getByText('Xã An Hòa Thịnh (19 thôn, tổ dân phố)').waitFor());
    await assert.doesNotReject(admin.page.getByText('Xã Kỳ Anh (7 thôn, tổ dân phố)').waitFor());
    await admin.look('don-vi-tu-tep');
  });

  step('the administrator makes an account for each of two communes', async () => {
    await admin.goto('/quan-tri/tai-khoan');
    await admin.look('tai-khoan');
    onceOf['xa.anhoathinh'] = await createAccount(admin, { login: 'xa.anhoathinh', name: 'Lê Thị Hoa', role: 'Cán bộ xã',
                                                unit: 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)' });
    await admin.look('da-tao-tai-khoan');
    onceOf['xa.kyanh'] = await createAccount(admin, { login: 'xa.kyanh', name: 'Phạm Văn Kỳ', role: 'Cán bộ xã',
                                              unit: 'Xã Kỳ Anh (Tỉnh Hà Tĩnh)' });
    secrets.push(onceOf['xa.anhoathinh'], onceOf['xa.kyanh']);
    await admin.follow('Về danh sách tài khoản');
    const row = admin.page.getByRole('row', { name: /xa\.anhoathinh/ });
    await assert.doesNotReject(row.getByText('Chờ đổi mật khẩu').waitFor());
    await admin.look('tai-khoan-cho-doi-mat-khau');
    await admin.lookOnPhone('tai-khoan-dien-thoai');
  });

  step("the commune's officer signs in, changes the password and sees the commune's home", async () => {
    officer = await site.person('xa-anhoathinh');
    passwords.officer = 'sam con trua nay cua quan';
    secrets.push(passwords.officer);
    await signInFirstTime(officer, 'xa.anhoathinh', onceOf['xa.anhoathinh'], passwords.officer);
    communeId = unitIdOf(officer.path());
    assert.equal(await officer.heading(), 'Xã An Hòa Thịnh');
    const work = officer.page.locator('table', { has: officer.page.locator('caption', { hasText: /^Công việc năm/ }) });
    const states = await work.locator('tbody td').allInnerTexts();
    assert.equal(states.length, 6, 'village table, plan and four reports');
    assert.deepEqual(new Set(states.map((text) => text.trim())), new Set(['Chưa bắt đầu']));
    await assert.doesNotReject(officer.page.getByText('Thôn Tân Thịnh').waitFor(), "the commune's villages are listed");
    await officer.look('trang-chinh');
    await officer.lookOnPhone('trang-chinh-dien-thoai');
  });

  step("another commune's officer who types the first commune's address gets 404", async () => {
    other = await site.person('xa-kyanh');
    passwords.other = 'ky anh bien xanh cat trang';
    secrets.push(passwords.other);
    await signInFirstTime(other, 'xa.kyanh', onceOf['xa.kyanh'], passwords.other);
    otherId = unitIdOf(other.path());
    assert.notEqual(otherId, communeId);
    for (const page of ['', '/thon', '/ke-hoach', '/bao-cao']) {
      const response = await other.goto(`/don-vi/${communeId}${page}?nam=2026`);
      assert.equal(response.status(), 404, `/don-vi/${communeId}${page}`);
      assert.equal(await other.heading(), 'Không tìm thấy trang');
      assert.ok(!(await other.page.content()).includes('An Hòa Thịnh'), 'nothing of the other commune is shown');
    }
    await other.look('khong-tim-thay');
    // An address that is nobody's page: the same page.
    const response = await other.goto('/khong-co-trang-nay');
    assert.equal(response.status(), 404);
    assert.equal(await other.heading(), 'Không tìm thấy trang');
  });

  step('a form sent without its CSRF token is refused and changes nothing', async () => {
    await admin.goto('/quan-tri/don-vi');
    await admin.fill({ 'Cấp': 'Thôn', 'Tên đơn vị': 'Không Được Thêm', 'Thuộc đơn vị': 'Tỉnh Hà Tĩnh › Xã Kỳ Anh' });
    // The page's form as a forged page would send it: without the token.
    await admin.page.locator('form', { has: admin.page.getByLabel('Tên đơn vị') }).locator('input[name="csrf"]')
      .evaluate((token) => token.remove());
    const response = await admin.submit('Thêm đơn vị');
    assert.equal(response.status(), 403);
    assert.equal(await admin.heading(), 'Yêu cầu bị từ chối');
    await admin.look('tu-choi-csrf');
    await admin.goto('/quan-tri/don-vi');
    assert.equal(await admin.page.getByText('Không Được Thêm').count(), 0, 'nothing was added');
  });

  step('the administrator signs out; the pages ask for a sign-in again', async () => {
    await admin.goto('/quan-tri');
    const response = await admin.submit('Đăng xuất');
    assert.equal(response.status(), 200);
    assert.equal(admin.path(), '/dang-nhap?da-dang-xuat=1');
    await admin.look('da-dang-xuat');
    await admin.goto('/quan-tri/tai-khoan');
    assert.equal(new URL(admin.page.url()).pathname, '/dang-nhap');
    // Signed in again with the password set at the first sign-in.
    await signIn(admin, site.admin.login, passwords.quantri);
    assert.equal(admin.path(), '/quan-tri');
  });

  step("the officer uploads a broken village table: every problem is listed, linked to its cell, and nothing is saved", async () => {
    await officer.goto(`/don-vi/${communeId}`);
    await officer.follow('Bảng số liệu thôn');
    assert.equal(await officer.heading(), `Bảng số liệu thôn năm ${year}`);
    await officer.look('bang-thon-trong');
    const broken = join(site.downloads, 'thon-sai.csv');
    writeFileSync(broken, 'TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Sâm Cồn,166,mười,12\n2,Trùa,105,7,7\n3,Nậy,97,120,9\n');
    const response = await officer.fillAndSubmit({ 'Tệp bảng số liệu thôn': broken }, 'Tải lên và lưu');
    assert.equal(response.status(), 422);
    const errors = await officer.errorSummary();
    assert.equal(errors.length, 2, JSON.stringify(errors));
    // The reader's own messages, as `kehoach appendix` prints them: file:row, column.
    assert.equal(errors[0].text, 'thon-sai.csv:2, cột D (Hộ nghèo): "mười" không phải là số; hãy ghi số hộ bằng chữ số (ví dụ 12).');
    assert.match(errors[1].text, /^thon-sai\.csv:4, /);
    for (const error of errors) assert.match(error.href, /^#/);
    await officer.look('bang-thon-loi');
    await officer.lookOnPhone('bang-thon-loi-dien-thoai');
    await officer.goto(`/don-vi/${communeId}/thon?nam=${year}`);
    assert.match(await officer.page.locator('main').innerText(), /Chưa có phiên bản nào được lưu\./, 'nothing was saved');
  });

  step("the officer uploads An Hòa Thịnh's thon.csv and it is saved as version 1", async () => {
    const response = await officer.fillAndSubmit({ 'Tệp bảng số liệu thôn': join(examples, 'an-hoa-thinh-2022', 'thon.csv') },
                                                 'Tải lên và lưu');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    assert.equal(await officer.notice(), `Đã lưu bảng số liệu thôn năm ${year} từ tệp thon.csv (phiên bản 1, 19 thôn).`);
    await assert.doesNotReject(officer.page.getByText('Thiên Nhẫn').first().waitFor());
    await officer.look('bang-thon');
    await officer.lookOnPhone('bang-thon-dien-thoai');
  });

  step('the officer fills the plan and the preview shows 27 poor and 51 near-poor households less', async () => {
    await officer.goto(`/don-vi/${communeId}`);
    await officer.follow(`Kế hoạch năm ${year}`);
    await officer.look('ke-hoach-trong');
    await officer.fill({
      'Cơ quan cấp trên': 'UBND HUYỆN HƯƠNG SƠN',
      'Chỉ tiêu hộ nghèo': 'Giảm tỷ lệ hộ nghèo còn (%)', 'Tỷ lệ hoặc số hộ nghèo': '4,93',
      'Chỉ tiêu hộ cận nghèo': 'Giảm tỷ lệ hộ cận nghèo còn (%)', 'Tỷ lệ hoặc số hộ cận nghèo': '5,86',
    });
    // The villages the published plan fixed (data/examples/an-hoa-thinh-2022/ke-hoach.yaml).
    for (const [village, count] of Object.entries(fixedPoor)) await officer.fill({ [`Hộ nghèo giảm, ${village}`]: count });
    for (const [village, count] of Object.entries(fixedNearPoor)) await officer.fill({ [`Hộ cận nghèo giảm, ${village}`]: count });
    const response = await officer.submit('Xem trước');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    const total = await officer.page.locator('table.appendix-preview tfoot tr').locator('td, th').allInnerTexts();
    // Tổng: households, then for each indicator start, reduction, end (count and rate).
    assert.deepEqual(total.slice(2).map((text) => text.trim()),
                     ['2.047', '128', '6,25', '27', '1,32', '101', '4,93', '171', '8,35', '51', '2,49', '120', '5,86']);
    await officer.look('ke-hoach-xem-truoc');
    await officer.lookOnPhone('ke-hoach-xem-truoc-dien-thoai');
  });

  step('Tạo văn bản makes the Word plan and the Excel appendix, the same as kehoach plan from the same files', async () => {
    const response = await officer.submit('Tạo văn bản');
    assert.equal(response.status(), 200);
    assert.deepEqual(await officer.errorSummary(), []);
    assert.match(await officer.notice(), new RegExp(`Đã tạo văn bản kế hoạch năm ${year} \\(phiên bản 1\\): ke-hoach\\.docx, ke-hoach-phu-luc\\.xlsx`));
    await officer.look('ke-hoach-da-tao');
    const plan = await officer.download('ke-hoach.docx');
    const appendix = await officer.download('ke-hoach-phu-luc.xlsx');
    // The version's own files: the plan file the form made and the village table, run through the CLI.
    await officer.follow('Phiên bản 1');
    await officer.look('phien-ban');
    const cli = mkdtempSync(join(tmpdir(), 'kehoach-walk-cli-'));
    copyFileSync((await officer.download('ke-hoach.yaml')).path, join(cli, 'ke-hoach.yaml'));
    copyFileSync((await officer.download('thon.csv')).path, join(cli, 'thon.csv'));
    execFileSync(process.env.KEHOACH, ['plan', 'ke-hoach.yaml'], { cwd: cli });
    assert.ok(readFileSync(plan.path).equals(readFileSync(join(cli, 'ke-hoach.docx'))), 'the .docx is the CLI\'s');
    assert.ok(readFileSync(appendix.path).equals(readFileSync(join(cli, 'ke-hoach-phu-luc.xlsx'))), 'the .xlsx is the CLI\'s');
    // And its figures are those of the published plan's data as the CLI computes them.
    const reference = mkdtempSync(join(tmpdir(), 'kehoach-walk-reference-'));
    for (const name of ['ke-hoach.yaml', 'thon.csv']) copyFileSync(join(examples, 'an-hoa-thinh-2022', name), join(reference, name));
    execFileSync(process.env.KEHOACH, ['plan', 'ke-hoach.yaml'], { cwd: reference });
    assert.deepEqual(sheetNumbers(appendix.path), sheetNumbers(join(reference, 'ke-hoach-phu-luc.xlsx')));
    const text = documentText(plan.path);
    assert.match(text, new RegExp(`còn 101 hộ, chiếm tỷ lệ 4,93% \\(giảm 27 hộ, tương ứng 1,32%\\)`));
    assert.match(text, new RegExp(`còn 120 hộ, chiếm tỷ lệ 5,86% \\(giảm 51 hộ, tương ứng 2,49%\\)`));
    rmSync(cli, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  });

  step("the home shows the plan made and its files; another commune's officer cannot reach them by address", async () => {
    await officer.goto(`/don-vi/${communeId}`);
    const work = officer.page.locator('table', { has: officer.page.locator('caption', { hasText: /^Công việc năm/ }) });
    const row = (label) => work.getByRole('row', { name: new RegExp(label) });
    assert.match(await row('Bảng số liệu thôn').innerText(), /Đã hoàn thành/);
    assert.match(await row(`Kế hoạch năm ${year}`).innerText(), /Đã hoàn thành/);
    const links = await officer.page.locator('a[href*="/phien-ban/"]').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    const files = links.filter((href) => /\/phien-ban\/\d+\/.+/.test(href));
    assert.ok(files.some((href) => href.endsWith('/ke-hoach.docx')), JSON.stringify(links));
    await officer.look('trang-chinh-da-co-ke-hoach');
    for (const href of [`/don-vi/${communeId}/ke-hoach?nam=${year}`, ...new Set(links)]) {
      const response = await other.goto(href);
      assert.equal(response.status(), 404, href);
      assert.ok(!(await other.page.content()).includes('An Hòa Thịnh'), href);
    }
    // Nor through the address of their own commune with the first commune's version.
    const version = files[0].match(/\/phien-ban\/(\d+)\//)[1];
    const response = await other.goto(`/don-vi/${otherId}/phien-ban/${version}/ke-hoach.docx`);
    assert.equal(response.status(), 404);
  });
});
