// The product's heap bound, wherever it runs: `npm start`, the tests' and benchmarks' launchers, and
// docker/Dockerfile (which repeat the flag; keep them equal). Every bulk path streams, so the live heap stays
// small; without a bound V8 lets garbage pile up to several hundred MB before a full collection, since this
// machine's default limit is over 4 GB (docs/operations.md, "Memory").
const PRODUCT_HEAP_ARGS = ['--max-old-space-size=512'];

module.exports = { PRODUCT_HEAP_ARGS };
