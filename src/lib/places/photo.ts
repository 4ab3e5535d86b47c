/**
 * The site path of a photo in static/photos. Commons file names hold characters a path may carry
 * as they are (`,` `&` `;` `=` `:` `@` `$` `+`); they stay unescaped, because SvelteKit's
 * prerender crawler looks static files up by the path as written and finds no `%2C` file.
 */
export const photoPath = (file: string) => `/photos/${encodeURIComponent(file).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (m) => decodeURIComponent(m))}`;
