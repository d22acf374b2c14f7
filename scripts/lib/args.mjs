// The opening the built-site scripts share (bundle-css.mjs, minify-glue.mjs,
// build-single.mjs): the site's directory from the command line, and a
// `fail` that names the script.
//
//   const { dist, fail } = siteArgs('bundle-css');

import { resolve } from 'node:path';

/**
 * The built site's directory (the first argument, `dist` when there is none)
 * and `fail(message)`, which prints `NAME: message` on stderr and exits 1.
 */
export function siteArgs(name) {
  const fail = (message) => {
    console.error(`${name}: ${message}`);
    process.exit(1);
  };
  return { dist: resolve(process.argv[2] ?? 'dist'), fail };
}
