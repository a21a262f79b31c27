// Stands in for source-map in bundles. Handlebars uses it only to map compiled templates back to their
// source when asked to (we never ask); without it Handlebars builds the same code with its own string builder.
module.exports = {};
