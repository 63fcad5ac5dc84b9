// Sending up and approving, in Chromium: on a new site the administrator makes Hà Tĩnh, An Hòa Thịnh and their
// officers; the commune's officer uploads a village table in which `kehoach check` finds slips, sees them on
// the page, is asked for an explanation before Gửi, and sends it with one; the province's officer reads the
// findings and the explanation on the commune's page and returns the table with a reason; the commune reads the
// reason, uploads the corrected table and sends it again (no explanation asked now); the province approves it;
// the commune's page then shows the notice instead of its forms, and its home says Đã duyệt. Every page looked
// at is checked by axe and saved as a screenshot.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addUnit, createAccount, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

// The table as the commune first sends it: Trùa's poor rate and the near-poor total are wrong (check finds
// three things: the total's rate follows from its count); then as corrected.
const header = 'TT,Thôn,Tổng số hộ,Hộ nghèo,Tỷ lệ %,Hộ cận nghèo,Tỷ lệ %\n';
const withSlips = `${header}1,Sâm Cồn,166,10,6.02,12,7.23\n2,Trùa,105,7,6.5,7,6.67\n,Tổng cộng,271,17,6.27,18,7.01\n`;
const corrected = `${header}1,Sâm Cồn,166,10,6.02,12,7.23\n2,Trùa,105,7,6.67,7,6.67\n,Tổng cộng,271,17,6.27,19,7.01\n`;

