/**
 * The order the stack and browser files start in. Two run at a time, and a
 * long file that starts last runs alone at the end while the other core
 * idles: on a fresh clone vitest has no timings yet and starts the larger
 * files first, so the chaos run (a small file, about 45 s) started last and
 * was the suite's tail. Here every file of a group whose files all have a
 * typical duration starts heaviest first, whatever its project, by vitest's own
 * timing of the last run where it has one and by that typical duration
 * where not. Other groups keep vitest's order.
 */

import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A sequencer class for `sequence.sequencer`, given typical seconds per file (paths from the root). */
export function heaviestFirst(typicalSeconds: Readonly<Record<string, number>>) {
  return class HeaviestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const base = await super.sort(files);
      const root = this.ctx.config.root;
      const path = (spec: TestSpecification) => relative(root, spec.moduleId).replaceAll('\\', '/');
      const typical = (spec: TestSpecification) => typicalSeconds[path(spec)];
      const expectedMs = (spec: TestSpecification) =>
        this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`)?.duration ??
        (typical(spec) ?? 0) * 1000;
      const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
      const fullyTypical = new Set(
        base
          .map(group)
          .filter((order) =>
            base.every((spec) => group(spec) !== order || typical(spec) !== undefined),
          ),
      );
      return [...base].sort((a, b) => {
        const byGroup = group(a) - group(b);
        if (byGroup !== 0) return byGroup;
        // Array sort is stable: a group without typical durations keeps vitest's order.
        return fullyTypical.has(group(a)) ? expectedMs(b) - expectedMs(a) : 0;
      });
    }
  };
}
