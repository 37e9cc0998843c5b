import path from 'node:path';

/**
 * Where the store lives when the user gives no `--db`: `$CROSSCHECK_DB` when set (a file path or a
 * `postgresql://` URL, so a team points every command at its shared database once), else
 * `$XDG_DATA_HOME/crosscheck/crosscheck.db`, or
 * `~/.local/share/crosscheck/crosscheck.db` when the variable is unset, empty or relative (the XDG
 * base directory specification says to ignore relative values). Takes the environment and home
 * directory as inputs so it stays testable.
 */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const configured = env.CROSSCHECK_DB?.trim();
  if (configured !== undefined && configured !== '') return configured;
  const dataHome = env.XDG_DATA_HOME;
  const base =
    dataHome !== undefined && dataHome !== '' && path.isAbsolute(dataHome)
      ? dataHome
      : path.join(homedir, '.local', 'share');
  return path.join(base, 'crosscheck', 'crosscheck.db');
}
