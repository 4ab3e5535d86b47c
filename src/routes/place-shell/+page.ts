// Drawn in the browser only, from the published data: the offline copy of any place or tour page.
export const ssr = false;
