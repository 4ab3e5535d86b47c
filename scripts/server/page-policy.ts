/**
 * The Content-Security-Policy header for one prerendered page.
 *
 * SvelteKit boots each page with an inline script and writes, into the page's <head>, a <meta>
 * policy allowing exactly that script by its hash (kit.csp, mode 'hash'). A browser enforces the
 * header and the <meta> both, so the header must allow the same hashes or it would block the
 * bootstrap. It takes them from the <meta> rather than hashing every inline script it finds:
 * only what the framework generated is vouched for, so a script that somehow got into a page
 * stays blocked by both policies.
 */
import { cspHeader } from './csp-directives.js';

/** Directives whose hash sources a page's <meta> may add to the header. */
const HASHED = ['script-src', 'style-src', 'style-src-attr'] as const;

const META = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content="([^"]*)"/i;

/** The header policy for a page whose bytes are `html`: the site's policy plus the page's own hashes. */
export function pagePolicy(html: string): string {
	const head = html.slice(0, headEnd(html));
	const content = META.exec(head)?.[1];
	if (content === undefined) return cspHeader();
	const extra: Record<string, string[]> = {};
	for (const directive of content.replaceAll('&#39;', "'").replaceAll('&quot;', '"').split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (!(HASHED as readonly string[]).includes(name)) continue;
		extra[name] = sources.filter((s) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s)).map((s) => s.slice(1, -1));
	}
	return cspHeader(extra);
}

/** A <meta> policy only counts in the <head>: one later in the body would be ignored by the browser too. */
function headEnd(html: string): number {
	const end = html.search(/<\/head>|<body[\s>]/i);
	return end < 0 ? html.length : end;
}
