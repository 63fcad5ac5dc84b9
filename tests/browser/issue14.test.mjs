// The walk of issue 14 in Chromium, end to end, as a province and three communes do it. The administrator
// builds Tỉnh Hà Tĩnh with An Hòa Thịnh, Sơn Tây and Kỳ Anh and their villages (data/examples/ha-tinh-2026's
// units table) and an officer for each. On 02/03/2026 each commune uploads its village table (An Hòa Thịnh's is
// data/examples/an-hoa-thinh-2022/thon.csv; Sơn Tây's and Kỳ Anh's are made from the units table, Sơn Tây's with
// rates and a total row in which `kehoach check` finds a wrong rate and a wrong total); the province's officer
// gives the province's targets (a rate, a count and a village's fixed figure) after a preview, and sets the
// plans' deadline (13/03/2026) on Tình hình nộp. Each commune sees its figures in its plan form; An Hòa Thịnh
// and Sơn Tây make their plans and send them with their tables (Sơn Tây's table only with an explanation). On
// 16/03 Kỳ Anh makes and sends its own: late. The province reads Sơn Tây's findings and explanation and returns
// the table with a reason; Sơn Tây reads it, uploads the corrected table and sends it again; the province
// approves the three tables and the three plans. Tình hình nộp says 3/3 approved, one late, and so does its
// workbook; Tổng hợp's appendix is, cell for cell, the province's appendix `kehoach batch` writes from the files
// Giao chỉ tiêu gave; an approved plan shows the notice instead of its form and a POST from the page left open is
// refused (403) with the reason; Nhật ký lists the targets given, the sends, the return, the approvals with the
// logins. Every page looked at is checked by axe and saved as a screenshot, the main ones on a phone's width too.
//
// The server's clock (support/server.mjs, KEHOACH_TEST_CLOCK_FILE) starts on 02/03/2026 and is moved to 16/03,
// as the C++ tests move theirs: a deadline is a day, so that two communes send on time and one late the days
// must differ. The sessions of the people signed in end with the jump (idle for two weeks): they sign in again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sheetCells, sheetNumbers, workbookCells } from './support/files.mjs';
import { kehoachProgram } from './support/server.mjs';
import { addUnitsFromFile, createAccount, examples, sendSubmission, signIn, signInFirstTime, Site, unitIdOf,
         uploadVillageTable, walkSteps } from './support/site.mjs';

const year = 2026;
const communes = ['An Hòa Thịnh', 'Sơn Tây', 'Kỳ Anh'];

// The units table: the province, the three communes and their villages, from data/examples/ha-tinh-2026.
function unitsTable() {
  const lines = readFileSync(join(examples, 'ha-tinh-2026', 'don-vi.csv'), 'utf8').trim().split('\n');
  return [lines[0], ...lines.slice(1).filter((line) => communes.some((name) => line.split(',')[1] === `Xã ${name}`))].join('\n') + '\n';
}

// A commune's villages as the units table gives them: [{ name, households, poor, nearPoor }].
function villagesOf(commune) {
  return unitsTable().trim().split('\n').slice(1).map((line) => line.split(','))
    .filter((cells) => cells[1] === `Xã ${commune}`)
    .map(([, , village, households, poor, nearPoor]) => ({
      name: village.replace(/^Thôn /, ''), households: Number(households), poor: Number(poor), nearPoor: Number(nearPoor),
    }));
}

// A village table as a commune types it: Thôn, Tổng số hộ, Hộ nghèo, Hộ cận nghèo.
function plainTable(villages) {
  return 'Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n' +
    villages.map((v) => `${v.name},${v.households},${v.poor},${v.nearPoor}`).join('\n') + '\n';
}

// The same with each count's rate and a total row, as many communes keep it; `slips` writes Trung Hòa's poor
// rate as 3,48 (13/339 is 3,83%) and the near-poor total one short.
function tableWithRates(villages, slips) {
  const rate = (part, whole) => (Math.round((part / whole) * 10000) / 100).toFixed(2);
  const sum = (key) => villages.reduce((total, v) => total + v[key], 0);
  const rows = villages.map((v, i) => [i + 1, v.name, v.households, v.poor,
    slips && v.name === 'Trung Hòa' ? '3.48' : rate(v.poor, v.households), v.nearPoor, rate(v.nearPoor, v.households)]);
  const households = sum('households');
  const nearPoor = sum('nearPoor') - (slips ? 1 : 0);
  rows.push(['', 'Tổng cộng', households, sum('poor'), rate(sum('poor'), households), nearPoor, rate(sum('nearPoor'), households)]);
  return 'TT,Thôn,Tổng số hộ,Hộ nghèo,Tỷ lệ %,Hộ cận nghèo,Tỷ lệ %\n' + rows.map((row) => row.join(',')).join('\n') + '\n';
}