describe('a commune sends its village table, the province returns it, then approves it', () => {
  const step = walkSteps(it);
  let site;
  let commune;    // An Hòa Thịnh's officer
  let province;   // Hà Tĩnh's officer
  let communeId;
  let tablePath;
  const scratch = mkdtempSync(join(tmpdir(), 'kehoach-submission-walk-'));
  const reason = 'Tỷ lệ hộ nghèo thôn Trùa và tổng hộ cận nghèo chưa đúng; hãy sửa rồi gửi lại.';
  const explanation = 'Tỷ lệ thôn Trùa ghi theo biên bản họp thôn; xin tỉnh cho ý kiến.';

  before(async () => {
    site = await Site.start('submission');
    writeFileSync(join(scratch, 'thon-co-loi.csv'), withSlips);
    writeFileSync(join(scratch, 'thon-da-sua.csv'), corrected);
  });

  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!site) return;
    const stopped = await site.stop();
    // The log has routes and statuses, never a reason, an explanation or a name.
    for (const word of [reason, explanation, 'An Hòa Thịnh', 'xa.anhoathinh', 'Trùa'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /POST \/don-vi\/\{unit\}\/nop\/\{kind\}\/duyet 303/);
  });

  step('the administrator makes the province, the commune and an officer for each', async () => {
    const admin = await site.person('quantri');
    await signInFirstTime(admin, site.admin.login, site.admin.password, 'quan tri gui va duyet');
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    const communeOnce = await createAccount(admin, { login: 'xa.anhoathinh', name: 'Lê Thị Hoa', role: 'Cán bộ xã',
                                                     unit: 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)' });
    const provinceOnce = await createAccount(admin, { login: 'tinh.hatinh', name: 'Trần Văn Bình', role: 'Cán bộ tỉnh',
                                                      unit: 'Tỉnh Hà Tĩnh' });
    commune = await site.person('xa-anhoathinh');
    await signInFirstTime(commune, 'xa.anhoathinh', communeOnce, 'xa gui bang so lieu');
    communeId = unitIdOf(commune.path());
    tablePath = `/don-vi/${communeId}/thon?nam=2026`;
    province = await site.person('tinh-hatinh');
    await signInFirstTime(province, 'tinh.hatinh', provinceOnce, 'tinh duyet bang so lieu');
    await admin.close();
  });

  step('the commune uploads a table with slips: check finds three and Gửi asks for an explanation', async () => {
    await commune.goto(tablePath);
    let response = await commune.fillAndSubmit({ 'Tệp bảng số liệu thôn': join(scratch, 'thon-co-loi.csv') }, 'Tải lên và lưu');
    assert.equal(response.status(), 200);
    assert.deepEqual(await commune.errorSummary(), []);
    const section = commune.page.locator('section.submission');
    assert.match(await section.innerText(), /Chưa gửi lên tỉnh Hà Tĩnh\./);
    assert.match(await section.innerText(), /3 chỗ sai/);
    assert.match(await section.locator('table').innerText(), /Trùa\s+E \(Hộ nghèo - Tỷ lệ %\)\s+6\.5\s+6,67/);
    await commune.look('thon-co-loi');
    response = await commune.submit('Gửi phiên bản 1 lên tỉnh Hà Tĩnh');
    assert.equal(response.status(), 422);
    const errors = await commune.errorSummary();
    assert.equal(errors.length, 1);
    assert.equal(errors[0].href, '#giai-trinh');
    assert.match(errors[0].text, /^Bảng có 3 chỗ kehoach check tìm thấy: hãy giải trình trước khi gửi/);
    await commune.look('gui-thieu-giai-trinh');
    response = await commune.fillAndSubmit({ 'Giải trình': explanation }, 'Gửi phiên bản 1 lên tỉnh Hà Tĩnh');
    assert.equal(response.status(), 200);
    assert.equal(commune.path(), tablePath);
    assert.equal(await commune.notice(), 'Đã gửi Bảng số liệu thôn năm 2026 (phiên bản 1) lên tỉnh Hà Tĩnh.');
    assert.match(await commune.page.locator('section.submission').innerText(), /Trạng thái duyệt: Đã gửi/);
    await commune.look('da-gui');
  });

  step('the province reads the findings and the explanation on the commune\'s page and returns the table', async () => {
    await province.goto('/');
    await province.follow('Xã An Hòa Thịnh');
    await province.goto(tablePath);
    const section = province.page.locator('section.submission');
    assert.match(await section.innerText(), /3 chỗ sai/);
    assert.match(await section.innerText(), new RegExp(`Giải trình của xã An Hòa Thịnh: ${explanation}`));
    await province.look('tinh-xem-bang');
    const response = await province.fillAndSubmit({ 'Lý do trả lại': reason }, 'Trả lại');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(),
                 'Đã trả lại Bảng số liệu thôn năm 2026 của xã An Hòa Thịnh; đơn vị thấy lý do trên trang của mình.');
    assert.match(await province.page.locator('section.submission').innerText(), /Trạng thái duyệt: Bị trả lại/);
    await province.look('tinh-da-tra-lai');
  });

  step('the commune reads the reason, uploads the corrected table and sends it again', async () => {
    await commune.goto(`/don-vi/${communeId}?nam=2026`);
    assert.match(await commune.page.locator('table').first().innerText(), /Bảng số liệu thôn\s+Bị trả lại/);
    await commune.follow('Bảng số liệu thôn');
    const text = await commune.page.locator('section.submission').innerText();
    assert.match(text, new RegExp(`Lý do: ${reason}`));
    assert.match(text, /Trần Văn Bình, tỉnh Hà Tĩnh/);
    await commune.look('bi-tra-lai');
    await commune.lookOnPhone('bi-tra-lai-dien-thoai');
    let response = await commune.fillAndSubmit({ 'Tệp bảng số liệu thôn': join(scratch, 'thon-da-sua.csv') }, 'Tải lên và lưu');
    assert.equal(response.status(), 200);
    assert.match(await commune.page.locator('section.submission').innerText(), /Không thấy chỗ sai nào\./);
    assert.equal(await commune.page.locator('#giai-trinh').count(), 0, 'nothing to explain now');
    response = await commune.submit('Gửi phiên bản 2 lên tỉnh Hà Tĩnh');
    assert.equal(response.status(), 200);
    assert.equal(await commune.notice(), 'Đã gửi Bảng số liệu thôn năm 2026 (phiên bản 2) lên tỉnh Hà Tĩnh.');
  });

  step('the province approves; the commune\'s page shows the notice instead of its forms', async () => {
    await province.goto(tablePath);
    assert.match(await province.page.locator('section.submission').innerText(), /Không thấy chỗ sai nào\./);
    let response = await province.submit('Duyệt');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(), 'Đã duyệt Bảng số liệu thôn năm 2026 (phiên bản 2) của xã An Hòa Thịnh.');
    assert.match(await province.page.locator('section.submission').innerText(), /Trạng thái duyệt: Đã duyệt/);
    assert.equal(await province.page.getByRole('button', { name: 'Mở lại', exact: true }).count(), 1);
    await province.look('tinh-da-duyet');

    await commune.goto(tablePath);
    const lock = commune.page.locator('section.submission .notice');
    assert.match(await lock.innerText(),
                 /^Bảng số liệu thôn năm 2026 đã được duyệt ngày \d\d\/\d\d\/\d{4}; liên hệ Trần Văn Bình, tỉnh Hà Tĩnh để mở lại\.$/);
    assert.equal(await commune.page.locator('input[type=file]').count(), 0, 'no upload on an approved table');
    assert.equal(await commune.page.getByRole('button', { name: 'Lưu bảng', exact: true }).count(), 0);
    await commune.look('da-duyet');
    await commune.goto(`/don-vi/${communeId}?nam=2026`);
    assert.match(await commune.page.locator('table').first().innerText(), /Bảng số liệu thôn\s+Đã duyệt/);
    await commune.look('trang-chinh-da-duyet');
    response = await commune.goto(`/don-vi/${communeId}/nop/thon?nam=2026`);
    assert.equal(response.status(), 200);
    assert.equal(await commune.page.locator('table tbody tr').count(), 4, 'Gửi, Trả lại, Gửi, Duyệt');
    await commune.look('lich-su');
  });
});
