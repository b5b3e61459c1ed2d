import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiResult,
  AuthStore,
  UpdateWorkspaceDocument,
  UpdateWorkspaceInput,
  ViewerWorkspaceFragment,
  attempt,
  required,
} from '@accord/web/shared/data-access';

/**
 * The admin's changes to the workspace's name, time zone and reporting currency. A saved change goes into the
 * session at once, so the frame's name, the dates' time zone and new amounts' currency follow without a reload.
 */
@Injectable()
export class WorkspaceSettingsStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);

  /** The workspace as the session knows it. */
  readonly workspace = this.auth.workspace;

  async save(input: UpdateWorkspaceInput): Promise<ApiResult<ViewerWorkspaceFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: UpdateWorkspaceDocument, variables: { input } }),
      );
      return required(answer.data?.updateWorkspace);
    });
    if (result.ok) this.auth.setWorkspace(result.value);
    return result;
  }
}
