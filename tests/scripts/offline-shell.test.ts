import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellFiles, type ShellBundle, type ShellChunk } from '../../scripts/vite/offline-shell';

const N = '/repo/.svelte-kit/generated/client-optimized';
function chunk(fileName: string, o: Partial<ShellChunk> = {}): ShellChunk {
	return { type: 'chunk', fileName, isEntry: false, facadeModuleId: null, moduleIds: [], imports: [], dynamicImports: [], code: '', ...o };
}
const css = (...names: string[]) => ({ importedCss: new Set(names), importedAssets: new Set<string>() });

const bundle: ShellBundle = {
	'_app/immutable/entry/app.js': chunk('_app/immutable/entry/app.js', {
		isEntry: true,
		facadeModuleId: `${N}/app.js`,
		imports: ['_app/immutable/chunks/runtime.js'],
		dynamicImports: ['_app/immutable/nodes/0.js', '_app/immutable/nodes/1.js', '_app/immutable/nodes/2.js', '_app/immutable/nodes/3.js']
	}),
	'_app/immutable/chunks/runtime.js': chunk('_app/immutable/chunks/runtime.js', { code: 'fetch(`${base}/_app/version.json`)' }),
	'_app/immutable/nodes/0.js': chunk('_app/immutable/nodes/0.js', { isEntry: true, facadeModuleId: `${N}/nodes/0.js` }),
	'_app/immutable/nodes/1.js': chunk('_app/immutable/nodes/1.js', { isEntry: true, facadeModuleId: `${N}/nodes/1.js` }),
	// the datasets page: not the map's
	'_app/immutable/nodes/2.js': chunk('_app/immutable/nodes/2.js', { isEntry: true, facadeModuleId: `${N}/nodes/2.js`, moduleIds: ['/repo/src/routes/(portal)/datasets/+page.svelte'], imports: ['_app/immutable/chunks/portal.js'], viteMetadata: css('_app/immutable/assets/2.css') }),
	'_app/immutable/chunks/portal.js': chunk('_app/immutable/chunks/portal.js'),
	'_app/immutable/nodes/3.js': chunk('_app/immutable/nodes/3.js', {
		isEntry: true,
		facadeModuleId: `${N}/nodes/3.js`,
		moduleIds: ['/repo/src/routes/+page.svelte'],
		imports: ['_app/immutable/chunks/maplibre.js'],
		dynamicImports: ['_app/immutable/chunks/TourPanel.js', '_app/immutable/chunks/deck.js'],
		viteMetadata: css('_app/immutable/assets/3.css')
	}),
	'_app/immutable/chunks/maplibre.js': chunk('_app/immutable/chunks/maplibre.js', { viteMetadata: { importedCss: new Set(), importedAssets: new Set(['_app/immutable/chunks/!~{00R}~.js']) } }),
	'_app/immutable/chunks/TourPanel.js': chunk('_app/immutable/chunks/TourPanel.js', { facadeModuleId: '/repo/src/lib/components/TourPanel.svelte', code: 'new Worker(new URL("../workers/walk.worker-abc.js", import.meta.url))' }),
	'_app/immutable/chunks/deck.js': chunk('_app/immutable/chunks/deck.js', { facadeModuleId: '/repo/src/lib/map/deck-overlays.ts', imports: ['_app/immutable/chunks/luma.js'] }),
	'_app/immutable/chunks/luma.js': chunk('_app/immutable/chunks/luma.js'),
	'_app/immutable/chunks/worker.js': chunk('_app/immutable/chunks/worker.js', { isEntry: true, facadeModuleId: '/repo/src/lib/map/worker.ts', imports: ['_app/immutable/chunks/shared.js'] }),
	'_app/immutable/chunks/shared.js': chunk('_app/immutable/chunks/shared.js'),
	'_app/immutable/workers/walk.worker-abc.js': { type: 'asset', fileName: '_app/immutable/workers/walk.worker-abc.js' },
	'_app/immutable/assets/2.css': { type: 'asset', fileName: '_app/immutable/assets/2.css' },
	// named in SvelteKit's runtime ("version.json"), but not a worker
	'_app/version.json': { type: 'asset', fileName: '_app/version.json' },
	'_app/immutable/assets/3.css': { type: 'asset', fileName: '_app/immutable/assets/3.css' }
};

describe('the offline shell', () => {
	it("follows the map page's imports, its panels' and workers', and leaves out other pages and deck.gl", () => {
		expect(shellFiles(bundle)).toEqual(
			[
				'/_app/immutable/entry/app.js',
				'/_app/immutable/chunks/runtime.js',
				'/_app/immutable/nodes/0.js',
				'/_app/immutable/nodes/1.js',
				'/_app/immutable/nodes/3.js',
				'/_app/immutable/assets/3.css',
				'/_app/immutable/chunks/maplibre.js',
				'/_app/immutable/chunks/TourPanel.js',
				'/_app/immutable/workers/walk.worker-abc.js',
				'/_app/immutable/chunks/worker.js',
				'/_app/immutable/chunks/shared.js'
			].sort()
		);
	});

	it('keeps deck.gl when asked to leave out nothing', () => {
		expect(shellFiles(bundle, [])).toContain('/_app/immutable/chunks/luma.js');
	});

	it.runIf(existsSync('build/_app/offline-shell.json'))('names, in the built site, only files that exist, the map worker and the walk worker among them', () => {
		const { files } = JSON.parse(readFileSync('build/_app/offline-shell.json', 'utf8')) as { files: string[] };
		expect(files.filter((f) => !existsSync(`build${f}`))).toEqual([]);
		expect(files.some((f) => f.startsWith('/_app/immutable/workers/walk.worker-'))).toBe(true);
		const code = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(`build${f}`, 'utf8'));
		expect(code.some((c) => /addProtocol\(["'`]pmtiles["'`]/.test(c))).toBe(true);
		expect(code.some((c) => c.includes('deck.gl'))).toBe(false);
	});
});
