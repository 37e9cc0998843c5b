// Registered with `node --import`: reports every package a process resolves, one `package <name>` line
// on stderr, so a test can see which dependencies a command loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (!/^(?:[.]|node:|file:|data:)/.test(specifier) && !specifier.startsWith('/'))
    process.stderr.write('package ' + specifier + '\\n');
  return next(specifier, context);
}`)}`,
);
