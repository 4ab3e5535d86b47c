import { describe, expect, it } from 'vitest';
import { neverWidenedFigure } from '../../../scripts/pipeline/build';
import { english, render } from '../../../src/lib/i18n/messages';
import type { LayerFeature } from '../../../scripts/pipeline/layers';

const way = (id: string, name: string, never_widened: string, in_district = true): LayerFeature =>
	({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.44, 31.21], [121.441, 31.21]] }, properties: { id, name, never_widened, in_district } });

describe('the never-widened figure of the data-truth table', () => {
	it('counts confirmed roads only, and notes each state by road, in English and Chinese', () => {
		const roads = [
			way('a', '衡山路', 'reported'),
			way('b', '衡山路', 'reported'),
			way('c', '武康路', 'reported', false),
			way('d', '高安路', 'candidate'),
			way('e', '康平路', 'candidate'),
			way('f', '永嘉路', 'candidate')
		];
		const figure = neverWidenedFigure(roads);
		expect(figure.value).toBe(0);
		expect(english(figure.message)).toBe('0 confirmed · 2 reported · 3 candidates: the listed roads in the district and the 300 m around it; only roads an official list confirms are counted');
		expect(render('zh', figure.message)).toBe('已确认 0 条 · 有报道 2 条 · 候选 3 条：名单中位于街道及周边 300 米内的道路；只计官方名单确认的道路');
	});

	it('counts a confirmed road once however many ways it has', () => {
		const figure = neverWidenedFigure([way('a', '衡山路', 'confirmed'), way('b', '衡山路', 'confirmed'), way('c', '武康路', 'reported')]);
		expect(figure.value).toBe(1);
		expect(english(figure.message)).toMatch(/^1 confirmed · 1 reported · 0 candidates/);
	});
});
