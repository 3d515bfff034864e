import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  INDEX_SHAPING_PACKAGES,
  installedVersions,
  pipelineFingerprint,
  pipelineFingerprintWith,
  snapshotKey,
} from '../../src/desk/snapshot-key.ts';

const CORPUS_HASH = 'a'.repeat(64);
const GAZETTEER = Buffer.from('{}');

describe('the snapshot key and the packages that shape the index', () => {
  it('reads each package version from the installed package.json', async () => {
    const versions = await installedVersions();
    for (const name of INDEX_SHAPING_PACKAGES) {
      const manifest = JSON.parse(await readFile(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
      expect(versions[name]).toBe(manifest.version);
    }
  });

  it('is the installed versions’ key by default', async () => {
    const installed = await pipelineFingerprintWith(await installedVersions());
    expect(await snapshotKey(CORPUS_HASH, GAZETTEER)).toBe(await snapshotKey(CORPUS_HASH, GAZETTEER, installed));
    expect(await pipelineFingerprint()).toBe(installed);
  });

  it.each(INDEX_SHAPING_PACKAGES)('changes when %s is upgraded, so a snapshot built with the old one is rebuilt', async (name) => {
    const installed = await installedVersions();
    const upgraded = { ...installed, [name]: `${installed[name]}-next` };
    const before = await snapshotKey(CORPUS_HASH, GAZETTEER, await pipelineFingerprintWith(installed));
    const after = await snapshotKey(CORPUS_HASH, GAZETTEER, await pipelineFingerprintWith(upgraded));
    expect(after).not.toBe(before);
  });
});

describe('package.json', () => {
  it('pins minisearch exactly: search reads its internals, so an upgrade must be a deliberate change', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['minisearch']).toMatch(/^\d+\.\d+\.\d+$/u);
  });
});
