// CloudFront Function (cloudfront-js-2.0, viewer request). S3 behind Origin Access Control has no index
// documents, so directory URLs are rewritten to the index.html the site publishes for every directory:
//   /en/           -> /en/index.html
//   /en            -> /en/index.html   (last segment without an extension is a directory)
//   /en/feed.xml   -> unchanged
// An indicator series is published as RSS only; its former Atom and JSON Feed URLs move there for good,
// so feed readers that subscribed to them follow the redirect instead of losing the series:
//   /en/indicators/gdp/chengdu/atom.xml -> 301 /en/indicators/gdp/chengdu/feed.xml
// Plain script, no exports: CloudFront calls the global `handler`; the stack test evaluates this same text.
var FORMER_SERIES_FEED = /^(\/(?:zh|en)\/indicators\/[^/]+\/[^/]+\/)(?:atom\.xml|feed\.json)$/;

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var moved = FORMER_SERIES_FEED.exec(uri);
  if (moved) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: moved[1] + 'feed.xml' } } };
  }
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = uri + '/index.html';
  }
  return request;
}
