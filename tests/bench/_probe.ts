import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';
const server = await serve('/work/wt/merge/dist');
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, serviceWorkers: 'block' });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(`${server.url}/phan-thu-nhat/mo-dau/`, { waitUntil: 'load' });
await page.waitForLoadState('networkidle');
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
await page.waitForFunction(() => document.querySelector('figure.chart')?.getAttribute('data-state') === 'drawn', undefined, { timeout: 30000 });
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>(); const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; for (let i = 0; i < profile.samples.length; i++) { const n: any = byId.get(profile.samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
await browser.close(); await server.close();
