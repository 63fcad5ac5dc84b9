// Two officers of one commune at two browsers, and the log of what they did, in Chromium: both open the typed
// village table; the first saves; the second, whose page is older, presses Lưu bảng and is told who saved which
// version when, with that table above and their own figures still in the form; they save again deliberately
// and both versions are kept. The province's officer then reads it all on Nhật ký thay đổi (linked from the
// province's home), filtered by account; the administrator reads every row on their own. Every page looked at
// is checked by axe and saved as a screenshot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addUnit, createAccount, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

describe('two officers save the same table, the second sees both; the province reads the log', () => {
  const step = walkSteps(it);
  let site;
  let hoa;        // the officer who saves first
  let nam;        // the officer whose page is older
  let province;
  let admin;
  let tablePath;
  let provinceId;

  before(async () => {
    site = await Site.start('conflict');
  });

  after(async () => {
    if (!site) return;
    const stopped = await site.stop();
    for (const word of ['Lê Thị Hoa', 'Phạm Văn Nam', 'xa.anhoathinh', 'Sâm Cồn'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /POST \/don-vi\/\{unit\}\/thon 409/);
  });

  step('the administrator makes the province, the commune, two officers of it and one of the province', async () => {
    admin = await site.person('quantri');
    await signInFirstTime(admin, site.admin.login, site.admin.password, 'quan tri nhat ky thay doi');
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    const commune = 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)';
    const hoaOnce = await createAccount(admin, { login: 'xa.anhoathinh', name: 'Lê Thị Hoa', role: 'Cán bộ xã', unit: commune });
    const namOnce = await createAccount(admin, { login: 'xa.anhoathinh.nam', name: 'Phạm Văn Nam', role: 'Cán bộ xã', unit: commune });
    const provinceOnce = await createAccount(admin, { login: 'tinh.hatinh', name: 'Trần Văn Bình', role: 'Cán bộ tỉnh',
                                                      unit: 'Tỉnh Hà Tĩnh' });
    hoa = await site.person('xa-hoa');
    await signInFirstTime(hoa, 'xa.anhoathinh', hoaOnce, 'hoa luu bang truoc');
    tablePath = `/don-vi/${unitIdOf(hoa.path())}/thon?nam=2026`;
    nam = await site.person('xa-nam');
    await signInFirstTime(nam, 'xa.anhoathinh.nam', namOnce, 'nam luu bang sau');
    province = await site.person('tinh-hatinh');
    await signInFirstTime(province, 'tinh.hatinh', provinceOnce, 'tinh doc nhat ky');
    provinceId = unitIdOf(province.path());
  });

  step('both open the table; Hoa saves first, Nam is told and sees both, nothing saved over Hoa\'s', async () => {
    await hoa.goto(tablePath);
    await nam.goto(tablePath);
    const row = (n, name, households, poor, nearPoor) => ({
      [`#thon-${n}-ten`]: name, [`#thon-${n}-so-ho`]: households, [`#thon-${n}-ngheo`]: poor, [`#thon-${n}-can-ngheo`]: nearPoor,
    });
    let response = await hoa.fillAndSubmit({ ...row(1, 'Sâm Cồn', '166', '10', '12'), ...row(2, 'Trùa', '105', '7', '7') },
                                           'Lưu bảng');
    assert.equal(response.status(), 200);
    assert.equal(await hoa.notice(), 'Đã lưu bảng số liệu thôn năm 2026 (phiên bản 1).');

    response = await nam.fillAndSubmit({ ...row(1, 'Sâm Cồn', '170', '11', '12'), ...row(2, 'Trùa', '105', '7', '7') },
                                       'Lưu bảng');
    assert.equal(response.status(), 409);
    const errors = await nam.errorSummary();
    assert.equal(errors.length, 1);
    assert.equal(errors[0].href, '#xung-dot');
    assert.match(errors[0].text,
                 /^Trong lúc bạn nhập, Lê Thị Hoa đã lưu phiên bản 1 \(\d\d\/\d\d\/\d{4} \d\d:\d\d\); phần bạn nhập chưa được lưu/);
    const conflict = nam.page.locator('#xung-dot');
    assert.match(await conflict.innerText(), /Dữ liệu đã thay đổi trong lúc bạn nhập/);
    assert.equal(await conflict.getByRole('link', { name: 'phiên bản 1', exact: true }).count(), 1);
    // Both: Hoa's table in use (166 households in Sâm Cồn), Nam's own figures still in the form.
    assert.match(await nam.page.locator('table').first().innerText(), /Sâm Cồn\s+166/);
    assert.equal(await nam.page.locator('#thon-1-so-ho').inputValue(), '170');
    assert.deepEqual((await conflict.locator('table tbody tr').allInnerTexts()).map((text) => text.split('\t')),
                     [['Sâm Cồn', 'Tổng số hộ', '166', '170'], ['Sâm Cồn', 'Hộ nghèo', '10', '11']]);
    await nam.look('bi-bao-du-lieu-doi');
    await nam.lookOnPhone('bi-bao-du-lieu-doi-dien-thoai');

    response = await nam.submit('Lưu bảng');
    assert.equal(response.status(), 200);
    assert.equal(await nam.notice(), 'Đã lưu bảng số liệu thôn năm 2026 (phiên bản 2).');
    assert.match(await nam.page.locator('table').first().innerText(), /Sâm Cồn\s+170/);
    const versions = nam.page.locator('#phien-ban + p + div table tbody tr');
    assert.equal(await versions.count(), 2, 'both versions kept');
    await nam.look('da-luu-lai');
  });

  step('the province reads Nhật ký thay đổi from its home: who saved, when, from where; filtered by account', async () => {
    await province.goto(`/don-vi/${provinceId}`);
    await province.follow('Nhật ký thay đổi');
    assert.equal(province.path(), `/don-vi/${provinceId}/nhat-ky`);
    assert.equal(await province.heading(), 'Nhật ký thay đổi');
    const table = province.page.locator('table.audit-table');
    const headers = await table.locator('thead th').allInnerTexts();
    assert.deepEqual(headers.map((text) => text.trim()),
                     ['Thời gian', 'Người thực hiện', 'Địa chỉ máy', 'Đơn vị', 'Việc', 'Nội dung']);
    const rows = await table.locator('tbody tr').allInnerTexts();
    // Newest first: Nam's save, Hoa's, then the sign-ins (and the accounts made, under the commune).
    assert.match(rows[0], /xa\.anhoathinh\.nam\s+127\.0\.0\.1\s+Xã An Hòa Thịnh\s+Lưu phiên bản\s+Bảng số liệu thôn năm 2026, phiên bản 2: Nhập trực tiếp\./);
    assert.match(rows[1], /xa\.anhoathinh\s+127\.0\.0\.1\s+Xã An Hòa Thịnh\s+Lưu phiên bản\s+Bảng số liệu thôn năm 2026, phiên bản 1: Nhập trực tiếp\./);
    assert.ok(rows.some((text) => /quantri\s+127\.0\.0\.1\s+Xã An Hòa Thịnh\s+Tạo tài khoản\s+Tạo tài khoản xa\.anhoathinh \(Cán bộ xã\)\./.test(text)));
    for (const text of rows) assert.ok(!/Lê Thị Hoa|Phạm Văn Nam|166|170/.test(text), `nothing personal, no figure: ${text}`);
    await province.look('nhat-ky');
    await province.lookOnPhone('nhat-ky-dien-thoai');

    const response = await province.fillAndSubmit({ 'Tài khoản': 'xa.anhoathinh.nam' }, 'Lọc');
    assert.equal(response.status(), 200);
    const filtered = await province.page.locator('table.audit-table tbody tr').allInnerTexts();
    assert.ok(filtered.length >= 2);
    for (const text of filtered) assert.match(text, /^\S+ \S+\s+xa\.anhoathinh\.nam\s/);
    await province.look('nhat-ky-loc');
  });

  step('the administrator reads every row, from the overview', async () => {
    await admin.goto('/quan-tri');
    await admin.follow('Xem nhật ký thay đổi');
    assert.equal(admin.path(), '/quan-tri/nhat-ky');
    const rows = await admin.page.locator('table.audit-table tbody tr').allInnerTexts();
    assert.ok(rows.some((text) => /Dòng lệnh trên máy chủ\s+—\s+—\s+Tạo tài khoản/.test(text)), 'the first administrator, made by --init-admin');
    assert.ok(rows.some((text) => /quantri\s+127\.0\.0\.1\s+Tỉnh Hà Tĩnh\s+Thêm đơn vị\s+Thêm Tỉnh Hà Tĩnh ở cấp cao nhất\./.test(text)));
    await admin.look('nhat-ky-quan-tri');
  });
});
