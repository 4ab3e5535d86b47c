/**
 * Builds MapLibre from its own TypeScript source (shipped in the npm package under `src/`) into the
 * page's bundle, instead of its two prebuilt files.
 *
 * Why: MapLibre 6 ships `dist/maplibre-gl.mjs` (page, 295 kB gzipped) and
 * `dist/maplibre-gl-worker.mjs` (worker, 147 kB gzipped) as two separate bundles, each with its own
 * copy of everything both threads use (style spec, expressions, buckets, symbol layout, gl-matrix…).
 * The worker is fetched before the first view can draw, so a visitor pays for that code twice.
 * Built here, the worker is one more entry of the same build, so the bundler puts what both threads
 * use in chunks they share (the worker, a module worker, imports them from the browser's cache),
 * and tree-shakes what the page never imports.
 *
 * - `import … from 'maplibre-gl'` in the browser build resolves to `maplibre-gl/src/index.ts`
 *   (types still come from the package's `dist/maplibre-gl.d.ts`, the same release).
 * - `virtual:maplibre-worker-url` is the URL of the worker entry, `src/lib/map/worker.ts`, emitted
 *   as a chunk of the same build; `virtual:maplibre-worker` (imported by that entry) is MapLibre's
 *   own worker module.
 * - Left out, because the portal cannot use it: the MapLibre Tiles (MLT) decoder. Our archives are
 *   Mapbox Vector Tiles written by the pipeline; a source declaring `encoding: 'mlt'` gets an error
 *   that names this file.
 * - Left out too: the globe and vertical-perspective projections (≈10 kB gzipped of the first
 *   view's JavaScript). The portal is a street-level map of one subdistrict, drawn in Web Mercator;
 *   a style naming another projection gets Mercator and a warning that names this file.
 * - `package.json` is imported by MapLibre only for its version; only the version is bundled.
 * - MapLibre's TypeScript is compiled as MapLibre compiles it, with `useDefineForClassFields: false`:
 *   its classes declare fields that their base class's constructor fills in (StructArray's views),
 *   which define semantics would reset to undefined.
 *
 * The dev server keeps MapLibre's prebuilt page and worker bundles (its dependency optimizer does not
 * reach CommonJS modules imported from MapLibre's source), and src/lib/map/load.ts registers the
 * pmtiles:// protocol on the page there. The server build never loads MapLibre (the map is browser-only).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

const WORKER_URL = 'virtual:maplibre-worker-url';
const WORKER_SOURCE = 'virtual:maplibre-worker';
const MLT_STUB = '\0maplibre-mlt-stub';
const VERSION = '\0maplibre-version';

/**
 * MapLibre's `geo/projection/projection_factory.ts` with Mercator only: the same export, the same
 * answer for 'mercator' and for projections registered by name, and Mercator for the rest.
 */
const MERCATOR_ONLY_FACTORY = `import {warnOnce} from '../../util/util.ts';
import {MercatorProjection} from './mercator_projection.ts';
import {createMercatorTransform} from './mercator_transform.ts';
import {MercatorCameraHelper} from './mercator_camera_helper.ts';
import {CRSWorldCoordinateHelper} from './crs.ts';
import {getRegisteredProjection} from './projection_crud.ts';

export function createProjectionFromName(name, transformConstrain, globalState) {
    const transformOptions = {constrainOverride: transformConstrain};
    const registered = typeof name === 'string' ? getRegisteredProjection(name) : undefined;
    if (registered) {
        const worldCoordinateHelper = new CRSWorldCoordinateHelper(registered);
        return {projection: new MercatorProjection(worldCoordinateHelper), transform: createMercatorTransform({...transformOptions, worldCoordinateHelper}), cameraHelper: new MercatorCameraHelper()};
    }
    if (name !== 'mercator') warnOnce('Projection ' + JSON.stringify(name) + ' is left out of this build (see scripts/vite/maplibre.ts): drawing in Mercator.');
    return {projection: new MercatorProjection(), transform: createMercatorTransform(transformOptions), cameraHelper: new MercatorCameraHelper()};
}
`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workerEntry = join(repoRoot, 'src/lib/map/worker.ts');

export function maplibreFromSource(): Plugin {
	const pkgDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('maplibre-gl/package.json'));
	const srcDir = join(pkgDir, 'src') + '/';
	const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
	let build = false;
	let workerRef: string | undefined;

	return {
		name: 'hengfu:maplibre-from-source',
		enforce: 'pre',
		configResolved(config) {
			build = config.command === 'build';
		},
		buildStart() {
			workerRef = undefined;
			if (build && this.environment.config.consumer === 'client') {
				workerRef = this.emitFile({ type: 'chunk', id: workerEntry, name: 'maplibre-worker' });
			}
		},
		resolveId(id, importer) {
			if (id === WORKER_URL) return `\0${WORKER_URL}`;
			if (id === WORKER_SOURCE) return join(srcDir, 'source/worker.ts');
			const client = this.environment.config.consumer === 'client';
			if (id === 'maplibre-gl' && build && client) return join(srcDir, 'index.ts');
			if (importer?.startsWith(srcDir)) {
				if (id === '@maplibre/mlt') return MLT_STUB;
				if (/(^|\/)package\.json$/.test(id)) return VERSION;
			}
			return null;
		},
		transform: {
			order: 'pre',
			async handler(code, id) {
				if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
				const out = await transformWithOxc(code, id, { lang: 'ts', tsconfig: { compilerOptions: { useDefineForClassFields: false, target: 'es2022' } } });
				return { code: out.code, map: out.map };
			}
		},
		load(id) {
			if (id === `\0${WORKER_URL}`) {
				if (this.environment.config.consumer !== 'client') return 'export default "";';
				if (!build) return `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';`;
				if (!workerRef) throw new Error('maplibre worker chunk was not emitted');
				return `export default import.meta.ROLLDOWN_FILE_URL_${workerRef};`;
			}
			if (id === VERSION) return `export default { version: ${JSON.stringify(version)} };`;
			if (build && id === join(srcDir, 'geo/projection/projection_factory.ts')) return MERCATOR_ONLY_FACTORY;
			if (id === MLT_STUB) {
				const message = 'MapLibre Tiles (encoding: "mlt") are left out of this build: see scripts/vite/maplibre.ts';
				return `export const GEOMETRY_TYPE = {};\nexport function decodeTile() { throw new Error(${JSON.stringify(message)}); }\n`;
			}
			return null;
		}
	};
}