// A moment in Vietnam (UTC+7): "2026-03-02 08:00" → a Date.
const vietnamTime = (text) => new Date(`${text.replace(' ', 'T')}:00+07:00`);

describe('issue 14: the province gives its targets, three communes plan and send, the province returns, approves and adds up', () => {
  const step = walkSteps(it);
  let site;
  const scratch = mkdtempSync(join(tmpdir(), 'kehoach-issue14-walk-'));
  const files = {};       // commune → its village table's path
  const once = {};        // login → one-time password
  const passwords = {};   // login → the password set at the first sign-in
  const people = {};      // commune or 'tinh' → Person
  const ids = {};         // commune or 'tinh' → unit id
  const assigned = {};    // commune → { poor, nearPoor } as given
  let assignmentFiles;    // { cascade, units }: Giao chỉ tiêu's phan-bo.yaml and don-vi.csv
  let stalePlanPage;      // Kỳ Anh's plan page, opened before the approval
  const loginOf = { 'An Hòa Thịnh': 'xa.anhoathinh', 'Sơn Tây': 'xa.sontay', 'Kỳ Anh': 'xa.kyanh', tinh: 'tinh.hatinh' };
  const whoOf = { 'An Hòa Thịnh': 'xa-anhoathinh', 'Sơn Tây': 'xa-sontay', 'Kỳ Anh': 'xa-kyanh', tinh: 'tinh-hatinh' };
  const returnReason = 'Tỷ lệ hộ nghèo thôn Trung Hòa và tổng hộ cận nghèo chưa đúng; đề nghị xã sửa rồi gửi lại.';
  const explanation = 'Số liệu lấy theo biên bản rà soát của thôn; xã xin gửi để kịp hạn, sẽ sửa theo ý kiến của tỉnh.';

  before(async () => {
    site = await Site.start('issue14', { clock: vietnamTime('2026-03-02 08:00') });
    writeFileSync(join(scratch, 'don-vi.csv'), unitsTable());
    files['An Hòa Thịnh'] = join(examples, 'an-hoa-thinh-2022', 'thon.csv');
    files['Sơn Tây'] = join(scratch, 'son-tay-thon.csv');
    writeFileSync(files['Sơn Tây'], tableWithRates(villagesOf('Sơn Tây'), true));
    files['Kỳ Anh'] = join(scratch, 'ky-anh-thon.csv');
    writeFileSync(files['Kỳ Anh'], plainTable(villagesOf('Kỳ Anh')));
    writeFileSync(join(scratch, 'son-tay-thon-da-sua.csv'), tableWithRates(villagesOf('Sơn Tây'), false));
  });

  after(async () => {
    rmSync(scratch, { recursive: true, force: true });
    if (!site) return;
    const stopped = await site.stop();
    for (const word of [returnReason, explanation, 'An Hòa Thịnh', 'Sơn Tây', 'tinh.hatinh', 'Trung Hòa', ...Object.values(passwords)])
      assert.ok(!stopped.log.includes(word), `"${word}" in the server log`);
  });

  step('the administrator makes Hà Tĩnh, three communes with their villages, and an officer for each', async () => {
    const admin = await site.person('quantri');
    await signInFirstTime(admin, site.admin.login, site.admin.password, 'quan tri tinh ha tinh 2026');
    await addUnitsFromFile(admin, join(scratch, 'don-vi.csv'));
    // 1 province, 3 communes, 19 + 6 + 7 villages.
    assert.equal(await admin.notice(), 'Đã thêm 36 đơn vị từ tệp don-vi.csv.');
    for (const [name, villages] of [['An Hòa Thịnh', 19], ['Sơn Tây', 6], ['Kỳ Anh', 7]])
      await assert.doesNotReject(admin.page.getByText(`Xã ${name} (${villages} thôn, tổ dân phố)`).waitFor());
    await admin.look('don-vi');
    once.tinh = await createAccount(admin, { login: loginOf.tinh, name: 'Trần Văn Bình', role: 'Cán bộ tỉnh', unit: 'Tỉnh Hà Tĩnh' });
    for (const [commune, name] of [['An Hòa Thịnh', 'Lê Thị Hoa'], ['Sơn Tây', 'Nguyễn Văn Sơn'], ['Kỳ Anh', 'Phan Thị Kỳ']])
      once[commune] = await createAccount(admin, { login: loginOf[commune], name, role: 'Cán bộ xã', unit: `Xã ${commune} (Tỉnh Hà Tĩnh)` });
    await admin.follow('Về danh sách tài khoản');
    await admin.look('tai-khoan');
    await admin.close();
  });

  step('each commune signs in and uploads its village table', async () => {
    for (const commune of communes) {
      const person = await site.person(whoOf[commune]);
      passwords[commune] = `${loginOf[commune]} nhap bang so lieu`;
      await signInFirstTime(person, loginOf[commune], once[commune], passwords[commune], { look: false });
      ids[commune] = unitIdOf(person.path());
      people[commune] = person;
      await uploadVillageTable(person, ids[commune], year, files[commune]);
    }
    // Sơn Tây's table: `kehoach check` finds Trung Hòa's rate and the near-poor total (and so its rate).
    const section = people['Sơn Tây'].page.locator('section.submission');
    assert.match(await section.innerText(), /3 chỗ sai/);
    assert.deepEqual((await section.locator('table tbody tr').allInnerTexts()).map((row) => row.split('\t')), [
      ['5', 'Trung Hòa', 'E (Hộ nghèo - Tỷ lệ %)', '3.48', '3,83', '13/339 hộ'],
      ['8', 'Tổng cộng', 'F (Hộ cận nghèo)', '73', '74', 'tổng các dòng 2-7'],
      ['8', 'Tổng cộng', 'G (Hộ cận nghèo - Tỷ lệ %)', '4.25', '4,20', '73/1740 hộ'],
    ]);
    await people['Sơn Tây'].look('bang-thon-co-cho-sai');
  });

  step('the province previews its targets split down to the villages, gives them, and sets the plans\' deadline', async () => {
    const province = await site.person(whoOf.tinh);
    people.tinh = province;
    passwords.tinh = 'tinh ha tinh giao chi tieu';
    await signInFirstTime(province, loginOf.tinh, once.tinh, passwords.tinh, { look: false });
    ids.tinh = unitIdOf(province.path());
    await province.goto(`/don-vi/${ids.tinh}?nam=${year}`);
    await province.look('trang-chinh-tinh');
    await province.follow('Giao chỉ tiêu');
    assert.equal(await province.heading(), `Giao chỉ tiêu năm ${year}`);
    // As data/examples/ha-tinh-2026/phan-bo.yaml: the poor rate down to 3,20%, 60 near-poor households fewer,
    // and An Hòa Thịnh's Tân Thịnh with no poor household left.
    await province.fill({
      'Chỉ tiêu hộ nghèo của tỉnh': 'Giảm tỷ lệ hộ nghèo còn (%)', 'Tỷ lệ hoặc số hộ nghèo': '3,20',
      'Chỉ tiêu hộ cận nghèo của tỉnh': 'Giảm số hộ cận nghèo (hộ)', 'Tỷ lệ hoặc số hộ cận nghèo': '60',
      'Đơn vị, dòng 1': 'Xã An Hòa Thịnh / Tân Thịnh', 'Hộ nghèo giảm, dòng 1': 'hết',
    });
    let response = await province.submit('Xem trước');
    assert.equal(response.status(), 200);
    assert.deepEqual(await province.errorSummary(), []);
    // The communes' rows: TT, name, households, then start (count, rate), reduction, end (count, rate) of the
    // poor and of the near-poor. 244 poor households of 5.637 (4,33%) down to 3,20% at most: 64 fewer.
    const split = province.page.locator('table').filter({ hasText: 'Xã Kỳ Anh' }).first();
    const rows = (await split.locator('tbody tr, tfoot tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    assert.deepEqual(rows.map((row) => row.slice(1, 4)),
                     [['Xã An Hòa Thịnh', '2.047', '128'], ['Xã Sơn Tây', '1.740', '34'], ['Xã Kỳ Anh', '1.850', '82'],
                      ['Tổng cộng', '5.637', '244']]);
    assert.deepEqual(rows[3].slice(5), ['64', '180', '3,19', '305', '5,41', '60', '245', '4,35']);
    for (const [i, commune] of communes.entries()) assigned[commune] = { poor: rows[i][5], nearPoor: rows[i][10] };
    assert.equal(communes.reduce((sum, c) => sum + Number(assigned[c].poor), 0), 64);
    assert.equal(communes.reduce((sum, c) => sum + Number(assigned[c].nearPoor), 0), 60);
    // An Hòa Thịnh's villages, Tân Thịnh's fixed figure marked.
    const villages = province.page.locator('table').filter({ hasText: 'Tân Thịnh' }).last();
    assert.match(await villages.innerText(), /Tân Thịnh\s+68\s+4\s+[\d,]+\s+4\s*\*/);
    await province.look('giao-chi-tieu-xem-truoc');
    response = await province.submit('Giao chỉ tiêu');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(), `Đã giao chỉ tiêu năm ${year} (phiên bản 1): giảm 64 hộ nghèo, giảm 60 hộ cận nghèo. ` +
                                          'Các xã thấy chỉ tiêu của mình trên trang Kế hoạch.');
    assert.match(await province.page.locator('#phien-ban').innerText(), /^Phiên bản 1, giao lúc 02\/03\/2026 08:\d\d \(Trần Văn Bình\)$/);
    await province.look('giao-chi-tieu-da-giao');
    await province.lookOnPhone('giao-chi-tieu-dien-thoai');
    assignmentFiles = { cascade: await province.download('phan-bo.yaml'), units: await province.download('don-vi.csv') };

    // The plans are due on 13/03/2026.
    await province.goto(`/don-vi/${ids.tinh}?nam=${year}`);
    await province.follow('Tình hình nộp');
    response = await province.fillAndSubmit({ 'Việc': 'Kế hoạch', 'Trạng thái': 'Tất cả' }, 'Xem');
    assert.equal(response.status(), 200);
    await province.page.locator('#han-nop').fill(`${year}-03-13`);
    response = await province.submit('Lưu hạn nộp');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(), `Đã đặt hạn nộp kế hoạch năm ${year}: 13/03/2026.`);
    const stats = await province.page.locator('.stats').innerText();
    assert.match(stats, /0\/3\s+đã gửi\s+0,00%/);
    for (const row of await province.page.locator('table.status-table tbody tr').allInnerTexts())
      assert.match(row, /13\/03\/2026\s+Chưa đến hạn/);
    await province.look('han-nop-ke-hoach');
  });

  step('each commune\'s plan form starts from the figures given; An Hòa Thịnh and Sơn Tây make theirs and send them', async () => {
    for (const commune of communes) {
      const person = people[commune];
      await person.goto(`/don-vi/${ids[commune]}?nam=${year}`);
      await person.follow(`Kế hoạch năm ${year}`);
      const box = await person.page.locator('#chi-tieu-duoc-giao').innerText();
      assert.match(box, /Chỉ tiêu được giao/);
      assert.match(box, new RegExp(`do Tỉnh Hà Tĩnh giao \\(phiên bản 1, ngày 02/03/2026\\): giảm ${assigned[commune].poor} hộ nghèo, ` +
                                   `giảm ${assigned[commune].nearPoor} hộ cận nghèo\\.`));
      assert.equal(await person.field('Tỷ lệ hoặc số hộ nghèo').inputValue(), assigned[commune].poor);
      assert.equal(await person.field('Tỷ lệ hoặc số hộ cận nghèo').inputValue(), assigned[commune].nearPoor);
      if (commune === 'An Hòa Thịnh') assert.equal(await person.field('Hộ nghèo giảm, Tân Thịnh').inputValue(), 'hết');
      await person.look('ke-hoach-chi-tieu-duoc-giao');
      if (commune === 'Kỳ Anh') continue;  // it makes its plan later
      let response = await person.submit('Tạo văn bản');
      assert.equal(response.status(), 200);
      assert.deepEqual(await person.errorSummary(), []);
      assert.match(await person.notice(), new RegExp(`^Đã tạo văn bản kế hoạch năm ${year} \\(phiên bản 1\\)`));
      assert.equal(await sendSubmission(person), `Đã gửi Kế hoạch năm ${year} (phiên bản 1) lên tỉnh Hà Tĩnh.`);
      // The village table goes up too; Sơn Tây's only with an explanation of what check found.
      await person.goto(`/don-vi/${ids[commune]}/thon?nam=${year}`);
      if (commune === 'Sơn Tây') {
        response = await person.submit('Gửi phiên bản 1 lên tỉnh Hà Tĩnh');
        assert.equal(response.status(), 422);
        assert.match((await person.errorSummary())[0].text, /^Bảng có 3 chỗ kehoach check tìm thấy: hãy giải trình trước khi gửi/);
        await person.look('gui-bang-thieu-giai-trinh');
      }
      assert.equal(await sendSubmission(person, { explanation: commune === 'Sơn Tây' ? explanation : '' }),
                   `Đã gửi Bảng số liệu thôn năm ${year} (phiên bản 1) lên tỉnh Hà Tĩnh.`);
    }
    await people['Sơn Tây'].look('bang-thon-da-gui');
  });

  step('on 16/03, past the deadline, Kỳ Anh signs in again, makes its plan and sends it with its table', async () => {
    site.setClock(vietnamTime('2026-03-16 09:00'));
    const person = people['Kỳ Anh'];
    // Two weeks without a request: the session has ended.
    await person.goto(`/don-vi/${ids['Kỳ Anh']}/ke-hoach?nam=${year}`);
    assert.equal(new URL(person.page.url()).pathname, '/dang-nhap');
    await signIn(person, loginOf['Kỳ Anh'], passwords['Kỳ Anh']);
    await person.goto(`/don-vi/${ids['Kỳ Anh']}/ke-hoach?nam=${year}`);
    let response = await person.submit('Tạo văn bản');
    assert.equal(response.status(), 200);
    assert.deepEqual(await person.errorSummary(), []);
    assert.equal(await sendSubmission(person), `Đã gửi Kế hoạch năm ${year} (phiên bản 1) lên tỉnh Hà Tĩnh.`);
    await person.look('ke-hoach-da-gui');
    await person.goto(`/don-vi/${ids['Kỳ Anh']}/thon?nam=${year}`);
    assert.equal(await sendSubmission(person), `Đã gửi Bảng số liệu thôn năm ${year} (phiên bản 1) lên tỉnh Hà Tĩnh.`);
  });

  step('the province reads Sơn Tây\'s findings and explanation and returns its table with a reason', async () => {
    const province = people.tinh;
    await signIn(province, loginOf.tinh, passwords.tinh);
    await province.goto(`/don-vi/${ids.tinh}/tinh-hinh-nop?nam=${year}&ky=thon`);
    await province.follow('Xã Sơn Tây');
    assert.equal(province.path(), `/don-vi/${ids['Sơn Tây']}/nop/thon?nam=${year}`);
    const section = province.page.locator('section.submission');
    assert.match(await section.innerText(), /3 chỗ sai/);
    assert.match(await section.innerText(), new RegExp(`Giải trình của xã Sơn Tây: ${explanation}`));
    await province.look('tinh-xem-cho-sai');
    const response = await province.fillAndSubmit({ 'Lý do trả lại': returnReason }, 'Trả lại');
    assert.equal(response.status(), 200);
    assert.equal(await province.notice(),
                 `Đã trả lại Bảng số liệu thôn năm ${year} của xã Sơn Tây; đơn vị thấy lý do trên trang của mình.`);
    assert.match(await province.page.locator('section.submission').innerText(), /Trạng thái duyệt: Bị trả lại/);
  });

  step('Sơn Tây reads the reason, uploads the corrected table and sends it again', async () => {
    const person = people['Sơn Tây'];
    await signIn(person, loginOf['Sơn Tây'], passwords['Sơn Tây']);
    await person.goto(`/don-vi/${ids['Sơn Tây']}?nam=${year}`);
    assert.match(await person.page.locator('table').first().innerText(), /Bảng số liệu thôn\s+Bị trả lại/);
    await person.follow('Bảng số liệu thôn');
    assert.match(await person.page.locator('section.submission').innerText(), new RegExp(`Lý do: ${returnReason}`));
    await person.look('bang-thon-bi-tra-lai');
    await person.lookOnPhone('bang-thon-bi-tra-lai-dien-thoai');
    await uploadVillageTable(person, ids['Sơn Tây'], year, join(scratch, 'son-tay-thon-da-sua.csv'));
    assert.match(await person.page.locator('section.submission').innerText(), /Không thấy chỗ sai nào\./);
    assert.equal(await sendSubmission(person), `Đã gửi Bảng số liệu thôn năm ${year} (phiên bản 2) lên tỉnh Hà Tĩnh.`);
  });

  step('the province approves the three tables and the three plans', async () => {
    const province = people.tinh;
    // Kỳ Anh has its plan's page open meanwhile.
    stalePlanPage = people['Kỳ Anh'];
    await stalePlanPage.goto(`/don-vi/${ids['Kỳ Anh']}/ke-hoach?nam=${year}`);
    for (const [kind, label] of [['thon', 'Bảng số liệu thôn'], ['ke-hoach', 'Kế hoạch']]) {
      for (const commune of communes) {
        await province.goto(`/don-vi/${ids.tinh}/tinh-hinh-nop?nam=${year}&ky=${kind}`);
        await province.follow(`Xã ${commune}`);
        const response = await province.submit('Duyệt');
        assert.equal(response.status(), 200);
        assert.match(await province.notice(), new RegExp(`^Đã duyệt ${label} năm ${year} \\(phiên bản \\d\\) của xã ${commune}\\.$`));
      }
    }
    await province.look('da-duyet');
  });

  step('Tình hình nộp: 3/3 approved, one late; its workbook says the same', async () => {
    const province = people.tinh;
    await province.goto(`/don-vi/${ids.tinh}?nam=${year}`);
    await province.follow('Tình hình nộp');
    let response = await province.fillAndSubmit({ 'Việc': 'Kế hoạch', 'Trạng thái': 'Tất cả' }, 'Xem');
    assert.equal(response.status(), 200);
    const stats = await province.page.locator('.stats').innerText();
    assert.match(stats, /3\/3\s+đã gửi\s+100,00%/);
    assert.match(stats, /3\/3\s+đã duyệt\s+100,00%/);
    assert.match(stats, /2\/3\s+gửi đúng hạn\s+66,67%/);
    const rows = await province.page.locator('table.status-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 3);
    assert.match(rows[0], /^1\s+Xã An Hòa Thịnh\s+Đã duyệt\s+02\/03\/2026 08:\d\d\s+16\/03\/2026 09:\d\d\s+13\/03\/2026\s+Đúng hạn$/);
    assert.match(rows[1], /^2\s+Xã Sơn Tây\s+Đã duyệt\s+02\/03\/2026 08:\d\d\s+16\/03\/2026 09:\d\d\s+13\/03\/2026\s+Đúng hạn$/);
    assert.match(rows[2], /^3\s+Xã Kỳ Anh\s+Đã duyệt\s+16\/03\/2026 09:\d\d\s+16\/03\/2026 09:\d\d\s+13\/03\/2026\s+Nộp muộn$/);
    await province.look('tinh-hinh-nop-da-duyet');
    await province.lookOnPhone('tinh-hinh-nop-dien-thoai');
    response = await province.fillAndSubmit({ 'Trạng thái': 'Nộp muộn' }, 'Xem');
    assert.equal(response.status(), 200);
    const late = await province.page.locator('table.status-table tbody tr').allInnerTexts();
    assert.equal(late.length, 1);
    assert.match(late[0], /Xã Kỳ Anh\s.*Nộp muộn$/);
    await province.look('loc-nop-muon');
    response = await province.fillAndSubmit({ 'Trạng thái': 'Tất cả' }, 'Xem');
    const workbook = await province.download('Xuất Excel');
    assert.equal(workbook.name, `tinh-hinh-nop-ke-hoach-${year}.xlsx`);
    // The counts at the top (each rate a formula, read as its value), then a row per commune.
    const cells = sheetCells(workbook.path);
    assert.equal(cells.A1, `TÌNH HÌNH NỘP KẾ HOẠCH NĂM ${year}`);
    assert.equal(cells.A4, 'Hạn nộp: 13/03/2026, do Tỉnh Hà Tĩnh đặt.');
    const counts = Object.fromEntries([7, 8, 9, 10, 11, 12, 13, 14, 15].map((row) => [cells[`A${row}`], [cells[`C${row}`], cells[`D${row}`]]]));
    assert.deepEqual(counts, {
      'Số đơn vị phải nộp': [3, undefined], 'Đã gửi (đã gửi, bị trả lại, đã duyệt)': [3, 100], 'Đã duyệt': [3, 100],
      'Đã gửi, chờ duyệt': [0, 0], 'Bị trả lại': [0, 0], 'Đang nhập, chưa gửi': [0, 0], 'Quá hạn, chưa gửi': [0, 0],
      'Gửi đúng hạn': [2, 66.67], 'Gửi muộn': [1, 33.33],
    });
    assert.deepEqual([18, 19, 20].map((row) => ['B', 'C', 'D', 'F', 'G'].map((column) => cells[`${column}${row}`])), [
      ['Xã An Hòa Thịnh', 'Đã duyệt', rows[0].split('\t')[3], '13/03/2026', 'Đúng hạn'],
      ['Xã Sơn Tây', 'Đã duyệt', rows[1].split('\t')[3], '13/03/2026', 'Đúng hạn'],
      ['Xã Kỳ Anh', 'Đã duyệt', rows[2].split('\t')[3], '13/03/2026', 'Nộp muộn'],
    ]);
    assert.equal(cells.A21, undefined, 'three communes, no more');
  });

  step('Tổng hợp: the approved plans added up are, cell for cell, the province\'s appendix of kehoach batch', async () => {
    const province = people.tinh;
    await province.goto(`/don-vi/${ids.tinh}/tinh-hinh-nop?nam=${year}&ky=ke-hoach`);
    await province.follow('Tổng hợp các bản đã duyệt');
    assert.equal(await province.heading(), `Tổng hợp kế hoạch năm ${year}`);
    const text = await province.page.locator('main').innerText();
    assert.match(text, new RegExp(`3/3 đơn vị có kế hoạch năm ${year} đã được duyệt và được tổng hợp dưới đây\\.`));
    assert.equal(await province.page.locator('caption', { hasText: 'Các đơn vị chưa được tổng hợp' }).count(), 0);
    await province.look('tong-hop');
    await province.lookOnPhone('tong-hop-dien-thoai');
    const summary = await province.download('Tải phụ lục tổng hợp (Excel)');
    // `kehoach batch` on the two files of Giao chỉ tiêu's version: its province appendix (ra/phu-luc.xlsx).
    const batch = join(scratch, 'batch');
    mkdirSync(batch);
    copyFileSync(assignmentFiles.cascade.path, join(batch, 'phan-bo.yaml'));
    copyFileSync(assignmentFiles.units.path, join(batch, 'don-vi.csv'));
    execFileSync(kehoachProgram(), ['batch', 'phan-bo.yaml', '-o', 'ra'], { cwd: batch });
    const expected = workbookCells(join(batch, 'ra', 'phu-luc.xlsx'));
    const got = workbookCells(summary.path);
    assert.deepEqual(got, expected);
    // Every commune's files as one zip: the documents of the version each sent, and the folder to run the batch
    // again. Each commune's appendix has, village by village, the figures the batch gives it.
    const zip = await province.download('Tải tất cả tệp của các đơn vị (.zip)');
    const unzipped = join(scratch, 'zip');
    execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])',
                                      zip.path, unzipped]);
    const names = readdirSync(unzipped, { recursive: true }).filter((name) => name.includes('.')).sort();
    const folders = ['xa-an-hoa-thinh', 'xa-ky-anh', 'xa-son-tay'];
    assert.deepEqual(names, ['danh-sach.csv', 'tong-hop/don-vi.csv', 'tong-hop/phan-bo.yaml', 'tong-hop/phu-luc.xlsx',
      ...folders.flatMap((folder) => ['ke-hoach-phu-luc.xlsx', 'ke-hoach.docx', 'ke-hoach.pdf', 'ke-hoach.yaml', 'thon.csv']
        .filter((name) => name !== 'ke-hoach.pdf' || names.includes(`${folder}/ke-hoach.pdf`)).map((name) => `${folder}/${name}`))]);
    assert.deepEqual(workbookCells(join(unzipped, 'tong-hop', 'phu-luc.xlsx')), expected);
    for (const folder of folders)
      assert.deepEqual(sheetNumbers(join(unzipped, folder, 'ke-hoach-phu-luc.xlsx')), sheetNumbers(join(batch, 'ra', folder, 'phu-luc.xlsx')),
                       `${folder}: the approved plan's appendix and the batch's`);
  });

  step('Kỳ Anh\'s approved plan: the page left open is refused with the reason, the page says why and who reopens it', async () => {
    const person = stalePlanPage;
    let response = await person.submit('Tạo văn bản');
    assert.equal(response.status(), 403);
    assert.equal(await person.heading(), 'Yêu cầu bị từ chối');
    const why = `Kế hoạch năm ${year} đã được duyệt ngày 16/03/2026; liên hệ Trần Văn Bình, tỉnh Hà Tĩnh để mở lại.`;
    assert.match(await person.page.locator('main').innerText(), new RegExp(why.replace(/[().]/g, '\\$&')));
    await person.look('ke-hoach-da-duyet-tu-choi');
    response = await person.goto(`/don-vi/${ids['Kỳ Anh']}/ke-hoach?nam=${year}`);
    assert.equal(response.status(), 200);
    assert.equal((await person.page.locator('section.submission .notice').innerText()).trim(), why);
    assert.equal(await person.page.getByRole('button', { name: 'Tạo văn bản', exact: true }).count(), 0, 'no form');
    assert.equal(await person.page.locator('main form[method=post]').count(), 0, 'nothing to send from the page');
    // What it reads instead: the figures given and the plan's documents.
    assert.match(await person.page.locator('main').innerText(), /Chỉ tiêu được giao/);
    await person.look('ke-hoach-da-duyet');
    await person.lookOnPhone('ke-hoach-da-duyet-dien-thoai');
  });

  step('Nhật ký of the province: the targets given, the sends, the return and the approvals, with the logins', async () => {
    const province = people.tinh;
    await province.goto(`/don-vi/${ids.tinh}?nam=${year}`);
    await province.follow('Nhật ký thay đổi');
    const rowsOf = async (work) => {
      const response = await province.fillAndSubmit({ 'Việc': work }, 'Lọc');
      assert.equal(response.status(), 200);
      return (await province.page.locator('table.audit-table tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    };
    // Time, login, address, unit, what, the change (the version, the states before and after, the reason).
    const given = await rowsOf('Chỉ tiêu (giao, đề nghị điều chỉnh, đồng ý hay không)');
    assert.deepEqual(given.map((row) => row.replace(/^02\/03\/2026 08:\d\d /, '')),
                     [`tinh.hatinh 127.0.0.1 Tỉnh Hà Tĩnh Giao chỉ tiêu Giao chỉ tiêu năm ${year} (phiên bản 1) cho các đơn vị trực thuộc.`]);
    const deadline = await rowsOf('Hạn nộp (đặt, bỏ)');
    assert.deepEqual(deadline.map((row) => row.replace(/^02\/03\/2026 08:\d\d /, '')),
                     [`tinh.hatinh 127.0.0.1 Tỉnh Hà Tĩnh Đặt hạn nộp Kế hoạch năm ${year}: Đặt hạn nộp: 13/03/2026.`]);
    const rows = await rowsOf('Gửi, trả lại, duyệt, mở lại');
    await province.look('nhat-ky');
    await province.lookOnPhone('nhat-ky-dien-thoai');
    const plan = `Kế hoạch năm ${year}`;
    const table = `Bảng số liệu thôn năm ${year}`;
    // Newest first: the six approvals, Sơn Tây's second Gửi, the return, Kỳ Anh's late Gửi, then those of 02/03.
    const expected = [
      ...communes.slice().reverse().map((c) => `16/03/2026 09:MM tinh.hatinh 127.0.0.1 Xã ${c} Duyệt ${plan}, phiên bản 1: Đã gửi → Đã duyệt.`),
      ...communes.slice().reverse().map((c) => `16/03/2026 09:MM tinh.hatinh 127.0.0.1 Xã ${c} Duyệt ${table}, phiên bản ${c === 'Sơn Tây' ? 2 : 1}: Đã gửi → Đã duyệt.`),
      `16/03/2026 09:MM xa.sontay 127.0.0.1 Xã Sơn Tây Gửi lên cấp trên ${table}, phiên bản 2: Bị trả lại → Đã gửi.`,
      `16/03/2026 09:MM tinh.hatinh 127.0.0.1 Xã Sơn Tây Trả lại ${table}, phiên bản 1: Đã gửi → Bị trả lại. Lý do: ${returnReason}`,
      `16/03/2026 09:MM xa.kyanh 127.0.0.1 Xã Kỳ Anh Gửi lên cấp trên ${table}, phiên bản 1: Đang nhập → Đã gửi.`,
      `16/03/2026 09:MM xa.kyanh 127.0.0.1 Xã Kỳ Anh Gửi lên cấp trên ${plan}, phiên bản 1: Đang nhập → Đã gửi.`,
      `02/03/2026 08:MM xa.sontay 127.0.0.1 Xã Sơn Tây Gửi lên cấp trên ${table}, phiên bản 1: Đang nhập → Đã gửi. Có giải trình kèm theo.`,
      `02/03/2026 08:MM xa.sontay 127.0.0.1 Xã Sơn Tây Gửi lên cấp trên ${plan}, phiên bản 1: Đang nhập → Đã gửi.`,
      `02/03/2026 08:MM xa.anhoathinh 127.0.0.1 Xã An Hòa Thịnh Gửi lên cấp trên ${table}, phiên bản 1: Đang nhập → Đã gửi.`,
      `02/03/2026 08:MM xa.anhoathinh 127.0.0.1 Xã An Hòa Thịnh Gửi lên cấp trên ${plan}, phiên bản 1: Đang nhập → Đã gửi.`,
    ];
    assert.deepEqual(rows.map((row) => row.replace(/^(\d\d\/\d\d\/\d{4} \d\d):\d\d /, '$1:MM ')), expected);
    // Nothing personal: no officer's name, no figure of a table.
    for (const row of [...given, ...deadline, ...rows]) assert.ok(!/Lê Thị Hoa|Nguyễn Văn Sơn|Phan Thị Kỳ|Trần Văn Bình|\b(64|60|244)\b/.test(row), row);
  });
});
