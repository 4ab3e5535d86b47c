import type { RequestHandler } from './$types';

export const prerender = true;

/**
 * The place and tour pages carry no JavaScript but this: a `?lang=en` link to a Chinese page (the
 * map's and the portal's way of asking for English) goes on to the page's English file under /en/.
 * A file, not an inline script, so the site's Content-Security-Policy needs no exception.
 */
const SOURCE = `(function () {
	var q = new URLSearchParams(location.search);
	if (q.get('lang') !== 'en' || location.pathname.indexOf('/en/') === 0) return;
	q.delete('lang');
	var rest = q.toString();
	location.replace('/en' + location.pathname + (rest ? '?' + rest : '') + location.hash);
})();
`;

export const GET: RequestHandler = () => new Response(SOURCE, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
