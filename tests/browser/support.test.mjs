// The checks every page passes (support/browser.mjs, Person.look) fail where they should: a test that
// could not fail would pass a broken page. Pages made here, in the browser only (no server): an image
// without a text, a field without a label, a style sheet that is not there, an inline style the
// Content-Security-Policy refuses. And the download helper saves a file under the name it was given.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, Person } from './support/browser.mjs';

describe('the page checks of the browser tests', () => {
  const site = { url: 'http://kehoach.test' };
  let person;

  before(async () => {
    site.screenshots = mkdtempSync(join(tmpdir(), 'kehoach-browser-checks-'));
    site.downloads = site.screenshots;
    site.browser = await launchChromium();
    person = await Person.open(site, 'kiem-tra');
    // Pages of a pretend site, answered by the browser itself, with kehoach's security headers.
    await person.page.route('http://kehoach.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('.css')) return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'" },
        body: url.searchParams.get('trang') || '',
      });
    });
  });

  after(async () => {
    await site.browser?.close();
    rmSync(site.screenshots, { recursive: true, force: true });
  });

  const page = (body) => '/?trang=' + encodeURIComponent(
      `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title></head><body><main><h1>Thử</h1>${body}</main></body></html>`);

  it('a page that passes passes', async () => {
    await person.goto(page('<p>Xin chào.</p>'));
    await person.look('dung');
  });

  it('an image without a text and a field without a label fail', async () => {
    await person.goto(page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'));
    await assert.rejects(person.look('anh-khong-chu'), /critical image-alt[\s\S]*critical label/);
  });

  it('a missing style sheet fails', async () => {
    await person.goto(page('<link rel="stylesheet" href="/static/khong-co.css"><p>x</p>'));
    await assert.rejects(person.look('thieu-css'), /404 for http:\/\/kehoach\.test\/static\/khong-co\.css/);
  });

  it('an inline style refused by the Content-Security-Policy fails', async () => {
    await person.goto(page('<p style="color: red">x</p>'));
    await assert.rejects(person.look('style-trong-trang'), /Content Security Policy/);
  });

  it('a download is saved under its name', async () => {
    await person.goto(page('<p><a href="data:text/csv;charset=utf-8,TT%2CTh%C3%B4n%0A1%2CS%C3%A2m%20C%E1%BB%93n%0A" download="thon.csv">Tải bảng thôn</a></p>'));
    const saved = await person.download('Tải bảng thôn');
    assert.equal(saved.name, 'thon.csv');
    assert.equal(readFileSync(saved.path, 'utf8'), 'TT,Thôn\n1,Sâm Cồn\n');
  });
});
