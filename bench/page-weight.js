#!/usr/bin/env node
// Measures the JavaScript a page makes the browser download: loads the page in Debian's Chromium,
// records every script response, and gzips each body as a server would send it.
// Usage: node bench/page-weight.js http://localhost:3000/ [more URLs…]
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

/** For each URL: how many scripts it loaded and their size raw and gzipped. */
export async function measurePageScripts(urls) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  const results = [];
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      const scripts = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response);
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      let bytes = 0;
      let gzipBytes = 0;
      for (const response of scripts) {
        const body = await response.body();
        bytes += body.length;
        gzipBytes += gzipSync(body, { level: 9 }).length;
      }
      results.push({ page: url, scripts: scripts.length, bytes, gzipBytes });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const urls = process.argv.slice(2);
  console.log(JSON.stringify(await measurePageScripts(urls.length ? urls : ['http://localhost:3000/']), null, 2));
}
