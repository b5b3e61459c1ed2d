import { Injectable } from '@nestjs/common';

import { WorkspaceSettings, WorkspacesRepository } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { isTimeZone } from '@accord/domain/dashboard';
import { isCurrencyCode } from '@accord/domain/pipeline';

import { UpdateWorkspaceInput } from './dto/workspace.inputs';
import { Workspace, toWorkspace } from './models/workspace.model';

/**
 * The workspace's own settings: its name, the time zone its periods are cut in, and the one currency its amounts
 * are in. A new time zone makes the dashboard recount its days there (the rollup job rebuilds on its next pass).
 */
@Injectable()
export class WorkspaceSettingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
  ) {}

  async update(actor: AuthMember, input: UpdateWorkspaceInput): Promise<Workspace> {
    const settings = settingsOf(input);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const workspace = await this.workspaces.lock(manager, actor.workspaceId);
      if (!workspace) throw AppError.notFound('No such workspace.');
      if (settings.currency && settings.currency !== workspace.currency) {
        const others = await this.workspaces.amountsInOtherCurrencies(manager, settings.currency);
        if (others.length > 0)
          throw AppError.conflict(
            // A sentence for the settings' alert, not a field's problem: no value of the field would do now.
            `The workspace has amounts in ${others
              .map(
                (other) =>
                  `${other.currency} (${other.opportunities} ${other.opportunities === 1 ? 'opportunity' : 'opportunities'})`,
              )
              .join(
                ', ',
              )}; a workspace reports in one currency, so change it before amounts are recorded or ` +
              `once they are all in ${settings.currency}`,
          );
      }
      await this.workspaces.update(manager, workspace.id, settings);
      return toWorkspace({ ...workspace, ...settings });
    });
  }
}

function settingsOf(input: UpdateWorkspaceInput): WorkspaceSettings {
  const settings: WorkspaceSettings = {};
  if (input.name !== undefined && input.name !== null) {
    const name = input.name.trim();
    if (!name)
      throw AppError.badInput('name: must not be blank', [{ field: 'name', message: 'must not be blank' }]);
    settings.name = name;
  }
  if (input.timeZone !== undefined && input.timeZone !== null) {
    if (!isTimeZone(input.timeZone))
      throw AppError.badInput(`timeZone: "${input.timeZone}" is not an IANA time zone such as Europe/Paris`, [
        { field: 'timeZone', message: 'not an IANA time zone such as Europe/Paris' },
      ]);
    settings.timeZone = input.timeZone;
  }
  if (input.currency !== undefined && input.currency !== null) {
    if (!isCurrencyCode(input.currency))
      throw AppError.badInput(`currency: "${input.currency}" is not a currency code (ISO 4217), e.g. EUR`, [
        { field: 'currency', message: 'is not a currency code (ISO 4217), e.g. EUR' },
      ]);
    settings.currency = input.currency;
  }
  return settings;
}
