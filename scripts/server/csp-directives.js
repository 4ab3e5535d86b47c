/**
 * The site's Content Security Policy, declared once: svelte.config.js gives it to SvelteKit
 * (which writes it into each prerendered page as a <meta> with the hashes of the page's own
 * inline bootstrap), and the server (headers.ts) sends the same policy as a header, adding the
 * hashes the page's <meta> vouches for. Plain JavaScript because svelte.config.js imports it.
 *
 * No 'unsafe-inline' anywhere: an injected <script>, event handler attribute or style attribute
 * does not run or apply. The exceptions the map needs: MapLibre starts its workers from blob:
 * URLs and draws data:/blob: images (sprites, canvases).
 */

/**
 * SvelteKit's route announcer (the live region that reads out the new page after a client-side
 * navigation) is a <div> whose style attribute hides it visually; Svelte creates it from markup,
 * which the policy checks like any style attribute. That one value is allowed by its hash, and
 * nothing else: 'unsafe-hashes' applies only to the hashes listed beside it. A unit test
 * recomputes it from the installed SvelteKit (tests/scripts/server/csp.test.ts).
 */
export const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** Keywords without quotes, as SvelteKit's `kit.csp.directives` takes them. */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-hashes', ANNOUNCER_STYLE_HASH],
	'img-src': ['self', 'data:', 'blob:'],
	'worker-src': ['self', 'blob:'],
	'child-src': ['blob:'],
	'connect-src': ['self', 'data:', 'blob:'],
	'font-src': ['self', 'data:'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample', 'wasm-unsafe-eval']);

/**
 * The header form of the policy. `extra` adds sources to a directive (the page's script hashes,
 * e.g. { 'script-src': ['sha256-…'] }).
 * @param {Record<string, string[]>} [extra]
 * @returns {string}
 */
export function cspHeader(extra = {}) {
	return Object.entries(CSP_DIRECTIVES)
		.map(([name, sources]) => [name, ...new Set([...sources, ...(extra[name] ?? [])].map(quote))].join(' '))
		.join('; ');
}

/** @param {string} source */
function quote(source) {
	return KEYWORDS.has(source) || /^(sha256|sha384|sha512|nonce)-/.test(source) ? `'${source}'` : source;
}
