// CloudFront Function (cloudfront-js-2.0, viewer request). S3 behind Origin Access Control has no index
// documents, so directory URLs are rewritten to the index.html the site publishes for every directory:
//   /en/           -> /en/index.html
//   /en            -> /en/index.html   (last segment without an extension is a directory)
//   /en/feed.xml   -> unchanged
// Plain script, no exports: CloudFront calls the global `handler`; the stack test evaluates this same text.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = uri + '/index.html';
  }
  return request;
}
