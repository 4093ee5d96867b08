/** What every listener gets: the app's deps plus the per-app helpers built once in registerListeners. */
import type { AppDeps } from '../app.js';
import type { UseCaseDeps } from '../usecases/deps.js';
import type { LocaleResolver } from './locale.js';

export type ListenerDeps = AppDeps & {
  locales: LocaleResolver;
};

export const useCaseDeps = (deps: ListenerDeps): UseCaseDeps => ({
  db: deps.database.db,
  config: deps.config,
});
