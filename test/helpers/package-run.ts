import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One id per `vitest run`, so the packaging tests pack the package once per run, whichever file comes first. */
    packageRunId: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('packageRunId', `${process.pid}-${Date.now()}`);
}
