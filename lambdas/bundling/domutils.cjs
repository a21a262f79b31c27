// Stands in for domutils in bundles. htmlparser2 loads it for its DOM helpers (and, through it, dom-serializer
// and the entity encoder); sanitize-html uses only htmlparser2's streaming Parser, which never reaches them.
module.exports = {};
