import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOUNCER_STYLE_HASH, CSP_DIRECTIVES, cspHeader } from '../../../scripts/server/csp-directives.js';
import { pagePolicy } from '../../../scripts/server/page-policy';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

function directives(policy: string): Map<string, string[]> {
	return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('the route announcer’s style hash', () => {
	it('is the hash of the style attribute the installed SvelteKit writes', () => {
		const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
		const root = readFileSync(join(kit, 'src/core/sync/write_root.js'), 'utf8');
		const style = /id="svelte-announcer"[^>]*style="([^"]*)"/.exec(root)?.[1];
		expect(style, 'SvelteKit no longer writes the announcer with a style attribute').toBeDefined();
		expect(sha256(style!)).toBe(ANNOUNCER_STYLE_HASH);
	});

	it('is the only style attribute allowed', () => {
		expect(CSP_DIRECTIVES['style-src-attr']).toEqual(['unsafe-hashes', ANNOUNCER_STYLE_HASH]);
	});
});

describe('a page’s header policy', () => {
	const bootstrap = 'import("/_app/immutable/entry/start.js")';
	const meta = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' '${sha256(bootstrap)}'; style-src 'self'">`;

	it('adds the hashes the page’s own <meta> allows, and keeps the directives a <meta> cannot carry', () => {
		const policy = directives(pagePolicy(`<!doctype html><html><head>${meta}</head><body><script>${bootstrap}</script></body></html>`));
		expect(policy.get('script-src')).toEqual(["'self'", `'${sha256(bootstrap)}'`]);
		expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
		expect(policy.get('style-src')).toEqual(["'self'"]);
	});

	it('allows no inline script when the page has no <meta> policy, or has it only in the body', () => {
		expect(pagePolicy('<html><head></head><body><script>x()</script></body></html>')).toBe(cspHeader());
		expect(pagePolicy(`<html><head></head><body>${meta}<script>${bootstrap}</script></body></html>`)).toBe(cspHeader());
	});

	it('takes only hash sources from the <meta>, never keywords, hosts or other directives', () => {
		const hostile = `<head><meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-inline' https://evil.example 'sha256-AAAA'; connect-src *"></head>`;
		const policy = directives(pagePolicy(hostile));
		expect(policy.get('script-src')).toEqual(["'self'", "'sha256-AAAA'"]);
		expect(policy.get('connect-src')).toEqual(directives(cspHeader()).get('connect-src'));
	});
});
