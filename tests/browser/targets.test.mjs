// Giao chỉ tiêu, in Chromium: the administrator makes Hà Tĩnh, two communes and their officers; each commune
// uploads its village table; the province's officer types the province's targets and a village's fixed figure,
// previews the split, gives it; An Hòa Thịnh's plan form starts from its figures, marked; a plan with another
// figure is refused with the reason, the commune asks for it with a reason, the province agrees, and the plan is
// made with it. Every page looked at is checked by axe and saved as a screenshot.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addUnit, createAccount, examples, signInFirstTime, Site, unitIdOf, walkSteps } from './support/site.mjs';

const kyAnh = 'Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nThôn 1,400,30,20\nThôn 2,300,20,25\nThôn 3,250,15,10\n';

describe('the province gives its targets, a commune plans with them and asks for another figure', () => {
  const step = walkSteps(it);
  let site;
  let province;  // Hà Tĩnh's officer
  let commune;   // An Hòa Thịnh's officer
  let provinceId;
  let communeId;
  let assigned;  // An Hòa Thịnh's poor households to reduce, as given
  const scratch = mkdtempSync(join(tmpdir(), 'kehoach-targets-walk-'));
  const reason = 'Thôn Sâm Cồn vừa có 5 hộ thoát nghèo trước kỳ rà soát; đề nghị giảm chỉ tiêu hộ nghèo.';

  before(async () => {
    site = await Site.start('targets');
    writeFileSync(join(scratch, 'ky-anh.csv'), kyAnh);
  });

  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!site) return;
    const stopped = await site.stop();
    for (const word of [reason, 'An Hòa Thịnh', 'Sâm Cồn', 'tinh.hatinh'])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
    assert.match(stopped.log, /POST \/don-vi\/\{unit\}\/giao-chi-tieu\/de-nghi\/\{request\} 303/);
  });

  step('the administrator makes the province, two communes and their officers; the communes upload their tables', async () => {
    const admin = await site.person('quantri');
    await signInFirstTime(admin, site.admin.login, site.admin.password, 'quan tri giao chi tieu');
    await addUnit(admin, 'Tỉnh', 'Hà Tĩnh');
    await addUnit(admin, 'Xã', 'An Hòa Thịnh', 'Tỉnh Hà Tĩnh');
    await addUnit(admin, 'Xã', 'Kỳ Anh', 'Tỉnh Hà Tĩnh');
    const once = {};
    for (const [login, name, role, unit] of [
      ['tinh.hatinh', 'Trần Văn Bình', 'Cán bộ tỉnh', 'Tỉnh Hà Tĩnh'],
      ['xa.anhoathinh', 'Lê Thị Hoa', 'Cán bộ xã', 'Xã An Hòa Thịnh (Tỉnh Hà Tĩnh)'],
      ['xa.kyanh', 'Phan Văn Nam', 'Cán bộ xã', 'Xã Kỳ Anh (Tỉnh Hà Tĩnh)'],
    ])
      once[login] = await createAccount(admin, { login, name, role, unit });
    await admin.close();

    province = await site.person('tinh-hatinh');
    await signInFirstTime(province, 'tinh.hatinh', once['tinh.hatinh'], 'tinh giao chi tieu');
    provinceId = unitIdOf(province.path());
    commune = await site.person('xa-anhoathinh');
    await signInFirstTime(commune, 'xa.anhoathinh', once['xa.anhoathinh'], 'xa lap ke hoach');
    communeId = unitIdOf(commune.path());
    const kyAnhOfficer = await site.person('xa-kyanh');
    await signInFirstTime(kyAnhOfficer, 'xa.kyanh', once['xa.kyanh'], 'xa ky anh nhap bang');
    for (const [person, file] of [[commune, join(examples, 'an-hoa-thinh-2022', 'thon.csv')], [kyAnhOfficer, join(scratch, 'ky-anh.csv')]]) {
      await person.goto(`/don-vi/${unitIdOf(person.path())}/thon?nam=2026`);
      const response = await person.fillAndSubmit({ 'Tệp bảng số liệu thôn': file }, 'Tải lên và lưu');
      assert.equal(response.status(), 200);
      assert.deepEqual(await person.errorSummary(), []);
    }
    await kyAnhOfficer.close();
  });

  step('the province types its targets and a fixed figure, previews the split, and gives it', async () => {
    await province.goto(`/don-vi/${provinceId}?nam=2026`);
    await province.look('trang-tinh');
    let response = await province.follow('Giao chỉ tiêu');
    assert.equal(response.status(), 200);
    assert.equal(await province.heading(), 'Giao chỉ tiêu năm 2026');
    await province.fill({
      'Chỉ tiêu hộ nghèo của tỉnh': 'Giảm tỷ lệ hộ nghèo còn (%)', 'Tỷ lệ hoặc số hộ nghèo': '3,5',
      'Chỉ tiêu hộ cận nghèo của tỉnh': 'Giảm số hộ cận nghèo (hộ)', 'Tỷ lệ hoặc số hộ cận nghèo': '30',
      'Đơn vị, dòng 1': 'Xã An Hòa Thịnh / Tân Thịnh', 'Hộ nghèo giảm, dòng 1': 'hết',
    });
    response = await province.submit('Xem trước');
    assert.equal(response.status(), 200);
    assert.deepEqual(await province.errorSummary(), []);
    const preview = await province.page.locator('table').filter({ hasText: 'Xã Kỳ Anh' }).first().innerText();
    assert.match(preview, /Xã An Hòa Thịnh\s+2\.047/);
    await province.look('xem-truoc');
    response = await province.submit('Giao chỉ tiêu');
    assert.equal(response.status(), 200);
    assert.match(await province.notice(), /^Đã giao chỉ tiêu năm 2026 \(phiên bản 1\): giảm \d+ hộ nghèo, giảm 30 hộ cận nghèo\./);
    assert.match(await province.page.locator('#phien-ban').innerText(), /^Phiên bản 1, giao lúc .* \(Trần Văn Bình\)$/);
    await province.look('da-giao');
    await province.lookOnPhone('da-giao-dien-thoai');
  });

  step('the commune\'s plan form starts from its figures, marked as given', async () => {
    await commune.goto(`/don-vi/${communeId}/ke-hoach?nam=2026`);
    const box = await commune.page.locator('#chi-tieu-duoc-giao').innerText();
    assert.match(box, /Chỉ tiêu được giao/);
    assert.match(box, /do Tỉnh Hà Tĩnh giao \(phiên bản 1, ngày \d\d\/\d\d\/2026\): giảm \d+ hộ nghèo, giảm \d+ hộ cận nghèo\./);
    assigned = await commune.field('Tỷ lệ hoặc số hộ nghèo').inputValue();
    assert.match(box, new RegExp(`giảm ${assigned} hộ nghèo`));
    assert.equal(await commune.field('Hộ nghèo giảm, Tân Thịnh').inputValue(), 'hết');
    await commune.look('ke-hoach-chi-tieu-duoc-giao');
  });

  step('another figure is refused with the reason; the commune asks for it', async () => {
    const other = String(Number(assigned) - 2);
    let response = await commune.fillAndSubmit({ 'Tỷ lệ hoặc số hộ nghèo': other }, 'Tạo văn bản');
    assert.equal(response.status(), 422);
    const errors = await commune.errorSummary();
    assert.equal(errors.length, 1);
    assert.equal(errors[0].href, '#gia-tri-ngheo');
    assert.match(errors[0].text, new RegExp(`Toàn xã: chỉ tiêu là giảm ${assigned} hộ nghèo, kế hoạch ghi giảm ${other}\\. ` +
                                            'Kế hoạch phải dùng chỉ tiêu do Tỉnh Hà Tĩnh giao'));
    await commune.look('khac-chi-tieu');
    response = await commune.fillAndSubmit({ 'Lý do đề nghị điều chỉnh': reason }, 'Gửi đề nghị điều chỉnh');
    assert.equal(response.status(), 200);
    assert.match(await commune.notice(), /^Đã gửi đề nghị điều chỉnh chỉ tiêu lên Tỉnh Hà Tĩnh/);
    assert.match(await commune.page.locator('#de-nghi-dieu-chinh').innerText(), /Chờ tỉnh trả lời/);
    await commune.look('da-de-nghi');
  });

  step('the province reads the request and agrees; the commune makes its plan with the figure agreed', async () => {
    await province.goto(`/don-vi/${provinceId}/giao-chi-tieu?nam=2026`);
    const request = province.page.locator('div.group[id^="de-nghi-"]').first();
    assert.match(await request.innerText(), new RegExp(reason));
    assert.match(await request.innerText(), new RegExp(`Đề nghị: giảm ${Number(assigned) - 2} hộ nghèo`));
    await province.look('de-nghi');
    let response = await province.navigate(() => request.getByRole('button', { name: 'Đồng ý', exact: true }).click());
    assert.equal(response.status(), 200);
    assert.match(await province.notice(), /^Đã đồng ý đề nghị điều chỉnh của Xã An Hòa Thịnh/);

    await commune.goto(`/don-vi/${communeId}/ke-hoach?nam=2026`);
    assert.match(await commune.page.locator('#chi-tieu-duoc-giao').innerText(), /theo đề nghị điều chỉnh Tỉnh Hà Tĩnh đồng ý ngày/);
    assert.equal(await commune.field('Tỷ lệ hoặc số hộ nghèo').inputValue(), String(Number(assigned) - 2));
    response = await commune.submit('Tạo văn bản');
    assert.equal(response.status(), 200);
    assert.deepEqual(await commune.errorSummary(), []);
    assert.match(await commune.notice(), /^Đã tạo văn bản kế hoạch năm 2026 \(phiên bản 1\)/);
    await commune.look('ke-hoach-theo-so-dong-y');
  });
});
