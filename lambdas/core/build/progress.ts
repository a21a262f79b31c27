import type { SiteStore } from '../ports';
import type { PlannedFile } from '../render/outputFormats';

/** How far a build is: told the planned total once, then each file rendered and each file written. */
export interface BuildProgress {
  planned(total: number): void;
  rendered(): void;
  written(): void;
  done(): void;
}

/** The planned files (cheap: nothing is rendered yet), each reporting when it renders. */
export function trackRendering(files: Iterable<PlannedFile>, progress: BuildProgress): PlannedFile[] {
  const tracked = [...files].map((file) => ({
    ...file,
    render: () => {
      const body = file.render();
      progress.rendered();
      return body;
    },
  }));
  progress.planned(tracked.length);
  return tracked;
}

/** A store that reports every finished write. */
export function trackWrites(store: SiteStore, progress: BuildProgress): SiteStore {
  return {
    description: store.description,
    put: async (file) => {
      await store.put(file);
      progress.written();
    },
    delete: (path) => store.delete(path),
    read: (path) => store.read(path),
  };
}
