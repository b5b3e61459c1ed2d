import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { AgreementDocument } from '@accord/domain/agreement';

import { AgreementsRepository } from './agreements.repository';

export interface PublishedVersion {
  id: string;
  number: number;
  document: AgreementDocument;
}

/**
 * Published versions by id. A published version never changes, so each is read once per process, whatever
 * scores, routes or decides under it. Ids are unique across workspaces, and each is first read through a
 * workspace's own transaction, so the cache cannot hand one workspace's version to another.
 */
@Injectable()
export class PublishedDocuments {
  private readonly versions = new Map<string, PublishedVersion>();

  constructor(private readonly agreements: AgreementsRepository) {}

  async version(manager: EntityManager, versionId: string): Promise<PublishedVersion> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const version = await this.agreements.findById(manager, versionId);
    if (!version || version.status !== 'PUBLISHED')
      throw new Error(`version ${versionId} is not a published version`);
    const published = { id: version.id, number: version.number, document: version.document };
    this.versions.set(versionId, published);
    return published;
  }

  async document(manager: EntityManager, versionId: string): Promise<AgreementDocument> {
    return (await this.version(manager, versionId)).document;
  }
}
