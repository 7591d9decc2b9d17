// Every route is prerendered: the app is static files and nothing else.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';
