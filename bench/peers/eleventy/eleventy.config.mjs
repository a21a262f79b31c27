// The bench's Eleventy peer: plain JavaScript (11ty.js) templates over one data file.
export default function () {
  return { dir: { input: '.', data: '_data', includes: '_includes' }, templateFormats: ['11ty.js'] };
}
