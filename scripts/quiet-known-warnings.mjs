// restify 11 pulls in spdy, which touches process.binding('http_parser') at load (DEP0111).
// It is harmless and known (see shared/STACK.md); hide that one warning so real ones stand out.
const emit = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1];
  if (code === 'DEP0111') return;
  return emit.call(process, warning, ...rest);
};
