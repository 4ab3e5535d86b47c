import { readFileSync } from 'node:fs';
import type { LineString } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseNeverWidenedCsv } from '../../scripts/pipeline/streets/never-widened';
import { SOURCE_STRENGTH_LABELS } from '../../src/lib/layers/registers';
import { NEVER_WIDENED_LABELS } from '../../src/lib/layers/streets';
import { expectOnlyLocalRequests, launchBrowser, openPage, saveScreenshot } from './browser';
import { builtFeatures } from './built';
import { clickAt, waitForMap } from './map';

/**
 * Cited public records: never-widened roads in three states, a reported road's citation in the
 * panel, the states counted on /about, and a register record cited from a public page.
 */

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const CSV = 'data/never_widened_roads.csv';
const roads = parseNeverWidenedCsv(readFileSync(CSV, 'utf8'), CSV).entries;

/** The middle of a way's longest segment: a point on the line, away from its junctions. */
function pointOn(line: LineString): [number, number] {
	let best = 0;
	let length = -1;
	for (let i = 0; i < line.coordinates.length - 1; i++) {
		const [a, b] = [line.coordinates[i], line.coordinates[i + 1]];
		const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
		if (d > length) [best, length] = [i, d];
	}
	const [a, b] = [line.coordinates[best], line.coordinates[best + 1]];
	return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

const text = (page: Page, field: string) => page.locator(`.feature dd[data-field="${field}"]`).textContent();

describe('never-widened roads on the map', () => {
	it('shows three legend entries for the layer: confirmed, reported, candidate', async () => {
		const { page, context, requests, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			const entries = page.locator('li[data-layer="never-widened-roads"] ul.classes li');
			await expect.poll(() => entries.count()).toBe(3);
			const zh = await entries.allTextContents();
			expect(zh[0]).toContain('已确认');
			expect(zh[1]).toContain('有报道');
			expect(zh[2]).toContain('候选');
			// Confirmed is drawn solid, the other two dashed; reported has its own colour.
			const swatches = await entries.locator('svg line').evaluateAll((lines) => lines.map((l) => [l.getAttribute('stroke'), l.getAttribute('stroke-dasharray')]));
			expect(swatches[0][1]).toBeNull();
			expect(swatches[1][1]).not.toBeNull();
			expect(swatches[2][1]).not.toBeNull();
			expect(swatches[1][0]).not.toBe(swatches[2][0]);
			await page.locator('li[data-layer="never-widened-roads"]').scrollIntoViewIfNeeded();
			await saveScreenshot(page, 'cited-legend');
			await page.locator('button', { hasText: 'English' }).click();
			await expect.poll(() => entries.allTextContents()).toEqual([expect.stringContaining('Confirmed'), expect.stringContaining('Reported'), expect.stringContaining('Candidate')]);
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('opens a reported road with its words, page, strength and read date, in Chinese and English', async () => {
		const hengshan = roads.find((r) => r.name_zh === '衡山路')!;
		expect(hengshan.status).toBe('reported');
		const way = builtFeatures('never-widened-roads').find((f) => f.properties.name === '衡山路' && f.properties.in_district === true)!;
		expect(way.properties.never_widened).toBe('reported');
		const at = pointOn(way.geometry as LineString);
		// Only this layer is drawn, so the click cannot land on a building or a facility instead.
		const { page, context, requests, errors } = await openPage(browser, `/?c=${at[0].toFixed(6)},${at[1].toFixed(6)}&z=17.5&layers=never-widened-roads`);
		try {
			await waitForMap(page);
			await clickAt(page, at);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('衡山路');
			await expect.poll(() => text(page, 'never_widened_quote')).toBe(hengshan.quote);
			expect(await text(page, 'never_widened')).toBe(NEVER_WIDENED_LABELS.reported.zh);
			expect(await page.locator('.feature dd[data-field="never_widened_url"] a').getAttribute('href')).toBe(hengshan.source_url);
			expect(await text(page, 'never_widened_strength')).toBe(SOURCE_STRENGTH_LABELS[hengshan.strength!].zh);
			expect(await text(page, 'never_widened_read')).toBe('2026-12-03');
			expect(await text(page, 'never_widened_publisher')).toBe('Chinanews.cn');
			await saveScreenshot(page, 'cited-road-panel-zh');

			await page.locator('button', { hasText: 'English' }).click();
			await expect.poll(() => text(page, 'never_widened')).toBe(NEVER_WIDENED_LABELS.reported.en);
			expect(await page.locator('#feature-title').textContent()).toBe('Hengshan Road');
			expect(await text(page, 'never_widened_strength')).toBe(SOURCE_STRENGTH_LABELS[hengshan.strength!].en);
			expect(await text(page, 'never_widened_quote')).toBe(hengshan.quote);
			expect(await page.locator('.feature dt', { hasText: 'Read on' }).count()).toBe(1);
			await saveScreenshot(page, 'cited-road-panel-en');
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('opens a candidate road without a citation', async () => {
		const way = builtFeatures('never-widened-roads').find((f) => f.properties.name === '康平路' && f.properties.in_district === true)!;
		const at = pointOn(way.geometry as LineString);
		const { page, context } = await openPage(browser, `/?c=${at[0].toFixed(6)},${at[1].toFixed(6)}&z=17.5&layers=never-widened-roads`);
		try {
			await waitForMap(page);
			await clickAt(page, at);
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('康平路');
			await expect.poll(() => text(page, 'never_widened')).toBe(NEVER_WIDENED_LABELS.candidate.zh);
			expect(await page.locator('.feature dd[data-field="never_widened_quote"]').count()).toBe(0);
		} finally {
			await context.close();
		}
	});
});

describe('/about', () => {
	it('counts the never-widened roads by state, in the data-truth table and the list, each reported road with its words', async () => {
		const report = JSON.parse(readFileSync('build/data/build-report.json', 'utf8')) as { figures: Record<string, Array<{ key: string; note: string; note_zh: string }>> };
		const figure = report.figures.tianping.find((f) => f.key === 'never_widened_roads')!;
		const count = (s: string) => roads.filter((r) => r.status === s).length;
		const { page, context, requests } = await openPage(browser, '/about');
		try {
			const note = page.locator('[data-truth="tianping"] [data-figure="never_widened_roads"] [data-note]');
			expect(await note.textContent()).toBe(figure.note_zh);
			expect(figure.note_zh).toMatch(/^已确认 0 条 · 有报道 \d+ 条 · 候选 \d+ 条/);
			expect(await page.locator('[data-truth="tianping"] [data-figure="never_widened_roads"] [data-computed]').textContent()).toBe('0');
			for (const s of ['confirmed', 'reported', 'candidate']) {
				expect(await page.locator(`[data-never-widened="counts"] li[data-state="${s}"] [data-count]`).textContent(), s).toBe(String(count(s)));
			}
			const reported = roads.filter((r) => r.status === 'reported');
			expect(reported.length).toBeGreaterThan(0);
			for (const r of reported) {
				const row = page.locator(`[data-never-widened="roads"] tr[data-road="${r.name_zh}"]`);
				expect(await row.getAttribute('data-state'), r.name_zh).toBe('reported');
				expect(await row.locator('[data-quote]').textContent(), r.name_zh).toBe(r.quote);
				expect(await row.locator('a[data-source-url]').getAttribute('href'), r.name_zh).toBe(r.source_url);
				expect(await row.locator('[data-read]').textContent(), r.name_zh).toBe(r.read);
				expect(await row.locator('[data-strength]').textContent(), r.name_zh).toBe(SOURCE_STRENGTH_LABELS[r.strength!].zh);
			}
			expect(await page.locator('[data-never-widened="roads"] tr[data-state="candidate"] [data-quote]').count()).toBe(0);
			await page.locator('#never-widened-h').scrollIntoViewIfNeeded();
			await saveScreenshot(page, 'cited-about');

			await page.goto(`${inject('baseURL')}/about?lang=en`);
			await page.waitForSelector('html[lang="en"]');
			expect(await note.textContent()).toBe(figure.note);
			expect(figure.note).toMatch(/^0 confirmed · \d+ reported · \d+ candidates/);
			expect(await page.locator('[data-never-widened="counts"] li[data-state="reported"]').textContent()).toContain('reported');
			expect(await page.locator(`[data-never-widened="roads"] tr[data-road="武康路"] [data-strength]`).textContent()).toBe(SOURCE_STRENGTH_LABELS.H.en);
			expectOnlyLocalRequests(requests);
		} finally {
			await context.close();
		}
	});
});

describe('a register record cited from a public page', () => {
	it('shows its page as a link, its strength and the day it was read, in Chinese and English', async () => {
		const record = JSON.parse(readFileSync('data/registers/facilities.json', 'utf8')).records.find((r: { id: string }) => r.id === 'facility-wulixiang-canteen');
		expect(record.source).toMatch(/^https:\/\//);
		const { page, context, requests, errors } = await openPage(browser, '/');
		try {
			await waitForMap(page);
			await page.locator('#search-input').fill('屋里厢食堂');
			await expect.poll(() => page.locator('#search-results [role=option]').first().textContent()).toContain('屋里厢食堂');
			await page.locator('#search-input').press('Enter');
			await expect.poll(() => page.locator('#feature-title').textContent()).toBe('屋里厢食堂');
			await expect.poll(() => page.locator('.feature dd[data-field="source"] a').getAttribute('href')).toBe(record.source);
			expect(await text(page, 'source_strength')).toBe(SOURCE_STRENGTH_LABELS.M.zh);
			expect(await text(page, 'source_read')).toBe(record.read);
			expect(await text(page, 'quote')).toBe(record.quote);
			expect(await text(page, 'address')).toBe('徐汇区陕西南路550弄17号');
			await saveScreenshot(page, 'cited-register-panel');

			await page.locator('button', { hasText: 'English' }).click();
			await expect.poll(() => text(page, 'source_strength')).toBe(SOURCE_STRENGTH_LABELS.M.en);
			expect(await page.locator('.feature dt', { hasText: 'Read on' }).count()).toBe(1);
			expect(await text(page, 'source_read')).toBe(record.read);
			expectOnlyLocalRequests(requests);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
