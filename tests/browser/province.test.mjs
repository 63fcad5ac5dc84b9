// The province's pages, in Chromium: on a new site the administrator makes Hà Tĩnh, two communes and their
// officers; An Hòa Thịnh uploads its village table and sends it, Kỳ Anh uploads one and does not send it. The
// province's officer goes from the province's home to Tình hình nộp, chooses the village tables, sets their
// deadline, reads the counts (1 of 2 sent, on time), filters the units still entering, downloads the workbook
// (its counts read back with openpyxl), approves An Hòa Thịnh, and on Tổng hợp sees the approved one counted and
// Kỳ Anh apart, and downloads every commune's files as one zip. Every page looked at is checked by axe and saved
// as a screenshot, the dashboard on a phone's screen too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sheetNumbers } from './support/files.mjs';
import { addUnit, createAccount, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

const table = 'Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nSâm Cồn,166,10,12\nTrùa,105,7,7\n';
const year = 2026;

describe('the province follows its communes\' submissions and adds up what it approved', () => {
  const step = walkSteps(it);
  let site;
  let province;
  let provinceId;
  let communeId;
  const scratch = mkdtempSync(join(tmpdir(), 'kehoach-province-walk-'));

  before(async () => {
    site = await Site.start('province');
    writeFileSync(join(scratch, 'thon.csv'), table);
  });

  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!site) return;
    const stopped = await site.stop();
    for (const word of ['An Hòa Thịnh', 'Kỳ Anh', 'tinh.hatinh', 'Sâm Cồn'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /GET \/don-vi\/\{unit\}\/tinh-hinh-nop 200/);
    assert.match(stopped.log, /GET \/don-vi\/\{unit\}\/tong-hop\/tai-ve\.zip 200/);
  });

  step('the administrator makes the province, two communes and their officers', async () => {
    const admin = await site.person('quantri');
    await signInFirstTime(admin, site.admin.login, site.admin.password, 'quan tri tinh hinh nop');
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    await addUnit(admin, 'Xã', 'Kỳ Anh', 'Tỉnh Hà Tĩnh');
    const once = {};
    for (const [login, name, unit] of [['xa.anhoathinh', 'Lê Thị Hoa', 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)'],
                                       ['xa.kyanh', 'Phan Văn Tâm', 'Xã Kỳ Anh (Tỉnh Hà Tĩnh)']])
      once[login] = await createAccount(admin, { login, name, role: 'Cán bộ xã', unit });
    const provinceOnce = await createAccount(admin, { login: 'tinh.hatinh', name: 'Trần Văn Bình', role: 'Cán bộ tỉnh',
                                                      unit: 'Tỉnh Hà Tĩnh' });
    await admin.close();
    // Each commune uploads its table; An Hòa Thịnh sends it.
    for (const login of ['xa.anhoathinh', 'xa.kyanh']) {
      const officer = await site.person(login.replace('.', '-'));
      await signInFirstTime(officer, login, once[login], `${login} mat khau moi`);
      const id = unitIdOf(officer.path());
      await officer.goto(`/don-vi/${id}/thon?nam=${year}`);
      let response = await officer.fillAndSubmit({ 'Tệp bảng số liệu thôn': join(scratch, 'thon.csv') }, 'Tải lên và lưu');
      assert.equal(response.status(), 200);
      if (login === 'xa.anhoathinh') {
        communeId = id;
        response = await officer.submit('Gửi phiên bản 1 lên tỉnh Hà Tĩnh');
        assert.equal(response.status(), 200);
        assert.match(await officer.notice(), /^Đã gửi Bảng số liệu thôn năm 2026/);
      }
      await officer.close();
    }
    province = await site.person('tinh-hatinh');
    await signInFirstTime(province, 'tinh.hatinh', provinceOnce, 'tinh theo doi va tong hop');
    provinceId = unitIdOf(province.path());
  });

  step('from the home to Tình hình nộp: the village tables, a deadline set, the counts', async () => {
    await province.goto(`/don-vi/${provinceId}?nam=${year}`);
    await province.look('trang-chinh-tinh');
    await province.follow('Tình hình nộp');
    assert.equal(await province.heading(), 'Tình hình nộp');
    let response = await province.fillAndSubmit({ 'Việc': 'Bảng số liệu thôn', 'Trạng thái': 'Tất cả' }, 'Xem');
    assert.equal(response.status(), 200);
    assert.match(province.path(), /ky=thon/);
    // The deadline: the last day of the year, so that the walk's real clock finds An Hòa Thịnh on time.
    await province.page.locator('#han-nop').fill(`${year}-12-31`);
    response = await province.submit('Lưu hạn nộp');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(), `Đã đặt hạn nộp bảng số liệu thôn năm ${year}: 31/12/${year}.`);
    const stats = await province.page.locator('.stats').innerText();
    assert.match(stats, /1\/2\s+đã gửi\s+50,00%/);
    assert.match(stats, /0\/2\s+đã duyệt\s+0,00%/);
    assert.match(stats, /1\/1\s+gửi đúng hạn\s+100,00%/);
    const rows = province.page.locator('table.status-table tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /Xã An Hòa Thịnh\s+Đã gửi, chờ duyệt\s+\d\d\/\d\d\/2026 \d\d:\d\d\s+\d\d\/\d\d\/2026 \d\d:\d\d\s+31\/12\/2026\s+Đúng hạn/);
    assert.match(await rows.nth(1).innerText(), /Xã Kỳ Anh\s+Đang nhập, chưa gửi/);
    await province.look('tinh-hinh-nop');
    await province.lookOnPhone('tinh-hinh-nop-dien-thoai');
  });

  step('the filter keeps the units still entering; the workbook has the counts', async () => {
    let response = await province.fillAndSubmit({ 'Trạng thái': 'Đang nhập, chưa gửi' }, 'Xem');
    assert.equal(response.status(), 200);
    const rows = province.page.locator('table.status-table tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Xã Kỳ Anh/);
    await province.look('loc-dang-nhap');
    const workbook = await province.download('Xuất Excel');
    assert.equal(workbook.name, `tinh-hinh-nop-thon-${year}.xlsx`);
    const numbers = sheetNumbers(workbook.path);
    const at = (row, column) => numbers.find(([r, c]) => r === row && c === column)?.[2];
    assert.equal(at(7, 3), 2);    // units that should send
    assert.equal(at(8, 3), 1);    // sent
    assert.equal(at(8, 4), 50);   // =ROUND(C8/$C$7*100,2)
    assert.equal(at(14, 4), 100); // on time of those sent
    response = await province.fillAndSubmit({ 'Trạng thái': 'Tất cả' }, 'Xem');
    assert.equal(response.status(), 200);
  });

  step('the province approves An Hòa Thịnh from the dashboard\'s link; Tổng hợp counts it and lists Kỳ Anh apart', async () => {
    await province.follow('Xã An Hòa Thịnh');
    assert.equal(province.path(), `/don-vi/${communeId}/nop/thon?nam=${year}`);
    let response = await province.submit('Duyệt');
    assert.equal(response.status(), 200);
    await province.goto(`/don-vi/${provinceId}/tinh-hinh-nop?nam=${year}&ky=thon`);
    assert.match(await province.page.locator('.stats').innerText(), /1\/2\s+đã duyệt\s+50,00%/);
    await province.follow('Tổng hợp các bản đã duyệt');
    assert.equal(await province.heading(), `Tổng hợp bảng số liệu thôn năm ${year}`);
    const text = await province.page.locator('main').innerText();
    assert.match(text, /1\/2 đơn vị có bảng số liệu thôn năm 2026 đã được duyệt/);
    const apart = province.page.locator('table:has(caption:text("Các đơn vị chưa được tổng hợp")) tbody tr');
    assert.equal(await apart.count(), 1);
    assert.match(await apart.first().innerText(), /Xã Kỳ Anh\s+Đang nhập, chưa gửi/);
    await province.look('tong-hop');
    const zip = await province.download('Tải tất cả tệp của các đơn vị (.zip)');
    assert.equal(zip.name, `tinh-ha-tinh-thon-${year}.zip`);
    const names = execFileSync('/usr/bin/python3', ['-c', `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print('\\n'.join(sorted(n for n in z.namelist() if not n.endswith('/'))))
`, zip.path], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(names, ['danh-sach.csv', 'xa-an-hoa-thinh/thon.csv']);
  });
});
